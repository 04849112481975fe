// The site reader's pure steps, each from strings with no file system: the path rules of the
// walk (readers/site_paths.h), front matter defaults (readers/front_matter_defaults.h), every step
// from a document's text to its metadata (readers/document_builder.h) and the data files
// (readers/data_files.h). tests/unit/site_reader_test.cpp covers the same rules through whole
// sites on disk.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "ir/datetime.h"
#include "readers/data_files.h"
#include "readers/document_builder.h"
#include "readers/feed_settings.h"
#include "readers/front_matter_defaults.h"
#include "readers/jekyll_dates.h"
#include "readers/site_paths.h"
#include "readers/yaml_value.h"

using namespace blogconv;
using namespace blogconv::readers;
using Strings = std::vector<std::string>;

// Values and diagnostics shown in full when a check fails (a flow-style YAML-like line).
namespace doctest {
template <>
struct StringMaker<ir::Value> {
    static String convert(const ir::Value& v) { return show(v).c_str(); }
    static std::string show(const ir::Value& v) {
        if (v.is_null()) return "~";
        if (v.is_string()) return "'" + v.as_string() + "'";
        if (v.is_array()) {
            std::string out = "[";
            for (const auto& e : v.as_array()) out += (out.size() > 1 ? ", " : "") + show(e);
            return out + "]";
        }
        if (v.is_object()) {
            std::string out = "{";
            for (const auto& entry : v.as_object())
                out += (out.size() > 1 ? ", " : "") + entry.first + ": " + show(entry.second);
            return out + "}";
        }
        return v.to_text();
    }
};
template <>
struct StringMaker<ir::Diagnostic> {
    static String convert(const ir::Diagnostic& d) {
        return (std::string(ir::severity_name(d.severity)) + " " + d.file + ":" + std::to_string(d.line) + ":" +
                std::to_string(d.col) + ": " + d.message + " | " + d.source_line)
            .c_str();
    }
};
}  // namespace doctest

namespace {

ir::Value yaml(const std::string& text) {
    YamlResult y = parse_yaml(text, "test.yml");
    REQUIRE_FALSE(y.error);
    return y.value.is_null() ? ir::Value(ir::Object{}) : y.value;
}

SiteConfig config_of(const std::string& text) { return site_config_from_value(yaml(text)); }

ir::DateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) {
    return ir::DateTime{ir::civil_to_epoch(year, month, day, hour, minute, second), 0};
}

std::string shown(const std::optional<ir::DateTime>& t) { return t ? ir::format_rfc3339(*t) : "(none)"; }

DocumentSource post(const std::string& relative_path) {
    DocumentSource s;
    s.relative_path = relative_path;
    s.source_path = relative_path;
    s.display = "site/" + relative_path;
    s.collection = "posts";
    s.require_dated_name = true;
    return s;
}

DocumentSource draft(const std::string& relative_path) {
    DocumentSource s = post(relative_path);
    s.draft = true;
    s.require_dated_name = false;
    return s;
}

DocumentSource in_collection(const std::string& label, const std::string& relative_path) {
    DocumentSource s;
    s.relative_path = relative_path;
    s.source_path = relative_path;
    s.display = "site/" + relative_path;
    s.collection = label;
    s.require_yaml_header = true;
    return s;
}

DocumentSource page(const std::string& relative_path) { return in_collection("", relative_path); }

ParsedFrontMatter front_matter(const std::string& text) {
    std::vector<ir::Diagnostic> diags;
    auto parsed = parse_front_matter("---\n" + text, "test.md", Limits{}, diags);
    REQUIRE(parsed);
    REQUIRE(diags.empty());
    return *parsed;
}

}  // namespace

// ---- readers/site_paths.h ----------------------------------------------------------------------

TEST_CASE("entries Jekyll never reads: special and backup names, excluded and default-excluded paths") {
    struct Case {
        std::string entry;
        bool filtered;
    };
    const Case entries[] = {
        {"post.md", false},      {".hidden.md", true}, {"_partial.md", true},   {"#autosave#", true},
        {"~lock", true},         {"post.md~", true},   {"trailing.", true},     {"a/b.md", false},
        {"a/_b.md", true},       {"a/.b.md", true},    {"_a/b.md", true},       {"a_b.md", false},
    };
    for (const auto& c : entries) {
        CAPTURE(c.entry);
        CHECK(filtered_entry(c.entry) == c.filtered);
    }
    // filtered_path looks at every segment; filtered_entry only at the first and the last.
    CHECK(filtered_entry("a/_b/c.md") == false);
    CHECK(filtered_path("a/_b/c.md") == true);
    CHECK(filtered_path("a/b/c.md") == false);
    CHECK(filtered_path("a/b/c.md~") == true);

    const std::pair<std::string, bool> defaults[] = {
        {"node_modules", true},  {"node_modules/x/index.md", true}, {"node_modules2/x.md", false},
        {"vendor/bundle/a", true}, {"vendor/other/a", false},        {"Gemfile", true},
        {"Gemfile.lock", true},  {"Gemfile.old", false},            {"docs/Gemfile", false},
    };
    for (const auto& row : defaults) {
        const auto& rel = row.first;
        const auto& want = row.second;
        CAPTURE(rel);
        CHECK(default_excluded(rel) == want);
    }

    const Strings exclude = {"drafts/", "README.md", "", "/"};
    const std::pair<std::string, bool> excludes[] = {
        {"drafts", true},     {"drafts/x.md", true}, {"drafts2/x.md", false}, {"README.md", true},
        {"docs/README.md", false}, {"x.md", false},
    };
    for (const auto& row : excludes) {
        const auto& rel = row.first;
        const auto& want = row.second;
        CAPTURE(rel);
        CHECK(excluded(exclude, rel) == want);
    }
}

