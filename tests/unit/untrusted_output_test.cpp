// Issue 18, classes 4 and 8: what the output side must never do with an untrusted site. Each
// test builds its hostile input in a TempDir and runs the real binary (the one exception, the
// no-replace rename, needs a file to appear between staging and rename: it calls the guarded
// writer itself, cli/output_root.h).
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli/output.h"
#include "cli/output_root.h"
#include "cli/terminal_text.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace blogconv;
using blogconv::test::read_file;
using blogconv::test::run_blogconv;
using blogconv::test::TempDir;
using blogconv::test::write_file;

namespace {

const std::string good_post = "---\ntitle: Good\ncategories: [news]\n---\nFine text.\n";

// A site with one good post in category "news", whose _config.yml asks jekyll-feed for a
// per-category feed (feed/news.xml beside the main feed).
fs::path make_site(const fs::path& root) {
    write_file(root / "_config.yml", "title: Test\nurl: https://example.org\nfeed:\n  categories: [news]\n");
    write_file(root / "_posts/2020-01-01-good.md", good_post);
    return root;
}

bool empty_folder(const fs::path& p) { return fs::is_directory(p) && fs::is_empty(p); }

// No staging name of ours (".NAME.blogconv-PID-N") left anywhere below `dir`.
bool no_staging(const fs::path& dir) {
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.path().filename().string().find(".blogconv-") != std::string::npos) return false;
    return true;
}

// A pid that belonged to a process which has exited and been reaped.
pid_t dead_pid() {
    pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

}  // namespace

TEST_CASE("a link under -o is never followed: per-category feeds into _site/feed -> elsewhere") {
    TempDir tmp;
    fs::path site = make_site(tmp.path / "site");
    fs::path outside = tmp.path / "outside";
    fs::create_directories(outside);
    fs::create_directories(site / "_site");
    fs::create_directory_symlink(outside, site / "_site/feed");
    // The README's CI command.
    auto r = run_blogconv({site.string(), "--to", "atom", "-o", (site / "_site/feed.xml").string(), "--force"});
    CAPTURE(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("_site/feed is a symbolic link") != std::string::npos);
    CHECK(empty_folder(outside));
    CHECK_FALSE(fs::exists(site / "_site/feed.xml"));  // refused before anything was written
    CHECK(no_staging(tmp.path));
    // The same site without the link converts, the good post in both feeds.
    fs::remove(site / "_site/feed");
    auto ok = run_blogconv({site.string(), "--to", "atom", "-o", (site / "_site/feed.xml").string(), "--force"});
    CAPTURE(ok.err);
    CHECK(ok.exit_code == 0);
    CHECK(read_file(site / "_site/feed.xml").find("Good") != std::string::npos);
    CHECK(read_file(site / "_site/feed/news.xml").find("Good") != std::string::npos);
    CHECK(empty_folder(outside));
    // Inside the site, -o's own folders are the site's too: a shipped `_site -> elsewhere` is
    // refused as well.
    fs::remove_all(site / "_site");
    fs::create_directory_symlink(outside, site / "_site");
    auto linked = run_blogconv({site.string(), "--to", "atom", "-o", (site / "_site/feed.xml").string(), "--force"});
    CHECK(linked.exit_code == 2);
    CHECK(linked.err.find("_site is a symbolic link") != std::string::npos);
    CHECK(empty_folder(outside));
}

TEST_CASE("a link under -o is never followed: an existing Hugo folder whose content/ is a link") {
    TempDir tmp;
    fs::path site = make_site(tmp.path / "site");
    fs::path outside = tmp.path / "outside";
    fs::create_directories(outside);
    fs::path out = tmp.path / "hugo";
    fs::create_directories(out);
    fs::create_directory_symlink(outside, out / "content");
    for (const char* force : {"--force", "--quiet"}) {
        CAPTURE(force);
        auto r = run_blogconv({site.string(), "--to", "hugo", "-o", out.string(), force});
        CAPTURE(r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("hugo/content is a symbolic link") != std::string::npos);
        CHECK(empty_folder(outside));
        CHECK_FALSE(fs::exists(out / "hugo.toml"));
    }
    CHECK(no_staging(tmp.path));
    // A link as the -o folder itself is refused too: only the folders above what -o names are
    // followed.
    fs::path linked = tmp.path / "linked";
    fs::create_directory_symlink(outside, linked);
    auto l = run_blogconv({site.string(), "--to", "hugo", "-o", linked.string(), "--force"});
    CHECK(l.exit_code == 2);
    CHECK(l.err.find("linked is a symbolic link") != std::string::npos);
    CHECK(empty_folder(outside));
    // Without the link the same site migrates.
    fs::remove(out / "content");
    auto ok = run_blogconv({site.string(), "--to", "hugo", "-o", out.string()});
    CAPTURE(ok.err);
    CHECK(ok.exit_code == 0);
    CHECK(read_file(out / "content/posts/good.md").find("Fine text.") != std::string::npos);
}

