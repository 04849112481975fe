// The portable Markdown writer (`--to markdown`): hand-built IR sites written to memory, each
// file compared whole; and the CLI's folder for samples/.
#include <doctest/doctest.h>

#include "tests/test_support.h"
#include "writers/markdown/markdown_writer.h"
#include "writers/registry.h"

namespace fs = std::filesystem;
using namespace blogconv;
using namespace blogconv::writers;
using namespace blogconv::test;

namespace {

ir::Document doc(std::string source, std::string title, std::string url) {
    ir::Document d;
    d.source_path = std::move(source);
    d.collection = d.source_path.starts_with("_posts/") ? "posts" : "";
    d.title = title;
    d.url = std::move(url);
    d.input_format = "markdown";
    d.front_matter = ir::Object{{"title", title}};
    ir::Paragraph p;
    p.children = {ir::Text{"Hello."}};
    d.body = {ir::Block(std::move(p))};
    return d;
}

struct Written {
    MemorySink sink;
    ir::Diagnostics diags;
};

void write(Written& w, const ir::Site& site, const MarkdownOptions& o = {}, const ResourceReader* r = nullptr) {
    write_markdown_site(site, o, r, w.sink, w.diags);
}

std::string file(const Written& w, const std::string& path) {
    auto it = w.sink.files.find(path);
    REQUIRE_MESSAGE(it != w.sink.files.end(), "no file " << path);
    return it->second;
}

}  // namespace

TEST_CASE("each document goes to its source path without the folder's underscore, as .md") {
    ir::Site site;
    site.documents = {doc("_posts/2024-01-02-a.md", "A", "/2024/01/02/a/"),
                      doc("_posts/2024-01-02-a.markdown", "A again", "/2024/01/02/a.html"),
                      doc("_talks/b.md", "B", "/talks/b/"), doc("about.html", "About", "/about/"),
                      doc("notes/deep/c.md", "C", "/notes/deep/c/")};
    Written w;
    write(w, site);
    std::vector<std::string> paths;
    for (const auto& [path, bytes] : w.sink.files) paths.push_back(path);
    CHECK(paths == std::vector<std::string>{"about.md", "notes/deep/c.md", "posts/2024-01-02-a-2.md",
                                            "posts/2024-01-02-a.md", "talks/b.md"});
    CHECK(w.diags.items().empty());
}

TEST_CASE("front matter states what Jekyll computed, then keeps every other key in order") {
    ir::Document d = doc("_drafts/x.md", "Computed title", "/2024/05/06/x/");
    d.date = ir::DateTime{ir::civil_to_epoch(2024, 5, 6, 10, 0, 0) - 7200, 7200};
    d.tags = {"a", "b"};
    d.categories = {"news"};
    d.draft = true;
    d.front_matter = ir::Object{{"layout", "post"},
                                {"date", "2024-05-06 10:00"},
                                {"tags", "a b"},
                                {"image", "/i.png"},
                                {"share", ir::Object{{"x", true}}}};
    ir::Site site;
    site.documents = {d};
    Written w;
    write(w, site);
    CHECK(file(w, "drafts/x.md") ==
          "---\n"
          "title: Computed title\n"
          "date: 2024-05-06T10:00:00+02:00\n"
          "tags: [\"a\", \"b\"]\n"
          "categories: [\"news\"]\n"
          "permalink: /2024/05/06/x/\n"
          "draft: true\n"
          "layout: post\n"
          "image: /i.png\n"
          "share:\n"
          "  x: true\n"
          "---\n"
          "\n"
          "Hello.\n");
    // The same in TOML, for Zola.
    MarkdownOptions toml;
    toml.front_matter = FrontMatterFormat::toml;
    Written t;
    write(t, site, toml);
    CHECK(file(t, "drafts/x.md").starts_with("+++\ntitle = \"Computed title\"\ndate = 2024-05-06T10:00:00+02:00\n"));
}

