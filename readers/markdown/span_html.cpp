#include "readers/markdown/span_html.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "ir/walk.h"

namespace blogconv::readers::markdown {

namespace {

// kramdown's HTML_BLOCK_ELEMENTS: their tags are text in span-level content.
bool block_element(std::string_view name) {
    static constexpr std::string_view names[] = {
        "address", "article", "aside", "applet", "body", "blockquote", "caption", "col",    "colgroup",
        "dd",      "div",     "dl",    "dt",     "fieldset", "figcaption", "footer", "form",  "h1",
        "h2",      "h3",      "h4",    "h5",     "h6",       "header",     "hgroup", "hr",    "html",
        "head",    "iframe",  "legend", "menu",  "li",       "main",       "map",    "nav",   "ol",
        "optgroup", "p",      "pre",   "section", "summary", "table",      "tbody",  "td",    "th",
        "thead",   "tfoot",   "tr",    "ul"};
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// kramdown's HTML_ELEMENTS_WITHOUT_BODY: no end tag to wait for.
bool void_element(std::string_view name) {
    static constexpr std::string_view names[] = {"area",  "base",   "br",   "col",  "command", "embed", "hr", "img",
                                                 "input", "keygen", "link", "meta", "param",   "source", "track", "wbr"};
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

struct Tag {
    bool end = false;
    bool self_closing = false;
    std::string name;  // lower case
};

// The tag a RawInline holds, when it is a start or end tag (not a comment or declaration).
bool parse_tag(std::string_view html, Tag& tag) {
    if (html.size() < 3 || html[0] != '<' || html.back() != '>') return false;
    std::size_t p = 1;
    tag.end = html[p] == '/';
    if (tag.end) ++p;
    if (p >= html.size() || !std::isalpha(static_cast<unsigned char>(html[p]))) return false;
    tag.name.clear();
    while (p < html.size() && (std::isalnum(static_cast<unsigned char>(html[p])) || html[p] == '-' || html[p] == ':'))
        tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[p++])));
    tag.self_closing = html.size() >= 2 && html[html.size() - 2] == '/';
    return true;
}

// One paragraph's inlines in document order (into emphasis, links, …), with the open elements.
void walk(ir::Inlines& in, std::vector<std::string>& open) {
    for (auto& node : in) {
        if (auto* r = std::get_if<ir::RawInline>(&node.node); r && r->format == "html") {
            Tag tag;
            if (!parse_tag(r->text, tag)) continue;
            bool text = false;
            if (tag.end) {
                if (!open.empty() && open.back() == tag.name) open.pop_back();
                else text = true;
            } else if (block_element(tag.name)) {
                text = true;
            } else if (!tag.self_closing && !void_element(tag.name)) {
                open.push_back(tag.name);
            }
            if (text) node = ir::Inline(ir::Text{r->text});
            continue;
        }
        ir::visit(ir::overloaded{[&](ir::Emphasis& x) { walk(x.children, open); },
                                  [&](ir::Strong& x) { walk(x.children, open); },
                                  [&](ir::Strikethrough& x) { walk(x.children, open); },
                                  [&](ir::Link& x) { walk(x.children, open); }, [](auto&) {}},
                   node);
    }
}

void run(ir::Inlines& in) {
    std::vector<std::string> open;
    walk(in, open);
    // A tag made text may now sit beside text: merge them, as the IR keeps text runs whole.
    ir::Inlines out;
    for (auto& node : in) {
        if (auto* t = std::get_if<ir::Text>(&node.node); t && !out.empty())
            if (auto* prev = std::get_if<ir::Text>(&out.back().node)) {
                prev->text += t->text;
                continue;
            }
        out.push_back(std::move(node));
    }
    in = std::move(out);
}

}  // namespace

void span_html_rules(ir::Blocks& blocks) {
    ir::for_each_block(blocks, [](ir::Block& b) {
        std::visit(ir::overloaded{[](ir::Paragraph& x) { run(x.children); }, [](ir::Heading& x) { run(x.children); },
                                  [](ir::Table& x) {
                                      for (auto* rows : {&x.head, &x.body})
                                          for (auto& row : *rows)
                                              for (auto& cell : row) run(cell.children);
                                  },
                                  [](auto&) {}},
                   b.node);
    });
}

}  // namespace blogconv::readers::markdown
