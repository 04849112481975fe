#include "readers/body_pipeline.h"

#include <string>

#include "readers/liquid/liquid.h"
#include "readers/markdown/markdown.h"
#include "readers/placeholders.h"

namespace blogconv::readers {

namespace {

// Jekyll appends the document's reference-link definitions to an excerpt that was cut before
// them, so that `[text][ref]` in the first paragraph still links (Jekyll::Excerpt#extract_excerpt).
std::string reference_definitions(std::string_view text) {
    std::string defs;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        std::string_view line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        std::size_t i = 0;
        while (i < line.size() && i < 3 && line[i] == ' ') ++i;
        if (i < line.size() && line[i] == '[') {
            std::size_t close = line.find("]:", i + 1);
            if (close != std::string_view::npos && close > i + 1 && close + 2 < line.size()) {
                defs += line;
                defs += '\n';
            }
        }
        if (eol == std::string_view::npos) break;
        pos = eol + 1;
    }
    return defs;
}

// A document that is not Markdown (.html) keeps its body as raw HTML, as Jekyll does; tokens
// Liquid left in it go back to their source text.
ir::Blocks raw_html_body(const std::string& text, const Placeholders& placeholders) {
    std::string out;
    std::size_t from = 0;
    while (auto f = Placeholders::find(text, from)) {
        out.append(text, from, f->offset - from);
        out += placeholders.original_text(f->index);
        from = f->offset + f->length;
    }
    out.append(text, from, std::string::npos);
    if (out.find_first_not_of(" \t\r\n") == std::string::npos) return {};
    return {ir::Block(ir::RawBlock{"html", out})};
}

}  // namespace

RenderedBody render_body(std::string_view text, const BodyContext& context, std::vector<ir::Diagnostic>& diagnostics) {
    Placeholders placeholders;
    std::string source = context.render_liquid ? render_liquid(text, context, placeholders, diagnostics)
                                               : std::string(text);

    // The excerpt is cut from the rendered text at the separator (Jekyll's default "\n\n" makes it
    // the first paragraph) and parsed on its own.
    std::string excerpt_source;
    bool has_excerpt = false;
    if (!context.excerpt_separator.empty()) {
        std::size_t cut = source.find(context.excerpt_separator);
        if (cut != std::string::npos) {
            excerpt_source = source.substr(0, cut);
            std::string defs = reference_definitions(std::string_view(source).substr(cut));
            if (!defs.empty()) excerpt_source += "\n\n" + defs;
            has_excerpt = true;
        }
    }

    RenderedBody out;
    if (!context.markdown) {
        out.body = raw_html_body(source, placeholders);
        out.excerpt = has_excerpt ? raw_html_body(excerpt_source, placeholders) : out.body;
        return out;
    }

    MarkdownOptions md;
    md.path = context.path;
    md.first_line = context.first_line;
    md.input = context.input;
    md.auto_ids = context.auto_ids;
    out.body = parse_markdown(source, md, placeholders, diagnostics);
    if (has_excerpt) {
        // Diagnostics for the excerpt were already reported for the body: do not repeat them.
        std::vector<ir::Diagnostic> ignored;
        out.excerpt = parse_markdown(excerpt_source, md, placeholders, ignored);
    } else {
        out.excerpt = out.body;
    }
    apply_body_plugins(context.plugins, out.body, context.folder, context.links);
    apply_body_plugins(excerpt_plugins(context.plugins), out.excerpt, context.folder, context.links);
    return out;
}

}  // namespace blogconv::readers
