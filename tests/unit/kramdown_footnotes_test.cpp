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
