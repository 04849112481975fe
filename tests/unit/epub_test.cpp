// The EPUB writer on sites built by hand: the zip layout, reproducibility, cover, images,
// footnotes, links between posts, scripts of every direction, empty posts — and the verdict of
// two independent programs: epubcheck (0 errors, 0 warnings) and pandoc reading the book back.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "ir/body.h"
#include "readers/jekyll_site.h"
#include "ir/site.h"
#include "tests/test_support.h"
#include "writers/epub/epub_writer.h"
#include "writers/epub/images.h"
#include "writers/epub/package.h"
#include "writers/registry.h"
#include "writers/resources.h"

namespace fs = std::filesystem;
using namespace blogconv;
using namespace blogconv::test;
using writers::EpubOptions;

namespace {

// A 1x1 grey PNG (generated for this test).
const std::string tiny_png(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00"
    "\x00\x3a\x7e\x9b\x55\x00\x00\x00\x0a\x49\x44\x41\x54\x78\x9c\x63\x60\x00\x00\x00\x02\x00\x01\x48\xaf\xa4\x71\x00"
    "\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    67);

ir::Inlines text(const std::string& s) { return {ir::Text{s}}; }
ir::Block para(ir::Inlines ins, int line = 0) { return ir::Block(ir::Paragraph{std::move(ins), {}}, {line, 1}); }

ir::Document post(const std::string& slug, const std::string& title, int y, int m, int d, ir::Blocks body = {}) {
    ir::Document doc;
    char name[64];
    std::snprintf(name, sizeof name, "_posts/%04d-%02d-%02d-%s.md", y, m, d, slug.c_str());
    doc.source_path = name;
    doc.collection = "posts";
    doc.title = title;
    doc.date = ir::DateTime{ir::civil_to_epoch(y, m, d, 10), 0};
    doc.slug = slug;
    std::snprintf(name, sizeof name, "/%04d/%02d/%02d/%s.html", y, m, d, slug.c_str());
    doc.url = name;
    doc.body = body.empty() ? ir::Blocks{para(text("Text of " + title + "."))} : std::move(body);
    return doc;
}

ir::Site basic_site() {
    ir::Site site;
    site.title = "Test Blog";
    site.url = "https://example.org";
    site.authors = {{"Ada Lovelace", "", ""}};
    site.documents.push_back(post("first", "First post", 2020, 1, 2));
    site.documents.push_back(post("second", "Second post", 2021, 5, 6));
    return site;
}

struct ZipFile {
    std::string name;
    std::string bytes;
    zip_uint16_t compression = 0;
    std::time_t mtime = 0;
};

// Reads every entry back with libzip, in archive order.
std::vector<ZipFile> unzip(const std::string& bytes) {
    std::vector<ZipFile> out;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    REQUIRE(src != nullptr);
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    REQUIRE_MESSAGE(za != nullptr, zip_error_strerror(&err));
    zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st);
        ZipFile f;
        f.name = st.name;
        f.compression = st.comp_method;
        f.mtime = st.mtime;
        f.bytes.resize(st.size);
        zip_file_t* zf = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
        REQUIRE(zf != nullptr);
        CHECK(zip_fread(zf, f.bytes.data(), st.size) == static_cast<zip_int64_t>(st.size));
        zip_fclose(zf);
        out.push_back(std::move(f));
    }
    zip_close(za);
    return out;
}

struct Book {
    std::string bytes;
    std::map<std::string, std::string> files;
    std::vector<ZipFile> entries;
    std::vector<ir::Diagnostic> diagnostics;
    const std::string& file(const std::string& name) const {
        static const std::string none;
        auto it = files.find(name);
        return it == files.end() ? none : it->second;
    }
    bool has_diagnostic(ir::Severity s, const std::string& part) const {
        for (const auto& d : diagnostics)
            if (d.severity == s && d.message.find(part) != std::string::npos) return true;
        return false;
    }
};

