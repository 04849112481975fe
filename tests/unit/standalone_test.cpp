#include "writers/standalone/standalone_writer.h"

#include <doctest/doctest.h>

#include <pugixml.hpp>
#include <set>
#include <string>
#include <vector>

#include "writers/html/sanitize.h"
#include "writers/standalone/template.h"

using namespace blogconv;
using namespace blogconv::writers;

namespace {

const std::string png_bytes = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(20, '\1');

ir::Document post(std::string slug, std::string title, std::int64_t day, std::vector<std::string> tags, ir::Blocks body) {
    ir::Document d;
    d.source_path = "_posts/2024-01-0" + std::to_string(day) + "-" + slug + ".md";
    d.collection = "posts";
    d.slug = slug;
    d.title = std::move(title);
    d.date = ir::DateTime{ir::civil_to_epoch(2024, 1, static_cast<int>(day)), 3600};
    d.url = "/2024/01/0" + std::to_string(day) + "/" + slug + "/";
    d.tags = std::move(tags);
    d.authors = {"Ada"};
    d.body = std::move(body);
    return d;
}

ir::Inlines text(std::string s) { return {ir::Text{std::move(s)}}; }
ir::Paragraph para(ir::Inlines children) {
    ir::Paragraph p;
    p.children = std::move(children);
    return p;
}

ir::Site sample_site() {
    ir::Site s;
    s.title = "Bench & Notes";
    s.description = "A <small> blog";
    s.url = "https://blog.example.org";
    s.lang = "en";
    s.authors = {{"Ada", "", ""}};

    ir::Heading h;
    h.level = 2;
    h.children = text("Intro");
    h.attr.id = "intro";
    ir::Link cross;
    cross.url = "/2024/01/02/second/";
    cross.target_document = "_posts/2024-01-02-second.md";
    cross.children = text("the second post");
    ir::Link by_url;
    by_url.url = "/2024/01/02/second/#details";
    by_url.children = text("its details");
    ir::Link self_frag;
    self_frag.url = "#intro";
    self_frag.children = text("up");
    ir::Image local;
    local.url = "../../../../assets/pic.png";
    local.alt = text("a local picture");
    ir::Image remote;
    remote.url = "https://cdn.example.com/x.png";
    remote.alt = text("a remote picture");
    ir::CodeBlock code;
    code.language = "python";
    code.text = "def f(x):\n    return \"<x>\"  # done\n";
    ir::Paragraph p = para({cross, ir::Text{" and "}, by_url, ir::Text{" "}, self_frag, ir::Text{" "}, local, ir::Text{" "}, remote,
                     ir::FootnoteReference{"1"}});
    ir::FootnoteDefinition fn{"1", {para(text("A note."))}};
    auto first = post("first", "First <post>", 1, {"c++", "Notes"}, {h, p, code, fn});

    ir::Heading h2;
    h2.level = 2;
    h2.children = text("Intro");
    h2.attr.id = "intro";  // the same id as in the first post: the prefixes keep them apart
    ir::Heading details;
    details.level = 2;
    details.children = text("Details");
    details.attr.id = "details";
    ir::Image abs;
    abs.url = "https://blog.example.org/assets/pic.png";
    abs.alt = text("the same picture, by absolute URL");
    ir::Paragraph p2 = para({abs, ir::FootnoteReference{"1"}});
    ir::FootnoteDefinition fn2{"1", {para(text("Another note."))}};
    auto second = post("second", "Second", 2, {"notes"}, {h2, details, p2, fn2});
    second.authors.clear();  // falls back to the site's author

    ir::Document page;
    page.source_path = "about.md";
    page.title = "About";
    page.url = "/about/";
    page.body = {para(text("About page"))};

    s.documents = {first, second, page};
    return s;
}

MemoryResources sample_files() {
    MemoryResources r;
    r.files["assets/pic.png"] = png_bytes;
    return r;
}

struct Output {
    MemorySink sink;
    ir::Diagnostics diags;
};

// Writes `site` into `out` (Output holds a Diagnostics, which cannot be moved).
Output& run(Output& out, const ir::Site& site, const StandaloneOptions& o = {}) {
    static MemoryResources files = sample_files();
    write_standalone_html(site, o, &files, out.sink, out.diags);
    return out;
}

// Every value of `attr="…"` in the page.
std::vector<std::string> attribute_values(const std::string& html, const std::string& attr) {
    std::vector<std::string> out;
    const std::string key = " " + attr + "=\"";
    for (std::size_t at = html.find(key); at != std::string::npos; at = html.find(key, at + 1)) {
        const std::size_t start = at + key.size();
        out.push_back(html.substr(start, html.find('"', start) - start));
    }
    return out;
}

std::string unescape(std::string s) {
    for (const auto& [e, c] : std::vector<std::pair<std::string, std::string>>{{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}}) {
        for (std::size_t at = s.find(e); at != std::string::npos; at = s.find(e, at + 1)) s.replace(at, e.size(), c);
    }
    return s;
}

void check_anchors_resolve(const std::string& html) {
    const auto ids_raw = attribute_values(html, "id");
    std::set<std::string> ids;
    for (const auto& i : ids_raw) {
        CHECK_MESSAGE(ids.insert(unescape(i)).second, "duplicate id " << i);
    }
    for (const auto& href : attribute_values(html, "href")) {
        if (href.empty() || href[0] != '#') continue;
        CHECK_MESSAGE(ids.count(unescape(href.substr(1))), "no element with id " << href);
    }
}

}  // namespace