TEST_CASE("document extensions and the joins of site paths") {
    const std::pair<std::string, bool> names[] = {
        {"a.md", true},   {"a.MD", true},  {"a.markdown", true}, {"a.mkd", true}, {"a.mkdn", true},
        {"a.mdown", true}, {"a.html", true}, {"a.HTML", true},    {"a.htm", false}, {"a.txt", false},
        {"feed.xml", false}, {"md", false},
    };
    for (const auto& row : names) {
        const auto& name = row.first;
        const auto& want = row.second;
        CAPTURE(name);
        CHECK(has_document_extension(name) == want);
    }
    CHECK(join_rel("", "b") == "b");
    CHECK(join_rel("a", "b") == "a/b");
    CHECK(display_join("", "x.md") == "x.md");
    CHECK(display_join(".", "x.md") == "x.md");
    CHECK(display_join("site", "x.md") == "site/x.md");
    CHECK(display_join("site/", "x.md") == "site/x.md");
    CHECK(path_in_root("site/_posts/x.md", "site") == "_posts/x.md");
    CHECK(path_in_root("loose/x.md", "") == "loose/x.md");
    CHECK(ascii_lower("A.MarkDown") == "a.markdown");
}

// ---- readers/front_matter_defaults.h -----------------------------------------------------------

TEST_CASE("a defaults scope glob matches within folder names, its last segment as a prefix") {
    struct Case {
        std::string pattern, path;
        bool match;
    };
    const Case cases[] = {
        {"_posts/*", "_posts/2020-01-01-a.md", true},
        {"*/_posts", "news/_posts/x.md", true},
        {"*/_posts", "news/sub/_posts/x.md", false},  // a `*` never crosses a '/'
        {"_posts/20*", "_posts/2020-01-01-a.md", true},
        {"_posts/19*", "_posts/2020-01-01-a.md", false},
        {"docs/*/index", "docs/v1/index.md", true},
        {"docs/*/index", "docs/v1/other.md", false},
        {"a/b/c", "a/b", false},
        {"*", "anything/at/all.md", true},
        {"**", "x.md", true},
    };
    for (const auto& c : cases) {
        CAPTURE(c.pattern);
        CAPTURE(c.path);
        CHECK(scope_glob_matches(c.pattern, c.path) == c.match);
    }
}

TEST_CASE("deep_merge: nested mappings merge, a null keeps the old value, a non-mapping changes nothing") {
    ir::Value target = yaml("a: 1\nnested: {x: 1, y: 2}\nkeep: old\n");
    deep_merge(target, yaml("nested: {y: 3, z: 4}\nkeep: ~\nb: new\n"));
    CHECK(target == yaml("a: 1\nnested: {x: 1, y: 3, z: 4}\nkeep: old\nb: new\n"));
    deep_merge(target, ir::Value("not a mapping"));
    CHECK(target == yaml("a: 1\nnested: {x: 1, y: 3, z: 4}\nkeep: old\nb: new\n"));
    ir::Value scalar("x");
    deep_merge(scalar, yaml("k: v\n"));
    CHECK(scalar == yaml("k: v\n"));
}

TEST_CASE("defaults apply by path and type; the longer path, then the typed set, wins") {
    const SiteConfig config = config_of(
        "collections_dir: my\n"
        "defaults:\n"
        "  - scope: {path: ''}\n    values: {layout: base, lang: en, who: all}\n"
        "  - scope: {path: '', type: posts}\n    values: {layout: post}\n"
        "  - scope: {path: _posts/special}\n    values: {lang: fr}\n"
        "  - scope: {path: my/_talks}\n    values: {layout: talk}\n"
        "  - scope: {path: '/_posts/*/deep/'}\n    values: {who: globbed}\n"
        "  - scope: {path: ''}\n    values: {lang: late}\n");
    struct Case {
        std::string relative_path, type;
        std::string values;  // YAML
    };
    const Case cases[] = {
        // The typed set outranks the later untyped one of the same path length, so `lang: late`
        // only fills what is missing; a weaker set's keys come first (Ruby's Hash#merge order).
        {"_posts/2020-01-01-a.md", "posts", "{lang: en, layout: post, who: all}"},
        // The longer path outranks the later, shorter one.
        {"_posts/special/2020-01-01-b.md", "posts", "{lang: fr, layout: post, who: all}"},
        // collections_dir is taken off a scope path that starts with it.
        {"_talks/t.md", "talks", "{lang: en, layout: talk, who: all}"},
        // A leading '/' and a trailing one are taken off before globbing.
        {"_posts/x/deep/2020-01-01-c.md", "posts", "{lang: en, layout: post, who: globbed}"},
        // A page: only the untyped sets, the later one winning.
        {"about.md", "", "{layout: base, lang: late, who: all}"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.relative_path);
        CHECK(front_matter_defaults(config, c.relative_path, c.type) == yaml(c.values));
    }
    CHECK(front_matter_defaults(config_of("title: none\n"), "_posts/a.md", "posts") == ir::Value(ir::Object{}));
}

// ---- readers/document_builder.h: names, categories, tags ---------------------------------------

