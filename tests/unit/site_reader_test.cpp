// The Jekyll site reader on small fixture sites written by the tests: what decides which
// documents exist and their metadata (dates, titles, categories, URLs, flags, diagnostics).
#include <doctest/doctest.h>

#include <filesystem>

#include "ir/datetime.h"
#include "readers/feed_settings.h"
#include "readers/front_matter.h"
#include "readers/jekyll_dates.h"
#include "readers/jekyll_site.h"
#include "readers/permalink.h"
#include "readers/yaml_value.h"
#include "tests/test_support.h"
#include "writers/html/html_renderer.h"

namespace fs = std::filesystem;
using namespace blogconv;
using blogconv::test::TempDir;
using blogconv::test::write_file;

namespace {

struct Read {
    ir::Site site;
    std::vector<ir::Diagnostic> diagnostics;
    const ir::Document* find(const std::string& source_path) const {
        for (const auto& d : site.documents)
            if (d.source_path == source_path) return &d;
        return nullptr;
    }
};

Read read_site(const fs::path& root, readers::ReaderOptions opts = {}) {
    ir::Diagnostics diags;
    Read r;
    r.site = readers::read_jekyll_site({root.string()}, opts, diags);
    r.diagnostics = diags.items();
    return r;
}

std::string rfc3339(const std::optional<ir::DateTime>& t) { return t ? ir::format_rfc3339(*t) : "(none)"; }

}  // namespace

TEST_CASE("front matter is split where Jekyll splits it") {
    struct Case {
        std::string text;
        bool has;
        std::string yaml;
        std::string body;
        int body_line;
    };
    const Case cases[] = {
        {"---\ntitle: a\n---\nbody\n", true, "---\ntitle: a\n", "body\n", 4},
        {"---\r\ntitle: a\r\n---\r\nbody\r\n", true, "---\r\ntitle: a\r\n", "body\r\n", 4},
        {"---\ntitle: a\n...\nbody", true, "---\ntitle: a\n", "body", 4},
        {"---\n---\nbody", true, "---\n", "body", 3},
        // Blank lines after the closing fence belong to it (`\s*$`).
        {"---\na: 1\n---\n\n\nbody", true, "---\na: 1\n", "body", 6},
        {"--- x\na: 1\n---\nbody", false, "", "--- x\na: 1\n---\nbody", 1},
        {"no front matter\n", false, "", "no front matter\n", 1},
        {"---\na: 1\nnever closed\n", false, "", "---\na: 1\nnever closed\n", 1},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto s = readers::split_front_matter(c.text);
        CHECK(s.has_front_matter == c.has);
        CHECK(s.yaml == c.yaml);
        CHECK(s.body == c.body);
        CHECK(s.body_first_line == c.body_line);
    }
    CHECK(readers::strip_bom("\xEF\xBB\xBF---\n") == "---\n");
}

TEST_CASE("YAML scalars are typed as Psych types them") {
    auto y = readers::parse_yaml("a: yes\nb: 'yes'\nc: 12\nd: 1_000\ne: 1.5\nf: ~\ng: Off\nh: \"3\"\ni: 0x1F\nj: text\n"
                                 "k: 2014-10-01 12:00:00\nl: '2014-10-01'\n",
                                 "x.md");
    REQUIRE_FALSE(y.error);
    const ir::Value& v = y.value;
    CHECK(*v.find("a") == ir::Value(true));
    CHECK(*v.find("b") == ir::Value("yes"));
    CHECK(*v.find("c") == ir::Value(12));
    CHECK(*v.find("d") == ir::Value(1000));
    CHECK(*v.find("e") == ir::Value(1.5));
    CHECK(v.find("f")->is_null());
    CHECK(*v.find("g") == ir::Value(false));
    CHECK(*v.find("h") == ir::Value("3"));
    CHECK(*v.find("i") == ir::Value(31));
    CHECK(*v.find("j") == ir::Value("text"));
    CHECK(y.plain_timestamp_keys.count("k") == 1);
    CHECK(y.plain_timestamp_keys.count("l") == 0);
}

