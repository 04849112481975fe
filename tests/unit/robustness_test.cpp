// Hostile and broken input (issue 8): every row of docs/robustness.md has its test here. Each
// builds a small site in a TempDir with one bad post next to a good one, and checks that the bad
// one is reported and skipped while the good one is still read.
#include <doctest/doctest.h>

#include <unistd.h>

#include <utf8.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <random>
#include <string>

#include "readers/jekyll_site.h"
#include "readers/limits.h"
#include "readers/yaml_value.h"
#include "tests/test_support.h"
#include "writers/site_urls.h"

namespace fs = std::filesystem;
using namespace blogconv;
using blogconv::test::read_file;
using blogconv::test::run_blogconv;
using blogconv::test::run_shell;
using blogconv::test::TempDir;
using blogconv::test::write_file;

namespace {

const std::string good_post = "---\ntitle: Good\n---\nFine text.\n";

struct Read {
    ir::Site site;
    std::vector<ir::Diagnostic> diagnostics;
    bool has(const std::string& source_path) const {
        for (const auto& d : site.documents)
            if (d.source_path == source_path) return true;
        return false;
    }
    // The first error whose file ends with `file`, or nullptr.
    const ir::Diagnostic* error_for(const std::string& file) const {
        for (const auto& d : diagnostics)
            if (d.severity == ir::Severity::error && d.file.ends_with(file)) return &d;
        return nullptr;
    }
};

Read read_site(const fs::path& root, readers::ReaderOptions options = {}) {
    ir::Diagnostics diags;
    Read r;
    options.jobs = 1;
    r.site = readers::read_jekyll_site({root.string()}, options, diags);
    r.diagnostics = diags.items();
    return r;
}

// A site with the good post and one bad post holding `bad` (bytes, as given).
fs::path make_site(const TempDir& dir, const std::string& bad, const std::string& bad_name = "2020-01-02-bad.md") {
    write_file(dir.path / "_config.yml", "title: Test\nurl: https://example.org\n");
    write_file(dir.path / "_posts/2020-01-01-good.md", good_post);
    write_file(dir.path / "_posts" / bad_name, bad);
    return dir.path;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// No temporary file of ours (".NAME.blogconv-XXXXXX") left anywhere below `dir`.
bool no_temp_files(const fs::path& dir) {
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.path().filename().string().find(".blogconv-") != std::string::npos) return false;
    return true;
}

}  // namespace

