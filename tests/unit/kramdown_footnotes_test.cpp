// kramdown's footnotes as the Markdown reader reads them, rendered by the HTML renderer. Each
// expectation was checked against kramdown 2.4 as Jekyll runs it (GFM input):
// `Kramdown::Document.new(text, input: "GFM").to_html`.
#include <doctest/doctest.h>

#include "readers/markdown/markdown.h"
#include "writers/html/html_renderer.h"

using namespace blogconv;

namespace {

std::string html(std::string_view md) {
    readers::Placeholders ph;
    std::vector<ir::Diagnostic> diags;
    readers::MarkdownOptions o;
    o.input = readers::MarkdownInput::gfm;
    return writers::render_html(readers::parse_markdown(md, o, ph, diags));
}

}  // namespace

// kramdown's converter makes a toc entry from the heading without its footnote references (whose
// ids belong to the heading) and with its links unwrapped (the entry is itself a link).
TEST_CASE("a toc entry leaves out the heading's footnote references and unwraps its links") {
    const std::string out = html("* x\n{:toc}\n\n# Head[^1] [link](/u) *e*\n\n[^1]: n\n");
    CHECK(out.substr(0, out.find("</ul>\n") + 6) ==
          "<ul id=\"markdown-toc\">\n<li><a href=\"#head-link-e\">Head link <em>e</em></a></li>\n</ul>\n");
}

// A definition's content is the rest of its line and the indented lines after it; with nothing
// after `[^x]:`, the next line starts a block, as after a blank line: a table, a math block.
TEST_CASE("a footnote definition's indented lines are read as blocks, tables and math included") {
    readers::Placeholders ph;
    std::vector<ir::Diagnostic> diags;
    readers::MarkdownOptions o;
    o.input = readers::MarkdownInput::gfm;
    const ir::Blocks b = readers::parse_markdown(
        "A[^t][^m]\n\n[^t]:\n    | a | b |\n    | c | d |\n\n[^m]:\n    $$x + 2$$\n", o, ph, diags);
    REQUIRE(b.size() == 3);
    const auto* t = std::get_if<ir::FootnoteDefinition>(&b[1].node);
    REQUIRE(t);
    REQUIRE(t->children.size() == 1);
    const auto* table = std::get_if<ir::Table>(&t->children[0].node);
    REQUIRE(table);
    CHECK(table->head.empty());
    CHECK(table->body == std::vector<ir::TableRow>{{ir::TableCell{{ir::Text{"a"}}}, ir::TableCell{{ir::Text{"b"}}}},
                                                   {ir::TableCell{{ir::Text{"c"}}}, ir::TableCell{{ir::Text{"d"}}}}});
    const auto* m = std::get_if<ir::FootnoteDefinition>(&b[2].node);
    REQUIRE(m);
    REQUIRE(m->children.size() == 1);
    const auto* p = std::get_if<ir::Paragraph>(&m->children[0].node);
    REQUIRE(p);
    CHECK(p->children == ir::Inlines{ir::Math{true, "x + 2"}});
}