TEST_CASE("a post's dated file name: date and slug, two-digit years as Time.parse reads them") {
    struct Case {
        std::string path;
        bool dated;
        int year, month, day;
        std::string slug;
    };
    const Case cases[] = {
        {"_posts/2020-01-02-hello-world.md", true, 2020, 1, 2, "hello-world"},
        {"_posts/2014-3-3-short.markdown", true, 2014, 3, 3, "short"},
        {"cat/_posts/sub/2019-12-31-deep.md", true, 2019, 12, 31, "deep"},
        {"_posts/99-01-01-old.md", true, 1999, 1, 1, "old"},
        {"_posts/68-01-01-new.md", true, 2068, 1, 1, "new"},
        {"_posts/2020-01-02-dots.in.name.md", true, 2020, 1, 2, "dots.in.name"},
        {"_posts/2020-01-02-.md", true, 2020, 1, 2, ""},
        {"_posts/2020-02-30-impossible.md", true, 2020, 2, 30, "impossible"},  // checked when dated
        {"_posts/not-dated.md", false, 0, 0, 0, ""},
        {"_posts/2020-01-02-no-extension", false, 0, 0, 0, ""},
        {"_posts/2020-01-02/not-in-last-segment.md", false, 0, 0, 0, ""},
        {"_posts/12345-01-01-long-year.md", false, 0, 0, 0, ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.path);
        auto name = parse_dated_name(c.path);
        REQUIRE(name.has_value() == c.dated);
        if (!name) continue;
        CHECK(name->year == c.year);
        CHECK(name->month == c.month);
        CHECK(name->day == c.day);
        CHECK(name->slug == c.slug);
    }
}

TEST_CASE("categories from folders above the collection folder") {
    struct Case {
        DocumentSource source;
        Strings categories;
    };
    const Case cases[] = {
        {post("_posts/2020-01-01-a.md"), {}},
        {post("news/_posts/2020-01-01-a.md"), {"news"}},
        {post("a/b/_posts/2020-01-01-a.md"), {"a", "b"}},
        {post("a/a/_posts/2020-01-01-a.md"), {"a"}},  // no repeats
        {post("_posts/sub/2020-01-01-a.md"), {}},     // folders below _posts are not categories
        {draft("news/_drafts/a.md"), {"news"}},
        {in_collection("talks", "_talks/t.md"), {}},
        {page("about/index.md"), {"about"}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.source.relative_path);
        CHECK(folder_categories(c.source) == c.categories);
    }
}

TEST_CASE("categories and tags in every form, merged in Jekyll's order") {
    const std::pair<std::string, Strings> lists[] = {
        {"v: one two  three", {"one", "two", "three"}},
        {"v: [Alpha, Beta, ~]", {"Alpha", "Beta"}},
        {"v: 2020", {"2020"}},
        {"v: ~", {}},
        {"v: ''", {}},
    };
    for (const auto& row : lists) {
        const auto& text = row.first;
        const auto& want = row.second;
        CAPTURE(text);
        CHECK(category_list(*yaml(text).find("v")) == want);
    }

    const std::pair<std::string, Strings> tags[] = {
        {"tag: not split\ntags: [x]", {"not split"}},  // the singular wins, unsplit
        {"tag: [a, b]", {"a", "b"}},
        {"tags: p q", {"p", "q"}},
        {"tag: ~\ntags: [y]", {"y"}},  // a null singular counts as unset
        {"other: 1", {}},
    };
    for (const auto& row : tags) {
        const auto& text = row.first;
        const auto& want = row.second;
        CAPTURE(text);
        CHECK(pluralized_list(yaml(text), "tag", "tags") == want);
    }

    struct Case {
        Strings folders;
        std::string defaults, front_matter;
        Strings categories;
    };
    const Case cases[] = {
        {{"news"}, "{}", "categories: [a, news]", {"news", "a"}},
        // An array of defaults comes before the folders' categories, a string after them.
        {{"news"}, "categories: [d1, d2]", "{}", {"d1", "d2", "news"}},
        {{"news"}, "categories: d1 d2", "{}", {"news", "d1", "d2"}},
        // A singular `category` in the front matter is not split.
        {{}, "{}", "category: Only One", {"Only One"}},
        {{}, "{}", "categories: one two", {"one", "two"}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.front_matter);
        ir::Value defaults = yaml(c.defaults), fm = yaml(c.front_matter), data = ir::Object{};
        deep_merge(data, defaults);
        deep_merge(data, fm);
        CHECK(document_categories(c.folders, defaults, fm, data) == c.categories);
    }
}

// ---- dates -------------------------------------------------------------------------------------

TEST_CASE("a document's date: front matter, else the file name, else mtime or now; errors say why") {
    DocumentRules rules;
    rules.zone = *SiteZone::locate("Europe/Berlin");
    rules.now = utc(2024, 6, 1, 12);
    const std::int64_t mtime = utc(2023, 3, 4, 5, 6, 7).utc_seconds;
    struct Case {
        std::string what;
        DocumentSource source;
        std::string front_matter;
        std::string date, source_name, error;
        bool at_date_key = false;
    };
    const Case cases[] = {
        {"file name: local midnight", post("_posts/2020-01-02-a.md"), "", "2020-01-02T00:00:00+01:00", "filename", ""},
        {"front matter wins over the name", post("_posts/2020-01-02-a.md"), "date: 2020-05-06 07:08:09 +0000",
         "2020-05-06T09:08:09+02:00", "front-matter", ""},
        {"a quoted zoneless date is local time", post("_posts/2020-01-02-a.md"), "date: '2020-05-06 07:08:09'",
         "2020-05-06T07:08:09+02:00", "front-matter", ""},
        {"an unquoted zoneless timestamp is UTC", post("_posts/2020-01-02-a.md"), "date: 2020-05-06 07:08:09",
         "2020-05-06T09:08:09+02:00", "front-matter", ""},
        {"a date equal to now reads as unset", post("_posts/2020-01-02-a.md"), "date: 2024-06-01 12:00:00 +0000",
         "2020-01-02T00:00:00+01:00", "filename", ""},
        {"date: false is unset", post("_posts/2020-01-02-a.md"), "date: false", "2020-01-02T00:00:00+01:00",
         "filename", ""},
        {"an undated draft: its mtime", draft("_drafts/a.md"), "", "2023-03-04T06:06:07+01:00", "mtime", ""},
        {"an undated collection document: now", in_collection("talks", "_talks/t.md"), "",
         "2024-06-01T14:00:00+02:00", "site.time", ""},
        {"a page has no date", page("about.md"), "", "(none)", "", ""},
        // A date-only value is local midnight, quoted or not.
        {"a page may say one", page("about.md"), "date: 2021-02-03", "2021-02-03T00:00:00+01:00", "front-matter", ""},
        {"not a date", post("_posts/2020-01-02-a.md"), "date: someday", "(none)", "",
         "invalid date 'someday': write it as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS +0000; skipped", true},
        // Time.local rolls a day past the month's end over, as Jekyll does; a month 13 it refuses.
        {"a day past the month's end", post("_posts/2020-02-30-a.md"), "", "2020-03-01T00:00:00+01:00", "filename",
         ""},
        {"an impossible file-name date", post("_posts/2020-13-01-a.md"), "", "(none)", "",
         "invalid date in the file name; rename it YYYY-MM-DD-title.md; skipped", false},
        {"a year feeds cannot carry", post("_posts/2020-01-02-a.md"), "date: 0000-06-01 00:00:00 +0000",
         "-001-12-31T00:00:00+00:00", "",
         "the date's year 0 is outside 1 to 9999, which feeds and books cannot carry; skipped", true},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        ParsedFrontMatter fm = front_matter(c.front_matter + "\n");
        DocumentDate d = document_date(c.source, parse_dated_name(c.source.relative_path), fm.values, fm, mtime, rules);
        CHECK(d.error == c.error);
        CHECK(d.at_date_key == c.at_date_key);
        if (!c.error.empty()) continue;
        CHECK(shown(d.date) == c.date);
        CHECK(d.source == c.source_name);
    }

    // Without "now", an undated post or collection document takes its mtime.
    DocumentRules no_now;
    DocumentDate talk = document_date(in_collection("talks", "_talks/t.md"), std::nullopt, ir::Object{},
                                      ParsedFrontMatter{}, mtime, no_now);
    CHECK(shown(talk.date) == "2023-03-04T05:06:07+00:00");
    CHECK(talk.source == "mtime");
}

