// kramdown's emphasis rule (readers/markdown/kramdown_emphasis.h), checked against kramdown itself.
//
// tests/data/kramdown-emphasis.tsv is kramdown's answer (GFM input, as Jekyll reads Markdown) for
// some five thousand paragraphs of delimiters among letters, digits, punctuation, CJK text,
// spaces, escapes, code spans and links, made by scripts/truth/kramdown-emphasis.rb. Every row
// must come out as kramdown's HTML.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "readers/markdown/markdown.h"
#include "tests/test_support.h"

using namespace blogconv;
using namespace blogconv::readers;

namespace {

// The HTML kramdown writes for the inline kinds the table holds.
void html(const ir::Inlines& inlines, std::string& out) {
    for (const auto& in : inlines) {
        ir::visit(ir::overloaded{[&](const ir::Text& x) { out += x.text; },
                                 [&](const ir::Emphasis& x) {
                                     out += "<em>";
                                     html(x.children, out);
                                     out += "</em>";
                                 },
                                 [&](const ir::Strong& x) {
                                     out += "<strong>";
                                     html(x.children, out);
                                     out += "</strong>";
                                 },
                                 [&](const ir::Code& x) { out += "<code>" + x.text + "</code>"; },
                                 [&](const ir::Link& x) {
                                     out += "<a href=\"" + x.url + "\">";
                                     html(x.children, out);
                                     out += "</a>";
                                 },
                                 [&](const ir::SoftBreak&) { out += "\n"; },
                                 [&](const auto&) { out += "<?>"; }},
                   in);
    }
}

std::string paragraph_html(std::string_view md) {
    Placeholders ph;
    std::vector<ir::Diagnostic> diags;
    MarkdownOptions o;
    o.input = MarkdownInput::gfm;
    ir::Blocks blocks = parse_markdown(md, o, ph, diags);
    if (blocks.size() != 1) return "<not one block>";
    const auto* p = std::get_if<ir::Paragraph>(&blocks.front().node);
    if (!p) return "<not a paragraph>";
    std::string out;
    html(p->children, out);
    return out;
}

}  // namespace

TEST_CASE("emphasis delimiters pair as kramdown pairs them") {
    const auto path = std::filesystem::path(BLOGCONV_SOURCE_DIR) / "tests/data/kramdown-emphasis.tsv";
    std::size_t rows = 0;
    std::vector<std::string> differences;
    std::istringstream table(test::read_file(path));
    for (std::string line; std::getline(table, line);) {
        const std::size_t tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        const std::string input = line.substr(0, tab);
        const std::string kramdown = line.substr(tab + 1);
        const std::string ours = paragraph_html(input);
        ++rows;
        if (ours != kramdown) differences.push_back(input + "\tkramdown " + kramdown + "\tours " + ours);
    }
    CHECK(rows == 5532);
    std::string shown;
    for (std::size_t k = 0; k < differences.size() && k < 40; ++k) shown += differences[k] + "\n";
    INFO(differences.size(), " differences, the first:\n", shown);
    CHECK(differences.empty());
}

TEST_CASE("delimiters that are not emphasis keep their meaning elsewhere") {
    // A list marker and a thematic break are block syntax; code, URLs and HTML keep `*` and `_`.
    CHECK(paragraph_html("a_b_c `x_y_z` [l_1_](http://e.com/a_b_c) <span class=\"a_b\">t</span>") ==
          "a_b_c <code>x_y_z</code> <a href=\"http://e.com/a_b_c\">l_1_</a> <?>t<?>");
    Placeholders ph;
    std::vector<ir::Diagnostic> diags;
    MarkdownOptions o;
    ir::Blocks blocks = parse_markdown("* a *b*\n\n***\n\n    x *y*\n", o, ph, diags);
    REQUIRE(blocks.size() == 3);
    const auto* list = std::get_if<ir::List>(&blocks[0].node);
    REQUIRE(list);
    REQUIRE(list->items.size() == 1);
    REQUIRE(list->items[0].children.size() == 1);
    const auto* item = std::get_if<ir::Paragraph>(&list->items[0].children[0].node);
    REQUIRE(item);
    std::string item_html;
    html(item->children, item_html);
    CHECK(item_html == "a <em>b</em>");
    CHECK(std::holds_alternative<ir::ThematicBreak>(blocks[1].node));
    const auto* code = std::get_if<ir::CodeBlock>(&blocks[2].node);
    REQUIRE(code);
    CHECK(code->text == "x *y*\n");
}

TEST_CASE("table cells and headings pair delimiters as paragraphs do") {
    Placeholders ph;
    std::vector<ir::Diagnostic> diags;
    MarkdownOptions o;
    ir::Blocks blocks = parse_markdown("# MAX*-1*\n\n| a_b_ | **「中」**好 |\n|---|---|\n| c | d |\n", o, ph, diags);
    REQUIRE(blocks.size() == 2);
    const auto* heading = std::get_if<ir::Heading>(&blocks[0].node);
    REQUIRE(heading);
    std::string got;
    html(heading->children, got);
    CHECK(got == "MAX<em>-1</em>");
    const auto* table = std::get_if<ir::Table>(&blocks[1].node);
    REQUIRE(table);
    REQUIRE(table->head.size() == 1);
    REQUIRE(table->head[0].size() == 2);
    got.clear();
    html(table->head[0][0].children, got);
    got += "|";
    html(table->head[0][1].children, got);
    CHECK(got == "a_b_|<strong>「中」</strong>好");
}