Book make_book(const ir::Site& site, const EpubOptions& options = {}) {
    writers::MemorySink sink;
    ir::Diagnostics diags;
    writers::write_epub(site, options, sink, diags);
    Book b;
    b.bytes = sink.files[""];
    b.entries = unzip(b.bytes);
    for (const auto& e : b.entries) b.files[e.name] = e.bytes;
    b.diagnostics = diags.items();
    return b;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const char* const epubcheck_jar = "/usr/share/java/epubcheck.jar";

// One JVM running epubcheck over every book this program makes (tests/epubcheck/
// EpubcheckBatch.java): a JVM per book spent ~5 s each loading epubcheck's schemas, most of this
// test's time. The checks are epubcheck's own; the batch program only carries paths in and
// reports out.
class EpubcheckProcess {
public:
    ~EpubcheckProcess() {
        if (to_) std::fclose(to_);  // end of input: the JVM finishes
        if (from_) std::fclose(from_);
        if (pid_ > 0) waitpid(pid_, nullptr, 0);
    }

    // The report on the book at `book` ("" when it has no fatal error, error or warning).
    std::string check(const fs::path& book) {
        if (pid_ < 0 && !start()) return "could not start java for epubcheck";
        if (!to_ || !from_) return "the epubcheck process ended earlier in this run";
        std::fprintf(to_, "%s\n", book.c_str());
        std::fflush(to_);
        std::string report, line;
        char buf[4096];
        while (std::fgets(buf, sizeof buf, from_)) {
            line += buf;
            if (line.empty() || line.back() != '\n') continue;
            if (line.starts_with("=== ")) {
                int fatal = -1, errors = -1, warnings = -1, code = -1;
                std::sscanf(line.c_str(), "=== %d %d %d %d", &fatal, &errors, &warnings, &code);
                if (fatal == 0 && errors == 0 && warnings == 0 && code == 0) return "";
                return report.empty() ? "epubcheck: " + line : report;
            }
            report += line;
            line.clear();
        }
        std::fclose(from_);
        from_ = nullptr;
        return "the epubcheck process ended without a verdict on " + book.string() + "\n" + report;
    }

private:
    bool start() {
        int in[2], out[2];
        // Should the JVM die, writing the next path must fail, not kill the test program.
        std::signal(SIGPIPE, SIG_IGN);
        if (pipe(in) != 0) return false;
        if (pipe(out) != 0) return false;
        const std::string program = (source_dir() / "tests/epubcheck/EpubcheckBatch.java").string();
        pid_ = fork();
        if (pid_ == 0) {
            dup2(in[0], 0);
            dup2(out[1], 1);
            for (int fd : {in[0], in[1], out[0], out[1]}) close(fd);
            execlp("java", "java", "-XX:TieredStopAtLevel=1", "-Xss1024k", "-cp", epubcheck_jar, program.c_str(),
                   static_cast<char*>(nullptr));
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        if (pid_ < 0) {
            close(in[1]);
            close(out[0]);
            return false;
        }
        to_ = fdopen(in[1], "w");
        from_ = fdopen(out[0], "r");
        return to_ && from_;
    }

    pid_t pid_ = -1;
    FILE* to_ = nullptr;
    FILE* from_ = nullptr;
};

// Runs epubcheck on `bytes`; returns its report ("" when the book is clean). When epubcheck is
// not installed: fails under CI, else returns "skip".
std::string epubcheck(const std::string& bytes) {
    if (!fs::exists(epubcheck_jar) || run_shell("command -v java").exit_code != 0) {
        if (std::getenv("CI")) FAIL("epubcheck (or java) is not installed; CI must have it");
        MESSAGE("epubcheck not installed: skipping the validation");
        return "skip";
    }
    static EpubcheckProcess process;
    TempDir tmp;
    fs::path book = tmp.path / "book.epub";
    write_file(book, bytes);
    return process.check(book);
}

void check_epubcheck(const std::string& bytes) {
    std::string report = epubcheck(bytes);
    if (report == "skip") return;
    CHECK_MESSAGE(report.empty(), report);
}

std::string chapter(const Book& b, int n) {
    char name[32];
    std::snprintf(name, sizeof name, "EPUB/c%04d.xhtml", n);
    return b.file(name);
}

}  // namespace

TEST_CASE("the epubcheck harness notices a broken book") {
    // Guards the other tests: a harness that always said "clean" would prove nothing.
    Book b = make_book(basic_site());
    std::string broken = b.bytes;
    broken.replace(broken.find("application/epub+zip"), 20, "application/epub+zap");
    std::string report = epubcheck(broken);
    if (report != "skip") CHECK(!report.empty());
}

TEST_CASE("the zip: mimetype first and stored, then the container, fixed timestamps") {
    Book b = make_book(basic_site());
    REQUIRE(b.entries.size() >= 6);
    CHECK(b.entries[0].name == "mimetype");
    CHECK(b.entries[0].bytes == "application/epub+zip");
    CHECK(b.entries[0].compression == ZIP_CM_STORE);
    // The mimetype's bytes sit at offset 38 of the file with no extra field, as OCF requires.
    CHECK(b.bytes.substr(30, 8) == "mimetype");
    CHECK(b.bytes.substr(38, 20) == "application/epub+zip");
    CHECK(b.entries[1].name == "META-INF/container.xml");
    CHECK(contains(b.entries[1].bytes, "full-path=\"EPUB/package.opf\""));
    for (const auto& e : b.entries) CHECK(e.mtime == b.entries[0].mtime);
    for (const char* f : {"EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/toc.ncx", "EPUB/style.css", "EPUB/title.xhtml",
                          "EPUB/c0001.xhtml", "EPUB/c0002.xhtml"})
        CHECK_MESSAGE(b.files.count(f) == 1, f);
    for (std::size_t i = 2; i < b.entries.size(); ++i) CHECK(b.entries[i].compression == ZIP_CM_DEFLATE);
}

TEST_CASE("two builds of the same input are byte-identical") {
    ir::Site site = basic_site();
    std::string a = make_book(site).bytes, b = make_book(site).bytes;
    CHECK(a.size() > 500);
    CHECK(a == b);
}

TEST_CASE("package metadata comes from the site and the posts, never the clock") {
    ir::Site site = basic_site();
    site.description = "Notes & essays";
    site.documents[0].tags = {"c++", "books"};
    site.documents[1].tags = {"books"};
    Book b = make_book(site);
    const std::string& opf = b.file("EPUB/package.opf");
    CHECK(contains(opf, "<dc:title>Test Blog</dc:title>"));
    CHECK(contains(opf, "<dc:creator id=\"creator\">Ada Lovelace</dc:creator>"));
    CHECK(contains(opf, "<dc:language>en</dc:language>"));
    CHECK(contains(opf, "<dc:description>Notes &amp; essays</dc:description>"));
    CHECK(contains(opf, "<dc:subject>books</dc:subject>\n    <dc:subject>c++</dc:subject>"));
    // The newest post is 2021-05-06 10:00 UTC.
    CHECK(contains(opf, "<meta property=\"dcterms:modified\">2021-05-06T10:00:00Z</meta>"));
    CHECK(contains(opf, "<dc:identifier id=\"uid\">urn:uuid:"));
    // The same identifier in the NCX, as EPUB 2 readers require.
    std::string id = opf.substr(opf.find("urn:uuid:"), 45);
    CHECK(contains(b.file("EPUB/toc.ncx"), "content=\"" + id + "\""));

    EpubOptions o;
    o.modified = 1700000000;  // SOURCE_DATE_EPOCH, as the CLI passes it
    o.identifier = "isbn:123";
    o.title = "Other";
    o.author = "Someone";
    o.lang = "de";
    Book c = make_book(site, o);
    const std::string& opf2 = c.file("EPUB/package.opf");
    CHECK(contains(opf2, "2023-11-14T22:13:20Z"));
    CHECK(contains(opf2, ">isbn:123</dc:identifier>"));
    CHECK(contains(opf2, "<dc:title>Other</dc:title>"));
    CHECK(contains(opf2, ">Someone</dc:creator>"));
    CHECK(contains(opf2, "<dc:language>de</dc:language>"));
    CHECK(c.bytes != b.bytes);
}

TEST_CASE("the derived identifier is a stable version-5-shaped UUID") {
    std::string u = writers::epub::name_uuid("https://example.org\nTest");
    CHECK(u.size() == 36);
    CHECK(u[14] == '5');
    CHECK(std::string("89ab").find(u[19]) != std::string::npos);
    CHECK(u == writers::epub::name_uuid("https://example.org\nTest"));
    CHECK(u != writers::epub::name_uuid("https://example.org\nTesT"));
}

TEST_CASE("chapters: title, date, author and tags, then the body, in the chosen order") {
    ir::Site site = basic_site();
    site.documents[0].authors = {"Grace"};
    site.documents[0].tags = {"x<y"};
    Book b = make_book(site);
    std::string c1 = chapter(b, 1);
    CHECK(contains(c1, "<h1 class=\"post-title\" dir=\"auto\">First post</h1>"));
    CHECK(contains(c1, "<time datetime=\"2020-01-02\">2020-01-02</time>"));
    CHECK(contains(c1, "Grace"));
    CHECK(contains(c1, "x&lt;y"));
    CHECK(contains(c1, "Text of First post."));
    CHECK(contains(chapter(b, 2), "Second post"));

    EpubOptions newest;
    newest.order = writers::EpubOrder::newest;
    Book n = make_book(site, newest);
    CHECK(contains(chapter(n, 1), "Second post"));
    CHECK(contains(chapter(n, 2), "First post"));
}

TEST_CASE("a cover from an option, declared as the cover image; a missing one is a warning") {
    TempDir tmp;
    write_file(tmp.path / "cover.png", tiny_png);
    EpubOptions o;
    o.cover_image = (tmp.path / "cover.png").string();
    Book b = make_book(basic_site(), o);
    CHECK(b.file("EPUB/images/cover.png") == tiny_png);
    const std::string& opf = b.file("EPUB/package.opf");
    CHECK(contains(opf, "href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\""));
    CHECK(contains(opf, "<itemref idref=\"cover\"/>"));
    CHECK(contains(b.file("EPUB/cover.xhtml"), "src=\"images/cover.png\""));
    CHECK(contains(b.file("EPUB/nav.xhtml"), "epub:type=\"cover\""));
    check_epubcheck(b.bytes);

    o.cover_image = (tmp.path / "nope.png").string();
    Book m = make_book(basic_site(), o);
    CHECK(m.has_diagnostic(ir::Severity::warning, "cover not used"));
    CHECK(m.files.count("EPUB/cover.xhtml") == 0);

    // The site's cover (the reader takes it from `cover:` in _config.yml) is read from the site folder.
    ir::Site site = basic_site();
    site.root = tmp.path.string();
    site.cover = "/cover.png";
    Book c = make_book(site);
    CHECK(c.file("EPUB/images/cover.png") == tiny_png);
}

TEST_CASE("images: embedded once, missing, remote, leaving the site root") {
    TempDir tmp;
    fs::path root = tmp.path / "site";
    write_file(root / "assets" / "a.png", tiny_png);
    write_file(root / "_posts" / "b.png", tiny_png);
    write_file(root / "assets" / "notes.txt", "not an image");
    write_file(tmp.path / "secret.png", tiny_png);
    std::error_code ec;
    fs::create_symlink(tmp.path / "secret.png", root / "assets" / "link.png", ec);

    auto img = [](const std::string& url, const std::string& alt) {
        return ir::Inline(ir::Image{url, "", text(alt), {}});
    };
    ir::Site site = basic_site();
    site.root = root.string();
    site.baseurl = "/blog";
    site.documents[0].body = {
        para({img("/assets/a.png", "site-absolute")}, 3),
        para({img("/blog/assets/a.png", "with baseurl")}, 4),
        para({img("https://example.org/blog/assets/a.png", "own absolute URL")}, 5),
        para({img("b.png", "relative")}, 6),
        para({img("missing.png", "the missing one")}, 7),
        para({img("https://cdn.example.com/x.png", "the remote one")}, 8),
        para({img("../../../../../../etc/passwd", "escaping")}, 9),
        para({img("/assets/link.png", "symlink out")}, 10),
        para({img("/assets/notes.txt", "not an image")}, 11),
        ir::Block(ir::RawBlock{"html", "<p><img src=\"/assets/a.png\" alt=\"raw\"></p>"}, {12, 1}),
    };
    Book b = make_book(site);
    int pngs = 0;
    for (const auto& [name, bytes] : b.files)
        if (name.starts_with("EPUB/images/")) {
            ++pngs;
            CHECK(bytes == tiny_png);
        }
    CHECK(pngs == 2);  // a.png (used four times) and b.png
    std::string c = chapter(b, 1);
    CHECK(contains(c, "src=\"images/i0001.png\""));
    CHECK(contains(c, "src=\"images/i0002.png\""));
    CHECK(contains(c, "<span class=\"missing-image\">the missing one</span>"));
    CHECK(contains(c, "<a href=\"https://cdn.example.com/x.png\" class=\"remote-image\">the remote one</a>"));
    CHECK(!contains(c, "passwd"));
    CHECK(contains(b.file("EPUB/package.opf"), "media-type=\"image/png\""));

    auto find = [&](const std::string& part) -> const ir::Diagnostic* {
        for (const auto& d : b.diagnostics)
            if (contains(d.message, part)) return &d;
        return nullptr;
    };
    const ir::Diagnostic* missing = find("missing.png");
    REQUIRE(missing != nullptr);
    CHECK(missing->severity == ir::Severity::warning);
    CHECK(missing->file == (root / "_posts/2020-01-02-first.md").generic_string());
    CHECK(missing->line == 7);
    const ir::Diagnostic* remote = find("cdn.example.com");
    REQUIRE(remote != nullptr);
    CHECK(remote->severity == ir::Severity::warning);
    CHECK(remote->line == 8);
    const ir::Diagnostic* escaping = find("passwd");
    REQUIRE(escaping != nullptr);
    CHECK(escaping->severity == ir::Severity::error);
    CHECK(escaping->line == 9);
    if (!ec) {
        const ir::Diagnostic* link = find("link.png");
        REQUIRE(link != nullptr);
        CHECK(link->severity == ir::Severity::error);
    }
    const ir::Diagnostic* txt = find("notes.txt");
    REQUIRE(txt != nullptr);
    CHECK(txt->severity == ir::Severity::warning);
    check_epubcheck(b.bytes);
}

// The renderer's element hook embeds images as it writes them; an image the book does not show
// must not be embedded (nor numbered, nor reported) all the same.
TEST_CASE("images the book does not show are neither embedded nor reported") {
    TempDir tmp;
    fs::path root = tmp.path / "site";
    write_file(root / "assets" / "a.png", tiny_png);
    ir::Site site = basic_site();
    site.root = root.string();
    auto raw = [](const std::string& html, int line) { return ir::Block(ir::RawBlock{"html", html}, {line, 1}); };
    site.documents[0].body = {
        // Fallback content of an embed: it goes with the <video>.
        raw("<video controls><img src=\"gone-1.png\" alt=\"poster\"></video>", 3),
        // Raw HTML that is not well-formed is shown as text: its <img> is text too.
        raw("<p><img src=\"gone-2.png\" alt=\"escaped\"><b></p>", 5),
        // Foreign content is left as it is.
        raw("<svg width=\"10\" height=\"10\"><img src=\"gone-3.png\" /></svg>", 7),
        // Inside a block that is shown as text because of its raw HTML, an image of the post
        // is still an image: reported once, though the block is rendered twice.
        para({ir::RawInline{"html", "<b>"}, ir::Image{"missing.png", "", text("ir"), {}}}, 9),
        raw("<p><img src=\"/assets/a.png\" alt=\"shown\"></p>", 11),
    };
    Book b = make_book(site);
    std::vector<std::string> images;
    for (const auto& [name, bytes] : b.files)
        if (name.starts_with("EPUB/images/")) images.push_back(name);
    CHECK(images == std::vector<std::string>{"EPUB/images/i0001.png"});
    std::string c = chapter(b, 1);
    CHECK(contains(c, "<p><img src=\"images/i0001.png\" alt=\"shown\"/></p>"));
    CHECK(contains(c, "<p>&lt;p&gt;&lt;img src=\"gone-2.png\" alt=\"escaped\"&gt;&lt;b&gt;&lt;/p&gt;</p>"));
    CHECK(!contains(c, "poster"));
    CHECK(contains(c, "<svg width=\"10\" height=\"10\" xmlns=\"http://www.w3.org/2000/svg\"><img src=\"gone-3.png\"/></svg>"));
    CHECK(contains(c, "<span class=\"missing-image\">ir</span>"));
    REQUIRE(b.diagnostics.size() == 1);
    CHECK(b.diagnostics[0] == ir::Diagnostic{ir::DiagnosticCode::image_not_embedded, ir::Severity::warning,
                                             (root / "_posts/2020-01-02-first.md").generic_string(), 9, 0,
                                             "image missing.png not found (_posts/missing.png: no such file); shown as its alt text"});
}

// A problem is reported where the image was written: the same URL used twice, an <img> inside a
// paragraph, a URL with a character reference each have their own line.
TEST_CASE("each image problem is reported at the line of its own use") {
    ir::Site site = basic_site();
    site.documents[0].body = {
        para({ir::Image{"gone.png", "", text("a"), {}}}, 3),
        para({ir::Image{"gone.png", "", text("b"), {}}}, 5),
        para({ir::Text{"x "}, ir::RawInline{"html", "<img src=\"gone-2.png\">"}}, 7),
        ir::Block(ir::RawBlock{"html", "<p><img src=\"https://r.example/a?b=1&amp;c=2\"></p>"}, {9, 1}),
    };
    Book b = make_book(site);
    std::vector<std::pair<int, std::string>> got;
    for (const auto& d : b.diagnostics) got.emplace_back(d.line, d.message);
    const std::string none = " not found: there is no site folder to read it from; shown as its alt text";
    CHECK(got == std::vector<std::pair<int, std::string>>{
                     {3, "image gone.png" + none},
                     {5, "image gone.png" + none},
                     {7, "image gone-2.png" + none},
                     {9, "remote image https://r.example/a?b=1&c=2 is not embedded (a book should not fetch from the "
                         "web); shown as a link"},
                 });
}

// HTML's names are case-insensitive: `<IMG SRC=…>` in an old post is an image like any other.
TEST_CASE("an image of raw HTML written in capitals is embedded") {
    TempDir tmp;
    fs::path root = tmp.path / "site";
    write_file(root / "assets" / "a.png", tiny_png);
    write_file(root / "assets" / "b.png", tiny_png);
    ir::Site site = basic_site();
    site.root = root.string();
    site.documents[0].body = {
        ir::Block(ir::RawBlock{"html", "<p><IMG SRC=\"/assets/a.png\" ALT=\"upper\"></p>"}, {3, 1}),
        ir::Block(ir::RawBlock{"html", "<p><img SRC=\"/assets/b.png\" alt=\"mixed\"></p>"}, {4, 1}),
    };
    Book b = make_book(site);
    std::string c = chapter(b, 1);
    CHECK(contains(c, "<p><img src=\"images/i0001.png\" alt=\"upper\"/></p>"));
    CHECK(contains(c, "<p><img src=\"images/i0002.png\" alt=\"mixed\"/></p>"));
    CHECK(b.diagnostics.empty());
    check_epubcheck(b.bytes);
}

TEST_CASE("media types are sniffed from the bytes") {
    using writers::epub::sniff_media_type;
    CHECK(sniff_media_type(tiny_png) == "image/png");
    CHECK(sniff_media_type(std::string("\xff\xd8\xff\xe0rest", 8)) == "image/jpeg");
    CHECK(sniff_media_type("GIF89a....") == "image/gif");
    CHECK(sniff_media_type(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)) == "image/webp");
    CHECK(sniff_media_type("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>") == "image/svg+xml");
    CHECK(sniff_media_type("hello") == "");
}