TEST_CASE("YAML: duplicate keys keep the first position and the last value; errors carry line and column") {
    auto y = readers::parse_yaml("---\nz: 1\na: 2\nz: 3\n", "p.md");
    REQUIRE_FALSE(y.error);
    const auto& obj = y.value.as_object();
    REQUIRE(obj.size() == 2);
    CHECK(obj[0].first == "z");
    CHECK(obj[0].second == ir::Value(3));
    CHECK(obj[1].first == "a");

    auto bad = readers::parse_yaml("---\ntitle: ok\ntags: [a, b\n", "p.md");
    REQUIRE(bad.error);
    CHECK(bad.error->file == "p.md");
    CHECK(bad.error->line >= 3);
    CHECK(bad.error->col >= 1);
}

TEST_CASE("every front-matter date form") {
    auto la = readers::SiteZone::locate("America/Los_Angeles");
    REQUIRE(la);
    readers::SiteZone utc;
    struct Case {
        const char* text;
        bool timestamp;  // unquoted in YAML
        const readers::SiteZone* zone;
        const char* want;
    };
    const Case cases[] = {
        {"2018-03-03", true, &utc, "2018-03-03T00:00:00+00:00"},
        {"2018-03-03", true, &*la, "2018-03-03T00:00:00-08:00"},
        {"2018-03-03", false, &*la, "2018-03-03T00:00:00-08:00"},
        // A zoneless YAML timestamp is UTC, shown in the site's zone...
        {"2014-10-01 12:00:00", true, &*la, "2014-10-01T05:00:00-07:00"},
        // ...but the same text quoted goes through Time.parse: local time.
        {"2014-10-01 12:00:00", false, &*la, "2014-10-01T12:00:00-07:00"},
        {"2014-10-1 12:00:00", true, &utc, "2014-10-01T12:00:00+00:00"},
        {"2013-05-06 02:12:52 +0200", false, &*la, "2013-05-05T17:12:52-07:00"},
        {"2013-05-06 02:12:52 +02:00", true, &utc, "2013-05-06T00:12:52+00:00"},
        {"2016-08-25 09:50:00-0800", true, &utc, "2016-08-25T17:50:00+00:00"},
        {"2023-01-29 18:30:22 2023 -0800", false, &*la, "2023-01-29T18:30:22-08:00"},
        {"2015-01-01T10:00:00Z", true, &utc, "2015-01-01T10:00:00+00:00"},
        {"2015-01-01 10:00:00 UTC", false, &*la, "2015-01-01T02:00:00-08:00"},
        {"2015-01-01 10:00", false, &utc, "2015-01-01T10:00:00+00:00"},
        // Ruby (3.1) reads the `jun` of `junk` as June and the year after it: so does Jekyll.
        {"01/02/2015 junk", false, &utc, "2015-06-01T00:00:00+00:00"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto t = readers::parse_jekyll_date(c.text, c.timestamp, *c.zone);
        REQUIRE(t);
        CHECK(ir::format_rfc3339(*t) == c.want);
    }
    for (const char* bad : {"yesterday", "2015-13-01", "2015-01-01 10:00:00 +9999"}) {
        CAPTURE(bad);
        CHECK_FALSE(readers::parse_jekyll_date(bad, false, utc));
    }
    // Ruby 3.1's Time.parse: "string length (129) exceeds the limit 128".
    CHECK(readers::parse_jekyll_date("2014-09-08" + std::string(118, ' '), false, utc));
    CHECK_FALSE(readers::parse_jekyll_date("2014-09-08" + std::string(119, ' '), false, utc));
}

TEST_CASE("slugify, titleize and URL escaping") {
    using readers::SlugMode;
    CHECK(readers::slugify("Hello, World!") == "hello-world");
    CHECK(readers::slugify("Hello, World!", SlugMode::pretty, true) == "Hello,-World!");
    CHECK(readers::slugify("Ünïcode Títle") == "ünïcode-títle");
    CHECK(readers::slugify("主题，预览") == "主题-预览");
    CHECK(readers::titleize_slug("hello-big-WORLD") == "Hello Big World");
    CHECK(readers::escape_path("plain-path/x.html") == "plain-path/x.html");
    CHECK(readers::escape_path("edge case") == "edge%20case");
    CHECK(readers::escape_path("it's") == "it's");
    CHECK(readers::escape_path("主题") == "%E4%B8%BB%E9%A2%98");
    CHECK(readers::escape_path("a#b") == "a%23b");
    CHECK(readers::sanitize_url("a/../b//c/./d") == "/a/b/c/d");
    CHECK(readers::sanitize_url("//a//b/") == "/a/b/");
}

TEST_CASE("permalink styles and templates") {
    readers::UrlPlaceholders p;
    p.collection = "posts";
    p.basename = "2015-01-29-Hello-World";
    p.slug = "Hello-World";
    p.categories = {"Edge Case", "news"};
    p.output_ext = ".html";
    p.path = "/2015-01-29-Hello-World";
    p.date = ir::DateTime{ir::civil_to_epoch(2015, 1, 29, 7, 8, 9), 0};
    struct Case {
        const char* tmpl;
        const char* want;
    };
    const Case cases[] = {
        {"date", "/edge%20case/news/2015/01/29/Hello-World.html"},
        {"pretty", "/edge%20case/news/2015/01/29/Hello-World/"},
        {"ordinal", "/edge%20case/news/2015/029/Hello-World.html"},
        {"weekdate", "/edge%20case/news/2015/W05/Thu/Hello-World.html"},
        {"none", "/edge%20case/news/Hello-World.html"},
        {"/:year-:month-:day-:title/", "/2015-01-29-Hello-World/"},
        {"/:short_year/:i_month/:i_day/:hour:minute:second/:slug", "/15/1/29/070809/hello-world"},
        {"/:collection/:path:output_ext", "/posts/2015-01-29-Hello-World.html"},
        {"/:name/:slugified_categories/", "/2015-01-29-hello-world/edge-case/news/"},
        {"/:short_month/:long_month/:long_day/:y_day", "/Jan/January/Thursday/029"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.tmpl);
        std::string err;
        auto url = readers::document_url(readers::style_to_permalink(c.tmpl), std::nullopt, p, &err);
        REQUIRE(url);
        CHECK(*url == c.want);
    }
    std::string err;
    CHECK_FALSE(readers::document_url("/:nonsense/", std::nullopt, p, &err));
    CHECK(err.find("nonsense") != std::string::npos);
    CHECK(*readers::document_url("date", std::string("/fixed/:year/"), p, &err) == "/fixed/2015/");
    CHECK(readers::collection_default_template("pretty") == "/:collection/:path/");
    CHECK(readers::collection_default_template("date") == "/:collection/:path:output_ext");
}

TEST_CASE("a site: titles from slugs, categories and tags in every form, folder categories") {
    TempDir t;
    write_file(t.path / "_config.yml", "title: Test\nurl: https://example.org/\nbaseurl: /blog/\n");
    write_file(t.path / "_posts/2020-01-02-hello-big-world.md", "---\n---\nHi\n");
    write_file(t.path / "_posts/2020-01-03-lists.md",
               "---\ntitle: Lists\ncategories: [Alpha, Beta]\ntags: [x, y]\n---\nA\n");
    write_file(t.path / "_posts/2020-01-04-strings.md",
               "---\ntitle: Strings\ncategories: one two\ntags: p q\n---\nA\n");
    write_file(t.path / "_posts/2020-01-05-singular.md",
               "---\ntitle: Singular\ncategory: Only One\ntag: not split\n---\nA\n");
    write_file(t.path / "news/_posts/2020-01-06-folder.md", "---\ntitle: Folder\n---\nA\n");
    write_file(t.path / "_posts/sub/2020-01-07-subfolder.md", "---\ntitle: Sub\n---\nA\n");
    write_file(t.path / "_posts/not-dated.md", "---\ntitle: Never read\n---\nA\n");
    auto r = read_site(t.path);
    CHECK(r.site.title == "Test");
    CHECK(r.site.url == "https://example.org");
    CHECK(r.site.baseurl == "/blog");
    CHECK(r.site.documents.size() == 6);
    CHECK(r.find("_posts/not-dated.md") == nullptr);

    auto* slug = r.find("_posts/2020-01-02-hello-big-world.md");
    REQUIRE(slug);
    CHECK(slug->title == "Hello Big World");
    CHECK(slug->date_source == "filename");
    CHECK(slug->url == "/2020/01/02/hello-big-world.html");

    auto* lists = r.find("_posts/2020-01-03-lists.md");
    REQUIRE(lists);
    CHECK(lists->categories == std::vector<std::string>{"Alpha", "Beta"});
    CHECK(lists->tags == std::vector<std::string>{"x", "y"});
    CHECK(lists->url == "/alpha/beta/2020/01/03/lists.html");

    auto* strings = r.find("_posts/2020-01-04-strings.md");
    REQUIRE(strings);
    CHECK(strings->categories == std::vector<std::string>{"one", "two"});
    CHECK(strings->tags == std::vector<std::string>{"p", "q"});

    auto* singular = r.find("_posts/2020-01-05-singular.md");
    REQUIRE(singular);
    CHECK(singular->categories == std::vector<std::string>{"Only One"});
    CHECK(singular->tags == std::vector<std::string>{"not split"});
    CHECK(singular->url == "/only%20one/2020/01/05/singular.html");

    auto* folder = r.find("news/_posts/2020-01-06-folder.md");
    REQUIRE(folder);
    CHECK(folder->categories == std::vector<std::string>{"news"});
    CHECK(folder->url == "/news/2020/01/06/folder.html");

    auto* sub = r.find("_posts/sub/2020-01-07-subfolder.md");
    REQUIRE(sub);
    CHECK(sub->categories.empty());
    CHECK(sub->url == "/2020/01/07/subfolder.html");

    // Sorted by date, then path.
    for (std::size_t i = 1; i < r.site.documents.size(); ++i)
        CHECK(*r.site.documents[i - 1].date <= *r.site.documents[i].date);
    CHECK(r.site.time == *r.site.documents.back().date);
}

TEST_CASE("published: false, drafts and future posts need their switches") {
    TempDir t;
    write_file(t.path / "_config.yml", "title: Flags\n");
    write_file(t.path / "_posts/2020-01-01-normal.md", "---\ntitle: Normal\n---\nA\n");
    write_file(t.path / "_posts/2020-01-02-hidden.md", "---\ntitle: Hidden\npublished: false\n---\nA\n");
    write_file(t.path / "_posts/2030-01-01-later.md", "---\ntitle: Later\n---\nA\n");
    write_file(t.path / "_drafts/a-draft.md", "---\ntitle: Draft\n---\nA\n");
    readers::ReaderOptions base;
    base.now = ir::DateTime{ir::civil_to_epoch(2025, 1, 1), 0};

    auto plain = read_site(t.path, base);
    CHECK(plain.site.documents.size() == 1);
    CHECK(plain.find("_posts/2020-01-01-normal.md"));

    auto opts = base;
    opts.unpublished = true;
    auto unpub = read_site(t.path, opts);
    REQUIRE(unpub.find("_posts/2020-01-02-hidden.md"));
    CHECK_FALSE(unpub.find("_posts/2020-01-02-hidden.md")->published);

    opts = base;
    opts.future = true;
    auto fut = read_site(t.path, opts);
    REQUIRE(fut.find("_posts/2030-01-01-later.md"));
    CHECK(fut.find("_posts/2030-01-01-later.md")->future);

    opts = base;
    opts.drafts = true;
    opts.future = true;  // the draft is dated by its mtime: now, after `base.now`
    auto drafts = read_site(t.path, opts);
    auto* d = drafts.find("_drafts/a-draft.md");
    REQUIRE(d);
    CHECK(d->draft);
    CHECK(d->date_source == "mtime");
    CHECK(d->url.ends_with("/a-draft.html"));  // dated by its mtime under the `date` style

    // `future: true` in _config.yml has the same effect as the switch.
    write_file(t.path / "_config.yml", "title: Flags\nfuture: true\n");
    CHECK(read_site(t.path, base).find("_posts/2030-01-01-later.md"));
    // Without "now", nothing is in the future.
    write_file(t.path / "_config.yml", "title: Flags\n");
    CHECK(read_site(t.path).find("_posts/2030-01-01-later.md"));
}

TEST_CASE("BOM and CRLF files read like any other") {
    TempDir t;
    write_file(t.path / "_posts/2021-05-05-bom.md", "\xEF\xBB\xBF---\r\ntitle: \"With BOM\"\r\ntags: [a]\r\n---\r\nBody\r\n");
    auto r = read_site(t.path);
    auto* d = r.find("_posts/2021-05-05-bom.md");
    REQUIRE(d);
    CHECK(d->title == "With BOM");
    CHECK(d->tags == std::vector<std::string>{"a"});
    CHECK(r.diagnostics.empty());
}

TEST_CASE("bad posts are reported at path:line:col and skipped; the others are read") {
    TempDir t;
    write_file(t.path / "_posts/2021-01-01-good.md", "---\ntitle: Good\n---\nFine\n");
    write_file(t.path / "_posts/2021-01-02-yaml.md", "---\ntitle: Broken\ntags: [a, b\n---\nText\n");
    write_file(t.path / "_posts/2021-01-03-date.md", "---\ntitle: Bad date\ndate: not a date\n---\nText\n");
    write_file(t.path / "_posts/2021-01-04-utf8.md", "---\ntitle: Bytes\n---\nok\nbad \xFF here\n");
    auto r = read_site(t.path);
    REQUIRE(r.site.documents.size() == 1);
    CHECK(r.site.documents[0].title == "Good");

    auto find_diag = [&](const std::string& name) -> const ir::Diagnostic* {
        for (const auto& d : r.diagnostics)
            if (d.file.ends_with(name)) return &d;
        return nullptr;
    };
    auto* yaml = find_diag("2021-01-02-yaml.md");
    REQUIRE(yaml);
    CHECK(yaml->severity == ir::Severity::error);
    CHECK(yaml->line >= 3);
    CHECK(yaml->col >= 1);

    auto* date = find_diag("2021-01-03-date.md");
    REQUIRE(date);
    CHECK(date->line == 3);
    CHECK(date->message.find("not a date") != std::string::npos);

    auto* utf8 = find_diag("2021-01-04-utf8.md");
    REQUIRE(utf8);
    CHECK(utf8->line == 5);
    CHECK(utf8->col == 5);
    CHECK(utf8->message.find("UTF-8") != std::string::npos);
}

TEST_CASE("front matter defaults apply by path and type; unknown keys are kept in order") {
    TempDir t;
    write_file(t.path / "_config.yml",
               "permalink: /:categories/:title/\n"
               "collections:\n  talks:\n    output: true\n"
               "defaults:\n"
               "  - scope: {path: ''}\n    values: {layout: base, lang: en}\n"
               "  - scope: {path: '', type: posts}\n    values: {layout: post, category: blog}\n"
               "  - scope: {path: _posts/special}\n    values: {lang: fr}\n"
               "  - scope: {path: '', type: talks}\n    values: {layout: talk}\n");
    write_file(t.path / "_posts/2020-02-02-a.md", "---\nzeta: 1\ntitle: A\nalpha: [1, 2]\nlayout: mine\n---\nA\n");
    write_file(t.path / "_posts/special/2020-02-03-b.md", "---\ntitle: B\n---\nB\n");
    write_file(t.path / "_talks/first-talk.md", "---\ntitle: Talk\n---\nT\n");
    write_file(t.path / "_talks/static.md", "no front matter, so a static file\n");
    readers::ReaderOptions opts;
    opts.now = ir::DateTime{ir::civil_to_epoch(2024, 6, 1), 0};
    auto r = read_site(t.path, opts);

    auto* a = r.find("_posts/2020-02-02-a.md");
    REQUIRE(a);
    CHECK(a->url == "/blog/a/");  // :title is the file-name slug, not the title
    CHECK(a->lang == "en");
    const auto& fm = a->front_matter.as_object();
    REQUIRE(fm.size() >= 4);
    CHECK(fm[0].first == "zeta");
    CHECK(fm[1].first == "title");
    CHECK(fm[2].first == "alpha");
    CHECK(fm[3].first == "layout");
    CHECK(fm[3].second == ir::Value("mine"));
    CHECK(*a->front_matter.find("category") == ir::Value("blog"));

    auto* b = r.find("_posts/special/2020-02-03-b.md");
    REQUIRE(b);
    CHECK(b->lang == "fr");
    CHECK(*b->front_matter.find("layout") == ir::Value("post"));

    auto* talk = r.find("_talks/first-talk.md");
    REQUIRE(talk);
    CHECK(talk->collection == "talks");
    CHECK(talk->url == "/talks/first-talk/");
    CHECK(talk->date_source == "site.time");
    CHECK(*talk->front_matter.find("layout") == ir::Value("talk"));
    CHECK(r.find("_talks/static.md") == nullptr);
}

TEST_CASE("the site's time zone applies to file-name dates and URLs") {
    TempDir t;
    write_file(t.path / "_config.yml", "timezone: America/Los_Angeles\npermalink: pretty\n");
    write_file(t.path / "_posts/2013-05-06-release.md", "---\ndate: 2013-05-06 02:12:52 +0200\n---\nA\n");
    write_file(t.path / "_posts/2013-05-07-plain.md", "---\n---\nA\n");
    auto r = read_site(t.path);
    auto* rel = r.find("_posts/2013-05-06-release.md");
    REQUIRE(rel);
    CHECK(rfc3339(rel->date) == "2013-05-05T17:12:52-07:00");
    CHECK(rel->url == "/2013/05/05/release/");
    auto* plain = r.find("_posts/2013-05-07-plain.md");
    REQUIRE(plain);
    CHECK(rfc3339(plain->date) == "2013-05-07T00:00:00-07:00");
}

TEST_CASE("a folder of posts and single files") {
    TempDir t;
    write_file(t.path / "notes/2022-03-04-first.md", "---\ntitle: First\n---\nA\n");
    write_file(t.path / "notes/second.markdown", "---\ntitle: Second\ndate: 2022-03-05\n---\nB\n");
    // Only document files are posts: a script, a data file or an image beside them is not (a
    // theme's repository read at its root turned its JavaScript into posts and its images into
    // "binary post" errors).
    write_file(t.path / "notes/assets/app.js", "var a = 1;\n");
    write_file(t.path / "notes/data.yml", "a: 1\n");
    write_file(t.path / "notes/img.png", std::string("\x89PNG\0\0", 6));
    auto r = read_site(t.path / "notes");
    CHECK(r.diagnostics.empty());
    CHECK(r.site.documents.size() == 2);
    REQUIRE(r.find("second.markdown"));
    CHECK(r.find("second.markdown")->url == "/2022/03/05/second.html");

    ir::Diagnostics diags;
    auto one = readers::read_jekyll_site({(t.path / "notes/2022-03-04-first.md").string()}, {}, diags);
    REQUIRE(one.documents.size() == 1);
    CHECK(one.documents[0].title == "First");
}

TEST_CASE("jekyll-feed's feed: settings and the cover are read into the model, so writers never read the config") {
    using blogconv::readers::feed_settings;
    using blogconv::readers::site_cover;
    namespace ir = blogconv::ir;
    const ir::Value full = ir::Object{
        {"feed", ir::Object{{"path", "/atom.xml"},
                            {"excerpt_only", true},
                            {"posts_limit", 3},
                            {"icon", "/i.png"},
                            {"logo", "https://cdn.example/l.png"},
                            {"tags", ir::Object{{"only", ir::Array{"a", "b"}}}},
                            {"categories", true}}},
        {"image", ir::Object{{"path", "/cover.jpg"}}}};
    ir::FeedSettings want;
    want.path = "/atom.xml";
    want.excerpt_only = true;
    want.posts_limit = 3;
    want.icon = "/i.png";
    want.logo = "https://cdn.example/l.png";
    want.tag_feeds = {"a", "b"};
    want.category_feeds = {"*"};
    CHECK(feed_settings(full) == want);
    CHECK(site_cover(full) == "/cover.jpg");
    // Wrong types are ignored, as jekyll-feed ignores them; `cover:` wins over `image:`.
    const ir::Value odd = ir::Object{{"feed", ir::Object{{"path", 5}, {"posts_limit", "ten"}, {"tags", false}}},
                                     {"cover", "c.png"},
                                     {"image", "i.png"}};
    CHECK(feed_settings(odd) == ir::FeedSettings{});
    CHECK(site_cover(odd) == "c.png");
    CHECK(feed_settings(ir::Value{}) == ir::FeedSettings{});
}

TEST_CASE("Liquid's site.time is Jekyll's: the config's time:, else now, not the newest post") {
    // Jekyll sets site.time from `time:` in the configuration, else from the clock (site.rb,
    // Site#reset); a post dated in the future does not move it.
    TempDir t;
    write_file(t.path / "_posts/2020-01-01-a.md", "---\n---\nYear {{ site.time | date: '%Y' }}\n");
    write_file(t.path / "_posts/9999-12-31-far.md", "---\n---\nfar\n");
    readers::ReaderOptions o;
    o.future = true;
    o.now = ir::DateTime{ir::civil_to_epoch(2026, 11, 25), 0};
    auto year_seen = [](const Read& r) {
        const ir::Document* d = r.find("_posts/2020-01-01-a.md");
        return d ? writers::render_html(d->body, {}) : std::string("(not read)");
    };
    CHECK(year_seen(read_site(t.path, o)) == "<p>Year 2026</p>\n");
    write_file(t.path / "_config.yml", "time: 2021-06-01 10:00:00 +0000\n");
    CHECK(year_seen(read_site(t.path, o)) == "<p>Year 2021</p>\n");
}

TEST_CASE("site.posts and collections are lists in Liquid, ordered as Jekyll orders them") {
    // Jekyll's SiteDrop: site.posts is the posts newest first; site.<label> is the collection's
    // documents sorted by date, then path (Reader#sort_files!); each item is the document's
    // `page` (front matter plus url, date, title, ...).
    TempDir t;
    write_file(t.path / "_config.yml", "collections:\n  talks:\n    output: true\n");
    write_file(t.path / "_posts/2020-01-01-old.md", "---\ntitle: Old\n---\nx\n");
    write_file(t.path / "_posts/2021-01-01-new.md", "---\ntitle: New\nmood: glad\n---\nx\n");
    write_file(t.path / "_talks/b.md", "---\ntitle: B\ndate: 2019-01-01\n---\nx\n");
    write_file(t.path / "_talks/a.md", "---\ntitle: A\ndate: 2019-01-01\n---\nx\n");
    write_file(t.path / "_talks/c.md", "---\ntitle: C\ndate: 2018-01-01\n---\n"
                                      "{% for p in site.posts %}{{ p.title }} {{ p.url }} {{ p.mood }};{% endfor %}"
                                      "{% for d in site.talks %}{{ d.title }}{% endfor %}"
                                      "{{ site.posts | where_exp: 'p', 'p.mood == \"glad\"' | size }}\n");
    const Read r = read_site(t.path);
    const ir::Document* c = r.find("_talks/c.md");
    REQUIRE(c);
    CHECK(writers::render_html(c->body, {}) ==
          "<p>New /2021/01/01/new.html glad;Old /2020/01/01/old.html ;CAB1</p>\n");
}