TEST_CASE("limits: a post past a limit is reported and skipped; the others are read") {
    struct Case {
        std::string name;
        std::string bad;
        ir::DiagnosticCode code;  // the diagnostic's kind (its wording may change)
        readers::Limits limits;
    };
    readers::Limits small;
    small.max_file_size = 64;
    small.max_line_length = 50;
    small.max_footnotes = 3;
    small.max_nesting = 5;
    const Case cases[] = {
        {"file size", "---\ntitle: x\n---\n" + std::string(100, 'a') + "\n", ir::DiagnosticCode::limit_file_size, small},
        {"line length", "---\ntitle: x\n---\n" + std::string(60, 'a') + "\n", ir::DiagnosticCode::limit_line_length, {}},
        {"footnotes", "---\n---\na[^1]\n\n[^1]: a\n[^2]: b\n[^3]: c\n[^4]: d\n", ir::DiagnosticCode::limit_footnotes, {}},
        {"nested quotes", "---\n---\n" + repeat("> ", 10) + "deep\n", ir::DiagnosticCode::limit_nesting, {}},
        {"nested list items", "---\n---\n" + repeat("- ", 10) + "deep\n", ir::DiagnosticCode::limit_nesting, {}},
        {"nested Liquid tags", "---\n---\n" + repeat("{% if a %}\n", 10) + repeat("{% endif %}\n", 10), ir::DiagnosticCode::limit_nesting, {}},
        {"nested HTML", "---\n---\n" + repeat("<div>\n", 10) + repeat("</div>\n", 10), ir::DiagnosticCode::limit_nesting, {}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        TempDir dir;
        readers::ReaderOptions options;
        options.limits = c.limits;
        if (c.name != "file size") {
            options.limits.max_line_length = 50;
            options.limits.max_footnotes = 3;
            options.limits.max_nesting = 5;
        }
        Read r = read_site(make_site(dir, c.bad), options);
        CHECK(r.has("_posts/2020-01-01-good.md"));
        CHECK_FALSE(r.has("_posts/2020-01-02-bad.md"));
        const ir::Diagnostic* d = r.error_for("2020-01-02-bad.md");
        REQUIRE(d != nullptr);
        CAPTURE(d->message);
        CHECK(d->code == c.code);
    }
}

TEST_CASE("limits: the defaults let ordinary posts through") {
    readers::Limits limits;
    std::vector<ir::Diagnostic> diags;
    const std::string body = "> quote\n> > nested\n\n- a\n  - b\n    1. c\n\n<div><p>x<br></div>\n{% if a %}{{ (b) }}{% endif %}\n"
                             "[^1]: note\n";
    CHECK(readers::check_body_text(body, "p.md", 1, limits, diags));
    CHECK(readers::check_file_text("---\ntitle: ü\n---\nbody\n", "p.md", limits, diags));
    CHECK(diags.empty());
}

TEST_CASE("nesting is estimated per line and per markup") {
    CHECK(readers::estimate_line_nesting("plain") == 0);
    CHECK(readers::estimate_line_nesting("> > > x") == 3);
    CHECK(readers::estimate_line_nesting("- - 1. x") == 3);
    CHECK(readers::estimate_line_nesting("    - x") == 3);  // two levels of indentation, one marker
    CHECK(readers::estimate_line_nesting("-not a marker") == 0);
    CHECK(readers::estimate_markup_nesting("<p>a<p>b<br><img src=x/></p>").depth == 0);
    CHECK(readers::estimate_markup_nesting("<div><div></div></div><div>").depth == 2);
    CHECK(readers::estimate_markup_nesting("a < b and <!-- c -->").depth == 0);
    CHECK(readers::estimate_markup_nesting("{% for a in b %}{% if c %}{% endif %}{% endfor %}").depth == 2);
    CHECK(readers::estimate_markup_nesting("{{ ((a)) }} (((( prose").depth == 2);
}

TEST_CASE("10,000 nested quotes, list items, Liquid tags or HTML elements do not overflow the stack") {
    const std::string bodies[] = {repeat(">", 10000) + " x\n", repeat("- ", 10000) + "x\n",
                                  repeat("{% if a %}", 10000) + "x" + repeat("{% endif %}", 10000),
                                  repeat("<div>", 10000) + "x" + repeat("</div>", 10000),
                                  repeat("{{ (", 1) + repeat("(", 10000) + "a }}"};
    for (const auto& body : bodies) {
        TempDir dir;
        make_site(dir, "---\ntitle: deep\n---\n" + body);
        auto r = run_blogconv({dir.path.string(), "--to", "json", "-o", (dir.path / "out.json").string()});
        CAPTURE(r.err);
        CHECK(r.exit_code == 1);  // that post skipped, the rest written; a signal is never 1
        CHECK(r.err.find("--max-nesting") != std::string::npos);
        CHECK(read_file(dir.path / "out.json").find("Fine text") != std::string::npos);
    }
}

TEST_CASE("a billion-laughs front matter is refused without expanding it") {
    std::string yaml = "---\na0: &a0 [x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int j = 0; j < 9; ++j) yaml += (j ? ", *a" : "*a") + std::to_string(i - 1);
        yaml += "]\n";
    }
    TempDir dir;
    Read r = read_site(make_site(dir, yaml + "---\nbody\n"));
    CHECK(r.has("_posts/2020-01-01-good.md"));
    CHECK_FALSE(r.has("_posts/2020-01-02-bad.md"));
    const ir::Diagnostic* d = r.error_for("2020-01-02-bad.md");
    REQUIRE(d != nullptr);
    CHECK(d->message.find("--max-yaml-nodes") != std::string::npos);
    // A small fan-out of aliases is fine.
    CHECK_FALSE(readers::parse_yaml("a: &a [1, 2]\nb: [*a, *a]\n", "p.md").error);
}