TEST_CASE("footnotes become EPUB noterefs and footnote asides") {
    ir::Site site = basic_site();
    site.documents[0].body = {
        para({ir::Text{"Claim"}, ir::FootnoteReference{"1"}, ir::Text{" and more"}, ir::FootnoteReference{"note"}}),
        ir::Block(ir::FootnoteDefinition{"1", {para(text("First note."))}}),
        ir::Block(ir::FootnoteDefinition{"note", {para(text("Second note."))}}),
    };
    Book b = make_book(site);
    std::string c = chapter(b, 1);
    CHECK(contains(c, "epub:type=\"noteref\""));
    CHECK(contains(c, "<aside id=\"fn:1\" epub:type=\"footnote\""));
    CHECK(contains(c, "<aside id=\"fn:note\" epub:type=\"footnote\""));
    CHECK(contains(c, "First note."));
    CHECK(!contains(c, "<ol>"));
    check_epubcheck(b.bytes);
}

TEST_CASE("links between posts become links between chapters; web links stay") {
    ir::Site site = basic_site();
    ir::Link by_target{"/2021/05/06/second.html#part", "", text("via post_url"), {}, "_posts/2021-05-06-second.md"};
    ir::Link by_url{"https://example.org/2021/05/06/second.html", "", text("via permalink"), {}, ""};
    ir::Link web{"https://www.w3.org/", "", text("the web"), {}, ""};
    ir::Link page{"/about/", "", text("about page"), {}, ""};
    site.documents[0].body = {para({ir::Inline(by_target), ir::Text{" "}, ir::Inline(by_url), ir::Text{" "},
                                    ir::Inline(web), ir::Text{" "}, ir::Inline(page)})};
    ir::Heading h;
    h.level = 2;
    h.children = text("Part");
    h.attr.id = "part";
    site.documents[1].body = {ir::Block(h), para(text("Body."))};
    Book b = make_book(site);
    std::string c = chapter(b, 1);
    CHECK(contains(c, "href=\"c0002.xhtml#part\""));
    CHECK(contains(c, "<a href=\"c0002.xhtml\">via permalink</a>"));
    CHECK(contains(c, "href=\"https://www.w3.org/\""));
    // A page that is not in the book: a link to the site on the web.
    CHECK(contains(c, "href=\"https://example.org/about/\""));
    check_epubcheck(b.bytes);
}