TEST_CASE("one file: cover, contents, posts, tag index") {
    Output out_store;
    auto& out = run(out_store, sample_site());
    REQUIRE(out.sink.files.size() == 1);
    const std::string& html = out.sink.files.at("");
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(html.find("<title>Bench &amp; Notes</title>") != std::string::npos);
    CHECK(html.find("<p class=\"description\">A &lt;small&gt; blog</p>") != std::string::npos);
    CHECK(html.find("<nav class=\"toc\" id=\"toc\"") != std::string::npos);
    // Newest first, posts only (the page is left out).
    const auto second_at = html.find("<article class=\"post\" id=\"post-second\">");
    const auto first_at = html.find("<article class=\"post\" id=\"post-first\">");
    CHECK(second_at != std::string::npos);
    CHECK(first_at != std::string::npos);
    CHECK(second_at < first_at);
    CHECK(html.find("About page") == std::string::npos);
    CHECK(html.find("First &lt;post&gt;") != std::string::npos);
    CHECK(html.find("<time datetime=\"2024-01-01T01:00:00+01:00\">1 January 2024</time>") != std::string::npos);
    CHECK(html.find("· by Ada") != std::string::npos);
    // Tags link to the tag index, which lists the posts.
    CHECK(html.find("<a href=\"#tag-c\">c++</a>") != std::string::npos);
    CHECK(html.find("<section id=\"tag-notes\">") != std::string::npos);
    CHECK(html.find("<section id=\"tag-notes-2\">") != std::string::npos);  // "Notes" and "notes" are two tags
    // The CSS is inline, with dark and print variants.
    CHECK(html.find("prefers-color-scheme: dark") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    check_anchors_resolve(html);
}

TEST_CASE("links between posts become anchors; ids never collide") {
    Output html_store;
    const std::string html = run(html_store, sample_site()).sink.files.at("");
    CHECK(html.find("<a href=\"#post-second\">the second post</a>") != std::string::npos);
    CHECK(html.find("<a href=\"#post-second:details\">its details</a>") != std::string::npos);
    CHECK(html.find("<a href=\"#post-first:intro\">up</a>") != std::string::npos);
    CHECK(html.find("id=\"post-first:intro\"") != std::string::npos);
    CHECK(html.find("id=\"post-second:intro\"") != std::string::npos);
    CHECK(html.find("id=\"post-first:fn:1\"") != std::string::npos);
    CHECK(html.find("id=\"post-second:fn:1\"") != std::string::npos);
    // Heading anchors.
    CHECK(html.find("<a class=\"heading-anchor\" href=\"#post-second:details\"") != std::string::npos);
}

TEST_CASE("local images are embedded, remote ones become links with a warning") {
    Output out_store;
    auto& out = run(out_store, sample_site());
    const std::string& html = out.sink.files.at("");
    const std::string uri = "data:image/png;base64," + base64_encode(png_bytes);
    // Relative to the post's URL, and by the site's absolute URL: both the same site file.
    std::size_t count = 0;
    for (const auto& src : attribute_values(html, "src")) {
        CHECK(src.starts_with("data:image/png;base64,"));
        count += src == uri;
    }
    CHECK(count == 2);
    CHECK(html.find("cdn.example.com/x.png\">a remote picture</a>") != std::string::npos);
    bool warned = false;
    for (const auto& d : out.diags.items())
        warned = warned || (d.severity == ir::Severity::warning && d.file == "_posts/2024-01-01-first.md" &&
                            d.message.find("https://cdn.example.com/x.png") != std::string::npos);
    CHECK(warned);
    // Nothing points off the file but plain links: no src other than data:.
    CHECK(html.find("src=\"http") == std::string::npos);
}

TEST_CASE("missing images are reported and shown as alt text") {
    auto site = sample_site();
    MemoryResources none;
    MemorySink sink;
    ir::Diagnostics diags;
    write_standalone_html(site, {}, &none, sink, diags);
    const std::string& html = sink.files.at("");
    CHECK(html.find("<span class=\"missing-image\">a local picture</span>") != std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(diags.count(ir::Severity::warning) >= 2);
}

TEST_CASE("code blocks are highlighted without changing their text") {
    Output html_store;
    const std::string html = run(html_store, sample_site()).sink.files.at("");
    CHECK(html.find("<code class=\"language-python\"><span class=\"hl-kw\">def</span> <span class=\"hl-fn\">f</span>(x):") !=
          std::string::npos);
    CHECK(html.find("<span class=\"hl-str\">&quot;&lt;x&gt;&quot;</span>") != std::string::npos);
    StandaloneOptions plain;
    plain.highlight = false;
    Output p_store;
    const std::string p = run(p_store, sample_site(), plain).sink.files.at("");
    CHECK(p.find("hl-kw\">def") == std::string::npos);
    CHECK(p.find("def f(x):\n    return &quot;&lt;x&gt;&quot;  # done\n</code>") != std::string::npos);
}

TEST_CASE("the page is well-formed enough for an XML parser and deterministic") {
    Output a_store;
    const std::string a = run(a_store, sample_site()).sink.files.at("");
    Output b_store;
    const std::string b = run(b_store, sample_site()).sink.files.at("");
    CHECK(a == b);
    // Strip the doctype and the void <meta> elements, which HTML writes unclosed.
    std::string x = a.substr(a.find("<html"));
    for (std::size_t at = x.find("<meta"); at != std::string::npos; at = x.find("<meta", at))
        x.erase(at, x.find('>', at) - at + 1);
    pugi::xml_document doc;
    const auto r = doc.load_string(x.c_str());
    CHECK_MESSAGE(r, r.description() << " at " << r.offset << ": " << x.substr(r.offset > 40 ? r.offset - 40 : 0, 80));
    CHECK(doc.select_nodes("//article").size() == 2);
    CHECK(doc.select_nodes("//nav[@id='toc']//li").size() == 2);
}

TEST_CASE("single post alone") {
    StandaloneOptions o;
    o.single = "second";
    Output out_store;
    auto& out = run(out_store, sample_site(), o);
    const std::string& html = out.sink.files.at("");
    CHECK(html.find("<title>Second</title>") != std::string::npos);
    CHECK(html.find("<h1 class=\"post-title\">Second</h1>") != std::string::npos);
    CHECK(html.find("post-first") == std::string::npos);
    CHECK(html.find("id=\"toc\"") == std::string::npos);
    check_anchors_resolve(html);

    o.single = "_posts/nope.md";
    Output bad_store;
    auto& bad = run(bad_store, sample_site(), o);
    CHECK(bad.sink.files.empty());
    CHECK(bad.diags.errors() == 1);
}

TEST_CASE("split mode: index and one page per post, relative links") {
    StandaloneOptions o;
    o.split = true;
    Output out_store;
    auto& out = run(out_store, sample_site(), o);
    const auto& f = out.sink.files;
    REQUIRE(f.size() == 3);
    REQUIRE(f.count("index.html"));
    REQUIRE(f.count("posts/first.html"));
    REQUIRE(f.count("posts/second.html"));
    const std::string& index = f.at("index.html");
    CHECK(index.find("<a dir=\"auto\" href=\"posts/first.html\">First &lt;post&gt;</a>") != std::string::npos);
    CHECK(index.find("<article") == std::string::npos);
    const std::string& first = f.at("posts/first.html");
    CHECK(first.find("<a href=\"second.html\">the second post</a>") != std::string::npos);
    CHECK(first.find("<a href=\"second.html#post-second:details\">its details</a>") != std::string::npos);
    CHECK(first.find("<a href=\"../index.html#tag-c\">c++</a>") != std::string::npos);
    CHECK(first.find("<a href=\"../index.html\">Bench &amp; Notes</a>") != std::string::npos);
    for (const auto& entry : f) {
        const auto& path = entry.first;  // clang 14: CAPTURE cannot name a structured binding
        const auto& html = entry.second;
        CAPTURE(path);
        check_anchors_resolve(html);
        // Every relative link names a page of the folder.
        for (const auto& href : attribute_values(html, "href")) {
            if (href.empty() || href[0] == '#' || href.starts_with("http")) continue;
            const std::string file = href.substr(0, href.find('#'));
            const std::string resolved = path.starts_with("posts/") ? (file.starts_with("../") ? file.substr(3) : "posts/" + file) : file;
            CHECK_MESSAGE(f.count(resolved), href << " from " << path);
        }
    }
}

TEST_CASE("themes, custom CSS and templates") {
    StandaloneOptions o;
    o.theme = StandaloneTheme::dark;
    o.css = "body { color: red } </style><script>";
    o.css_mode = CssMode::replace;  // alone, so the page starts with it
    o.template_text = "<html lang=\"{{lang}}\"{{#theme}} data-theme=\"{{ theme }}\"{{/theme}}><style>{{css}}</style>"
                      "{{! a comment }}{{^nav}}no nav{{/nav}}{{posts}}{{bogus}}</html>";
    Output out_store;
    auto& out = run(out_store, sample_site(), o);
    const std::string& html = out.sink.files.at("");
    CHECK(html.starts_with("<html lang=\"en\" data-theme=\"dark\"><style>body { color: red } <\\/style><script></style>no nav"));
    CHECK(html.find("a comment") == std::string::npos);
    bool warned = false;
    for (const auto& d : out.diags.items()) warned = warned || d.message.find("{{bogus}}") != std::string::npos;
    CHECK(warned);
}

TEST_CASE("a template may name {{posts}} twice, not at all, or test for it on a site without posts") {
    StandaloneOptions o;
    o.template_text = "<html>{{posts}}<hr>{{posts}}</html>";
    Output twice_store;
    const std::string& twice = run(twice_store, sample_site(), o).sink.files.at("");
    const std::string first = twice.substr(0, twice.find("<hr>"));
    CHECK(first.find("<article") != std::string::npos);
    CHECK(twice == first + "<hr>" + first.substr(std::string("<html>").size()) + "</html>");
    o.template_text = "<html>{{title}}</html>";
    Output none_store;
    CHECK(run(none_store, sample_site(), o).sink.files.at("").find("<article") == std::string::npos);
    o.template_text = "<html>{{#posts}}some{{/posts}}{{^posts}}none{{/posts}}</html>";
    ir::Site empty = sample_site();
    empty.documents.clear();
    Output empty_store;
    auto& e = run(empty_store, empty, o);
    REQUIRE(e.sink.files.count("") == 1);
    CHECK(e.sink.files.at("") == "<html>none</html>");
    Output full_store;
    CHECK(run(full_store, sample_site(), o).sink.files.at("") == "<html>some</html>");
}

TEST_CASE("template syntax") {
    std::vector<std::string> problems;
    const std::map<std::string, std::string> v = {{"a", "A"}, {"e", ""}};
    CHECK(expand_template("x{{a}}y{{ a }}{{#a}}[{{a}}]{{/a}}{{#e}}no{{/e}}{{^e}}yes{{/e}}{{ not a tag {{", v, problems) ==
          "xAyA[A]yes{{ not a tag {{");
    CHECK(problems.empty());
    CHECK(expand_template("{{#a}}{{#a}}in{{/a}}out{{/a}}", v, problems) == "inout");
    expand_template("{{#a}}open", v, problems);
    CHECK(problems.size() == 1);
}

TEST_CASE("image types by their bytes") {
    CHECK(image_mime_type(png_bytes) == "image/png");
    CHECK(image_mime_type("\xff\xd8\xff\xe0rest") == "image/jpeg");
    CHECK(image_mime_type("GIF89a...") == "image/gif");
    CHECK(image_mime_type(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)) == "image/webp");
    CHECK(image_mime_type("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>") == "image/svg+xml");
    CHECK(image_mime_type("hello <svg>").empty());
    CHECK(image_mime_type("not an image").empty());
    CHECK(base64_encode("") == "");
    CHECK(base64_encode("f") == "Zg==");
    CHECK(base64_encode("fo") == "Zm8=");
    CHECK(base64_encode("foobar") == "Zm9vYmFy");
}

TEST_CASE("words in angle brackets that are no element are shown, custom elements kept") {
    ir::Site s;
    s.title = "T";
    ir::Inlines in = text("Put it in ");
    in.push_back(ir::RawInline{"html", "<datadir>"});
    in.push_back(ir::Text{" or "});
    in.push_back(ir::RawInline{"html", "<swiper-slide>"});
    in.push_back(ir::Text{"x"});
    in.push_back(ir::RawInline{"html", "</swiper-slide>"});
    in.push_back(ir::RawInline{"html", "<em>"});
    in.push_back(ir::Text{"y"});
    in.push_back(ir::RawInline{"html", "</em>"});
    s.documents.push_back(post("only", "Only", 1, {}, {ir::Block(para(in))}));
    Output out_store;
    const std::string& html = run(out_store, s).sink.files.at("");
    CHECK(html.find("Put it in &lt;datadir>") != std::string::npos);
    CHECK(html.find("<swiper-slide>x</swiper-slide>") != std::string::npos);
    CHECK(html.find("<em>y</em>") != std::string::npos);
}

TEST_CASE("a code element of the post's raw HTML is left as the author wrote it") {
    // Highlighting works on the code text of IR code blocks (the renderer's code hook); raw HTML
    // is the author's markup, which the page no longer un-escapes to colour it.
    ir::Site s;
    s.title = "T";
    const std::string raw = "<pre><code class=\"language-ruby\">x = 1 &lt; 2</code></pre>";
    s.documents.push_back(post("only", "Only", 1, {}, {ir::Block(ir::RawBlock{"html", raw})}));
    Output out_store;
    const std::string& html = run(out_store, s).sink.files.at("");
    CHECK(html.find(raw + "\n") != std::string::npos);
}

TEST_CASE("a custom element whose name begins with img is no image") {
    // The page's own scanner once took `<img-comparison-slider>` for an <img> without a src.
    ir::Site s;
    s.title = "T";
    const std::string raw = "<img-comparison-slider>x</img-comparison-slider>";
    s.documents.push_back(post("only", "Only", 1, {}, {ir::Block(ir::RawBlock{"html", raw})}));
    Output out_store;
    const Output& out = run(out_store, s);
    CHECK(out.sink.files.at("").find(raw + "\n") != std::string::npos);
    CHECK(out.diags.items().empty());
}

TEST_CASE("a post's warnings: the sanitizer's first, then its images and embeds in page order") {
    ir::Site s;
    s.title = "T";
    s.documents.push_back(post("only", "Only", 1, {},
                               {ir::Block(ir::RawBlock{"html", "<iframe src=\"https://v.example/1\"></iframe>"}),
                                ir::Block(ir::RawBlock{"html", "<p onclick=\"x()\">p</p>"}),
                                ir::Block(para({ir::Image{"https://cdn.example/a.png", "", {ir::Text{"a"}}, {}}}))}));
    Output out_store;
    const Output& out = run(out_store, s);
    std::vector<std::string> messages;
    for (const auto& d : out.diags.items()) messages.push_back(d.file + ": " + d.message);
    CHECK(messages ==
          std::vector<std::string>{
              "_posts/2024-01-01-only.md: " + html::removed_message({"onclick="}, "page"),
              "_posts/2024-01-01-only.md: embedded frame https://v.example/1 needs the network; it is replaced by a link",
              "_posts/2024-01-01-only.md: remote image https://cdn.example/a.png is not embedded (the page makes no requests); its "
              "alt text and a link are shown instead",
          });
}

TEST_CASE("inline SVG filters and MathML the sanitizer allows stay elements on the page") {
    // The page once escaped every element missing from a list of its own, which lacked SVG's
    // filter primitives: `<feGaussianBlur>` became text inside the drawing.
    ir::Site s;
    s.title = "T";
    const std::string svg =
        "<svg viewBox=\"0 0 10 10\"><filter id=\"f\"><feGaussianBlur stdDeviation=\"1\" /></filter>"
        "<rect width=\"5\" height=\"5\" filter=\"url(#f)\" /></svg><math><merror><mi>x</mi></merror></math>";
    s.documents.push_back(post("only", "Only", 1, {}, {ir::Block(ir::RawBlock{"html", svg})}));
    Output out_store;
    const std::string& html = run(out_store, s).sink.files.at("");
    CHECK(html.find(svg) != std::string::npos);
}
