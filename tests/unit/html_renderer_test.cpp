// The shared HTML body renderer: every node kind, escaping, XHTML mode, footnotes, id prefix.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "writers/html/elements.h"
#include "writers/html/escape.h"
#include "writers/html/html_renderer.h"
#include "writers/html/raw_html.h"

using namespace blogconv;
using namespace blogconv::writers;

namespace {

ir::Blocks para(ir::Inlines in) { return {ir::Paragraph{std::move(in), {}}}; }

bool parses_as_xml(const std::string& fragment) {
    std::string wrapped = "<root>" + fragment + "</root>";
    pugi::xml_document doc;
    return static_cast<bool>(doc.load_string(wrapped.c_str()));
}

struct Case {
    const char* name;
    ir::Blocks blocks;
    std::string expected;
};

}  // namespace

TEST_CASE("every node kind renders as expected") {
    ir::Table table;
    table.alignments = {ir::Alignment::left, ir::Alignment::none, ir::Alignment::right};
    table.head = {{{{ir::Text{"a"}}}, {{ir::Text{"b"}}}, {{ir::Text{"c"}}}}};
    table.body = {{{{ir::Text{"1"}}}, {{ir::Text{"2"}}}, {{ir::Text{"3"}}}}};
    ir::List tight{false, 1, true, {{para({ir::Text{"one"}}), std::nullopt}, {para({ir::Text{"two"}}), true}}, {}};
    ir::List loose{true, 3, false, {{para({ir::Text{"x"}}), std::nullopt}}, {}};
    ir::Heading h{2, {ir::Text{"Hi"}}, {"hi", {"c1"}, {{"data-x", "1"}}}};

    const std::vector<Case> cases = {
        {"paragraph escapes text", para({ir::Text{"a < b & \"c\" > d"}}),
         "<p>a &lt; b &amp; &quot;c&quot; &gt; d</p>\n"},
        {"inline formatting",
         para({ir::Emphasis{{ir::Text{"e"}}}, ir::Strong{{ir::Text{"s"}}}, ir::Strikethrough{{ir::Text{"d"}}},
               ir::Code{"x<y", {}}}),
         "<p><em>e</em><strong>s</strong><del>d</del><code>x&lt;y</code></p>\n"},
        {"heading with attr", {h}, "<h2 id=\"hi\" class=\"c1\" data-x=\"1\">Hi</h2>\n"},
        {"code block with language",
         {ir::CodeBlock{"c++", "a<b\n", false, {}, {}}},
         "<pre><code class=\"language-c++\">a&lt;b\n</code></pre>\n"},
        {"code block without language", {ir::CodeBlock{"", "x\n", false, {}, {}}}, "<pre><code>x\n</code></pre>\n"},
        {"blockquote", {ir::BlockQuote{para({ir::Text{"q"}}), {}}}, "<blockquote>\n<p>q</p>\n</blockquote>\n"},
        {"tight list with task", {tight},
         "<ul>\n<li>one</li>\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" "
         "disabled=\"disabled\" checked=\"checked\" /> two</li>\n</ul>\n"},
        {"loose ordered list with start", {loose}, "<ol start=\"3\">\n<li><p>x</p>\n</li>\n</ol>\n"},
        {"definition list",
         {ir::DefinitionList{{{{ir::Text{"t"}}, {para({ir::Text{"d"}})}}}, {}}},
         "<dl>\n<dt>t</dt>\n<dd>d</dd>\n</dl>\n"},
        {"table with alignment", {table},
         "<table>\n<thead>\n<tr>\n<th style=\"text-align: left\">a</th>\n<th>b</th>\n<th style=\"text-align: "
         "right\">c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align: left\">1</td>\n<td>2</td>\n<td "
         "style=\"text-align: right\">3</td>\n</tr>\n</tbody>\n</table>\n"},
        {"thematic break", {ir::ThematicBreak{}}, "<hr />\n"},
        {"raw html block passes through", {ir::RawBlock{"html", "<div class=x>hi</div>"}},
         "<div class=x>hi</div>\n"},
        {"link and image",
         para({ir::Link{"/a?b=1&c=2", "t\"", {ir::Text{"l"}}, {}, ""},
               ir::Image{"i.png", "", {ir::Text{"alt <"}}, {"", {"wide"}, {}}}}),
         "<p><a href=\"/a?b=1&amp;c=2\" title=\"t&quot;\">l</a><img src=\"i.png\" alt=\"alt &lt;\" class=\"wide\" "
         "/></p>\n"},
        {"breaks", para({ir::Text{"a"}, ir::SoftBreak{}, ir::Text{"b"}, ir::HardBreak{}, ir::Text{"c"}}),
         "<p>a\nb<br />\nc</p>\n"},
        {"math", para({ir::Math{false, "a<b"}, ir::Math{true, "x"}}),
         "<p><span class=\"math\">\\(a&lt;b\\)</span><span class=\"math display\">\\[x\\]</span></p>\n"},
        {"unsupported inline is escaped code",
         para({ir::UnsupportedInline{"liquid-tag", "{% gist 1 %}", {}}}),
         "<p><code class=\"unsupported\" data-kind=\"liquid-tag\">{% gist 1 %}</code></p>\n"},
        {"unsupported block is escaped pre",
         {ir::UnsupportedBlock{"include", "{% include <x> %}", {}}},
         "<pre class=\"unsupported\" data-kind=\"include\"><code>{% include &lt;x&gt; %}</code></pre>\n"},
        {"raw of another format is unsupported", {ir::RawBlock{"liquid", "{{ x }}"}},
         "<pre class=\"unsupported\" data-kind=\"liquid\"><code>{{ x }}</code></pre>\n"},
        {"control characters removed", para({ir::Text{"a\x01\x08z"}}), "<p>az</p>\n"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(render_html(c.blocks) == c.expected);
    }
}

TEST_CASE("unsupported styles") {
    const ir::Blocks b = {ir::UnsupportedBlock{"include", "{% include a--b- %}", {}}};
    HtmlOptions o;
    o.unsupported = UnsupportedStyle::comment;
    CHECK(render_html(b, o) == "<!-- unsupported include: {% include a- -b- %} -->\n");
    o.unsupported = UnsupportedStyle::drop;
    CHECK(render_html(b, o).empty());
}

TEST_CASE("footnotes are numbered by first reference, kramdown-style") {
    ir::Blocks b = para({ir::Text{"x"}, ir::FootnoteReference{"note"}, ir::FootnoteReference{"1"},
                         ir::FootnoteReference{"note"}, ir::FootnoteReference{"missing"}});
    b.push_back(ir::FootnoteDefinition{"1", para({ir::Text{"one"}})});
    b.push_back(ir::FootnoteDefinition{"note", para({ir::Text{"n"}})});
    const std::string html = render_html(b);
    CHECK(html.find("<sup id=\"fnref:note\" role=\"doc-noteref\"><a href=\"#fn:note\" class=\"footnote\" "
                    "rel=\"footnote\">1</a></sup>") != std::string::npos);
    CHECK(html.find("<a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">2</a>") != std::string::npos);
    CHECK(html.find("id=\"fnref:note:1\"") != std::string::npos);
    CHECK(html.find("[^missing]") != std::string::npos);
    const auto section = html.find("<div class=\"footnotes\" role=\"doc-endnotes\">");
    REQUIRE(section != std::string::npos);
    // (Was `find(…) > section`, which npos passed: the expected text had a plain space.)
    const auto note = html.find("<li id=\"fn:note\" role=\"doc-endnote\">\n<p>n&#160;<a href=\"#fnref:note\" "
                                "class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a>&#160;<a href=\"#fnref:note:1\" "
                                "class=\"reversefootnote\" role=\"doc-backlink\">&#8617;<sup>2</sup></a></p>");
    REQUIRE(note != std::string::npos);
    CHECK(note > section);
    CHECK(html.find("<li id=\"fn:note\"") < html.find("<li id=\"fn:1\""));
}

// kramdown's converter gives a footnote one back-link per reference: `fnref:NAME`, then
// `fnref:NAME:1`, `fnref:NAME:2` with ↩² ↩³ (checked with kramdown 2.4 as Jekyll runs it).
TEST_CASE("a footnote referenced several times gets a back-link to each reference") {
    ir::Blocks b = para({ir::Text{"a"}, ir::FootnoteReference{"ab"}, ir::Text{" b"}, ir::FootnoteReference{"ab"},
                         ir::Text{" c"}, ir::FootnoteReference{"ab"}});
    b.push_back(ir::FootnoteDefinition{"ab", para({ir::Text{"Some text."}})});
    b.push_back(ir::FootnoteDefinition{"q", {ir::BlockQuote{para({ir::Text{"q"}}), {}}}});
    b.push_back(ir::Block(ir::Paragraph{{ir::FootnoteReference{"q"}, ir::FootnoteReference{"q"}}, {}}));
    const std::string ref = "role=\"doc-noteref\"><a href=\"#fn:ab\" class=\"footnote\" rel=\"footnote\">1</a></sup>";
    const std::string back = "class=\"reversefootnote\" role=\"doc-backlink\">&#8617;";
    CHECK(render_html(b) ==
          "<p>a<sup id=\"fnref:ab\" " + ref + " b<sup id=\"fnref:ab:1\" " + ref + " c<sup id=\"fnref:ab:2\" " + ref +
              "</p>\n"
              "<p><sup id=\"fnref:q\" role=\"doc-noteref\"><a href=\"#fn:q\" class=\"footnote\" rel=\"footnote\">2</a></sup>"
              "<sup id=\"fnref:q:1\" role=\"doc-noteref\"><a href=\"#fn:q\" class=\"footnote\" rel=\"footnote\">2</a></sup></p>\n"
              "<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n<li id=\"fn:ab\" role=\"doc-endnote\">\n"
              "<p>Some text.&#160;<a href=\"#fnref:ab\" " + back + "</a>&#160;<a href=\"#fnref:ab:1\" " + back +
              "<sup>2</sup></a>&#160;<a href=\"#fnref:ab:2\" " + back + "<sup>3</sup></a></p>\n</li>\n"
              "<li id=\"fn:q\" role=\"doc-endnote\">\n<blockquote>\n<p>q</p>\n</blockquote>\n"
              "<p><a href=\"#fnref:q\" " + back + "</a>&#160;<a href=\"#fnref:q:1\" " + back + "<sup>2</sup></a></p>\n"
              "</li>\n</ol>\n</div>\n");
}

// kramdown puts the back-link into the note's last block only when that is a paragraph; a
// paragraph holding nothing but display math is kramdown's math block, so the link gets its own.
TEST_CASE("a footnote ending in display math gets its back-link in a paragraph of its own") {
    ir::Blocks b = para({ir::FootnoteReference{"m"}});
    b.push_back(ir::FootnoteDefinition{"m", para({ir::Math{true, "x"}})});
    CHECK(render_html(b).substr(render_html(b).find("<li")) ==
          "<li id=\"fn:m\" role=\"doc-endnote\">\n<p><span class=\"math display\">\\[x\\]</span></p>\n"
          "<p><a href=\"#fnref:m\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n</li>\n</ol>\n</div>\n");
}

TEST_CASE("id prefix applies to ids and fragment links, not to other links") {
    ir::Blocks b = {ir::Heading{1, {ir::Text{"H"}}, {"h", {}, {}}}};
    auto p = para({ir::Link{"#h", "", {ir::Text{"self"}}, {}, ""}, ir::Link{"/x#h", "", {ir::Text{"o"}}, {}, ""},
                   ir::FootnoteReference{"1"}});
    b.insert(b.end(), p.begin(), p.end());
    b.push_back(ir::FootnoteDefinition{"1", para({ir::Text{"f"}})});
    HtmlOptions o;
    o.id_prefix = "ch3-";
    const std::string html = render_html(b, o);
    CHECK(html.find("<h1 id=\"ch3-h\">") != std::string::npos);
    CHECK(html.find("href=\"#ch3-h\"") != std::string::npos);
    CHECK(html.find("href=\"/x#h\"") != std::string::npos);
    CHECK(html.find("id=\"ch3-fnref:1\"") != std::string::npos);
    CHECK(html.find("href=\"#ch3-fn:1\"") != std::string::npos);
    CHECK(html.find("<li id=\"ch3-fn:1\"") != std::string::npos);
}

TEST_CASE("the URL rewriter sees IR links, images and raw HTML URLs, with the target document") {
    std::vector<std::string> seen;
    HtmlOptions o;
    o.rewrite_url = [&](const std::string& u, const std::string& target) {
        seen.push_back(u + "|" + target);
        return "https://x.org/" + u;
    };
    ir::Blocks b = para({ir::Link{"a.html", "", {ir::Text{"l"}}, {}, "_posts/2020-01-01-a.md"},
                         ir::Image{"i.png", "", {}, {}}});
    b.push_back(ir::RawBlock{"html", "<img src='r.png' srcset=\"s1.png 1x, s2.png 2x\"><a href=q>q</a>"});
    const std::string html = render_html(b, o);
    CHECK(seen == std::vector<std::string>{"a.html|_posts/2020-01-01-a.md", "i.png|", "r.png|", "s1.png|", "s2.png|",
                                           "q|"});
    // Hooks that keep every element see the same URLs, each rewritten once, and change nothing.
    seen.clear();
    o.element = [](const HtmlElement&) { return std::optional<std::string>(); };
    o.heading_end = [](const std::string&) { return std::string("#"); };
    CHECK(render_html(b, o) == html);
    CHECK(seen == std::vector<std::string>{"a.html|_posts/2020-01-01-a.md", "i.png|", "r.png|", "s1.png|", "s2.png|",
                                           "q|"});
    // A rewritten value is written anew, escaped in double quotes (it may hold the site's `url:`).
    CHECK(html.find("<img src=\"https://x.org/r.png\" srcset=\"https://x.org/s1.png 1x, https://x.org/s2.png 2x\">") !=
          std::string::npos);
    CHECK(html.find("<a href=\"https://x.org/q\">q</a>") != std::string::npos);
}

TEST_CASE("xhtml mode gives well-formed XML for hostile raw HTML") {
    struct RawCase {
        const char* name;
        ir::Blocks blocks;
        const char* must_contain;  // "" = only well-formedness
    };
    const std::vector<RawCase> cases = {
        {"void elements and boolean attributes",
         {ir::RawBlock{"html", "<p>a<br>b<img src=x.png alt=y><video controls></video></p>"}},
         "<video controls=\"controls\">"},
        {"named entities become numeric", {ir::RawBlock{"html", "<p>a&nbsp;b &copy; &bogus; & &amp;</p>"}},
         "a&#160;b &#169; &amp;bogus; &amp; &amp;"},
        {"unbalanced block is escaped as text", {ir::RawBlock{"html", "<div><span>"}}, "&lt;div&gt;"},
        {"open and close in separate blocks stay markup",
         {ir::RawBlock{"html", "<div class=\"note\">"}, ir::Paragraph{{ir::Text{"md"}}, {}}, ir::RawBlock{"html", "</div>"}},
         "<div class=\"note\">"},
        {"inline raw html in a paragraph", para({ir::RawInline{"html", "<kbd>"}, ir::Text{"C"}, ir::RawInline{"html", "</kbd>"}}),
         "<kbd>C</kbd>"},
        {"inline raw html that never closes",
         para({ir::RawInline{"html", "<span>"}, ir::Text{"C"}}), "&lt;span&gt;"},
        {"attribute names XML rejects are dropped", {ir::RawBlock{"html", "<div @click=\"x\" data-a=1>z</div>"}},
         "<div data-a=\"1\">z</div>"},
        {"stray less-than", {ir::RawBlock{"html", "<p>1 < 2</p>"}}, "1 &lt; 2"},
        {"comment and closing void tag", {ir::RawBlock{"html", "<!-- c --><br></br>"}}, "<br />"},
        {"numeric reference to a forbidden character", {ir::RawBlock{"html", "<b>&#1;</b>"}}, "&#65533;"},
        {"control characters in raw html", {ir::RawBlock{"html", "<b>a\x02</b>"}}, "<b>a</b>"},
    };
    HtmlOptions o;
    o.xhtml = true;
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const std::string html = render_html(c.blocks, o);
        CAPTURE(html);
        CHECK(parses_as_xml(html));
        CHECK(html.find(c.must_contain) != std::string::npos);
    }
}

TEST_CASE("html mode keeps raw HTML byte for byte") {
    const std::string raw = "<div class=x data-a='1'><br><img src=\"a.png\">&nbsp;</div>";
    CHECK(render_html({ir::RawBlock{"html", raw}}) == raw + "\n");
}

TEST_CASE("escape helpers") {
    CHECK(html::escape("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    CHECK(html::xml_clean("a\x01\x0b\x0c\tb\n") == "a\tb\n");
    CHECK(html::xml_clean("\xff") == "\xEF\xBF\xBD");
    CHECK(html::xml_clean("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    CHECK(html::xml_clean("\xEF\xBF\xBE") == "");                      // U+FFFE
    CHECK(html::xml_clean("emoji \xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D") ==
          "emoji \xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
    // Bad bytes between runs of good ones, at either end, and a truncated sequence at the end.
    CHECK(html::xml_clean("\x01ok \xC3\xA9\x02t\xffx\xE2\x82") == "ok \xC3\xA9t\xEF\xBF\xBDx\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(html::xml_clean("") == "");
    // append_clean_escaped is escape(xml_clean(s)), appended: clean and unclean input alike.
    for (std::string s : {"plain & <simple> \"text\"", "caf\xC3\xA9 & \xE2\x80\x9Cquotes\xE2\x80\x9D",
                          "ctl\x01 & <b>\xff</b>\xEF\xBF\xBE", "", "&", "\xF0\x9F\x98"}) {
        std::string out = "prefix:";
        html::append_clean_escaped(out, s);
        CHECK(out == "prefix:" + html::escape(html::xml_clean(s)));
    }
    CHECK(html::named_entity("nbsp") == 160);
    CHECK(html::named_entity("mdash") == 8212);
    CHECK(html::named_entity("AElig") == 198);
    CHECK(html::named_entity("zwnj") == 8204);
    CHECK(html::named_entity("nope") == 0);
    CHECK(html::xml_entities("&#x41;&#65;&#0;&#xD800;&") == "&#x41;&#65;&#65533;&#65533;&amp;");
}

TEST_CASE("render_inline_html and blocks_plain_text") {
    CHECK(render_inline_html({ir::Text{"a&"}, ir::Emphasis{{ir::Text{"b"}}}}) == "a&amp;<em>b</em>");
    ir::Blocks b = para({ir::Text{"Hello  "}, ir::SoftBreak{}, ir::Strong{{ir::Text{"world"}}}});
    b.push_back(ir::Heading{2, {ir::Text{"T"}}, {}});
    CHECK(blocks_plain_text(b) == "Hello world\n\nT");
}

// A feed's summary and a book's fallback text come from blocks_plain_text: a footnote's text was
// lost (its own recursion had no rule for footnote definitions), now it comes through the walk.
TEST_CASE("blocks_plain_text keeps every container's text, in document order") {
    ir::Blocks b = para({ir::Text{"Body"}});
    ir::DefinitionList dl;
    dl.items.push_back({{ir::Text{"Term 1"}}, {para({ir::Text{"Def 1"}})}});
    dl.items.push_back({{ir::Text{"Term 2"}}, {para({ir::Text{"Def 2"}})}});
    b.push_back(std::move(dl));
    b.push_back(ir::BlockQuote{para({ir::Text{"Quoted"}}), {}});
    b.push_back(ir::FootnoteDefinition{"1", para({ir::Text{"The note"}})});
    CHECK(blocks_plain_text(b) == "Body\n\nTerm 1\n\nDef 1\n\nTerm 2\n\nDef 2\n\nQuoted\n\nThe note");
}

TEST_CASE("the heading hook appends inside every heading with an id, IR or raw HTML") {
    HtmlOptions o;
    o.id_prefix = "p:";
    o.heading_end = [](const std::string& id) { return "[#" + id + "]"; };
    ir::Blocks b = {ir::Heading{2, {ir::Text{"Hi"}}, {"hi", {}, {}}}, ir::Heading{3, {ir::Text{"No id"}}, {}}};
    // Raw HTML keeps its own ids (no prefix); the hook gets the id as text.
    b.push_back(ir::RawBlock{"html", "<h4 id=\"r&amp;s\">Raw</h4><h5>none</h5><H6 id=u>upper</H6>"});
    CHECK(render_html(b, o) ==
          "<h2 id=\"p:hi\">Hi[#p:hi]</h2>\n<h3>No id</h3>\n"
          "<h4 id=\"r&amp;s\">Raw[#r&s]</h4><h5>none</h5><H6 id=u>upper</H6>\n");
}

TEST_CASE("the code hook gets the code as text, never escaped and un-escaped again") {
    // `&lt;` written by the author, and `<` and `&` in code: the hook sees each byte as written.
    const std::string code = "if (a < b && s == \"&lt;\") {}\n";
    std::vector<std::string> seen;
    HtmlOptions o;
    o.code = [&](const std::string& text, const std::string& language) -> std::optional<std::string> {
        seen.push_back(language + "|" + text);
        if (language == "plain") return std::nullopt;
        return "<b>" + language + "</b>";
    };
    ir::Blocks b = {ir::CodeBlock{"c", code, false, {}, {}}, ir::CodeBlock{"plain", code, false, {}, {}},
                    ir::CodeBlock{"", code, false, {}, {}}};
    b.push_back(ir::Paragraph{{ir::Code{"a<b", {"", {"language-ruby"}, {}}}, ir::Code{"c", {"", {"language-ruby", "x"}, {}}}}, {}});
    CHECK(render_html(b, o) ==
          "<pre><code class=\"language-c\"><b>c</b></code></pre>\n"
          "<pre><code class=\"language-plain\">if (a &lt; b &amp;&amp; s == &quot;&amp;lt;&quot;) {}\n</code></pre>\n"
          "<pre><code>if (a &lt; b &amp;&amp; s == &quot;&amp;lt;&quot;) {}\n</code></pre>\n"
          "<p><code class=\"language-ruby\"><b>ruby</b></code><code class=\"language-ruby x\">c</code></p>\n");
    CHECK(seen == std::vector<std::string>{"c|" + code, "plain|" + code, "ruby|a<b"});
}

TEST_CASE("the element hook replaces images, sources, frames and scripts, knowing when it is inside a link") {
    std::vector<std::string> seen;
    HtmlOptions o;
    o.rewrite_url = [](const std::string& u, const std::string&) { return u.starts_with("https:") ? u : "/r/" + u; };
    o.element = [&](const HtmlElement& e) -> std::optional<std::string> {
        std::string s = e.name + (e.in_link ? " in link:" : ":");
        for (const auto& [k, v] : e.attributes) s += " " + k + "=" + v;
        seen.push_back(s);
        if (e.name == "source") return std::string();
        if (e.find("alt") && *e.find("alt") == "keep") return std::nullopt;
        return "[" + e.name + "]";
    };
    ir::Blocks b = para(
        {ir::Link{"l", "", {ir::Image{"a.png", "T", {ir::Text{"A & B"}}, {"", {"c"}, {{"Width", "2"}}}},
                            ir::RawInline{"html", "<img src=f.png>"}}, {}, ""},
         ir::Image{"k.png", "", {ir::Text{"keep"}}, {}}});
    b.push_back(ir::RawBlock{"html", "<a href=\"x\"><img src=\"b.png\" alt=\"&quot;q&quot; &amp; r\" ismap></a> <img src=d.png>"});
    b.push_back(ir::RawBlock{"html", "<picture><source srcset=\"s.png\"><img src=e.png></picture>"});
    b.push_back(ir::RawBlock{"html", "<iframe src=\"https://v.example/1\">inside</iframe> after"});
    // A script whose end tag comes in a later raw node: what lies between goes with it.
    b.push_back(ir::Paragraph{{ir::Text{"x"}, ir::RawInline{"html", "<script src=\"s.js\">"}, ir::Text{"dropped"},
                               ir::Image{"g.png", "", {}, {}}, ir::RawInline{"html", "</script>"}, ir::Text{"y"}},
                              {}});
    CHECK(render_html(b, o) ==
          "<p><a href=\"/r/l\">[img][img]</a><img src=\"/r/k.png\" alt=\"keep\" /></p>\n"
          "<a href=\"/r/x\">[img]</a> [img]\n"
          "<picture>[img]</picture>\n"
          "[iframe] after\n"
          "<p>x[script]y</p>\n");
    CHECK(seen == std::vector<std::string>{
                      "img in link: src=/r/a.png alt=A & B title=T class=c width=2",
                      "img in link: src=/r/f.png",
                      "img: src=/r/k.png alt=keep",
                      "img in link: src=/r/b.png alt=\"q\" & r ismap=",
                      "img: src=/r/d.png",
                      "source: srcset=/r/s.png",
                      "img: src=/r/e.png",
                      "iframe: src=https://v.example/1",
                      "script: src=/r/s.js",
                      "img: src=/r/g.png alt=",  // offered before it was known to be dropped
                  });
}

TEST_CASE("an element replaced without its end tag keeps what follows, images offered as usual") {
    HtmlOptions o;
    o.element = [](const HtmlElement& e) -> std::optional<std::string> { return "[" + e.name + "]"; };
    const ir::Blocks b = {ir::RawBlock{"html", "<iframe src=\"https://v.example/1\">"},
                          ir::Paragraph{{ir::Text{"kept "}, ir::Image{"h.png", "", {}, {}}}, {}},
                          ir::RawBlock{"html", "<img src=i.png>"}};
    CHECK(render_html(b, o) == "[iframe]\n<p>kept [img]</p>\n[img]\n");
}

// A writer may embed what the hook is called for (EPUB numbers its images so), so in XHTML mode
// it is called once for each image that is written as markup, in document order, and never for
// raw HTML that is shown as text; it learns which raw elements are open around the image.
TEST_CASE("in XHTML mode the element hook sees each image written as markup once, in order") {
    std::vector<std::string> seen;
    HtmlOptions o;
    o.xhtml = true;
    o.element = [&](const HtmlElement& e) -> std::optional<std::string> {
        std::string s = e.name + (e.in_link ? " in link:" : ":");
        for (const auto& n : e.inside) s += " <" + n + ">";
        for (const auto& [k, v] : e.attributes) s += " " + k + "=" + v;
        seen.push_back(s);
        return "[" + *e.find("src") + "]";
    };
    const ir::Blocks b = {
        // Well-formed only together with the two blocks after it.
        ir::RawBlock{"html", "<div class=\"w\"><VIDEO>"},
        ir::Paragraph{{ir::Image{"1.png", "", {}, {}}, ir::FootnoteReference{"n"}}, {}},
        ir::RawBlock{"html", "</VIDEO></div>"},
        // Never well-formed: shown as text.
        ir::RawBlock{"html", "<p><img src=\"2.png\"><b></p>"},
        ir::Paragraph{{ir::RawInline{"html", "<a href=\"y\">"}, ir::RawInline{"html", "<img src=3.png>"},
                       ir::RawInline{"html", "</a>"}},
                      {}},
        ir::FootnoteDefinition{"n", {ir::Paragraph{{ir::Image{"4.png", "", {}, {}}}, {}}}},
    };
    const std::string html = render_html(b, o);
    CHECK(html ==
          "<div class=\"w\"><VIDEO>\n"
          "<p>[1.png]<sup id=\"fnref:n\" role=\"doc-noteref\"><a href=\"#fn:n\" class=\"footnote\" rel=\"footnote\">1</a></sup></p>\n"
          "</VIDEO></div>\n"
          "<p>&lt;p&gt;&lt;img src=&quot;2.png&quot;&gt;&lt;b&gt;&lt;/p&gt;</p>\n"
          "<p><a href=\"y\">[3.png]</a></p>\n"
          "<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n<li id=\"fn:n\" role=\"doc-endnote\">\n"
          "<p>[4.png]&#160;<a href=\"#fnref:n\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n"
          "</li>\n</ol>\n</div>\n");
    CHECK(seen == std::vector<std::string>{
                      "img: <div> <VIDEO> src=1.png alt=",
                      "img in link: <a> src=3.png",
                      "img: src=4.png alt=",
                  });
    CHECK(parses_as_xml(html));
}

// A block whose raw HTML is shown as text is rendered a second time; its footnote reference must
// still be the first, or its id and the note's link back to it disagree.
TEST_CASE("in XHTML mode a block shown as text keeps its footnote reference's id") {
    HtmlOptions o;
    o.xhtml = true;
    const ir::Blocks b = {
        ir::Paragraph{{ir::Text{"a "}, ir::RawInline{"html", "<b>"}, ir::FootnoteReference{"n"}}, {}},
        ir::FootnoteDefinition{"n", {ir::Paragraph{{ir::Text{"note"}}, {}}}},
    };
    CHECK(render_html(b, o) ==
          "<p>a &lt;b&gt;<sup id=\"fnref:n\" role=\"doc-noteref\"><a href=\"#fn:n\" class=\"footnote\" rel=\"footnote\">1</a></sup></p>\n"
          "<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n<li id=\"fn:n\" role=\"doc-endnote\">\n"
          "<p>note&#160;<a href=\"#fnref:n\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n"
          "</li>\n</ol>\n</div>\n");
}

TEST_CASE("one start tag writer and one void-element list") {
    CHECK(html::start_tag("img", {{"src", "a\"b&c.png"}, {"ismap", ""}}) == "<img src=\"a&quot;b&amp;c.png\" ismap=\"\" />");
    CHECK(html::start_tag("span", {{"class", "x"}}) == "<span class=\"x\">");
    CHECK(html::is_void_element("source"));
    CHECK(html::is_void_element("param"));
    CHECK_FALSE(html::is_void_element("iframe"));
    CHECK(html::unescape_attribute("a&amp;b &lt;&gt; &quot;&#39;&apos; &#65; &eacute; &#x41;") ==
          "a&b <> \"'' A &eacute; &#x41;");
}