// ---- titles, slugs, URLs -----------------------------------------------------------------------

TEST_CASE("slug and title: from the file name unless the data says otherwise") {
    CHECK(file_slug(post("_posts/2020-01-02-hello-world.md"), parse_dated_name("_posts/2020-01-02-hello-world.md")) ==
          "hello-world");
    CHECK(file_slug(page("about/contact-me.md"), std::nullopt) == "contact-me");
    CHECK(file_slug(page("trailing..md"), std::nullopt) == "trailing");
    struct Case {
        std::string data, title, slug;
    };
    const Case cases[] = {
        {"{}", "Hello World", "hello-world"},
        {"title: Given\nslug: given-slug", "Given", "given-slug"},
        {"title: false\nslug: false", "Hello World", "hello-world"},
        {"title: ~\nslug: ~", "Hello World", "hello-world"},
        {"title: ''", "", "hello-world"},
        {"title: 2020\nslug: 7", "2020", "7"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.data);
        CHECK(document_title(yaml(c.data), "hello-world") == c.title);
        CHECK(document_slug(yaml(c.data), "hello-world") == c.slug);
    }
}

TEST_CASE("permalinks: the template by kind and style, placeholders from the path, front matter wins") {
    struct Case {
        std::string config;
        DocumentSource source;
        std::string data;
        Strings categories;
        std::string url;
    };
    const ir::DateTime date = utc(2020, 3, 4, 5, 6, 7);
    const Case cases[] = {
        {"", post("_posts/2020-03-04-a-post.md"), "{}", {}, "/2020/03/04/a-post.html"},
        {"", post("_posts/2020-03-04-a-post.md"), "{}", {"News", "two words"},
         "/news/two%20words/2020/03/04/a-post.html"},
        {"permalink: pretty", post("_posts/2020-03-04-a-post.md"), "{}", {}, "/2020/03/04/a-post/"},
        {"permalink: ordinal", post("_posts/2020-03-04-a-post.md"), "{}", {}, "/2020/064/a-post.html"},
        {"permalink: none", post("_posts/2020-03-04-a-post.md"), "{}", {}, "/a-post.html"},
        {"permalink: /:year/:title/", post("_posts/2020-03-04-a-post.md"), "{}", {}, "/2020/a-post/"},
        {"", post("_posts/2020-03-04-a-post.md"), "permalink: /fixed/:year/", {}, "/fixed/2020/"},
        {"", post("_posts/2020-03-04-a-post.md"), "permalink: false", {}, "/2020/03/04/a-post.html"},
        {"", in_collection("talks", "_talks/sub/first-talk.md"), "{}", {}, "/talks/sub/first-talk.html"},
        {"permalink: pretty", in_collection("talks", "_talks/first-talk.md"), "{}", {}, "/talks/first-talk/"},
        {"collections: {talks: {output: true, permalink: '/t/:name/'}}", in_collection("talks", "_talks/x.md"), "{}",
         {}, "/t/x/"},
        {"", page("about.md"), "{}", {}, "/about.html"},
        {"", page("docs/index.md"), "{}", {}, "/docs/"},
        {"permalink: pretty", page("docs/setup.md"), "{}", {}, "/docs/setup/"},
        {"permalink: /:title/", page("docs/setup.md"), "{}", {}, "/docs/setup/"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.config);
        CAPTURE(c.source.relative_path);
        CAPTURE(c.data);
        const SiteConfig config = config_of(c.config);
        const std::string slug = file_slug(c.source, parse_dated_name(c.source.relative_path));
        std::string error;
        auto url = document_permalink(c.source, yaml(c.data), url_placeholders(c.source, slug, c.categories, date),
                                      config, &error);
        CHECK(error == "");
        CHECK(url.value_or("(none)") == c.url);
    }

    std::string error;
    auto bad = document_permalink(post("_posts/2020-03-04-a.md"), yaml("permalink: /:nonsense/"),
                                  url_placeholders(post("_posts/2020-03-04-a.md"), "a", {}, date), config_of(""),
                                  &error);
    CHECK_FALSE(bad);
    CHECK(error == "the permalink template has no placeholder :nonsense");
}