TEST_CASE("a link into a chapter built in a later window keeps a fragment that exists, drops one that does not") {
    // Chapters are built 32 per thread at a time; the first post links into the last of 100,
    // whose ids are known only after the first windows are finished.
    ir::Site site;
    site.url = "https://example.org";
    for (int i = 0; i < 100; ++i) site.documents.push_back(post("p" + std::to_string(i), "Post " + std::to_string(i), 2020, 1 + i / 28, 1 + i % 28));
    ir::Heading h;
    h.level = 2;
    h.children = text("Far");
    h.attr.id = "far";
    site.documents.back().body = {ir::Block(h), para(text("The end."))};
    const std::string last = site.documents.back().source_path;
    ir::Link good{site.documents.back().url + "#far", "", text("good"), {}, last};
    ir::Link bad{site.documents.back().url + "#nowhere", "", text("bad"), {}, last};
    site.documents[0].body = {para({ir::Inline(good), ir::Text{" "}, ir::Inline(bad)})};
    for (unsigned jobs : {1u, 2u}) {
        CAPTURE(jobs);
        EpubOptions o;
        o.jobs = jobs;
        Book b = make_book(site, o);
        std::string c = chapter(b, 1);
        CHECK(contains(c, "<a href=\"c0100.xhtml#far\">good</a>"));
        CHECK(contains(c, "<a href=\"c0100.xhtml\">bad</a>"));
        CHECK(b.bytes == make_book(site, EpubOptions{}).bytes);
    }
}

