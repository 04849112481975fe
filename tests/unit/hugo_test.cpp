// The Hugo migration writer: a hand-built IR site written to memory (files, front matter, config,
// static files, data, MIGRATION.md), then built by the real `hugo` with the test theme in
// tests/hugo-theme/ to prove the output builds cleanly and keeps every URL.
#include <doctest/doctest.h>

#include <cstdlib>

#include "tests/test_support.h"
#include "writers/hugo/hugo_writer.h"
#include "writers/registry.h"

namespace fs = std::filesystem;
using namespace blogconv;
using namespace blogconv::writers;

namespace {

ir::DateTime at(int y, int mo, int d, int h, int offset_hours) {
    return {ir::civil_to_epoch(y, mo, d, h) - offset_hours * 3600, offset_hours * 3600};
}

ir::Inlines text(std::string s) { return {ir::Text{std::move(s)}}; }

ir::Block para(ir::Inlines children) {
    ir::Paragraph p;
    p.children = std::move(children);
    return ir::Block(std::move(p));
}

ir::Document post(std::string file, std::string slug, std::string url, ir::DateTime date, std::string title) {
    ir::Document d;
    d.source_path = "_posts/" + file;
    d.collection = "posts";
    d.slug = std::move(slug);
    d.url = std::move(url);
    d.date = date;
    d.date_source = "front-matter";
    d.title = title;
    d.input_format = "markdown";
    d.front_matter = ir::Object{{"title", title}, {"layout", "post"}};
    d.body = {para(text("Hello from " + title + "."))};
    return d;
}

// A small site exercising each feature; `pretty` switches the permalink style.
ir::Site make_site(bool pretty) {
    ir::Site s;
    s.title = "Test Blog";
    s.url = "https://example.org";
    s.timezone = "Europe/Madrid";
    s.lang = "en";
    s.config = ir::Object{{"title", "Test Blog"},
                          {"url", "https://example.org"},
                          {"permalink", pretty ? "pretty" : "date"},
                          {"timezone", "Europe/Madrid"},
                          {"plugins", ir::Array{"jekyll-feed", "jekyll-seo-tag"}},
                          {"author", ir::Object{{"name", "Ana"}, {"email", "ana@example.org"}}},
                          {"empty_key", nullptr},
                          {"social", ir::Object{{"links", ir::Array{"https://a.example", "https://b.example"}}}}};
    // What the reader takes out of that configuration for the writer.
    s.conventions.permalinks = {{"posts", pretty ? "pretty" : "date"}};
    s.conventions.plugins = {"jekyll-feed", "jekyll-seo-tag"};
    std::string ext = pretty ? "/" : ".html";

    auto p1 = post("2024-03-12-first-post.md", "first-post", "/2024/03/12/first-post" + ext, at(2024, 3, 12, 23, 1),
                   "First post");
    // A heading with an IAL class, an image of its own, math, code with line numbers and an include.
    p1.body.push_back(ir::Block(ir::Heading{2, text("Intro"), ir::Attr{"intro", {"lead"}, {}}}));
    p1.body.push_back(para({ir::Image{"/assets/img/only-mine.png", "", text("mine"), {}}}));
    p1.body.push_back(para({ir::Text{"Euler: "}, ir::Math{false, "e^{i\\pi}+1=0"}}));
    p1.body.push_back(ir::Block(ir::CodeBlock{"ruby", "puts 1\n", true, {}, {}}));
    p1.body.push_back(ir::Block(ir::UnsupportedBlock{"include", "{% include note.html %}", {14, 1}}, {14, 1}));
    p1.front_matter.as_object().emplace_back("redirect_from", ir::Array{"/old/first/"});
    p1.front_matter.as_object().emplace_back("custom", ir::Object{{"nested", ir::Array{1, 2}}});
    p1.tags = {"intro", "meta"};

    // Categories are in the Jekyll URL: Hugo has no :categories token, so this one needs `url`.
    auto p2 = post("2024-05-01-second.md", "second", "/news/2024/05/01/second" + ext, at(2024, 5, 1, 8, 2),
                   "Second post");
    p2.categories = {"news"};
    ir::Link link{"/2024/03/12/first-post" + ext, "", text("the first post"), {}, "_posts/2024-03-12-first-post.md"};
    p2.body.push_back(para({ir::Text{"See "}, link, ir::Text{"."}}));
    p2.body.push_back(para({ir::Image{"/assets/img/shared.png", "A title", text("shared"), {}}}));
    p2.body.push_back(para({ir::Code{"{{< not a shortcode >}}", {}}}));

    auto p3 = post("2024-06-01-kyoto.md", "京都", pretty ? "/2024/06/01/%E4%BA%AC%E9%83%BD/"
                                                        : "/2024/06/01/%E4%BA%AC%E9%83%BD.html",
                   at(2024, 6, 1, 12, 1), "Kyoto");
    p3.body.push_back(para({ir::Image{"/assets/img/shared.png", "", text("again"), {}}}));

    auto draft = post("untitled.md", "untitled", "/2024/07/01/untitled" + ext, at(2024, 7, 1, 0, 2), "Untitled");
    draft.source_path = "_drafts/untitled.md";
    draft.draft = true;

    ir::Document about;
    about.source_path = "about.md";
    about.url = pretty ? "/about/" : "/about.html";
    about.title = "About";
    about.input_format = "markdown";
    about.front_matter = ir::Object{{"title", "About"}, {"layout", "page"}, {"sitemap", false}};
    about.body = {para(text("About me."))};

    ir::Document home;
    home.source_path = "index.html";
    home.url = "/";
    home.title = "Test Blog";
    home.input_format = "html";
    home.front_matter = ir::Object{{"layout", "home"}};
    home.body = {ir::Block(ir::RawBlock{"html", "<p>Welcome</p>\n"})};

    ir::Document talk;
    talk.source_path = "_talks/rust-intro.md";
    talk.collection = "talks";
    talk.slug = "rust-intro";
    talk.url = "/talks/rust-intro" + ext;
    talk.title = "Rust intro";
    talk.input_format = "markdown";
    talk.front_matter = ir::Object{{"title", "Rust intro"}, {"venue", "Valencia"}};
    talk.body = {para(text("Slides soon."))};

    ir::Document feed;
    feed.source_path = "feed.xml";
    feed.url = "/feed.xml";
    feed.title = "feed";
    feed.input_format = "html";

    s.documents = {home, about, p1, p2, p3, draft, talk, feed};
    s.static_files = {{"assets/css/site.scss", true},
                      {"assets/img/only-mine.png", false},
                      {"assets/img/shared.png", false},
                      {"robots.txt", false}};
    s.data = ir::Object{{"authors", ir::Object{{"ana", ir::Object{{"name", "Ana"}}}}},
                        {"navigation", ir::Array{ir::Object{{"title", "Home"}, {"url", "/"}}}}};
    return s;
}

MemoryResources site_files() {
    MemoryResources r;
    r.files["assets/img/only-mine.png"] = "PNG-mine";
    r.files["assets/img/shared.png"] = "PNG-shared";
    r.files["robots.txt"] = "User-agent: *\n";
    r.files["assets/css/site.scss"] = "---\n---\nbody{}";
    return r;
}

MemorySink migrate(const ir::Site& site, const HugoOptions& options, ir::Diagnostics& diags) {
    MemorySink sink;
    MemoryResources files = site_files();
    write_hugo(site, options, &files, sink, diags);
    return sink;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("the registry knows hugo as a folder format") {
    const WriterInfo* w = find_writer("hugo");
    REQUIRE(w != nullptr);
    CHECK(w->writes_folder);
}

TEST_CASE("hugo output: files, front matter, config, static files, data and report") {
    ir::Diagnostics diags;
    HugoOptions options;
    for (bool pretty : {false, true}) {
        CAPTURE(pretty);
        auto sink = migrate(make_site(pretty), options, diags);
        const auto& f = sink.files;
        // Placement: posts under content/posts, a bundle only where a post has its own image and a
        // folder URL for it, pages and collections kept.
        std::string first = pretty ? "content/posts/first-post/index.md" : "content/posts/first-post.md";
        REQUIRE(f.count(first));
        CHECK(f.count("content/posts/second.md"));
        CHECK(f.count("content/posts/untitled.md"));
        CHECK(f.count("content/about.md"));
        CHECK(f.count("content/_index.html"));
        CHECK(f.count("content/talks/rust-intro.md"));
        CHECK(f.count("MIGRATION.md"));
        CHECK(f.count("hugo.toml"));
        CHECK_FALSE(f.count("content/feed.md"));
        CHECK_EQ(f.count("content/posts/first-post/only-mine.png"), pretty ? 1 : 0);
        CHECK_EQ(f.count("static/assets/img/only-mine.png"), pretty ? 0 : 1);
        CHECK(f.at("static/assets/img/shared.png") == "PNG-shared");
        CHECK(f.count("static/robots.txt"));
        CHECK_FALSE(f.count("static/assets/css/site.scss"));
        CHECK(f.count("data/authors.toml"));
        CHECK(f.at("data/navigation.yaml") == "- title: Home\n  url: /\n");

        const std::string& p1 = f.at(first);
        CHECK(p1.rfind("+++\n", 0) == 0);
        CHECK(contains(p1, "date = 2024-03-12T23:00:00+01:00\n"));
        CHECK(contains(p1, "slug = \"first-post\"\n"));
        CHECK_FALSE(contains(p1, "url ="));
        CHECK(contains(p1, pretty ? "aliases = [\"/old/first/\"]\n" : "aliases = [\"/old/first/index.html\"]\n"));
        CHECK(contains(p1, "tags = [\"intro\", \"meta\"]\n"));
        CHECK(contains(p1, "layout = \"post\"\n"));
        CHECK(contains(p1, "[custom]\nnested = [1, 2]\n"));
        CHECK(contains(p1, "## Intro {.lead}\n"));  // the id is what Hugo generates itself
        CHECK(contains(p1, "```ruby {linenos=table}\nputs 1\n```"));
        CHECK(contains(p1, "\\\\(e^{i\\\\pi}+1=0\\\\)"));
        CHECK(contains(p1, "<!-- blogconv: include not converted"));
        CHECK_FALSE(contains(p1, "{%"));
        CHECK(contains(p1, pretty ? "![mine](only-mine.png)" : "![mine](/assets/img/only-mine.png)"));

        const std::string& p2 = f.at("content/posts/second.md");
        CHECK(contains(p2, std::string("url = \"/news/2024/05/01/second") + (pretty ? "/" : ".html") + "\"\n"));
        CHECK(contains(p2, "categories = [\"news\"]"));
        CHECK(contains(p2, "[the first post]({{< ref \"/posts/first-post"));
        CHECK(contains(p2, "`{{</* not a shortcode */>}}`"));
        CHECK(contains(p2, "![shared](/assets/img/shared.png \"A title\")"));
        CHECK(contains(f.at("content/posts/untitled.md"), "draft = true\n"));
        CHECK(contains(f.at("content/about.md"), "jekyll_sitemap = false\n"));
        CHECK(contains(f.at("content/posts/京都.md"), pretty ? "url = \"/2024/06/01/京都/\"" : "url = \"/2024/06/01/京都.html\""));

        const std::string& config = f.at("hugo.toml");
        CHECK(contains(config, "baseURL = \"https://example.org/\"\n"));
        CHECK(contains(config, "timeZone = \"Europe/Madrid\"\n"));
        CHECK(contains(config, pretty ? "posts = \"/:year/:month/:day/:slug/\"" : "posts = \"/:year/:month/:day/:slug\""));
        CHECK_EQ(contains(config, "uglyURLs = true"), !pretty);
        CHECK(contains(config, "[markup.goldmark.renderer]\nunsafe = true\n"));
        CHECK(contains(config, "[markup.goldmark.parser.attribute]\nblock = true\n"));
        CHECK(contains(config, "[params.author]\nname = \"Ana\"\n"));
        CHECK(contains(config, "[taxonomies]\ntag = \"tags\"\ncategory = \"categories\"\n"));

        const std::string& report = f.at("MIGRATION.md");
        CHECK(contains(report, "`_posts/2024-03-12-first-post.md:14`"));
        CHECK(contains(report, "jekyll-seo-tag"));
        CHECK(contains(report, "`assets/css/site.scss`"));
        CHECK(contains(report, "`feed.xml`"));
        CHECK(contains(report, "| Posts | 3 |"));
        CHECK_FALSE(contains(report, "{%"));
    }
    CHECK(diags.count(ir::Severity::warning) == 0);
}

TEST_CASE("TOML front matter leaves nulls out; MIGRATION.md names each key, as --to markdown's warning does") {
    ir::Site site = make_site(false);
    ir::Document& first = site.documents.at(2);
    REQUIRE(first.source_path == "_posts/2024-03-12-first-post.md");
    first.front_matter.as_object().emplace_back("subtitle", nullptr);
    first.front_matter.as_object().emplace_back("share", ir::Object{{"x", nullptr}, {"k", true}});
    ir::Diagnostics diags;
    MemorySink sink = migrate(site, HugoOptions{}, diags);
    const std::string& written = sink.files.at("content/posts/first-post.md");
    CHECK_FALSE(contains(written, "subtitle"));
    CHECK(contains(written, "\n[share]\nk = true\n"));
    CHECK(contains(sink.files.at("MIGRATION.md"),
                   "\n### Front matter\n\n"
                   "- `_posts/2024-03-12-first-post.md`: TOML has no null; dropped front-matter keys: subtitle, share.x\n\n"));
    // YAML has null: the keys stay and nothing is reported.
    HugoOptions yaml;
    yaml.front_matter = FrontMatterFormat::yaml;
    MemorySink y = migrate(site, yaml, diags);
    CHECK(contains(y.files.at("content/posts/first-post.md"), "\nsubtitle: null\nshare:\n  x: null\n  k: true\n"));
    CHECK_FALSE(contains(y.files.at("MIGRATION.md"), "### Front matter"));
}

TEST_CASE("the real hugo builds the migrated site with no warnings and every URL in place") {
    int have = std::system("command -v hugo >/dev/null 2>&1");
    if (have != 0) {
        if (std::getenv("CI")) FAIL("hugo is not installed; CI must have it (apt-get install hugo)");
        MESSAGE("hugo not installed: skipping the build check");
        return;
    }
    for (bool pretty : {false, true}) {
        for (auto format : {FrontMatterFormat::toml, FrontMatterFormat::yaml, FrontMatterFormat::json}) {
            CAPTURE(pretty);
            CAPTURE(static_cast<int>(format));
            ir::Diagnostics diags;
            HugoOptions options;
            options.front_matter = format;
            auto sink = migrate(make_site(pretty), options, diags);
            test::TempDir dir;
            for (const auto& [path, bytes] : sink.files) test::write_file(dir.path / path, bytes);
            std::string cmd = "cd '" + dir.path.string() + "' && HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 "
                              "hugo --themesDir '" + (test::source_dir() / "tests").string() +
                              "' --theme hugo-theme 2>&1";
            // Not --quiet: Hugo 0.111 then hides its warnings too, and warnings must fail this test.
            auto r = test::run_shell(cmd);
            INFO(r.out);
            // For a look at a failing build: BLOGCONV_KEEP_HUGO=/some/dir keeps the last site there.
            if (const char* keep = std::getenv("BLOGCONV_KEEP_HUGO")) {
                fs::remove_all(keep);
                fs::copy(dir.path, keep, fs::copy_options::recursive);
            }
            CHECK(r.exit_code == 0);
            CHECK_FALSE(contains(r.out, "ERROR"));
            CHECK_FALSE(contains(r.out, "WARN"));
            std::string ext = pretty ? "/index.html" : ".html";
            for (std::string url : {"/2024/03/12/first-post", "/news/2024/05/01/second", "/2024/06/01/京都",
                                    "/talks/rust-intro", "/about"}) {
                CAPTURE(url);
                CHECK(fs::exists(dir.path / ("public" + url + ext)));
            }
            CHECK(fs::exists(dir.path / "public/index.html"));
            CHECK(fs::exists(dir.path / "public/old/first/index.html"));  // the alias
            CHECK_FALSE(fs::exists(dir.path / ("public/2024/07/01/untitled" + ext)));  // the draft
            CHECK(fs::exists(dir.path / "public/robots.txt"));
            if (pretty) CHECK(fs::exists(dir.path / "public/2024/03/12/first-post/only-mine.png"));
            std::string second = test::read_file(dir.path / ("public/news/2024/05/01/second" + ext));
            CHECK(contains(second, "href=\"https://example.org/2024/03/12/first-post" + std::string(pretty ? "/" : ".html")));
            CHECK(contains(second, "<code>{{&lt; not a shortcode &gt;}}</code>"));
            std::string first = test::read_file(dir.path / ("public/2024/03/12/first-post" + ext));
            CHECK(contains(first, "<time>2024-03-12T23:00:00&#43;01:00</time>"));
            CHECK(contains(first, "\\(e^{i\\pi}+1=0\\)"));
        }
    }
}

TEST_CASE("Liquid left in raw HTML becomes an HTML comment and a MIGRATION.md item; the IR is untouched") {
    ir::Site s;
    s.title = "T";
    s.url = "https://example.org";
    ir::Document d = post("2020-01-01-a.md", "a", "/2020/01/01/a.html", at(2020, 1, 1, 12, 0), "A");
    ir::Emphasis em;
    em.children = {ir::Inline(ir::RawInline{"html", "<span>{% raw_tag x %}</span>"})};
    d.body = {ir::Block(ir::RawBlock{"html", "<div>{% include box.html %}</div>"}, {3, 1}),
              para({ir::Inline(std::move(em))}),
              ir::Block(ir::RawBlock{"html", "<pre>{% kept %}</pre>"}, {5, 1})};
    s.documents.push_back(d);
    s.documents.push_back(post("2020-01-02-b.md", "b", "/2020/01/02/b.html", at(2020, 1, 2, 12, 0), "B"));
    const ir::Site before = s;
    ir::Diagnostics diags;
    auto sink = migrate(s, HugoOptions{}, diags);
    const std::string& a = sink.files["content/posts/a.md"];
    CAPTURE(a);
    // (The comment spells the tag `{ %`, so that no template language reads it.)
    CHECK(contains(a, "<div><!-- blogconv: liquid not converted (see MIGRATION.md): { % include box.html %} --></div>"));
    CHECK(contains(a, "<span><!-- blogconv: liquid not converted (see MIGRATION.md): { % raw_tag x %} --></span>"));
    CHECK(contains(a, "<pre>{% kept %}</pre>"));  // code shows Liquid as text
    const std::string& report = sink.files["MIGRATION.md"];
    CHECK(contains(report, "Includes"));
    CHECK(contains(report, "Liquid not translated"));
    CHECK_FALSE(contains(sink.files["content/posts/b.md"], "blogconv: liquid"));
    CHECK(s.documents[0].body == before.documents[0].body);  // the writer edits a copy
}

TEST_CASE("Liquid in raw HTML is cleaned in every container: definition lists, tables, footnotes, list items") {
    ir::Site s;
    s.title = "T";
    s.url = "https://example.org";
    ir::Document d = post("2020-01-01-a.md", "a", "/2020/01/01/a.html", at(2020, 1, 1, 12, 0), "A");
    ir::DefinitionList dl;
    dl.items.push_back({{ir::Inline(ir::RawInline{"html", "<b>{% term %}</b>"})},
                        {{ir::Block(ir::RawBlock{"html", "<div>{% definition %}</div>"}, {4, 1})}}});
    ir::Table table;
    table.alignments = {ir::Alignment::none};
    table.head = {{ir::TableCell{{ir::Inline(ir::RawInline{"html", "<i>{% cell %}</i>"})}}}};
    ir::List list;
    list.items.push_back({{ir::Block(ir::RawBlock{"html", "<p>{% item %}</p>"}, {9, 3})}, std::nullopt});
    ir::FootnoteDefinition note{"1", {ir::Block(ir::RawBlock{"html", "<p>{% note %}</p>"}, {11, 5})}};
    d.body = {ir::Block(std::move(dl), {3, 1}), ir::Block(std::move(table), {7, 1}), ir::Block(std::move(list), {9, 1}),
              ir::Block(std::move(note), {11, 1})};
    s.documents.push_back(d);
    ir::Diagnostics diags;
    auto sink = migrate(s, HugoOptions{}, diags);
    const std::string& a = sink.files["content/posts/a.md"];
    const std::string comment = "<!-- blogconv: liquid not converted (see MIGRATION.md): ";
    CHECK(a == "+++\ntitle = \"A\"\ndate = 2020-01-01T12:00:00+00:00\nslug = \"a\"\nlayout = \"post\"\n+++\n\n"
               "<b>" + comment + "{ % term %} --></b>\n"
               ": <div>" + comment + "{ % definition %} --></div>\n\n"
               "| <i>" + comment + "{ % cell %} --></i> |\n| --- |\n\n"
               "- <p>" + comment + "{ % item %} --></p>\n\n"
               "[^1]: <p>" + comment + "{ % note %} --></p>\n");
    // One item per construct, at the line of the block holding it (a term: its definition list's).
    const std::string& report = sink.files["MIGRATION.md"];
    const std::string tail = " inside raw HTML was left as an HTML comment; rewrite it as Hugo markup or a shortcode\n";
    const std::string section = "### Liquid not translated\n\n";
    REQUIRE(contains(report, section));
    CHECK(report.substr(report.find(section)) ==
          section + "- `_posts/2020-01-01-a.md:3`: `{ % term %}`" + tail +
              "- `_posts/2020-01-01-a.md:4`: `{ % definition %}`" + tail +
              "- `_posts/2020-01-01-a.md:7`: `{ % cell %}`" + tail +
              "- `_posts/2020-01-01-a.md:9`: `{ % item %}`" + tail +
              "- `_posts/2020-01-01-a.md:11`: `{ % note %}`" + tail + "\n");
    CHECK(contains(report, "| Constructs left as comments | 5 |\n"));
}