TEST_CASE("bytes: NUL, invalid UTF-8, UTF-16 and binary files are refused with a reason") {
    struct Case {
        const char* name;
        std::string bytes;
        std::string message;
    };
    const Case cases[] = {
        {"NUL byte", std::string("---\ntitle: x\n---\na\0b\n", 20), "NUL"},
        {"invalid UTF-8", "---\ntitle: x\n---\ncaf\xE9\n", "invalid UTF-8 (byte 0xE9)"},
        {"UTF-16 LE", std::string("\xFF\xFE-\0-\0-\0\n\0", 10), "UTF-16"},
        {"UTF-16 BE", std::string("\xFE\xFF\0-\0-\0-\0\n", 10), "convert it to UTF-8"},
        {"PNG named .md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "binary"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        TempDir dir;
        Read r = read_site(make_site(dir, c.bytes));
        CHECK(r.has("_posts/2020-01-01-good.md"));
        CHECK_FALSE(r.has("_posts/2020-01-02-bad.md"));
        const ir::Diagnostic* d = r.error_for("2020-01-02-bad.md");
        REQUIRE(d != nullptr);
        CHECK(d->message.find(c.message) != std::string::npos);
    }
    // The position of the bad byte is given.
    std::vector<ir::Diagnostic> diags;
    CHECK_FALSE(readers::check_file_text("ok\nab\xFF", "p.md", readers::Limits{}, diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].line == 2);
    CHECK(diags[0].col == 3);
}

TEST_CASE("UTF-8: the word-at-a-time check finds the byte utfcpp finds, on random text") {
    // check_file_text skips ASCII 8 bytes at a time and hands only non-ASCII runs to utfcpp; on
    // any bytes it must agree with utfcpp over the whole text (the first bad byte, its line and column).
    std::mt19937 rng(20261202);
    const std::string pieces[] = {"a", "0123456789abcdef", "\n", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80",
                                  "\xC3", "\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"};
    int invalid = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int n = 1 + static_cast<int>(rng() % 40);
        for (int i = 0; i < n; ++i) {
            std::size_t k = rng() % std::size(pieces);
            if (k >= 6 && rng() % 4 != 0) k %= 6;  // mostly valid text, as posts are
            text += pieces[k];
        }
        CAPTURE(text);
        std::vector<ir::Diagnostic> diags;
        const bool ok = readers::check_file_text(text, "p.md", readers::Limits{}, diags);
        auto bad = utf8::find_invalid(text.begin(), text.end());
        REQUIRE(ok == (bad == text.end()));
        if (ok) continue;
        ++invalid;
        const auto offset = static_cast<std::size_t>(bad - text.begin());
        const std::size_t line_start = offset == 0 ? std::string::npos : text.rfind('\n', offset - 1);
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
        const int col = static_cast<int>(offset - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
        REQUIRE(diags.size() == 1);
        CHECK(diags[0].line == line);
        CHECK(diags[0].col == col);
    }
    CHECK(invalid > 100);  // the random texts did exercise the invalid cases
}

TEST_CASE("symlinks: links out of the site are not followed, link loops end") {
    TempDir outside;
    write_file(outside.path / "secret.md", "---\ntitle: Secret\n---\nsecret text\n");
    TempDir dir;
    make_site(dir, good_post, "2020-01-03-also-good.md");
    fs::create_symlink(outside.path / "secret.md", dir.path / "_posts/2020-01-04-secret.md");
    fs::create_directories(dir.path / "cat");
    fs::create_directory_symlink(outside.path, dir.path / "cat/_posts");  // a posts folder outside
    fs::create_directory_symlink(dir.path, dir.path / "loop");           // a loop back to the root
    fs::create_directory_symlink(dir.path / "_posts", dir.path / "inside");  // inside the site: fine
    write_file(dir.path / "stash/kept.md", "---\ntitle: Kept\n---\nkept text\n");
    fs::create_symlink(dir.path / "stash/kept.md", dir.path / "_posts/2020-01-05-kept.md");  // followed
    write_file(outside.path / "2020-01-06-far.md", "---\ntitle: Far\n---\nfar text\n");
    Read r = read_site(dir.path);
    CHECK(r.has("_posts/2020-01-01-good.md"));
    CHECK(r.has("_posts/2020-01-05-kept.md"));
    for (const auto& d : r.site.documents) {
        CHECK(d.title != "Secret");
        CHECK(d.title != "Far");
    }
    const ir::Diagnostic* d = r.error_for("2020-01-04-secret.md");
    REQUIRE(d != nullptr);
    CHECK(d->message.find("outside the site") != std::string::npos);
    // A file in a posts folder that is a link out of the site: refused by way of its folder.
    const ir::Diagnostic* far = r.error_for("cat/_posts/2020-01-06-far.md");
    REQUIRE(far != nullptr);
    CHECK(far->message.find("outside the site") != std::string::npos);
}

TEST_CASE("an unreadable file is reported and skipped") {
    TempDir dir;
    make_site(dir, good_post, "2020-01-03-locked.md");
    fs::permissions(dir.path / "_posts/2020-01-03-locked.md", fs::perms::none);
    Read r = read_site(dir.path);
    CHECK(r.has("_posts/2020-01-01-good.md"));
    if (::geteuid() == 0) {
        MESSAGE("running as root: permissions do not stop reading, only the good post is checked");
        return;
    }
    CHECK_FALSE(r.has("_posts/2020-01-03-locked.md"));
    CHECK(r.error_for("2020-01-03-locked.md") != nullptr);
}

TEST_CASE("an output folder inside the site is not read back as input") {
    TempDir dir;
    make_site(dir, good_post, "2020-01-03-two.md");
    // What a Hugo run leaves in site/out: a page with YAML front matter and a post folder.
    write_file(dir.path / "out/about.md", "---\ntitle: About (output)\n---\nx\n");
    write_file(dir.path / "out/_posts/2020-05-05-copy.md", good_post);
    readers::ReaderOptions options;
    options.pages = true;
    options.skip_paths = {(dir.path / "out").string()};
    Read r = read_site(dir.path, options);
    CHECK(r.has("_posts/2020-01-01-good.md"));
    for (const auto& d : r.site.documents) CHECK(d.source_path.rfind("out/", 0) != 0);
    for (const auto& f : r.site.static_files) CHECK(f.source_path.rfind("out/", 0) != 0);
    // Without the skip the same folder is input, so the test would notice a broken skip.
    Read again = read_site(dir.path);
    CHECK(again.has("out/_posts/2020-05-05-copy.md"));
}

TEST_CASE("an existing output is replaced only with --force") {
    TempDir dir;
    make_site(dir, good_post, "2020-01-03-two.md");
    fs::path out = dir.path / "feed.xml";
    write_file(out, "mine");
    auto refused = run_blogconv({dir.path.string(), "--to", "atom", "-o", out.string()});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("--force") != std::string::npos);
    CHECK(read_file(out) == "mine");
    auto forced = run_blogconv({dir.path.string(), "--to", "atom", "-o", out.string(), "--force"});
    CHECK(forced.exit_code == 0);
    CHECK(read_file(out).find("<feed") != std::string::npos);
    CHECK(no_temp_files(dir.path));
}

