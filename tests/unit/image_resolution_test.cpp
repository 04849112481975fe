// One image, five formats: every writer must show the same site file for an image URL written
// in a post (issue 19: "a relative image resolves to the same file in EPUB, HTML, Hugo and
// feeds"). Each case is a site whose one post has one image; every site file holds different
// bytes, so each format's output is traced back to the one file it shows ("" for none).
#include <doctest/doctest.h>
#include <zip.h>

#include <algorithm>

#include "tests/test_support.h"
#include "writers/epub/epub_writer.h"
#include "writers/feeds/feed_common.h"
#include "writers/hugo/hugo_writer.h"
#include "writers/markdown/markdown_writer.h"
#include "writers/sink.h"
#include "writers/standalone/standalone_writer.h"

using namespace blogconv;
using namespace blogconv::writers;

namespace {

// The post sits in a category folder's `_posts` (Jekyll serves `trips/img/` beside it as static
// files) and is published at a pretty URL under the site's baseurl.
constexpr const char* source = "trips/_posts/2024-01-02-trip.md";
constexpr const char* permalink = "/trips/2024/01/02/trip/";
constexpr const char* site_url = "https://example.org";
constexpr const char* baseurl = "/blog";

// The site's files, each a PNG signature followed by its own name: bytes that tell them apart.
const std::vector<std::string> site_files = {
    "assets/c.png",       "assets/café d.png",        "assets/from-page.png",
    "pics/p.png",         "trips/2024/01/02/trip/pics/p.png", "trips/img/from-source.png",
};

std::string bytes_of(const std::string& path) { return std::string("\x89PNG\r\n\x1a\n", 8) + path; }

// The site file whose bytes are `bytes`, or "" when none.
std::string file_with(std::string_view bytes) {
    for (const auto& f : site_files)
        if (bytes == bytes_of(f)) return f;
    return "";
}

ir::Site site_with_image(const std::string& url) {
    ir::Site s;
    s.title = "Travels";
    s.url = site_url;
    s.baseurl = baseurl;
    s.lang = "en";
    for (const auto& f : site_files) s.static_files.push_back({f});
    std::sort(s.static_files.begin(), s.static_files.end(),
              [](const ir::StaticFile& a, const ir::StaticFile& b) { return a.source_path < b.source_path; });
    ir::Document d;
    d.source_path = source;
    d.collection = "posts";
    d.slug = "trip";
    d.url = permalink;
    d.date = ir::DateTime{ir::civil_to_epoch(2024, 1, 2, 10), 0};
    d.title = "Trip";
    d.input_format = "markdown";
    d.front_matter = ir::Object{{"title", "Trip"}};
    ir::Paragraph p;
    p.children.push_back(ir::Image{url, "", {ir::Text{"a photo"}}, {}});
    d.body.push_back(ir::Block(std::move(p)));
    s.documents.push_back(std::move(d));
    return s;
}

MemoryResources resources() {
    MemoryResources r;
    for (const auto& f : site_files) r.files[f] = bytes_of(f);
    return r;
}

// The site path a URL written in a served page (at `permalink`, under the baseurl) fetches, as a
// browser does; "" when it leaves the site or is not one of its files.
std::string served_file(std::string url) {
    if (url.starts_with(site_url)) url.erase(0, std::string(site_url).size());
    std::string path;
    if (url.starts_with(std::string(baseurl) + "/")) {
        path = url.substr(std::string(baseurl).size() + 1);
    } else if (!url.starts_with("/") && url.find(':') == std::string::npos) {
        path = std::string(permalink).substr(1) + url;
    } else {
        return "";
    }
    std::string decoded;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '%' && i + 2 < path.size()) {
            decoded += static_cast<char>(std::stoi(path.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            decoded += path[i];
        }
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= decoded.size()) {
        std::size_t slash = std::min(decoded.find('/', start), decoded.size());
        std::string seg = decoded.substr(start, slash - start);
        if (seg == "..") {
            if (parts.empty()) return "";
            parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return std::find(site_files.begin(), site_files.end(), out) != site_files.end() ? out : "";
}

// The URL of the first Markdown image in `md` (`![alt](url)` or `![alt](<url>)`).
std::string markdown_image_url(const std::string& md) {
    std::size_t at = md.find("![");
    REQUIRE(at != std::string::npos);
    at = md.find("](", at);
    REQUIRE(at != std::string::npos);
    at += 2;
    if (md[at] == '<') return md.substr(at + 1, md.find('>', at) - at - 1);
    return md.substr(at, md.find_first_of(" )", at) - at);
}

// The bytes of every image in an EPUB (a zip), by entry name.
std::map<std::string, std::string> epub_images(const std::string& epub) {
    std::map<std::string, std::string> out;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(epub.data(), epub.size(), 0, &err);
    REQUIRE(src != nullptr);
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
    REQUIRE(za != nullptr);
    for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st);
        if (std::string_view(st.name).find("images/") == std::string_view::npos) continue;
        std::string bytes(st.size, '\0');
        zip_file_t* zf = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
        REQUIRE(zf != nullptr);
        REQUIRE(zip_fread(zf, bytes.data(), st.size) == static_cast<zip_int64_t>(st.size));
        zip_fclose(zf);
        out[st.name] = std::move(bytes);
    }
    zip_close(za);
    return out;
}

std::string epub_file(const ir::Site& site) {
    MemoryResources files = resources();
    EpubOptions o;
    o.resources = &files;
    MemorySink sink;
    ir::Diagnostics diags;
    write_epub(site, o, sink, diags);
    REQUIRE(sink.files.size() == 1);
    std::string found;
    for (const auto& [path, bytes] : epub_images(sink.files.begin()->second)) found += file_with(bytes);
    return found;
}

std::string html_file(const ir::Site& site) {
    MemoryResources files = resources();
    MemorySink sink;
    ir::Diagnostics diags;
    write_standalone_html(site, StandaloneOptions{}, &files, sink, diags);
    REQUIRE(sink.files.size() == 1);
    const std::string& page = sink.files.begin()->second;
    std::string found;
    for (const auto& f : site_files)
        if (page.find("data:image/png;base64," + base64_encode(bytes_of(f))) != std::string::npos) found += f;
    return found;
}

std::string hugo_file(const ir::Site& site) {
    MemoryResources files = resources();
    MemorySink sink;
    ir::Diagnostics diags;
    write_hugo(site, HugoOptions{}, &files, sink, diags, nullptr);
    for (const auto& [path, text] : sink.files) {
        if (!path.starts_with("content/posts/") || !path.ends_with(".md") || path.ends_with("_index.md")) continue;
        const std::string url = markdown_image_url(text);
        // A page bundle: the image beside the post, served beside the page.
        const std::string beside = path.substr(0, path.rfind('/') + 1) + url;
        if (path.ends_with("/index.md") && sink.files.count(beside)) return file_with(sink.files.at(beside));
        const std::string file = served_file(url);
        if (file.empty() || !sink.files.count("static/" + file)) return "";
        return file_with(sink.files.at("static/" + file));
    }
    FAIL("no post in the Hugo site");
    return "";
}

std::string feed_file(const ir::Site& site) {
    ir::Diagnostics diags;
    auto feed = feeds::prepare_feed(site, FeedOptions{}, feeds::FeedFormat::atom, diags);
    REQUIRE(feed);
    REQUIRE(feed->entries.size() == 1);
    const std::string& html = feed->entries[0].content_html;
    const std::size_t at = html.find("src=\"");
    REQUIRE(at != std::string::npos);
    const std::string url = html.substr(at + 5, html.find('"', at + 5) - at - 5);
    REQUIRE(url.starts_with(site_url));  // a feed's URLs are absolute
    return served_file(url);
}

std::string markdown_file(const ir::Site& site) {
    MemoryResources files = resources();
    MemorySink sink;
    ir::Diagnostics diags;
    write_markdown_site(site, MarkdownOptions{}, &files, sink, diags);
    REQUIRE(sink.files.count("trips/_posts/2024-01-02-trip.md"));
    return served_file(markdown_image_url(sink.files.at("trips/_posts/2024-01-02-trip.md")));
}

}  // namespace