TEST_CASE("non-ASCII and right-to-left titles; a right-to-left book") {
    ir::Site site = basic_site();
    site.title = "Ünïcödé — 日本語のブログ";
    site.documents[0].title = "مرحبا بالعالم";
    site.documents[1].title = "שלום & <עולם>";
    Book b = make_book(site);
    CHECK(contains(b.file("EPUB/package.opf"), "<dc:title>Ünïcödé — 日本語のブログ</dc:title>"));
    CHECK(contains(chapter(b, 1), "<h1 class=\"post-title\" dir=\"auto\">مرحبا بالعالم</h1>"));
    CHECK(contains(b.file("EPUB/nav.xhtml"), "שלום &amp; &lt;עולם&gt;"));
    CHECK(contains(b.file("EPUB/toc.ncx"), "<text>مرحبا بالعالم</text>"));
    check_epubcheck(b.bytes);

    site.lang = "ar";
    Book r = make_book(site);
    CHECK(contains(r.file("EPUB/package.opf"), "page-progression-direction=\"rtl\""));
    CHECK(contains(chapter(r, 1), "dir=\"rtl\""));
    check_epubcheck(r.bytes);
}

TEST_CASE("a post with an empty body, a site with no posts") {
    ir::Site site = basic_site();
    site.documents[1].body.clear();
    site.documents[1].title.clear();
    Book b = make_book(site);
    std::string c = chapter(b, 2);
    CHECK(contains(c, "<div class=\"post-body\">"));
    CHECK(contains(c, ">second</h1>"));  // the slug stands in for a missing title
    check_epubcheck(b.bytes);

    ir::Site none;
    Book e = make_book(none);
    CHECK(contains(e.file("EPUB/package.opf"), "<dc:title>Untitled</dc:title>"));
    CHECK(contains(e.file("EPUB/nav.xhtml"), "title.xhtml"));
    check_epubcheck(e.bytes);
}