TEST_CASE("two posts with one permalink: a warning naming both; a folder output refuses the second") {
    TempDir dir;
    make_site(dir, "---\ntitle: Two\npermalink: /same/\n---\nb\n", "2020-01-03-two.md");
    write_file(dir.path / "_posts/2020-01-02-one.md", "---\ntitle: One\npermalink: /same/\n---\na\n");
    // Jekyll reads both (and writes one over the other): the IR keeps both, with a warning.
    Read r = read_site(dir.path);
    CHECK(r.has("_posts/2020-01-02-one.md"));
    CHECK(r.has("_posts/2020-01-03-two.md"));
    // A Hugo site cannot hold both: an error naming both, exit 1, the first migrated.
    fs::path out = dir.path.parent_path() / (dir.path.filename().string() + "-hugo");
    auto h = run_blogconv({dir.path.string(), "--to", "hugo", "-o", out.string()});
    CHECK(h.exit_code == 1);
    CHECK(h.err.find("2020-01-03-two.md") != std::string::npos);
    CHECK(h.err.find("2020-01-02-one.md") != std::string::npos);
    CHECK(h.err.find("/same/") != std::string::npos);
    std::error_code ec;
    fs::remove_all(out, ec);
}

TEST_CASE("a permalink or image path with .. never leaves the root") {
    TempDir dir;
    make_site(dir, "---\npermalink: /%2e%2e/%2E%2E/etc/evil.html\n---\nx\n", "2020-01-03-enc.md");
    write_file(dir.path / "_posts/2020-01-04-dots.md", "---\npermalink: /../../etc/x/\n---\nx\n");
    Read r = read_site(dir.path);
    CHECK_FALSE(r.has("_posts/2020-01-03-enc.md"));
    REQUIRE(r.error_for("2020-01-03-enc.md") != nullptr);
    CHECK(r.error_for("2020-01-03-enc.md")->message.find("..") != std::string::npos);
    // Plain `..` is dropped from the permalink, as Jekyll does.
    for (const auto& d : r.site.documents) CHECK(d.url.find("..") == std::string::npos);
    // Images: the URL resolver refuses a path that climbs out.
    auto url = writers::resolve_site_url("../../../etc/passwd", {"_posts/x.md", "/p/", "", ""});
    CHECK(url.kind == writers::UrlKind::outside_root);
}