TEST_CASE("an image names the same site file in EPUB, HTML, Hugo, feeds and Markdown") {
    struct Case {
        std::string url;
        std::string file;  // "" = no file of the site: refused or not found
    };
    const Case cases[] = {
        // Relative to the post's source file (trips/_posts/): what the author's editor shows.
        {"../img/from-source.png", "trips/img/from-source.png"},
        // Relative to the page's URL, as a browser on the site resolves it.
        {"../../../../../assets/from-page.png", "assets/from-page.png"},
        // Both the permalink's folder and the root hold pics/p.png: the permalink's comes first.
        {"pics/p.png", "trips/2024/01/02/trip/pics/p.png"},
        // Root-absolute, with the baseurl in front; the site's own absolute URL.
        {"/blog/assets/c.png", "assets/c.png"},
        {"https://example.org/blog/assets/c.png", "assets/c.png"},
        // Percent-encoded.
        {"/blog/assets/caf%C3%A9%20d.png", "assets/café d.png"},
        // Climbing out of the site from every starting point: no file, in any format.
        {"../../../../../../../etc/x.png", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.url);
        const ir::Site site = site_with_image(c.url);
        CHECK(epub_file(site) == c.file);
        CHECK(html_file(site) == c.file);
        CHECK(hugo_file(site) == c.file);
        CHECK(feed_file(site) == c.file);
        CHECK(markdown_file(site) == c.file);
    }
}