TEST_CASE("raw HTML is made fit for a book: scripts, iframes and obsolete attributes go") {
    ir::Site site = basic_site();
    site.documents[0].body = {
        ir::Block(ir::RawBlock{"html", "<div align=\"center\"><script>alert(1)</script><p>kept</p></div>"}),
        ir::Block(ir::RawBlock{"html", "<iframe src=\"https://www.youtube.com/embed/x\" frameborder=\"0\"></iframe>"}),
        ir::Block(ir::RawBlock{"html", "<p><a name=\"old\">anchor</a> <a href=\"#old\">back</a> <a href=\"#gone\">x</a></p>"}),
        ir::Block(ir::RawBlock{"html", "<p id=\"dup\">1</p><p id=\"dup\">2</p>"}),
    };
    Book b = make_book(site);
    std::string c = chapter(b, 1);
    CHECK(!contains(c, "<script"));
    CHECK(!contains(c, "align="));
    CHECK(contains(c, "kept"));
    CHECK(!contains(c, "<iframe"));
    CHECK(contains(c, "href=\"https://www.youtube.com/embed/x\""));
    CHECK(contains(c, "id=\"old\""));
    CHECK(contains(c, "id=\"dup-2\""));
    CHECK(!contains(c, "#gone"));
    check_epubcheck(b.bytes);
}


// A <video> whose address is in its <source> children (the common HTML5 form) aborted the
// whole run: pugixml asserts when asked for an attribute value of nullptr.
TEST_CASE("a video or audio with <source> children becomes a link to its first source") {
    ir::Site site = basic_site();
    site.documents[0].body = {
        ir::Block(ir::RawBlock{"html", "<video controls><source type=\"video/webm\"><source src=\"https://v.example/m.mp4\" "
                                       "type=\"video/mp4\">Your browser cannot play it</video>"}),
        ir::Block(ir::RawBlock{"html", "<audio><source src=\"local.mp3\"></audio>"}),
    };
    Book b = make_book(site);
    std::string c = chapter(b, 1);
    CHECK(contains(c, "<a href=\"https://v.example/m.mp4\" class=\"embed\">https://v.example/m.mp4</a>"));
    CHECK(!contains(c, "<video"));
    CHECK(!contains(c, "local.mp3"));  // a local media file is not a thing a book can carry
    check_epubcheck(b.bytes);
}

// HTML5 that epubcheck refused (RSC-005): a <picture> whose image is not embedded is left
// without its required <img>; a caption outside a figure; an SVG <image> (no width/height, and a
// file the book does not list); an SVG link without a title (ACC-011).
TEST_CASE("pictures, stray captions and SVG content are made valid") {
    ir::Site site = basic_site();
    site.documents[0].body = {
        ir::Block(ir::RawBlock{"html", "<picture><source srcset=\"a.webp\"><img src=\"gone.png\" alt=\"A\"></picture>"}),
        ir::Block(ir::RawBlock{"html", "<figcaption>Stray caption</figcaption>"}),
        ir::Block(ir::RawBlock{"html", "<figure><p>x</p><figcaption>Kept caption</figcaption></figure>"}),
        ir::Block(ir::RawBlock{"html", "<svg viewBox=\"0 0 10 10\"><a href=\"https://e.example/\"><rect width=\"5\" "
                                       "height=\"5\"/></a><image href=\"i.png\"/></svg>"}),
    };
    Book b = make_book(site);
    std::string c = chapter(b, 1);
    CHECK(contains(c, "<span class=\"missing-image\">A</span>"));
    CHECK(!contains(c, "<picture"));
    CHECK(contains(c, "<div>Stray caption</div>"));
    CHECK(contains(c, "<figcaption>Kept caption</figcaption>"));
    CHECK(contains(c, "<a href=\"https://e.example/\"><title>https://e.example/</title><rect"));
    CHECK(!contains(c, "<image"));
    // Whether gone.png is missing or there is no folder to read it from depends on the test's
    // site; both are the same kind.
    REQUIRE(b.diagnostics.size() == 2);
    CHECK(b.diagnostics[0].code == ir::DiagnosticCode::image_not_embedded);
    CHECK(b.diagnostics[1].code == ir::DiagnosticCode::image_not_embedded);
    CHECK(b.diagnostics[1].message == "image i.png inside an <svg> is left out of the book");
    check_epubcheck(b.bytes);
}

