// The command line as a user meets it: formats, exit codes, diagnostics, safe output, and the
// JSON dump of the corpus and the seed post.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"
#include "writers/registry.h"

namespace fs = std::filesystem;
using namespace blogconv::test;
using nlohmann::json;

namespace {

void write_post(const fs::path& site, const std::string& name, const std::string& text) {
    write_file(site / "_posts" / name, text);
}

// A site with two good posts.
void make_site(const fs::path& site) {
    write_file(site / "_config.yml", "title: Test Site\nurl: https://example.org\n");
    write_post(site, "2020-01-02-first.md", "---\ntitle: First\ntags: [a, b]\n---\nHello *world*.\n");
    write_post(site, "2021-05-06-second.md", "---\ntitle: Second\n---\n# Heading\n\nText.\n");
}

}  // namespace

TEST_CASE("--list-formats names json and exits 0") {
    auto r = run_blogconv({"--list-formats"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("json") != std::string::npos);
}

TEST_CASE("usage errors exit 2 with a message") {
    auto none = run_blogconv({});
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("no SOURCE") != std::string::npos);

    TempDir tmp;
    make_site(tmp.path);
    auto bad_format = run_blogconv({tmp.path.string(), "--to", "nonsense"});
    CHECK(bad_format.exit_code == 2);

    auto missing = run_blogconv({(tmp.path / "nope").string(), "--to", "json"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("no such file") != std::string::npos);
}

TEST_CASE("--help shows examples and exit codes") {
    auto r = run_blogconv({"--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("--to epub") != std::string::npos);
    CHECK(r.out.find("Exit codes") != std::string::npos);
}

TEST_CASE("json output lists every post with its metadata") {
    TempDir tmp;
    make_site(tmp.path);
    auto r = run_blogconv({tmp.path.string(), "--to", "json"});
    REQUIRE(r.exit_code == 0);
    json j = json::parse(r.out);
    CHECK(j["schema"] == 1);
    CHECK(j["site"]["title"] == "Test Site");
    REQUIRE(j["documents"].size() == 2);
    CHECK(j["documents"][0]["title"] == "First");
    CHECK(j["documents"][0]["tags"] == json::array({"a", "b"}));
    CHECK(j["documents"][1]["body"][0]["type"] == "heading");
}

TEST_CASE("one bad post is reported with path:line:col, the others still convert, exit 1") {
    TempDir tmp;
    make_site(tmp.path);
    write_post(tmp.path, "2022-01-01-broken.md", "---\ntitle: [unclosed\n---\nBody\n");
    fs::path out = tmp.path / "out.json";
    auto r = run_blogconv({tmp.path.string(), "--to", "json", "-o", out.string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("2022-01-01-broken.md:") != std::string::npos);
    CHECK(r.err.find("error:") != std::string::npos);
    REQUIRE(fs::exists(out));
    json j = json::parse(read_file(out));
    CHECK(j["documents"].size() == 2);

    SUBCASE("--strict writes nothing") {
        fs::path strict_out = tmp.path / "strict.json";
        auto s = run_blogconv({tmp.path.string(), "--to", "json", "--strict", "-o", strict_out.string()});
        CHECK(s.exit_code == 1);
        CHECK_FALSE(fs::exists(strict_out));
    }
}

TEST_CASE("an existing output file is kept unless --force, and no temporary file is left") {
    TempDir tmp;
    make_site(tmp.path / "site");
    fs::path out = tmp.path / "feed.json";
    write_file(out, "precious");
    auto r = run_blogconv({(tmp.path / "site").string(), "--to", "json", "-o", out.string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--force") != std::string::npos);
    CHECK(read_file(out) == "precious");

    auto forced = run_blogconv({(tmp.path / "site").string(), "--to", "json", "-o", out.string(), "--force"});
    CHECK(forced.exit_code == 0);
    CHECK(read_file(out).find("\"documents\"") != std::string::npos);
    int entries = 0;
    for (const auto& e : fs::directory_iterator(tmp.path)) {
        (void)e;
        ++entries;
    }
    CHECK(entries == 2);  // site/ and feed.json: no leftover temporary file
}

TEST_CASE("filters: --tag, --since, --limit") {
    TempDir tmp;
    make_site(tmp.path);
    auto tag = run_blogconv({tmp.path.string(), "--to", "json", "--tag", "B"});
    REQUIRE(tag.exit_code == 0);
    CHECK(json::parse(tag.out)["documents"].size() == 1);
    auto since = run_blogconv({tmp.path.string(), "--to", "json", "--since", "2021-01-01"});
    REQUIRE(since.exit_code == 0);
    auto docs = json::parse(since.out)["documents"];
    REQUIRE(docs.size() == 1);
    CHECK(docs[0]["title"] == "Second");
    auto limit = run_blogconv({tmp.path.string(), "--to", "json", "--limit", "1"});
    REQUIRE(limit.exit_code == 0);
    CHECK(json::parse(limit.out)["documents"][0]["title"] == "Second");
    auto bad_date = run_blogconv({tmp.path.string(), "--to", "json", "--since", "yesterday"});
    CHECK(bad_date.exit_code == 2);
}

TEST_CASE("the seed post: title, date, tags, permalink and its three level-1 headings") {
    if (!require_shared()) return;
    auto r = run_blogconv({(shared_dir() / "corpus" / "seed-post").string(), "--to", "json"});
    REQUIRE(r.exit_code == 0);
    json j = json::parse(r.out);
    REQUIRE(j["documents"].size() == 1);
    const json& d = j["documents"][0];
    CHECK(d["title"] == "Pycon 2018");
    CHECK(d["date"].get<std::string>().substr(0, 10) == "2018-03-03");
    CHECK(d["tags"].size() == 5);
    CHECK(d["url"] == "/posts/2013/08/blog-post-2/");
    std::vector<std::string> h1;
    std::vector<std::size_t> h1_index;
    const json& body = d["body"];
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i]["type"] == "heading" && body[i]["level"] == 1) {
            std::string text;
            for (const auto& c : body[i]["children"])
                if (c["type"] == "text") text += c["text"].get<std::string>();
            h1.push_back(text);
            h1_index.push_back(i);
        }
    }
    REQUIRE(h1.size() == 3);
    CHECK(h1[0] == "Viernes 9");
    CHECK(h1[1] == "Sabado 10");
    CHECK(h1[2] == "Domingo 11");
    // Two of the sections are empty: nothing follows their heading before the next one / the end.
    int empty_sections = 0;
    for (std::size_t k = 0; k < h1_index.size(); ++k) {
        std::size_t next = k + 1 < h1_index.size() ? h1_index[k + 1] : body.size();
        if (next == h1_index[k] + 1) ++empty_sections;
    }
    CHECK(empty_sections == 2);
}

TEST_CASE("every corpus site converts to json with 0 errors") {
    if (!require_shared()) return;
    int sites = 0;
    for (const auto& e : fs::directory_iterator(shared_dir() / "corpus")) {
        if (!e.is_directory()) continue;
        ++sites;
        auto r = run_blogconv({e.path().string(), "--to", "json", "-q"});
        INFO("site: " << e.path().filename().string() << "\n" << r.err.substr(0, 4000));
        CHECK(r.exit_code == 0);
        CHECK(r.err.find("error:") == std::string::npos);
        json j = json::parse(r.out);
        CHECK(j["documents"].size() > 0);
    }
    CHECK(sites == 15);
}

TEST_CASE("--per-tag and --per-category write one valid feed per tag and category") {
    TempDir tmp;
    make_site(tmp.path / "site");
    write_post(tmp.path / "site", "2022-02-02-third.md", "---\ntitle: Third\ntags: [b, c]\ncategories: news\n---\nx\n");
    fs::path tags = tmp.path / "tags", cats = tmp.path / "cats";
    auto r = run_blogconv({(tmp.path / "site").string(), "--to", "atom", "-o", (tmp.path / "feed.xml").string(),
                           "--per-tag", tags.string(), "--per-category", cats.string()});
    REQUIRE(r.exit_code == 0);
    CHECK(fs::exists(tags / "a.xml"));
    CHECK(fs::exists(tags / "b.xml"));
    CHECK(fs::exists(tags / "c.xml"));
    CHECK(fs::exists(cats / "news.xml"));
    // The "b" feed holds exactly the two posts tagged b.
    std::string b = read_file(tags / "b.xml");
    std::size_t entries = 0;
    for (std::size_t p = b.find("<entry"); p != std::string::npos; p = b.find("<entry", p + 1)) ++entries;
    CHECK(entries == 2);
    CHECK(b.find("/feed/by_tag/b.xml") != std::string::npos);
    auto v = run_shell("'" + (shared_dir() / "validators" / "validate").string() + "' '" + (tags / "b.xml").string() +
                       "' '" + (cats / "news.xml").string() + "'");
    if (have_shared()) CHECK_MESSAGE(v.exit_code == 0, v.out);
    // Not for other formats.
    auto bad = run_blogconv({(tmp.path / "site").string(), "--to", "json", "--per-tag", tags.string()});
    CHECK(bad.exit_code == 2);
}

TEST_CASE("_config.yml feed: categories makes jekyll-feed's extra feeds beside the main one") {
    TempDir tmp;
    make_site(tmp.path / "site");
    write_file(tmp.path / "site" / "_config.yml",
               "title: Test Site\nurl: https://example.org\nfeed:\n  categories: [news]\n");
    write_post(tmp.path / "site", "2022-02-02-third.md", "---\ntitle: Third\ncategories: [news, other]\n---\nx\n");
    fs::path out = tmp.path / "_site" / "feed.xml";
    auto r = run_blogconv({(tmp.path / "site").string(), "--to", "atom", "-o", out.string()});
    REQUIRE(r.exit_code == 0);
    CHECK(fs::exists(out));
    CHECK(fs::exists(tmp.path / "_site" / "feed" / "news.xml"));
    CHECK_FALSE(fs::exists(tmp.path / "_site" / "feed" / "other.xml"));  // only the listed ones
    CHECK(read_file(tmp.path / "_site" / "feed" / "news.xml").find("/feed/news.xml") != std::string::npos);
}

TEST_CASE("render_with_liquid: false keeps Liquid as text, with no diagnostics (hardest construct 4)") {
    TempDir tmp;
    make_site(tmp.path);
    write_post(tmp.path, "2023-03-03-literal.md",
               "---\ntitle: Literal\nrender_with_liquid: false\n---\n"
               "Embed with `{% include embed/{Platform}.html id='{ID}' %}`.\n\n"
               "Or {{ page.title }} as text.\n");
    auto r = run_blogconv({tmp.path.string(), "--to", "json"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("warning") == std::string::npos);
    json j = json::parse(r.out);
    std::string dump;
    for (const auto& d : j["documents"])
        if (d["title"] == "Literal") dump = d["body"].dump();
    CHECK(dump.find("{% include embed/{Platform}.html id='{ID}' %}") != std::string::npos);
    CHECK(dump.find("{{ page.title }}") != std::string::npos);
}

TEST_CASE("the standalone page written to a file (part by part) is the page written to standard output") {
    TempDir tmp;
    fs::path out = tmp.path / "blog.html";
    auto file = run_blogconv({(source_dir() / "samples").string(), "--to", "html", "-o", out.string(), "-q"});
    auto piped = run_blogconv({(source_dir() / "samples").string(), "--to", "html", "-o", "-", "-q"});
    REQUIRE(file.exit_code == 0);
    REQUIRE(piped.exit_code == 0);
    const std::string page = read_file(out);
    CHECK(page.size() > 10000);
    CHECK(page.find("</html>") != std::string::npos);
    CHECK(page == piped.out);
}

TEST_CASE("a format option is read by the formats whose table declares it; any other format refuses it") {
    TempDir tmp;
    make_site(tmp.path / "site");
    write_file(tmp.path / "extra.css", "p { color: teal }\n");
    // Every option of every table, tried with every format.
    std::vector<const blogconv::writers::BoundOption*> options;
    for (const auto& w : blogconv::writers::all_writers())
        for (const auto& o : w.options) {
            bool seen = false;
            for (const auto* p : options) seen = seen || p->name == o.name;
            if (!seen) options.push_back(&o);
        }
    REQUIRE(options.size() >= 16);
    for (const auto& w : blogconv::writers::all_writers()) {
        for (const auto* o : options) {
            if (blogconv::writers::find_option(w, o->name)) continue;
            CAPTURE(w.name);
            CAPTURE(o->name);
            std::vector<std::string> args = {(tmp.path / "site").string(), "--to", w.name, "-o",
                                             (tmp.path / ("out-" + w.name)).string(), "--" + o->name};
            using blogconv::writers::OptionKind;
            if (o->kind == OptionKind::choice) args.push_back(o->choices.front());
            if (o->kind == OptionKind::file || o->kind == OptionKind::path) args.push_back((tmp.path / "extra.css").string());
            if (o->kind == OptionKind::number) args.push_back("1");
            if (o->kind == OptionKind::text) args.push_back("x");
            auto r = run_blogconv(args);
            CHECK(r.exit_code == 2);
            CHECK(r.err.find("blogconv: error: --" + o->name + " does not apply to --to " + w.name + "; it is read by ") ==
                  0);
            CHECK_FALSE(fs::exists(tmp.path / ("out-" + w.name)));
        }
    }
}

TEST_CASE("HTML honours --css (added after the built-in style), --css-replace, --lang and --author") {
    TempDir tmp;
    make_site(tmp.path / "site");
    write_file(tmp.path / "extra.css", "p.mine { color: teal }\n");
    const std::string site = (tmp.path / "site").string(), css = (tmp.path / "extra.css").string();
    auto plain = run_blogconv({site, "--to", "html"});
    REQUIRE(plain.exit_code == 0);
    // The built-in style's first rule: present in the page, so its absence below means replaced.
    const std::size_t style = plain.out.find("<style>");
    REQUIRE(style != std::string::npos);
    const std::string first_rule = plain.out.substr(style + 8, plain.out.find('}', style) - style - 7);
    REQUIRE(first_rule.size() > 2);

    auto extended = run_blogconv({site, "--to", "html", "--css", css});
    REQUIRE(extended.exit_code == 0);
    const std::size_t builtin_at = extended.out.find(first_rule), mine_at = extended.out.find("p.mine { color: teal }");
    CHECK(builtin_at != std::string::npos);
    CHECK(mine_at != std::string::npos);
    CHECK(builtin_at < mine_at);

    auto replaced = run_blogconv({site, "--to", "html", "--css-replace", css});
    REQUIRE(replaced.exit_code == 0);
    CHECK(replaced.out.find(first_rule) == std::string::npos);
    CHECK(replaced.out.find("p.mine { color: teal }") != std::string::npos);

    auto localized = run_blogconv({site, "--to", "html", "--lang", "es", "--author", "Ana Pérez"});
    REQUIRE(localized.exit_code == 0);
    CHECK(plain.out.find("<html lang=\"en\"") != std::string::npos);
    CHECK(localized.out.find("<html lang=\"es\"") != std::string::npos);
    CHECK(localized.out.find("By Ana Pérez · ") != std::string::npos);
}

TEST_CASE("a value a format's table refuses is a usage error naming the option and the value") {
    TempDir tmp;
    make_site(tmp.path / "site");
    auto deep = run_blogconv({(tmp.path / "site").string(), "--to", "epub", "-o", (tmp.path / "b.epub").string(),
                              "--toc-depth", "9"});
    CHECK(deep.exit_code == 2);
    CHECK(deep.err == "blogconv: error: --toc-depth 9: at most 6\n");
    auto words = run_blogconv({(tmp.path / "site").string(), "--to", "epub", "-o", (tmp.path / "b.epub").string(),
                               "--max-embedded-bytes", "lots"});
    CHECK(words.exit_code == 2);
    CHECK(words.err == "blogconv: error: --max-embedded-bytes lots: expected a whole number\n");
    auto missing = run_blogconv({(tmp.path / "site").string(), "--to", "html", "--css", (tmp.path / "none.css").string()});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == (tmp.path / "none.css").string() + ": error: cannot read the file given to --css\n");
    CHECK_FALSE(fs::exists(tmp.path / "b.epub"));
}

TEST_CASE("--from names a reader of the registry; jekyll is the default; --list-formats lists both directions") {
    TempDir tmp;
    make_site(tmp.path / "site");
    auto plain = run_blogconv({(tmp.path / "site").string(), "--to", "json"});
    auto named = run_blogconv({(tmp.path / "site").string(), "--from", "jekyll", "--to", "json"});
    REQUIRE(plain.exit_code == 0);
    CHECK(named.exit_code == 0);
    CHECK(named.out == plain.out);
    auto unknown = run_blogconv({(tmp.path / "site").string(), "--from", "wordpress", "--to", "json"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("--from: wordpress not in {jekyll}") != std::string::npos);
    auto check = run_blogconv({"check", (tmp.path / "site").string(), "--from", "jekyll"});
    CHECK(check.exit_code == 0);
    auto list = run_blogconv({"--list-formats"});
    CHECK(list.exit_code == 0);
    CHECK(list.out.starts_with("Input formats (--from):\njekyll "));
    CHECK(list.out.find("\n\nOutput formats (--to):\njson, ir ") != std::string::npos);
}