TEST_CASE("TOML front matter leaves nulls out and warns once per document, naming each key") {
    ir::Document d = doc("_posts/2024-01-02-a.md", "A", "/a/");
    d.front_matter = ir::Object{{"subtitle", nullptr},
                                {"layout", "post"},
                                {"share", ir::Object{{"x", nullptr}, {"y", true}}},
                                {"links", ir::Array{"/b/", nullptr}}};
    ir::Document clean = doc("about.md", "About", "/about/");
    ir::Site site;
    site.documents = {d, clean};
    MarkdownOptions toml;
    toml.front_matter = FrontMatterFormat::toml;
    Written t;
    write(t, site, toml);
    CHECK(file(t, "posts/2024-01-02-a.md") ==
          "+++\ntitle = \"A\"\npermalink = \"/a/\"\nlayout = \"post\"\nlinks = [\"/b/\"]\n\n[share]\ny = true\n+++\n"
          "\nHello.\n");
    auto items = t.diags.items();
    REQUIRE(items.size() == 1);
    CHECK(items[0].severity == ir::Severity::warning);
    CHECK(items[0].file == "_posts/2024-01-02-a.md");
    CHECK(items[0].line == 0);
    CHECK(items[0].col == 0);
    // In the order TOML writes them: a nested table comes after the top-level keys.
    CHECK(items[0].message == "--to markdown: TOML has no null; dropped front-matter keys: subtitle, links[1], share.x");
    // YAML and JSON have null: nothing is dropped, nothing is reported.
    for (FrontMatterFormat f : {FrontMatterFormat::yaml, FrontMatterFormat::json}) {
        MarkdownOptions o;
        o.front_matter = f;
        Written w;
        write(w, site, o);
        CHECK(w.diags.items().empty());
    }
}

TEST_CASE("what Markdown cannot hold becomes an HTML comment and a warning at its line") {
    ir::Document d = doc("_posts/2024-01-02-a.md", "A", "/a/");
    ir::Paragraph p;
    p.children = {ir::Text{"Before "}, ir::UnsupportedInline{"liquid-tag", "{% gist abc %}", {7, 3}}};
    d.body = {ir::Block(std::move(p))};
    ir::Site site;
    site.documents = {d};
    Written w;
    write(w, site);
    const std::string text = file(w, "posts/2024-01-02-a.md");
    CHECK(text.find("{% gist") == std::string::npos);  // no template engine may run it
    CHECK(text.find("<!--") != std::string::npos);
    auto items = w.diags.items();
    REQUIRE(items.size() == 1);
    CHECK(items[0].severity == ir::Severity::warning);
    CHECK(items[0].file == "_posts/2024-01-02-a.md");
    CHECK(items[0].line == 7);
    CHECK(items[0].message == "--to markdown: liquid-tag kept as an HTML comment; it needs a person");
}

TEST_CASE("static files are copied under their own paths; processed ones are not") {
    ir::Site site;
    site.documents = {doc("about.md", "About", "/about/")};
    site.static_files = {{"assets/x.png", false}, {"assets/main.scss", true}, {"missing.txt", false}};
    MemoryResources files;
    files.files["assets/x.png"] = "PNG";
    files.files["assets/main.scss"] = "---\n---\nbody{}";
    Written w;
    write(w, site, {}, &files);
    CHECK(file(w, "assets/x.png") == "PNG");
    CHECK(w.sink.files.count("assets/main.scss") == 0);
    auto items = w.diags.items();
    REQUIRE(items.size() == 1);
    CHECK(items[0].file == "missing.txt");
    CHECK(items[0].message == "--to markdown: not copied: no such file");
}

TEST_CASE("--to markdown of samples/: one file per document, Liquid run, static files beside them") {
    TempDir tmp;
    fs::path out = tmp.path / "md";
    auto r = run_blogconv({(source_dir() / "samples").string(), "--to", "markdown", "-o", out.string()});
    CAPTURE(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err == "");
    std::size_t documents = 0;
    for (const auto& e : fs::recursive_directory_iterator(out)) {
        if (e.path().extension() != ".md") continue;
        ++documents;
        std::string text = read_file(e.path());
        CHECK(text.starts_with("---\ntitle: "));
        // The front matter is closed, and Liquid tags were run (a `{% raw %}` block's text stays,
        // as the text Jekyll shows).
        CHECK(text.find("\n---\n") != std::string::npos);
        CHECK(text.find("{% highlight") == std::string::npos);
        CHECK(text.find("{% raw") == std::string::npos);
    }
    CHECK(documents == 11);  // 8 posts, 1 draft, 1 talk, 1 page
    CHECK(fs::exists(out / "assets/images/tomatoes.jpg"));
}