// Five more shapes of real raw HTML that epubcheck refused (found by running every format over
// ../shared/sites): a <caption> outside a table (a code comment's `@example <caption>`), an <a>
// with rel but no href, a caption in the middle of a figure, a <label for> whose <input> the
// sanitizer removed, and a protocol-relative `//about:blank`.
TEST_CASE("captions, anchors without a target, labels and odd hosts are made valid") {
    ir::Site site = basic_site();
    site.documents[0].body = {
        ir::Block(ir::RawBlock{"html", "<p>see <caption>example</caption></p>"}),
        ir::Block(ir::RawBlock{"html", "<p>Text <a rel=\"permalink\" target=\"_blank\">link</a> here.</p>"}),
        ir::Block(ir::RawBlock{"html", "<figure>before<figcaption>cap</figcaption>after</figure>"}),
        ir::Block(ir::RawBlock{"html", "<p><input id=\"t\" type=\"checkbox\" /><label for=\"t\">Toggle</label></p>"}),
        ir::Block(ir::RawBlock{"html", "<p><a href=\"//about:blank\">x</a> <a href=\"https://e.example:8080/p\">y</a></p>"}),
    };
    Book b = make_book(site);
    std::string c = chapter(b, 1);
    CHECK(!contains(c, "<caption"));
    CHECK(contains(c, "example"));
    CHECK(contains(c, "<a>link</a>"));
    CHECK(contains(c, "<figure>beforeafter<figcaption>cap</figcaption></figure>"));
    CHECK(contains(c, "<label>Toggle</label>"));
    CHECK(!contains(c, "about:blank"));
    CHECK(contains(c, "href=\"https://e.example:8080/p\""));
    check_epubcheck(b.bytes);
}

TEST_CASE("raw HTML repairs: nested links, obsolete elements, stray list and note content is kept") {
    ir::Site site = basic_site();
    site.documents[0].body = {
        // A link inside a link is unwrapped; its text stays.
        ir::Block(ir::RawBlock{"html", "<p><a href=\"https://a.example/\">outer <a href=\"/in\">inner</a></a></p>"}),
        // <center> becomes a <div> (and a <p> holding it a <div> too); <dir> a list whose stray
        // text goes into an item.
        ir::Block(ir::RawBlock{"html", "<p>x<center>centred</center></p><dir>stray<li>one</li></dir>"}),
        // A hand-written notes list with content that is not a note: kept, not dropped with the list.
        ir::Block(ir::RawBlock{"html", "<div class=\"footnotes\"><ol><li id=\"n1\"><p>note one</p></li>"
                                       "<p>not a note</p></ol></div>"}),
        // Rows straight in a table with sections go into a tbody.
        ir::Block(ir::RawBlock{"html", "<table><thead><tr><th>h</th></tr></thead><tr><td>cell</td></tr></table>"}),
    };
    Book b = make_book(site);
    std::string c = chapter(b, 1);
    CHECK(contains(c, "outer inner</a>"));
    CHECK(!contains(c, "href=\"/in\""));
    CHECK(!contains(c, "<center"));
    CHECK(contains(c, "<div>x<div>centred</div></div>"));
    CHECK(contains(c, "<ul><li>stray</li><li>one</li></ul>"));
    CHECK(contains(c, "<aside id=\"n1\" epub:type=\"footnote\""));
    CHECK(contains(c, "<p>not a note</p>"));
    CHECK(contains(c, "<tbody><tr><td>cell</td></tr></tbody>"));
    check_epubcheck(b.bytes);
}
TEST_CASE("table of contents: headings to the chosen depth, years when there are many posts") {
    ir::Site site = basic_site();
    ir::Heading h2;
    h2.level = 2;
    h2.children = text("Section A");
    h2.attr.id = "section-a";
    ir::Heading h3 = h2;
    h3.level = 3;
    h3.children = text("Sub B");
    h3.attr.id = "sub-b";
    site.documents[0].body = {ir::Block(h2), para(text("x")), ir::Block(h3), para(text("y"))};
    EpubOptions o;
    o.toc_depth = 2;
    Book b = make_book(site, o);
    const std::string& nav = b.file("EPUB/nav.xhtml");
    CHECK(contains(nav, "href=\"c0001.xhtml#section-a\""));
    CHECK(!contains(nav, "#sub-b"));
    o.toc_depth = 3;
    CHECK(contains(make_book(site, o).file("EPUB/nav.xhtml"), "#sub-b"));
    CHECK(!contains(make_book(site).file("EPUB/nav.xhtml"), "#section-a"));

    o = {};
    o.group_by_year_from = 2;
    Book g = make_book(site, o);
    CHECK(contains(g.file("EPUB/nav.xhtml"), "<span>2020</span>"));
    CHECK(contains(g.file("EPUB/nav.xhtml"), "<span>2021</span>"));
    CHECK(contains(g.file("EPUB/toc.ncx"), "<text>2021</text>"));
    check_epubcheck(g.bytes);
}