TEST_CASE("placeholders: a document's cleaned path, a page's folder") {
    const ir::DateTime date = utc(2020, 3, 4);
    UrlPlaceholders talk = url_placeholders(in_collection("talks", "_talks/sub/2012-03-01-talk-1.md"), "talk-1",
                                            {"c"}, date);
    CHECK(talk.collection == "talks");
    CHECK(talk.path == "/sub/2012-03-01-talk-1");
    CHECK(talk.basename == "2012-03-01-talk-1");
    CHECK(talk.slug == "talk-1");
    CHECK(talk.categories == Strings{"c"});
    CHECK(talk.output_ext == ".html");
    CHECK(talk.date == date);
    CHECK(url_placeholders(page("docs/setup.md"), "setup", {}, std::nullopt).path == "/docs");
    CHECK(url_placeholders(page("setup.md"), "setup", {}, std::nullopt).path == "");
    // Jekyll's cleaned_relative_path only cuts the folder name out; the URL squeezes the slashes.
    CHECK(url_placeholders(post("news/_posts/2020-03-04-a.md"), "a", {}, date).path == "news//2020-03-04-a");

    const std::tuple<std::string, std::string, std::string> pages[] = {
        {"date", "about", "/:path/:basename:output_ext"},
        {"pretty", "about", "/:path/:basename/"},
        {"pretty", "index", "/:path/"},
        {"/:categories/:title/", "about", "/:path/:basename/"},
        {"/:title:output_ext", "about", "/:path/:basename:output_ext"},
        {"/:title", "about", "/:path/:basename"},
    };
    for (const auto& row : pages) {
        const auto& style = std::get<0>(row);
        const auto& basename = std::get<1>(row);
        const auto& want = std::get<2>(row);
        CAPTURE(style);
        CHECK(page_template(style, basename, true) == want);
    }
    CHECK(page_template("pretty", "feed", false) == "/:path/:basename:output_ext");
}

TEST_CASE("URLs that climb above the root, spelled or encoded") {
    const std::pair<std::string, bool> cases[] = {
        {"/a/b.html", false},  {"/../etc/passwd", true}, {"/a/%2e%2e/b", true}, {"/a/%2E%2E/b", true},
        {"/a/..b/c", false},   {"/a/b..", false},        {"/a\\..\\b", true},   {"..", true},
        {"/a/%2e./b", true},   {"/a/%2/b", false},
    };
    for (const auto& row : cases) {
        const auto& url = row.first;
        const auto& climbs = row.second;
        CAPTURE(url);
        CHECK(leaves_root(url) == climbs);
    }
}

// ---- publishing, typed fields ------------------------------------------------------------------

TEST_CASE("published and future: which documents are kept") {
    DocumentRules rules;
    rules.now = utc(2024, 1, 1);
    const std::optional<ir::DateTime> past = utc(2023, 1, 1), later = utc(2025, 1, 1);
    struct Case {
        std::string what, data;
        std::optional<ir::DateTime> date;
        bool unpublished_switch, future_switch, config_future;
        bool published, future, keep;
    };
    const Case cases[] = {
        {"plain", "{}", past, false, false, false, true, false, true},
        {"published: false", "published: false", past, false, false, false, false, false, false},
        {"published: false with --unpublished", "published: false", past, true, false, false, false, false, true},
        {"published: 'false' is a string, not false", "published: 'false'", past, false, false, false, true, false,
         true},
        {"future", "{}", later, false, false, false, true, true, false},
        {"future with --future", "{}", later, false, true, false, true, true, true},
        {"future with future: true", "{}", later, false, false, true, true, true, true},
        {"undated", "{}", std::nullopt, false, false, false, true, false, true},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        DocumentRules r = rules;
        r.unpublished = c.unpublished_switch;
        r.future = c.future_switch;
        SiteConfig config = config_of(c.config_future ? "future: true" : "");
        Publication p = publication(yaml(c.data), c.date, config, r);
        CHECK(p.published == c.published);
        CHECK(p.future == c.future);
        CHECK(p.keep == c.keep);
    }
    // Without "now" nothing is in the future.
    CHECK(publication(ir::Object{}, later, config_of(""), DocumentRules{}).keep);
}

TEST_CASE("authors, image, kept front matter and Liquid's page") {
    const std::pair<std::string, Strings> authors[] = {
        {"author: Ann", {"Ann"}},
        {"author: {name: Ann, email: a@x}", {"Ann"}},
        {"authors: [Ann, {name: Bob}, '', ~]", {"Ann", "Bob"}},
        {"author: Ann\nauthors: [Bob]", {"Ann", "Bob"}},
        {"author: 42", {"42"}},
        {"author: ''", {}},
    };
    for (const auto& row : authors) {
        const auto& text = row.first;
        const auto& want = row.second;
        CAPTURE(text);
        CHECK(document_authors(yaml(text)) == want);
    }

    const std::pair<std::string, std::string> images[] = {
        {"v: /img/a.png", "/img/a.png"},
        {"v: {feature: f.png, path: p.png}", "p.png"},
        {"v: {thumbnail: t.png}", "t.png"},
        {"v: {path: 3, url: u.png}", "u.png"},
        {"v: [a.png]", ""},
    };
    for (const auto& row : images) {
        const auto& text = row.first;
        const auto& want = row.second;
        CAPTURE(text);
        CHECK(image_url(*yaml(text).find("v")) == want);
    }

    // The front matter as written, in its order; a null filled from defaults; keys only defaults
    // gave after it; folder categories only when nothing names categories.
    const ir::Value fm = yaml("zeta: 1\nlayout: ~\ntitle: A\n");
    ir::Value data = yaml("layout: post\nlang: en\n");
    deep_merge(data, fm);
    CHECK(kept_front_matter(fm, data, {"news"}) ==
          yaml("zeta: 1\nlayout: post\ntitle: A\nlang: en\ncategories: [news]\n"));
    CHECK(kept_front_matter(fm, data, {}) == yaml("zeta: 1\nlayout: post\ntitle: A\nlang: en\n"));

    ir::Document doc;
    doc.url = "/news/a.html";
    doc.date = utc(2020, 1, 2);
    doc.title = "A";
    doc.slug = "a";
    doc.categories = {"news"};
    doc.tags = {"t"};
    DocumentSource source = draft("news/_drafts/a.md");
    CHECK(liquid_page(yaml("layout: post\ntitle: Old\n"), doc, source) ==
          yaml("layout: post\ntitle: A\nurl: /news/a.html\ndate: '2020-01-02T00:00:00+00:00'\nslug: a\n"
               "categories: [news]\ntags: [t]\npath: news/_drafts/a.md\ncollection: posts\ndraft: true\n"));
}

