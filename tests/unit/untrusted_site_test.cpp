// Whole hostile sites through the real binary (issue 18): what a post, an include or a data file
// can make blogconv read, how much work and memory one document may cost, and that every error
// skips its document while the rest converts. Each site is built here, in a TempDir, with a good
// post beside the bad ones; each case asserts the exact exit code (a crash is never 1), the
// diagnostic, that the good post converted, and the children's peak memory.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "ir/guarded_reader.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace blogconv;
using blogconv::test::read_file;
using blogconv::test::run_blogconv;
using blogconv::test::RunResult;
using blogconv::test::TempDir;
using blogconv::test::write_file;

namespace {

std::string post(const std::string& title, const std::string& body, const std::string& extra_front_matter = "") {
    return "---\ntitle: " + title + "\n" + extra_front_matter + "---\n" + body + "\n";
}

void make_fifo(const fs::path& p) {
    fs::create_directories(p.parent_path());
    REQUIRE(::mkfifo(p.c_str(), 0600) == 0);
}

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

// Runs the binary over `site` to a JSON dump (every document's title and body), under a timeout
// so that a regression to an endless loop fails the test instead of hanging the suite.
struct Converted {
    blogconv::test::Measured run;
    std::string json;
};
Converted convert(const fs::path& site, const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {site.string(), "--to", "json", "-o", out.string(), "--force", "-j", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    Converted c;
    c.run = blogconv::test::run_measured(args, 600);
    std::error_code ec;
    if (fs::exists(out, ec)) c.json = read_file(out);
    return c;
}

}  // namespace

TEST_CASE("include: nothing outside the site is read, through names, links, FIFOs or sizes") {
    TempDir outside;
    const std::string secret = "TOPSECRET-4f1c";
    write_file(outside.path / "secret.txt", secret + "\n");
    TempDir dir;
    const fs::path& site = dir.path;
    write_file(site / "_config.yml", "title: Hostile\n");
    write_file(site / "_includes/ok.html", "INCLUDED-OK {{ include.who }}");
    write_file(site / "_posts/2020-01-01-good.md", post("Good", "Hello {% include ok.html who=\"you\" %}."));

    // `../` out of _includes/, as Jekyll's name check refuses.
    const std::string up = fs::relative(outside.path / "secret.txt", site / "_includes").generic_string();
    REQUIRE(up.starts_with("../"));
    write_file(site / "_posts/2020-01-02-dotdot.md", post("Dotdot", "{% include " + up + " %}"));
    const std::string up_rel = fs::relative(outside.path / "secret.txt", site / "_posts").generic_string();
    write_file(site / "_posts/2020-01-03-relative.md", post("Relative", "{% include_relative " + up_rel + " %}"));
    // An absolute name: Jekyll joins it under _includes/, where there is no such file.
    write_file(site / "_posts/2020-01-04-absolute.md",
               post("Absolute", "{% include " + (outside.path / "secret.txt").string() + " %}"));
    // Links in _includes/: to a file outside, and a folder outside.
    fs::create_symlink(outside.path / "secret.txt", site / "_includes/link.html");
    write_file(site / "_posts/2020-01-05-link.md", post("Link", "{% include link.html %}"));
    fs::create_directory_symlink(outside.path, site / "_includes/far");
    write_file(site / "_posts/2020-01-06-folder-link.md", post("FolderLink", "{% include far/secret.txt %}"));
    // The name from a variable.
    write_file(site / "_posts/2020-01-07-variable.md",
               post("Variable", "{% include {{ page.inc }} %}", "inc: \"" + up + "\"\n"));
    // A FIFO would block a reader forever.
    make_fifo(site / "_includes/pipe.html");
    write_file(site / "_posts/2020-01-08-fifo.md", post("Fifo", "{% include pipe.html %}"));
    // The checks a post gets: size, NUL, nesting.
    write_file(site / "_includes/big.html", std::string(3'100'000, 'x'));
    write_file(site / "_posts/2020-01-09-big.md", post("Big", "{% include big.html %}"));
    write_file(site / "_includes/nul.html", std::string("a\0b", 3));
    write_file(site / "_posts/2020-01-10-nul.md", post("Nul", "{% include nul.html %}"));
    write_file(site / "_includes/deep.html", repeat("{% if true %}\n", 100'000) + repeat("{% endif %}\n", 100'000));
    write_file(site / "_posts/2020-01-11-deep.md", post("Deep", "{% include deep.html %}"));
    // An include that includes itself: one error, not one per level.
    write_file(site / "_includes/self.html", "again {% include self.html %}");
    write_file(site / "_posts/2020-01-12-self.md", post("Self", "{% include self.html %}"));

    TempDir out;
    Converted c = convert(site, out.path / "site.json", {"--max-file-size", "3000000"});
    INFO(c.run.err);
    CHECK(c.run.exit_code == 1);
    CHECK(c.json.find("INCLUDED-OK you") != std::string::npos);
    CHECK(c.json.find(secret) == std::string::npos);
    CHECK(c.run.err.find(secret) == std::string::npos);
    for (const char* skipped : {"Dotdot", "Relative", "Link", "FolderLink", "Variable", "Fifo", "Big", "Nul", "Deep",
                                "Self"})
        CHECK_MESSAGE(c.json.find("\"title\": \"" + std::string(skipped) + "\"") == std::string::npos, skipped);
    CHECK(c.run.err.find("2020-01-02-dotdot.md:4:1: error: {% include %}: '" + up + "' is not a file name Jekyll accepts") !=
          std::string::npos);
    CHECK(c.run.err.find("2020-01-03-relative.md:4:1: error: {% include_relative %}") != std::string::npos);
    CHECK(c.run.err.find("2020-01-04-absolute.md:4:1: warning: include '") != std::string::npos);
    CHECK(c.run.err.find("_includes/link.html leaves the site root") != std::string::npos);
    CHECK(c.run.err.find("_includes/far/secret.txt leaves the site root") != std::string::npos);
    CHECK(c.run.err.find("2020-01-07-variable.md:5:1: error:") != std::string::npos);
    CHECK(c.run.err.find("_includes/pipe.html is a FIFO, not a regular file") != std::string::npos);
    CHECK(c.run.err.find("_includes/big.html file is larger than the limit of 3000000 bytes") != std::string::npos);
    CHECK(c.run.err.find("_includes/nul.html:1: the file holds a NUL byte") != std::string::npos);
    CHECK(c.run.err.find("_includes/deep.html:100000: Liquid tags nested 100000 deep, over the limit of 100") !=
          std::string::npos);
    CHECK(count(c.run.err, "includes nest more than 10 deep") == 1);
    CHECK(c.run.peak_kib < blogconv::test::one_gib_kib);

    // `check` sees the same errors and says so in its exit code.
    RunResult check = run_blogconv({"check", site.string()});
    CHECK(check.exit_code == 1);
    CHECK(check.err.find("leaves the site root") != std::string::npos);
}

TEST_CASE("_config.yml and _data/ are read through the same guard") {
    TempDir outside;
    write_file(outside.path / "conf.yml", "title: LEAKED-CONFIG\n");
    write_file(outside.path / "data.yml", "key: LEAKED-DATA\n");
    TempDir dir;
    const fs::path& site = dir.path;
    fs::create_symlink(outside.path / "conf.yml", site / "_config.yml");
    fs::create_directories(site / "_data");
    fs::create_symlink(outside.path / "data.yml", site / "_data/x.yml");
    fs::create_directory_symlink(site / "_data", site / "_data/loop");  // a loop must end
    make_fifo(site / "_data/pipe.yml");
    write_file(site / "_posts/2020-01-01-good.md", post("Good", "Data: {{ site.data.x.key }} {{ site.title }}"));
    TempDir out;
    Converted c = convert(site, out.path / "site.json");
    INFO(c.run.err);
    CHECK(c.run.exit_code == 1);  // the config link is an error: the site's settings are not what it says
    CHECK(c.json.find("\"title\": \"Good\"") != std::string::npos);
    CHECK(c.json.find("LEAKED") == std::string::npos);
    CHECK(c.run.err.find("_config.yml:") != std::string::npos);
    CHECK(c.run.err.find("leaves the site root") != std::string::npos);
    CHECK(c.run.err.find("pipe.yml") != std::string::npos);
}

TEST_CASE("Liquid budgets: loops, ranges and growing values stop their document, not the run") {
    TempDir dir;
    const fs::path& site = dir.path;
    write_file(site / "_config.yml", "title: Budgets\n");
    write_file(site / "_posts/2020-01-01-good.md",
               post("Good", "{% for i in (1..50) %}{{ i }} {% endfor %}{% assign s = 'ab' | append: 'cd' %}{{ s }}"));
    // Empty loop bodies, three deep: 10^15 turns with no output at all.
    write_file(site / "_posts/2020-01-02-loops.md",
               post("Loops", "{% for a in (1..100000) %}{% for b in (1..100000) %}{% for c in (1..100000) %}"
                             "{% endfor %}{% endfor %}{% endfor %}"));
    // One huge range.
    write_file(site / "_posts/2020-01-03-range.md", post("Range", "{% for i in (1..1000000000000) %}{% endfor %}"));
    // A value that doubles: 2^40 bytes if nothing stops it.
    write_file(site / "_posts/2020-01-04-append.md",
               post("Append", "{% assign s = 'xxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}"
                              "{% endfor %}{{ s | size }}"));
    // `split: ""` over a long text, again and again: a million values each time.
    write_file(site / "_posts/2020-01-05-split.md",
               post("Split", "{% capture big %}{% for i in (1..100000) %}0123456789{% endfor %}{% endcapture %}"
                             "{% for i in (1..50) %}{% assign parts = big | split: '' %}{% endfor %}{{ parts | size }}"));
    TempDir out;
    Converted c = convert(site, out.path / "site.json");
    INFO(c.run.err);
    CHECK(c.run.exit_code == 1);
    CHECK(c.json.find("\"title\": \"Good\"") != std::string::npos);
    for (const char* skipped : {"Loops", "Range", "Append", "Split"})
        CHECK_MESSAGE(c.json.find("\"title\": \"" + std::string(skipped) + "\"") == std::string::npos, skipped);
    CHECK(c.run.err.find("2020-01-02-loops.md:4:53: error: Liquid runs more than 2000000 steps") != std::string::npos);
    CHECK(count(c.run.err, "(--max-liquid-steps); skipped") == 2);
    CHECK(count(c.run.err, "(--max-liquid-bytes); skipped") == 2);
    CHECK(c.run.peak_kib < blogconv::test::one_gib_kib);

    // The budgets are flags: a tiny step budget stops even the good post.
    Converted tight = convert(site, out.path / "tight.json", {"--max-liquid-steps", "20"});
    CHECK(tight.run.exit_code == 1);
    CHECK(tight.json.find("\"title\": \"Good\"") == std::string::npos);
}

TEST_CASE("every error skips its document; good posts are not refused") {
    TempDir dir;
    const fs::path& site = dir.path;
    write_file(site / "_config.yml", "title: Errors\nurl: https://example.org\n");
    // A C++ post: `<x>` in code is text, not HTML nesting.
    std::string code = "```cpp\n" + repeat("#include <vector>\n", 150) + "```\n\nAnd `<span>` inline, " +
                       repeat("`<b>` ", 150) + "\n\n{% highlight cpp %}\n" + repeat("#include <map>\n", 150) +
                       "{% endhighlight %}\n";
    write_file(site / "_posts/2020-01-01-cpp.md", post("Cpp", code));
    // A Liquid syntax error: Jekyll stops the build; the post is never published with raw Liquid.
    write_file(site / "_posts/2020-01-02-syntax.md", post("Syntax", "{% if x %} never closed"));
    // A quoted value that never ends: Ruby's Psych refuses it, yaml-cpp alone would take it.
    write_file(site / "_posts/2020-01-03-quote.md", "---\ntitle: \"unclosed\ntags: [a]\n---\nBody.\n");
    // Years feeds cannot carry.
    write_file(site / "_posts/2020-01-04-far-future.md", post("FarFuture", "x", "date: 9999-12-31 23:59:59 -1200\n"));
    write_file(site / "_posts/2020-01-05-year-zero.md", post("YearZero", "x", "date: -0001-01-01\n"));
    // A FIFO named like a post.
    make_fifo(site / "_posts/2020-01-06-pipe.md");
    TempDir out;
    Converted c = convert(site, out.path / "site.json");
    INFO(c.run.err);
    CHECK(c.run.exit_code == 1);
    CHECK(c.json.find("\"title\": \"Cpp\"") != std::string::npos);
    CHECK(c.run.err.find("2020-01-01-cpp.md") == std::string::npos);
    for (const char* skipped : {"Syntax", "unclosed", "FarFuture", "YearZero"})
        CHECK_MESSAGE(c.json.find(skipped) == std::string::npos, skipped);
    CHECK(c.run.err.find("2020-01-02-syntax.md:4:1: error: '{% if %}' is never closed") != std::string::npos);
    CHECK(c.run.err.find("2020-01-03-quote.md:4:1: error: invalid YAML front matter: a quoted value is never closed") !=
          std::string::npos);
    CHECK(c.run.err.find("2020-01-04-far-future.md:3:7: error: the date's year 10000 is outside 1 to 9999") !=
          std::string::npos);
    CHECK(c.run.err.find("2020-01-05-year-zero.md:3:7: error: the date's year -1 is outside 1 to 9999") !=
          std::string::npos);
    CHECK(c.run.err.find("2020-01-06-pipe.md: error: is a FIFO, not a regular file") != std::string::npos);

    // The Atom feed of the same site is valid: no post with an impossible date reached it.
    RunResult atom = run_blogconv({site.string(), "--to", "atom", "-o", (out.path / "feed.xml").string()});
    CHECK(atom.exit_code == 1);
    std::string feed = read_file(out.path / "feed.xml");
    CHECK(feed.find("10000-") == std::string::npos);
    CHECK(feed.find("-0001-") == std::string::npos);
    CHECK(feed.find("<title>Cpp</title>") != std::string::npos);
}

TEST_CASE("GuardedReader: inside the root after links, nothing else, never blocking") {
    TempDir outside;
    write_file(outside.path / "secret.txt", "secret");
    TempDir dir;
    const fs::path& root = dir.path;
    write_file(root / "a/file.txt", "inside");
    fs::create_symlink(root / "a/file.txt", root / "absolute-link-inside.txt");  // absolute target, inside
    fs::create_symlink("a/file.txt", root / "relative-link-inside.txt");
    fs::create_symlink(outside.path / "secret.txt", root / "link-out.txt");
    fs::create_directory_symlink(outside.path, root / "folder-out");
    make_fifo(root / "pipe");
    ir::GuardedReader files(root);
    CHECK(files.read("a/file.txt", 100).text == "inside");
    CHECK(files.read("absolute-link-inside.txt", 100).text == "inside");
    CHECK(files.read("relative-link-inside.txt", 100).text == "inside");
    CHECK(files.read("a/../a/file.txt", 100).text == "inside");
    for (const char* out : {"link-out.txt", "folder-out/secret.txt", "../x", "a/../../x", "/etc/passwd"}) {
        ir::GuardedReader::File f = files.read(out, 100);
        CHECK_MESSAGE(!f.ok(), out);
        CHECK_MESSAGE(f.text.empty(), out);
    }
    CHECK(files.read("link-out.txt", 100).error.find("outside the site") != std::string::npos);
    CHECK(files.read("pipe", 100).error == "is a FIFO, not a regular file; not read");
    CHECK(files.read("a", 100).error == "is a folder, not a regular file; not read");
    CHECK(files.read("nothing", 100).error == "no such file");
    CHECK(files.read("a/file.txt", 3).error.find("larger than the limit of 3 bytes") != std::string::npos);
    CHECK(files.read("a/file.txt", 3, 2).text == "in");  // a head read is not a whole read
}

TEST_CASE("folder links between the site's folders: each folder is read once, not once per path") {
    // d1/a and d1/b both link to d2, d2/a and d2/b to d3, …: 2^30 paths to the last folder.
    TempDir dir;
    const fs::path& site = dir.path;
    write_file(site / "_config.yml", "title: Links\n");
    write_file(site / "_posts/2020-01-01-good.md", post("Good", "Fine."));
    constexpr int levels = 30;
    for (int k = 1; k <= levels; ++k) {
        const fs::path d = site / ("d" + std::to_string(k));
        fs::create_directories(d / "_posts");
        write_file(d / "_posts" / ("2020-02-" + std::to_string(10 + k % 18) + "-p" + std::to_string(k) + ".md"),
                   post("P" + std::to_string(k), "x"));
        if (k < levels) {
            fs::create_directory_symlink("../d" + std::to_string(k + 1), d / "a");
            fs::create_directory_symlink("../d" + std::to_string(k + 1), d / "b");
        }
        fs::create_directories(site / "_data" / ("e" + std::to_string(k)));
        if (k < levels) {
            fs::create_directory_symlink("../e" + std::to_string(k + 1), site / "_data" / ("e" + std::to_string(k)) / "a");
            fs::create_directory_symlink("../e" + std::to_string(k + 1), site / "_data" / ("e" + std::to_string(k)) / "b");
        }
    }
    TempDir out;
    Converted c = convert(site, out.path / "site.json");
    INFO(c.run.err.substr(0, 3000));
    CHECK(c.run.exit_code == 0);
    CHECK(c.json.find("\"title\": \"Good\"") != std::string::npos);
    // Read once: as often in the dump as the good post (its title shows in the front matter too).
    CHECK(count(c.json, "\"title\": \"P30\"") == count(c.json, "\"title\": \"Good\""));
    CHECK(c.run.peak_kib < blogconv::test::one_gib_kib);
}

TEST_CASE("the site's url: setting cannot break out of an attribute of the HTML page") {
    TempDir dir;
    const fs::path& site = dir.path;
    write_file(site / "_config.yml",
               "title: Url\nurl: 'https://x.example\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">"
               "<i x=\"'\n");
    write_file(site / "_posts/2020-01-01-good.md", post("Good", "<a href=\"/nothere/\">a link</a> and <a href='/also/'>b</a>"));
    TempDir out;
    RunResult r = run_blogconv({site.string(), "--to", "html", "-o", (out.path / "page.html").string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    const std::string page = read_file(out.path / "page.html");
    CHECK(page.find("a link") != std::string::npos);
    CHECK(page.find("<meta http-equiv=\"refresh\"") == std::string::npos);
    CHECK(page.find("evil.example/\">") == std::string::npos);
}