TEST_CASE("--css extends or replaces the default stylesheet") {
    EpubOptions o;
    o.css = "body { color: black; }";
    std::string extended = make_book(basic_site(), o).file("EPUB/style.css");
    CHECK(contains(extended, "max-width: 100%"));
    CHECK(contains(extended, "body { color: black; }"));
    o.css_mode = writers::EpubCssMode::replace;
    CHECK(make_book(basic_site(), o).file("EPUB/style.css") == "body { color: black; }");
}

TEST_CASE("the registry offers epub") {
    const auto* w = writers::find_writer("epub");
    REQUIRE(w != nullptr);
    CHECK(w->extension == ".epub");
    writers::MemorySink sink;
    ir::Diagnostics d;
    writers::WriterOptions o;
    w->write(basic_site(), o, sink, d);
    CHECK(sink.files[""].substr(30, 8) == "mimetype");
}

TEST_CASE("pandoc reads the book back: every title, in order") {
    if (run_shell("command -v pandoc").exit_code != 0) {
        if (std::getenv("CI")) FAIL("pandoc is not installed; CI must have it");
        MESSAGE("pandoc not installed: skipping");
        return;
    }
    ir::Site site = basic_site();
    site.documents.push_back(post("third", "Third: ünïcode", 2022, 2, 3));
    TempDir tmp;
    write_file(tmp.path / "b.epub", make_book(site).bytes);
    RunResult r = run_shell("pandoc -f epub -t plain '" + (tmp.path / "b.epub").string() + "'");
    REQUIRE(r.exit_code == 0);
    std::size_t p1 = r.out.find("First post"), p2 = r.out.find("Second post"), p3 = r.out.find("Third: ünïcode");
    CHECK(p1 != std::string::npos);
    CHECK(p2 != std::string::npos);
    CHECK(p3 != std::string::npos);
    CHECK(p1 < p2);
    CHECK(p2 < p3);
    CHECK(contains(r.out, "Text of Second post."));
}

TEST_CASE("a 1,000-post book passes epubcheck") {
    ir::Site site = basic_site();
    site.documents.clear();
    for (int i = 0; i < 1000; ++i) {
        ir::Heading h;
        h.level = 2;
        h.children = text("Part " + std::to_string(i));
        h.attr.id = "part";
        ir::Document d = post("post-" + std::to_string(i), "Post number " + std::to_string(i), 2010 + i / 100,
                              1 + (i % 12), 1 + (i % 28),
                              {ir::Block(h), para({ir::Text{"Body " + std::to_string(i) + " "},
                                                   ir::FootnoteReference{"n"}}),
                               ir::Block(ir::FootnoteDefinition{"n", {para(text("A note."))}})});
        d.tags = {"tag" + std::to_string(i % 7)};
        site.documents.push_back(std::move(d));
    }
    EpubOptions o;
    o.toc_depth = 2;
    Book b = make_book(site, o);
    CHECK(b.files.count("EPUB/c1000.xhtml") == 1);
    CHECK(contains(b.file("EPUB/nav.xhtml"), "<span>2019</span>"));
    check_epubcheck(b.bytes);
}

// ---- Real sites through the reader -------------------------------------------------------------

namespace {

std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

Book book_of_site(const fs::path& root) {
    ir::Diagnostics reading;
    ir::Site site = readers::read_jekyll_site({root.string()}, {}, reading);
    writers::FolderResources files(root);
    EpubOptions o;
    o.resources = &files;
    return make_book(site, o);
}

}  // namespace

TEST_CASE("samples/ and every corpus site give books epubcheck passes") {
    std::vector<fs::path> sites{source_dir() / "samples"};
    if (require_shared())
        for (const auto& e : fs::directory_iterator(shared_dir() / "corpus"))
            if (e.is_directory()) sites.push_back(e.path());
    std::sort(sites.begin(), sites.end());
    for (const auto& root : sites) {
        CAPTURE(root.string());
        Book b = book_of_site(root);
        CHECK(b.files.count("EPUB/c0001.xhtml") == 1);
        check_epubcheck(b.bytes);
    }
}

TEST_CASE("pandoc reads the seed post back: its title and its text") {
    if (!require_shared()) return;
    if (run_shell("command -v pandoc").exit_code != 0) {
        if (std::getenv("CI")) FAIL("pandoc is not installed; CI must have it");
        return;
    }
    fs::path root = shared_dir() / "corpus" / "seed-post";
    ir::Diagnostics reading;
    ir::Site site = readers::read_jekyll_site({root.string()}, {}, reading);
    REQUIRE(!site.documents.empty());
    TempDir tmp;
    write_file(tmp.path / "seed.epub", book_of_site(root).bytes);
    RunResult r = run_shell("pandoc -f epub -t plain --wrap=none '" + (tmp.path / "seed.epub").string() + "'");
    REQUIRE(r.exit_code == 0);
    std::string text = squeeze(r.out);
    std::size_t at = 0;
    for (const auto& d : site.documents) {
        if (d.collection != "posts") continue;
        std::size_t p = text.find(squeeze(d.title), at);
        CHECK_MESSAGE(p != std::string::npos, d.title);
        if (p != std::string::npos) at = p;
        // The first words of the post's first paragraph.
        for (const auto& b : d.body)
            if (const auto* para = std::get_if<ir::Paragraph>(&b.node)) {
                std::string words = squeeze(ir::plain_text(para->children));
                std::size_t cut = 0;
                for (int n = 0; n < 4 && cut != std::string::npos; ++n) cut = words.find(' ', cut + 1);
                words = words.substr(0, cut);
                CHECK_MESSAGE(contains(text, words), words);
                break;
            }
    }
}