// ---- the whole step ----------------------------------------------------------------------------

TEST_CASE("build_document: a post from its text") {
    const SiteConfig config = config_of(
        "permalink: /:categories/:title/\n"
        "excerpt_separator: <!--more-->\n"
        "defaults:\n  - scope: {path: '', type: posts}\n    values: {layout: post, tags: [d]}\n");
    DocumentRules rules;
    rules.now = utc(2024, 1, 1);
    const std::string text =
        "\xEF\xBB\xBF---\n"
        "title: Hello\n"
        "categories: [Tech]\n"
        "author: Ann\n"
        "description: About it\n"
        "image: {path: /i.png}\n"
        "lang: de\n"
        "last_modified_at: 2021-01-01\n"
        "excerpt: Short\n"
        "render_with_liquid: false\n"
        "---\n"
        "\n"
        "Body {{ x }}\n";
    PreparedDocument st = build_document(post("news/_posts/2020-03-04-hello-world.md"), text, 0, config, rules);
    REQUIRE(st.diagnostics.empty());
    REQUIRE(st.keep);
    const ir::Document& d = st.doc;
    CHECK(d.source_path == "news/_posts/2020-03-04-hello-world.md");
    CHECK(d.collection == "posts");
    CHECK(d.title == "Hello");
    CHECK(d.slug == "hello-world");
    CHECK(shown(d.date) == "2020-03-04T00:00:00+00:00");
    CHECK(d.date_source == "filename");
    CHECK(shown(d.last_modified) == "2021-01-01T00:00:00+00:00");
    CHECK(d.categories == Strings{"news", "Tech"});
    CHECK(d.tags == Strings{"d"});
    CHECK(d.url == "/news/tech/hello-world/");
    CHECK(d.authors == Strings{"Ann"});
    CHECK(d.description == "About it");
    CHECK(d.image == "/i.png");
    CHECK(d.lang == "de");
    CHECK(d.input_format == "markdown");
    CHECK(d.published);
    CHECK_FALSE(d.future);
    CHECK_FALSE(d.draft);
    CHECK(d.front_matter.find("layout")->as_string() == "post");
    CHECK(st.relative_path == "news/_posts/2020-03-04-hello-world.md");
    CHECK(st.body == "Body {{ x }}\n");
    CHECK(st.body_first_line == 13);
    CHECK_FALSE(st.render_liquid);
    CHECK(st.excerpt_separator == "<!--more-->");
    CHECK(st.explicit_excerpt == std::optional<std::string>("Short"));
    CHECK(st.page.find("url")->as_string() == "/news/tech/hello-world/");
    CHECK(st.page.find("path")->as_string() == "news/_posts/2020-03-04-hello-world.md");
}