TEST_CASE("a full disk leaves no partial output file") {
    TempDir dir;
    write_file(dir.path / "_config.yml", "title: Big\nurl: https://example.org\n");
    for (int i = 1; i <= 20; ++i)
        write_file(dir.path / ("_posts/2020-01-" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "-p.md"),
                   "---\ntitle: P\n---\n" + repeat("Some text for the feed. ", 400) + "\n");
    fs::path out = dir.path / "feed.xml";
    // `ulimit -f 8`: files may not grow past 8 KiB (as a full disk stops them).
    std::string cmd = "ulimit -f 8; exec '" + std::string(BLOGCONV_BINARY) + "' '" + dir.path.string() +
                      "' --to atom -o '" + out.string() + "'";
    auto r = run_shell(cmd);
    CAPTURE(r.err);
    CHECK(r.exit_code == 2);
    CHECK_FALSE(fs::exists(out));
    CHECK(no_temp_files(dir.path));
}

// Ctrl-C at a known point of the output: the shim raises SIGINT inside the Nth mkdirat or
// rename blogconv makes (tests/support/raise_signal_at.c), so the signal lands mid-write on
// every run. Each case asserts that it did land (status 130: the process died of SIGINT, as a
// shell reports it), what stays, and that no staging file is left.
TEST_CASE("SIGINT mid-write: the run dies of it and leaves no partial output") {
    TempDir dir;
    write_file(dir.path / "_config.yml", "title: Big\nurl: https://example.org\n");
    for (int i = 1; i <= 30; ++i)
        write_file(dir.path / ("_posts/2020-01-01-p" + std::to_string(i) + ".md"),
                   "---\ntitle: P\n---\n" + repeat("Some *text* for the [feed](x). ", 30) + "\n");
    auto run = [&](const std::string& raise_in, int at, const std::string& format, const fs::path& out) {
        // GCC's ASan wants its runtime first among preloaded libraries; the shim is not instrumented.
        std::string cmd = "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 LD_PRELOAD='" +
                          std::string(BLOGCONV_RAISE_SIGNAL_AT) + "' BLOGCONV_RAISE_IN=" + raise_in +
                          " BLOGCONV_RAISE_AT=" + std::to_string(at) + " '" + std::string(BLOGCONV_BINARY) + "' '" +
                          dir.path.string() + "' --to " + format + " -o '" + out.string() + "' --force; echo status=$?";
        return run_shell(cmd);
    };
    SUBCASE("a new Hugo folder, interrupted while its folders are made: no folder at all") {
        fs::path out = dir.path / "new-site";
        // mkdirat 1 makes the staging folder, 2 its first subfolder.
        auto r = run("mkdirat", 2, "hugo", out);
        CAPTURE(r.err);
        CHECK(r.out == "status=130\n");
        CHECK_FALSE(fs::exists(out));
        CHECK(no_temp_files(dir.path));
    }
    SUBCASE("a new Hugo folder, interrupted at its rename into place: whole, or absent") {
        fs::path out = dir.path / "renamed-site";
        auto r = run("rename", 1, "hugo", out);
        CAPTURE(r.err);
        CHECK(r.out == "status=130\n");
        // Signals wait while the rename is under way: the folder appears complete.
        CHECK(fs::exists(out / "hugo.toml"));
        CHECK(fs::exists(out / "content/posts/p30.md"));
        CHECK(no_temp_files(dir.path));
    }
    SUBCASE("an existing folder written file by file, interrupted at the third file: each file whole") {
        fs::path out = dir.path / "existing";
        fs::create_directories(out);
        write_file(out / "mine.txt", "mine");
        auto r = run("rename", 3, "hugo", out);
        CAPTURE(r.err);
        CHECK(r.out == "status=130\n");
        CHECK(read_file(out / "mine.txt") == "mine");
        CHECK(no_temp_files(dir.path));
        // Every post that is there is whole: its front matter and its last paragraph.
        for (const auto& e : fs::directory_iterator(out / "content/posts")) {
            std::string text = read_file(e.path());
            CHECK(text.rfind("+++\n", 0) == 0);
            CHECK(text.find("for the [feed](x).") != std::string::npos);
        }
    }
    SUBCASE("one feed file, interrupted at its rename: the old file stays or the new one is whole") {
        fs::path out = dir.path / "feed.xml";
        write_file(out, "old");
        auto r = run("rename", 1, "atom", out);
        CAPTURE(r.err);
        CHECK(r.out == "status=130\n");
        std::string text = read_file(out);
        CHECK((text == "old" || text.find("</feed>") != std::string::npos));
        CHECK(no_temp_files(dir.path));
    }
}

