#include "readers/plugins/titles_from_headings.h"

#include "ir/walk.h"
#include "readers/markdown/markdown.h"
#include "readers/placeholders.h"

namespace blogconv::readers {

namespace {

// Ruby's \s: space, tab, line feed, vertical tab, form feed, carriage return.
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::string_view rest_of_line(std::string_view t, std::size_t from) {
    std::size_t eol = t.find('\n', from);
    return t.substr(from, eol == std::string_view::npos ? std::string_view::npos : eol - from);
}

const ir::Value* option(const ir::Value& site_config, const char* key) {
    const ir::Value* settings = site_config.find("titles_from_headings");
    return settings && settings->is_object() ? settings->find(key) : nullptr;
}

}  // namespace

std::optional<std::string> leading_heading(std::string_view body) {
    std::size_t i = 0;
    while (i < body.size() && space(body[i])) ++i;
    // ATX: one to three `#`, white space (line breaks too, as \s+), then the rest of that line.
    std::size_t hashes = 0;
    while (i + hashes < body.size() && body[i + hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 3 && i + hashes < body.size() && space(body[i + hashes])) {
        std::size_t j = i + hashes;
        while (j < body.size() && space(body[j])) ++j;
        return std::string(rest_of_line(body, j));
    }
    // Setext: the line, then (after an optional \r) a line of `-` and `=` with only white space
    // after them. (With no heading at the first text, the pattern could still start on a blank
    // line before it and take an empty heading over a `---` line; a body does not start so.)
    std::string_view line = rest_of_line(body, i);
    std::size_t next = i + line.size() + 1;
    if (next > body.size()) return std::nullopt;
    if (line.ends_with('\r')) line.remove_suffix(1);
    std::string_view under = rest_of_line(body, next);
    std::size_t k = 0;
    while (k < under.size() && (under[k] == '-' || under[k] == '=')) ++k;
    if (k == 0) return std::nullopt;
    for (std::size_t m = k; m < under.size(); ++m)
        if (!space(under[m])) return std::nullopt;
    return std::string(line);
}

std::string heading_title(std::string_view heading, MarkdownInput input) {
    // markdownify, then strip_html: the text the rendered heading shows. (Jekyll's title keeps
    // kramdown's entities, `&rsquo;`, which its layouts print as the character; the IR holds the
    // character.)
    MarkdownOptions md;
    md.input = input;
    Placeholders placeholders;
    std::vector<ir::Diagnostic> ignored;
    ir::Blocks blocks = parse_markdown(heading, md, placeholders, ignored);
    std::string text;
    ir::for_each_block(blocks, [&](const ir::Block& b) {
        if (const auto* p = std::get_if<ir::Paragraph>(&b.node)) text += ir::plain_text(p->children) + " ";
        else if (const auto* h = std::get_if<ir::Heading>(&b.node)) text += ir::plain_text(h->children) + " ";
    });
    // normalize_whitespace.
    std::string normal;
    for (char c : text) {
        if (space(c)) {
            if (!normal.empty() && normal.back() != ' ') normal += ' ';
        } else {
            normal += c;
        }
    }
    while (!normal.empty() && normal.back() == ' ') normal.pop_back();
    // EXTRA_MARKUP_REGEX: `[^` up to the next `]`.
    std::string out;
    for (std::size_t i = 0; i < normal.size(); ++i) {
        if (normal.compare(i, 2, "[^") == 0) {
            std::size_t close = normal.find(']', i + 2);
            if (close != std::string::npos) {
                i = close;
                continue;
            }
        }
        out += normal[i];
    }
    return out;
}

bool titles_from_headings_apply(const ir::Value& site_config, bool is_page, bool markdown_source, bool title_written) {
    if (!markdown_source) return false;
    if (const ir::Value* e = option(site_config, "enabled"); e && e->is_bool() && !e->as_bool()) return false;
    if (is_page) return !title_written;
    const ir::Value* c = option(site_config, "collections");
    return c && c->is_bool() && c->as_bool();
}

}  // namespace blogconv::readers