TEST_CASE("build_document: what is not a document, what is left out, what is skipped and why") {
    const SiteConfig config = config_of("");
    DocumentRules rules;
    rules.now = utc(2024, 1, 1);
    struct Case {
        std::string what;
        DocumentSource source;
        std::string text;
        bool keep;
        std::vector<ir::Diagnostic> diagnostics;
    };
    using Code = ir::DiagnosticCode;
    auto error = [](Code code, const std::string& file, int line, int col, const std::string& message,
                    const std::string& source_line = "") {
        return ir::Diagnostic{code, ir::Severity::error, file, line, col, message, source_line};
    };
    const Case cases[] = {
        {"an undated name in _posts", post("_posts/notes.md"), "---\n---\nA\n", false, {}},
        {"a collection file without front matter is a static file", in_collection("talks", "_talks/t.md"),
         "no front matter\n", false, {}},
        {"a post without front matter is still a post", post("_posts/2020-01-02-bare.md"), "just text\n", true, {}},
        {"published: false", post("_posts/2020-01-02-a.md"), "---\npublished: false\n---\nA\n", false, {}},
        {"dated after now", post("_posts/2030-01-02-a.md"), "---\n---\nA\n", false, {}},
        {"an .html document", post("_posts/2020-01-02-a.html"), "---\n---\n<p>A</p>\n", true, {}},
        {"a bad date", post("_posts/2020-01-02-a.md"), "---\ntitle: T\ndate: someday\n---\nA\n", false,
         {error(Code::date_invalid, "site/_posts/2020-01-02-a.md", 3, 7,
                "invalid date 'someday': write it as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS +0000; skipped",
                "date: someday")}},
        {"an impossible file-name date", post("_posts/2020-13-01-a.md"), "---\n---\nA\n", false,
         {error(Code::date_invalid, "site/_posts/2020-13-01-a.md", 0, 0,
                "invalid date in the file name; rename it YYYY-MM-DD-title.md; skipped")}},
        {"an unknown placeholder", post("_posts/2020-01-02-a.md"), "---\npermalink: /:nonsense/\n---\nA\n", false,
         {error(Code::permalink_invalid, "site/_posts/2020-01-02-a.md", 2, 0,
                "the permalink template has no placeholder :nonsense; skipped", "permalink: /:nonsense/")}},
        {"an encoded climb", post("_posts/2020-01-02-a.md"), "---\npermalink: /%2e%2e/x/\n---\nA\n", false,
         {error(Code::permalink_leaves_root, "site/_posts/2020-01-02-a.md", 2, 0,
                "permalink '/%2e%2e/x/' climbs above the site root with '..'; skipped", "permalink: /%2e%2e/x/")}},
        {"UTF-16 is refused, not taken for a static file", in_collection("talks", "_talks/t.md"),
         std::string("\xFF\xFE-\0-\0-\0", 8), false,
         {error(Code::file_utf16, "site/_talks/t.md", 0, 0,
                "the file is UTF-16 or UTF-32 (it starts with a byte order mark); convert it to UTF-8, e.g. "
                "`iconv -f UTF-16 -t UTF-8`. Skipped")}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        PreparedDocument st = build_document(c.source, c.text, 0, config, rules);
        CHECK(st.keep == c.keep);
        REQUIRE(st.diagnostics.size() == c.diagnostics.size());
        for (std::size_t i = 0; i < c.diagnostics.size(); ++i) CHECK(st.diagnostics[i] == c.diagnostics[i]);
    }
}

TEST_CASE("build_document: drafts, pages and warnings that keep the document") {
    const SiteConfig config = config_of("permalink: pretty\n");
    DocumentRules rules;
    const std::int64_t mtime = utc(2022, 5, 6, 7, 8, 9).utc_seconds;

    PreparedDocument d = build_document(draft("_drafts/my-draft.md"), "---\ntitle: D\n---\nA\n", mtime, config, rules);
    REQUIRE(d.keep);
    CHECK(d.doc.draft);
    CHECK(d.doc.date_source == "mtime");
    CHECK(d.doc.url == "/2022/05/06/my-draft/");
    CHECK(d.page.find("draft")->as_bool());

    PreparedDocument p = build_document(page("docs/index.md"), "---\ntitle: Docs\n---\nA\n", mtime, config, rules);
    REQUIRE(p.keep);
    CHECK_FALSE(p.doc.date);
    CHECK(p.doc.date_source == "");
    CHECK(p.doc.url == "/docs/");
    CHECK(p.doc.categories == Strings{"docs"});

    PreparedDocument w = build_document(post("_posts/2020-01-02-a.md"),
                                        "---\n- a list\n---\nA\n", mtime, config, rules);
    CHECK(w.keep);
    REQUIRE(w.diagnostics.size() == 1);
    CHECK(w.diagnostics[0] == ir::Diagnostic{ir::DiagnosticCode::front_matter_not_mapping, ir::Severity::warning,
                                             "site/_posts/2020-01-02-a.md", 1, 1,
                                             "the front matter is not a mapping of keys to values; ignored", "---"});

    PreparedDocument m = build_document(post("_posts/2020-01-02-a.md"),
                                        "---\nlast_modified_at: whenever\n---\nA\n", mtime, config, rules);
    CHECK(m.keep);
    CHECK_FALSE(m.doc.last_modified);
    REQUIRE(m.diagnostics.size() == 1);
    CHECK(m.diagnostics[0] == ir::Diagnostic{ir::DiagnosticCode::last_modified_invalid, ir::Severity::warning,
                                             "site/_posts/2020-01-02-a.md", 2, 0,
                                             "invalid last_modified_at 'whenever'; ignored",
                                             "last_modified_at: whenever"});
}

// ---- readers/data_files.h ----------------------------------------------------------------------

TEST_CASE("data files: CSV and TSV rows keyed by the header, YAML and JSON as they are") {
    CHECK(ir::Value(parse_delimited("name,role\nAnn,\"lead, \"\"chief\"\"\"\r\n\nBob\n", ',')) ==
          yaml("- {name: Ann, role: 'lead, \"chief\"'}\n- {name: Bob, role: ''}\n"));
    CHECK(ir::Value(parse_delimited("a\tb\n1\t2\t3\n", '\t')) == yaml("- {a: '1', b: '2'}\n"));
    CHECK(ir::Value(parse_delimited("", ',')) == ir::Value(ir::Array{}));

    std::vector<ir::Diagnostic> diags;
    CHECK(parse_data_file("{\"a\": [1, 2]}", ".json", "_data/x.json", "x", Limits{}, diags) == yaml("a: [1, 2]\n"));
    CHECK(parse_data_file("k: v\n", ".yml", "_data/x.yml", "x", Limits{}, diags) == yaml("k: v\n"));
    CHECK(parse_data_file("x,y\n1,2\n", ".csv", "_data/x.csv", "x", Limits{}, diags) == yaml("[{x: '1', y: '2'}]"));
    CHECK(parse_data_file("anything", ".txt", "_data/x.txt", "x", Limits{}, diags) == std::nullopt);
    CHECK(diags.empty());
    CHECK(parse_data_file("a: [1, 2\n", ".yaml", "_data/bad.yaml", "bad", Limits{}, diags) == std::nullopt);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].severity == ir::Severity::warning);
    CHECK(diags[0].file == "_data/bad.yaml");
    CHECK(diags[0].message.ends_with(" (site.data.bad left empty)"));
}

// ---- readers/feed_settings.h: the conventions a migration carries over ------------------------