TEST_CASE("a new output folder is built aside and appears whole; an existing one is written file by file") {
    TempDir dir;
    make_site(dir, good_post, "2020-01-03-two.md");
    fs::path out = dir.path / "deep/new-site";  // neither folder exists yet
    auto r = run_blogconv({dir.path.string(), "--to", "hugo", "-o", out.string()});
    CAPTURE(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(fs::exists(out / "hugo.toml"));
    CHECK(fs::exists(out / "content/posts/good.md"));
    CHECK(fs::exists(out / "content/posts/two.md"));
    std::size_t entries = 0;
    for (const auto& e : fs::directory_iterator(dir.path / "deep")) {
        CHECK(e.path().filename() == "new-site");  // no staging folder left beside it
        ++entries;
    }
    CHECK(entries == 1);
    CHECK(no_temp_files(dir.path));
    // The same run again: the folder exists, so each file is refused without --force, and
    // nothing in it changes.
    write_file(out / "mine.txt", "mine");
    auto again = run_blogconv({dir.path.string(), "--to", "hugo", "-o", out.string()});
    CHECK(again.exit_code == 2);
    CHECK(read_file(out / "mine.txt") == "mine");
    auto forced = run_blogconv({dir.path.string(), "--to", "hugo", "-o", out.string(), "--force"});
    CAPTURE(forced.err);
    CHECK(forced.exit_code == 0);
    CHECK(read_file(out / "mine.txt") == "mine");  // --force replaces our files, keeps the user's
    CHECK(no_temp_files(dir.path));
}
