#include "readers/liquid/liquid.h"

#include "readers/liquid/evaluator.h"
#include "readers/liquid/lexer.h"
#include "readers/liquid/parser.h"

namespace blogconv::readers {

namespace {

std::string line_text(std::string_view text, int line) {
    std::size_t start = 0;
    for (int l = 1; l < line; ++l) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    std::size_t end = text.find('\n', start);
    std::string_view s = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

std::string render_liquid(std::string_view text, const BodyContext& context, Placeholders& placeholders,
                          std::vector<ir::Diagnostic>& diagnostics) {
    // Most posts hold no Liquid at all; they must cost nothing.
    if (!context.render_liquid || !liquid::may_contain_liquid(text)) return std::string(text);

    std::vector<liquid::Problem> problems;
    liquid::Nodes nodes = liquid::parse_template(text, problems);
    std::string out = liquid::evaluate(nodes, context, placeholders, problems);
    for (const liquid::Problem& p : problems) {
        diagnostics.emplace_back(p.code, p.severity, context.path, context.first_line + p.line - 1, p.col, p.message,
                                 line_text(text, p.line));
    }
    return out;
}

}  // namespace blogconv::readers
