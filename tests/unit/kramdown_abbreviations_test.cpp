// kramdown's abbreviations (`*[HTML]: Hyper Text`) as the Markdown reader reads them. Each
// expectation was checked against kramdown 2.4 as Jekyll runs it (GFM input):
// `Kramdown::Document.new(text, input: "GFM").to_html`.
#include <doctest/doctest.h>

#include "readers/markdown/markdown.h"
#include "writers/html/html_renderer.h"

using namespace blogconv;

namespace {

ir::Blocks parse(std::string_view md) {
    readers::Placeholders ph;
    std::vector<ir::Diagnostic> diags;
    readers::MarkdownOptions o;
    o.input = readers::MarkdownInput::gfm;
    return readers::parse_markdown(md, o, ph, diags);
}

std::string html(std::string_view md) { return writers::render_html(parse(md)); }

ir::Inline open(std::string tag) { return ir::RawInline{"html", std::move(tag)}; }
ir::Inline close() { return ir::RawInline{"html", "</abbr>"}; }

}  // namespace

TEST_CASE("an abbreviation becomes raw <abbr> around its text, and its definition disappears") {
    const ir::Blocks b = parse("CSS and xCSS, CSSx, _CSS, \xC3\xA9 CSS\xC3\xA9 CSS-x\n\n*[CSS]: Sheets\n");
    REQUIRE(b.size() == 1);
    const auto* p = std::get_if<ir::Paragraph>(&b[0].node);
    REQUIRE(p);
    const std::string tag = "<abbr title=\"Sheets\">";
    // Ruby's \w is ASCII: `é` is a boundary; `x` and `_` are not.
    const ir::Inlines expected = {open(tag), ir::Text{"CSS"}, close(), ir::Text{" and xCSS, CSSx, _CSS, \xC3\xA9 "},
                                  open(tag), ir::Text{"CSS"}, close(), ir::Text{"\xC3\xA9 "},
                                  open(tag), ir::Text{"CSS"}, close(), ir::Text{"-x"}};
    CHECK(p->children == expected);
}

TEST_CASE("abbreviation rules, as kramdown renders them") {
    struct Case {
        const char* name;
        const char* markdown;
        const char* html;
    };
    const Case cases[] = {
        {"the longest abbreviation first, a later definition wins", "A B and A\n\n*[A]: one\n*[A B]: two\n*[A]: three\n",
         "<p><abbr title=\"two\">A B</abbr> and <abbr title=\"three\">A</abbr></p>\n"},
        {"one starting with a non-word character, at a text's start only after one",
         "(X)HTML and x(X)HTML\n\n*[(X)HTML]: X\n", "<p><abbr title=\"X\">(X)HTML</abbr> and x(X)HTML</p>\n"},
        {"a text after emphasis starts afresh", "*a*CSS\n\n*[CSS]: S\n",
         "<p><em>a</em><abbr title=\"S\">CSS</abbr></p>\n"},
        {"no title when the definition has none; the title is escaped", "X and Y\n\n*[X]:\n*[Y]: a & \"b\" &amp; <c>\n",
         "<p><abbr>X</abbr> and <abbr title=\"a &amp; &quot;b&quot; &amp; &lt;c&gt;\">Y</abbr></p>\n"},
        {"block IALs before and after the definition give it attributes", "Z\n\n{:.a}\n*[Z]: z\n{:.b}\n",
         "<p><abbr class=\"a b\" title=\"z\">Z</abbr></p>\n"},
        {"not a definition inside a paragraph", "text\n*[T]: t\n\nT\n", "<p>text\n*[T]: t</p>\n<p>T</p>\n"},
        {"four spaces make code", "*[T]: t\n    *[U]: u\n", "<pre><code>*[U]: u\n</code></pre>\n"},
        {"code spans and image alt keep their text; links, tables and footnotes are marked",
         "`T` ![T](i.png) [T](/x)[^1]\n\n|T|b|\n|c|d|\n\n[^1]: T.\n\n*[T]: t\n",
         "<p><code>T</code> <img src=\"i.png\" alt=\"T\" /> <a href=\"/x\"><abbr title=\"t\">T</abbr></a>"
         "<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup></p>\n"
         "<table>\n<tbody>\n<tr>\n<td><abbr title=\"t\">T</abbr></td>\n<td>b</td>\n</tr>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n"
         "</tbody>\n</table>\n"
         "<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n<li id=\"fn:1\" role=\"doc-endnote\">\n"
         "<p><abbr title=\"t\">T</abbr>.&#160;<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n"
         "</li>\n</ol>\n</div>\n"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(html(c.markdown) == c.html);
    }
}