TEST_CASE("-o a FIFO: written into, never replaced, with or without --force") {
    TempDir tmp;
    fs::path site = make_site(tmp.path / "site");
    fs::path fifo = tmp.path / "feed.xml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // Held open for reading and writing here, so that blogconv's open does not wait for a reader
    // and our reads never wait for a writer; a large pipe keeps the whole feed.
    int fd = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    REQUIRE(fd >= 0);
    ::fcntl(fd, F_SETPIPE_SZ, 1 << 20);
    for (const char* force : {"--force", "--quiet"}) {
        CAPTURE(force);
        auto r = run_blogconv({site.string(), "--to", "atom", "-o", fifo.string(), force});
        CAPTURE(r.err);
        CHECK(r.exit_code == 0);
        struct stat st {};
        REQUIRE(::lstat(fifo.c_str(), &st) == 0);
        CHECK(S_ISFIFO(st.st_mode));  // still the FIFO, not a file renamed over it
        std::string got;
        char buf[4096];
        for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) got.append(buf, static_cast<std::size_t>(n));
        CHECK(got.find("<feed") != std::string::npos);
        CHECK(got.find("Good") != std::string::npos);
        // The per-category feed went beside it, as a file (made again by the next run).
        CHECK(read_file(tmp.path / "feed/news.xml").find("Good") != std::string::npos);
        fs::remove_all(tmp.path / "feed");
    }
    ::close(fd);
    CHECK(no_staging(tmp.path));
}