TEST_CASE("site_conventions: permalinks as written, pagination, plugins from plugins: and gems:") {
    ir::SiteConventions c = site_conventions(config_of(
        "permalink: pretty\npaginate: 5\nexcerpt_length: 40\nplugins: [jekyll-feed, 7]\ngems: [jemoji]\n"
        "collections:\n  talks:\n    output: true\n    permalink: /talks/:title/\n  notes:\n    output: true\n"));
    CHECK(c.permalinks == std::map<std::string, std::string>{{"posts", "pretty"}, {"talks", "/talks/:title/"}});
    CHECK(c.posts_per_page == 5);
    CHECK(c.excerpt_words == 40);
    CHECK(c.plugins == Strings{"jekyll-feed", "jemoji"});  // a number is no plugin name

    ir::SiteConventions d = site_conventions(config_of("paginate: 0\n"));
    CHECK(d.permalinks == std::map<std::string, std::string>{{"posts", "date"}});  // Jekyll's default style
    CHECK_FALSE(d.posts_per_page);  // 0 turns pagination off
    CHECK_FALSE(d.excerpt_words);
    CHECK(d.plugins.empty());
}

TEST_CASE("build_document: whether the excerpt ends at a marker of the document's or the site's") {
    DocumentRules rules;
    auto custom = [&](const std::string& config, const std::string& front_matter) {
        return build_document(post("_posts/2020-01-02-a.md"), "---\n" + front_matter + "---\nA\n", 0,
                              config_of(config), rules)
            .doc.excerpt_custom_separator;
    };
    CHECK_FALSE(custom("", ""));
    CHECK(custom("excerpt_separator: <!--more-->\n", ""));
    CHECK(custom("", "excerpt_separator: <!--more-->\n"));
    CHECK_FALSE(custom("excerpt_separator: <!--more-->\n", "excerpt_separator: \"\\n\\n\"\n"));
}

// ---- readers/jekyll_dates.h against Ruby itself ---------------------------------------------------

namespace {

std::string unescape_tsv(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char c = s[++i];
            out += c == 't' ? '\t' : c == 'n' ? '\n' : c;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::vector<std::string> lines_of(const std::filesystem::path& file) {
    std::ifstream in(file);
    REQUIRE_MESSAGE(in, "cannot read " << file);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') out.push_back(line);
    return out;
}

}  // namespace

// tests/data/ruby-dates.tsv is Ruby's own answer (Time.parse, as Jekyll calls it) for a wide
// table of date strings, made by scripts/truth/ruby-dates.rb. Where blogconv still answers
// otherwise, the input is listed in ruby-dates.differences.txt: the test fails when a listed
// input starts to agree (take it off the list) and when an unlisted one disagrees (a regression,
// or a new row of the table).
TEST_CASE("front-matter dates are read as Ruby's Time.parse reads them") {
    const std::filesystem::path data = std::filesystem::path(BLOGCONV_SOURCE_DIR) / "tests/data";
    const auto zone = SiteZone::locate("America/New_York");
    REQUIRE(zone);
    std::set<std::string> known;
    for (const auto& line : lines_of(data / "ruby-dates.differences.txt")) known.insert(line);
    std::size_t rows = 0, agree = 0;
    std::vector<std::string> new_differences, now_agree;
    for (const auto& line : lines_of(data / "ruby-dates.tsv")) {
        const std::size_t tab = line.rfind('\t');
        REQUIRE(tab != std::string::npos);
        const std::string input = unescape_tsv(line.substr(0, tab));
        const std::string ruby = line.substr(tab + 1);
        const auto ours = parse_jekyll_date(input, false, *zone);
        const std::string got = ours ? ir::format_rfc3339(*ours) : "error";
        ++rows;
        const bool same = got == ruby;
        agree += same;
        const std::string key = line.substr(0, tab);
        if (!same && !known.count(key)) new_differences.push_back(key + "\truby " + ruby + "\tours " + got);
        if (same && known.count(key)) now_agree.push_back(key);
    }
    MESSAGE(agree << " of " << rows << " date strings read as Ruby reads them");
    CHECK(rows > 4000);
    std::string listed;
    for (const auto& d : new_differences) listed += d + "\n";
    CHECK_MESSAGE(new_differences.empty(), "differ from Ruby and are not in ruby-dates.differences.txt:\n" << listed);
    std::string agreed;
    for (const auto& d : now_agree) agreed += d + "\n";
    CHECK_MESSAGE(now_agree.empty(), "now agree with Ruby; take them off ruby-dates.differences.txt:\n" << agreed);
}

TEST_CASE("YAML merge keys merge as Psych merges them") {
    // Psych (ToRuby#revive_hash): `<<` not tagged !!str merges a mapping into the one it stands in,
    // in order (keys before it are replaced, keys after it win); a list of mappings merges with
    // the earlier ones winning; anything else stays a plain `<<` key. Rows from
    // ruby -ryaml -e 'p Psych.safe_load(s, aliases: true)'. Sites use it for locales
    // (minimal-mistakes' _data/ui-text.yml: `en-US: {<<: *DEFAULT_EN}`).
    const std::pair<const char*, const char*> cases[] = {
        {"a: &a {x: 1, y: 2}\nb:\n  <<: *a\n  y: 3\n", "a: {x: 1, y: 2}\nb: {x: 1, y: 3}\n"},
        {"a: &a {x: 1, y: 2}\nb:\n  y: 3\n  <<: *a\n", "a: {x: 1, y: 2}\nb: {y: 2, x: 1}\n"},
        {"a: &a {x: 1}\nc: &c {x: 2, z: 5}\nb:\n  <<: [*a, *c]\n  w: 0\n",
         "a: {x: 1}\nc: {x: 2, z: 5}\nb: {x: 1, z: 5, w: 0}\n"},
        {"a: &a 5\nb:\n  <<: *a\n", "a: 5\nb: {'<<': 5}\n"},
        {"b:\n  \"<<\": {x: 1}\n", "b: {x: 1}\n"},
        {"b:\n  !!str <<: {x: 1}\n", "b: {!!str '<<': {x: 1}}\n"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.first);
        CHECK(yaml(c.first) == yaml(c.second));
    }
}