TEST_CASE("a FIFO below the output folder is refused, never opened or replaced") {
    TempDir tmp;
    fs::path site = make_site(tmp.path / "site");
    fs::path out = tmp.path / "_site";
    fs::create_directories(out / "feed");
    // Nothing reads it: opening it for writing would wait forever.
    REQUIRE(::mkfifo((out / "feed/news.xml").c_str(), 0600) == 0);
    auto r = run_blogconv({site.string(), "--to", "atom", "-o", (out / "feed.xml").string(), "--force"});
    CAPTURE(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("feed/news.xml is not a regular file") != std::string::npos);
    struct stat st {};
    REQUIRE(::lstat((out / "feed/news.xml").c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
}

TEST_CASE("without --force the rename never replaces a file that appeared after the check") {
    TempDir tmp;
    cli::OutputRoot root(tmp.path, true);
    // Another run's file appears between our staging and our rename.
    auto staged = root.stage("a/feed.xml", {"ours"}, false);
    write_file(tmp.path / "a/feed.xml", "theirs");
    CHECK_THROWS_WITH_AS(root.commit(staged, false), doctest::Contains("already exists; pass --force"),
                         cli::OutputError);
    CHECK(read_file(tmp.path / "a/feed.xml") == "theirs");
    CHECK(no_staging(tmp.path));
    // With --force the same rename replaces it.
    auto again = root.stage("a/feed.xml", {"ours"}, false);
    root.commit(again, true);
    CHECK(read_file(tmp.path / "a/feed.xml") == "ours");
    CHECK(no_staging(tmp.path));
}

TEST_CASE("-o cannot be or contain the source folder (Jekyll's ensure_not_in_dest)") {
    TempDir tmp;
    fs::path site = make_site(tmp.path / "site");
    for (const fs::path& out : {site, tmp.path, site / "."}) {
        CAPTURE(out);
        auto r = run_blogconv({site.string(), "--to", "hugo", "-o", out.string(), "--force"});
        CAPTURE(r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("cannot be or contain the source") != std::string::npos);
        CHECK_FALSE(fs::exists(out / "hugo.toml"));
        CHECK_FALSE(fs::exists(out / "content"));
    }
    // A link to a folder holding the site is the same folder.
    fs::create_directory_symlink(tmp.path, tmp.path / "link");
    auto l = run_blogconv({site.string(), "--to", "hugo", "-o", (tmp.path / "link").string(), "--force"});
    CHECK(l.exit_code == 2);
    CHECK(l.err.find("cannot be or contain the source") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path / "hugo.toml"));
    // A single-file output named like a source post is the same mistake.
    auto f = run_blogconv({(site / "_posts/2020-01-01-good.md").string(), "--to", "atom", "-o",
                           (site / "_posts/2020-01-01-good.md").string(), "--force"});
    CHECK(f.exit_code == 2);
    CHECK(read_file(site / "_posts/2020-01-01-good.md") == good_post);
    // An output inside the source stays allowed (it is skipped when reading).
    auto inside = run_blogconv({site.string(), "--to", "hugo", "-o", (site / "out").string()});
    CAPTURE(inside.err);
    CHECK(inside.exit_code == 0);
    CHECK(fs::exists(site / "out/content/posts/good.md"));
}

TEST_CASE("stale staging of a dead run is removed; a live run's and other names are kept") {
    TempDir tmp;
    fs::path site = make_site(tmp.path / "site");
    fs::path out = tmp.path / "public";
    const std::string dead = std::to_string(dead_pid());
    const std::string live = std::to_string(::getpid());
    write_file(out / (".feed.xml.blogconv-" + dead + "-0"), "half a feed");
    write_file(out / (".hugo.blogconv-" + dead + "-3/content/posts/x.md"), "half a site");
    write_file(out / (".feed.xml.blogconv-" + live + "-0"), "still being written");
    write_file(out / ".feed.xml.blogconv-notes", "not ours");
    write_file(out / ("feed.xml.blogconv-" + dead + "-0"), "not ours either: no leading dot");
    auto r = run_blogconv({site.string(), "--to", "atom", "-o", (out / "feed.xml").string()});
    CAPTURE(r.err);
    CHECK(r.exit_code == 0);
    CHECK_FALSE(fs::exists(out / (".feed.xml.blogconv-" + dead + "-0")));
    CHECK_FALSE(fs::exists(out / (".hugo.blogconv-" + dead + "-3")));
    CHECK(read_file(out / (".feed.xml.blogconv-" + live + "-0")) == "still being written");
    CHECK(fs::exists(out / ".feed.xml.blogconv-notes"));
    CHECK(fs::exists(out / ("feed.xml.blogconv-" + dead + "-0")));
    CHECK(read_file(out / "feed.xml").find("Good") != std::string::npos);
    // Inside an existing Hugo folder, each folder written into is cleaned too.
    fs::path hugo = tmp.path / "hugo";
    REQUIRE(run_blogconv({site.string(), "--to", "hugo", "-o", hugo.string()}).exit_code == 0);
    write_file(hugo / ("content/posts/.good.md.blogconv-" + dead + "-7"), "half a post");
    auto again = run_blogconv({site.string(), "--to", "hugo", "-o", hugo.string(), "--force"});
    CAPTURE(again.err);
    CHECK(again.exit_code == 0);
    CHECK_FALSE(fs::exists(hugo / ("content/posts/.good.md.blogconv-" + dead + "-7")));
}

TEST_CASE("escape sequences in file names and front matter reach the terminal escaped") {
    TempDir tmp;
    fs::path site = make_site(tmp.path / "site");
    // A file name that turns the terminal red and a title that sets its window title and clears
    // the screen, in a front matter that does not parse (so the line is quoted back).
    const std::string name = "2020-01-02-\x1b[31mred.md";
    write_file(site / "_posts" / name, "---\ntitle: \"\x1b]0;pwned\x07\x1b[2J\" \xc2\x9b" "6n\n---\nx\n");
    auto r = run_blogconv({"check", site.string()});
    CAPTURE(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.err.find('\x07') == std::string::npos);
    CHECK(r.err.find("\xc2\x9b") == std::string::npos);  // C1 CSI, as UTF-8
    CHECK(r.err.find("2020-01-02-\\x1b[31mred.md:") != std::string::npos);
    CHECK(r.err.find("\\x1b]0;pwned\\x07\\x1b[2J") != std::string::npos);
    CHECK(r.err.find("\\u009b6n") != std::string::npos);
    CHECK(r.err.find("1 document(s) read") != std::string::npos);  // the good post
    // The JSON report escapes control characters itself.
    auto j = run_blogconv({"check", "--format", "json", site.string()});
    CHECK(j.exit_code == 1);
    CHECK(j.out.find('\x1b') == std::string::npos);
    CHECK(j.out.find("\\u001b[31mred.md") != std::string::npos);
}

TEST_CASE("terminal_safe: what a terminal would act on is shown escaped, the rest unchanged") {
    struct Case {
        std::string in, out;
    };
    const Case cases[] = {
        {"plain text, tabs\tand \\backslashes", "plain text, tabs\tand \\backslashes"},
        {"\x1b[31mred", "\\x1b[31mred"},
        {"a\nb\rc\x7f", "a\\x0ab\\x0dc\\x7f"},  // a newline would forge a second diagnostic line
        {"csi \xc2\x9b" "6n", "csi \\u009b6n"},           // C1, as UTF-8
        {"bidi \xe2\x80\xae" "txt", "bidi \\u202etxt"},  // RIGHT-TO-LEFT OVERRIDE
        {"caf\xc3\xa9 \xe6\x97\xa5\xf0\x9f\x99\x82", "caf\xc3\xa9 \xe6\x97\xa5\xf0\x9f\x99\x82"},  // UTF-8 kept
        {"raw \x9b" "6n \xe9", "raw \\x9b6n \\xe9"},    // not UTF-8: each byte shown
        {"overlong \xc0\xaf", "overlong \\xc0\\xaf"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.in);
        CHECK(cli::terminal_safe(c.in) == c.out);
    }
}
