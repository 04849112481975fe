#include <doctest/doctest.h>

#include <set>

#include "writers/resources.h"
#include "writers/site_urls.h"

using namespace blogconv;
using namespace blogconv::writers;

TEST_CASE("URLs in posts resolve to site files, the web, or a refusal") {
    struct Case {
        std::string url;
        std::string permalink;
        std::string source;
        std::string baseurl;
        UrlKind kind;
        std::vector<std::string> candidates;
        std::string query = "";
        std::string fragment = "";
    };
    const Case cases[] = {
        {"https://x.org/a.png", "/p/", "_posts/x.md", "", UrlKind::remote, {}},
        {"//cdn.example/a.png", "/p/", "_posts/x.md", "", UrlKind::remote, {}},
        {"mailto:a@b", "/p/", "_posts/x.md", "", UrlKind::remote, {}},
        {"data:image/png;base64,AA", "/p/", "_posts/x.md", "", UrlKind::data, {}},
        {"#note", "/p/", "_posts/x.md", "", UrlKind::fragment, {}, "", "note"},
        {"?v=1", "/p/", "_posts/x.md", "", UrlKind::fragment, {}, "v=1", ""},
        {"", "/p/", "_posts/x.md", "", UrlKind::empty, {}},
        {"  \t", "/p/", "_posts/x.md", "", UrlKind::empty, {}},
        // Root-absolute: one file, with the baseurl (however it is written) taken off.
        {"/assets/a.png", "/p/", "_posts/x.md", "", UrlKind::site, {"assets/a.png"}},
        {"/blog/assets/a.png?v=2#top", "/p/", "_posts/x.md", "/blog", UrlKind::site, {"assets/a.png"}, "v=2", "top"},
        {"/blog/assets/a.png", "/p/", "_posts/x.md", "blog/", UrlKind::site, {"assets/a.png"}},
        {"/blogx/a.png", "/p/", "_posts/x.md", "/blog", UrlKind::site, {"blogx/a.png"}},
        {"/assets/caf%C3%A9%20x.png", "/p/", "_posts/x.md", "", UrlKind::site, {"assets/café x.png"}},
        // The site's own absolute URL, in any scheme, is a root-absolute one.
        {"https://example.org/blog/assets/a.png", "/p/", "_posts/x.md", "/blog", UrlKind::site, {"assets/a.png"}},
        {"http://example.org/assets/a.png", "/p/", "_posts/x.md", "", UrlKind::site, {"assets/a.png"}},
        {"https://example.org.evil.com/a.png", "/p/", "_posts/x.md", "", UrlKind::remote, {}},
        // Relative: the source file's folder, then the permalink's, then the root; readings
        // that climb out are dropped, repeats too.
        {"img/c.png", "/2015/01/01/post.html", "blog/_posts/2015-01-01-post.md", "", UrlKind::site,
         {"blog/_posts/img/c.png", "2015/01/01/img/c.png", "img/c.png"}},
        {"../../../../assets/b.png", "/2024/09/14/garden/", "_posts/2024-09-14-garden.md", "", UrlKind::site,
         {"assets/b.png"}},
        {"../assets/d.png", "/p/", "_posts/x.md", "", UrlKind::site, {"assets/d.png"}},
        {"./x.png", "/x.png", "x.md", "", UrlKind::site, {"x.png"}},
        {"caf%C3%A9.png", "/caf%C3%A9/", "notes/a.md", "", UrlKind::site, {"notes/café.png", "café/café.png", "café.png"}},
        // Climbing out of the site from every starting point is refused.
        {"../../../etc/passwd", "/p/", "_posts/x.md", "", UrlKind::outside_root, {}},
        {"/../../etc/passwd", "/p/", "_posts/x.md", "", UrlKind::outside_root, {}},
        {"%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/p/", "_posts/x.md", "", UrlKind::outside_root, {}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.url);
        SiteUrl r = resolve_site_url(c.url, {c.source, c.permalink, "https://example.org", c.baseurl});
        CHECK(r.kind == c.kind);
        CHECK(r.candidates == c.candidates);
        CHECK(r.query == c.query);
        CHECK(r.fragment == c.fragment);
    }
}

TEST_CASE("the first candidate that exists is the file") {
    const SiteUrl url = resolve_site_url("img/c.png", {"notes/a.md", "/2015/a/", "", ""});
    REQUIRE(url.candidates == std::vector<std::string>{"notes/img/c.png", "2015/a/img/c.png", "img/c.png"});
    auto only = [](std::set<std::string> files) {
        return [files](const std::string& p) { return files.count(p) > 0; };
    };
    CHECK(first_existing(url, only({"img/c.png", "2015/a/img/c.png"})) == "2015/a/img/c.png");
    CHECK(first_existing(url, only({"img/c.png", "notes/img/c.png"})) == "notes/img/c.png");
    CHECK(first_existing(url, only({})) == std::nullopt);

    ir::Site site;
    site.static_files = {{"2015/a/img/c.png"}, {"img/c.png"}};
    CHECK(first_existing(url, [&site](const std::string& p) { return is_static_file(site, p); }) == "2015/a/img/c.png");
}

TEST_CASE("read_site_url reads the first candidate that reads, else says why") {
    MemoryResources files;
    files.files["img/c.png"] = "root";
    files.files["2015/a/img/c.png"] = "page";
    const SiteUrl url = resolve_site_url("img/c.png", {"notes/a.md", "/2015/a/", "", ""});
    FoundResource found = read_site_url(files, url);
    CHECK(found.site_path == "2015/a/img/c.png");
    CHECK(found.read.status == ResourceStatus::ok);
    CHECK(found.read.bytes == "page");

    FoundResource missing = read_site_url(MemoryResources{}, url);
    CHECK(missing.site_path == "notes/img/c.png");
    CHECK(missing.read.status == ResourceStatus::missing);
    CHECK(missing.read.message == "no such file");
}

TEST_CASE("a URL rewritten only where the page would not find its file") {
    const UrlBase base{"trips/_posts/2024-01-02-x.md", "/trips/2024/01/02/x/", "https://example.org", "/blog"};
    auto exists = [](const std::string& p) { return p == "trips/img/a b.png" || p == "assets/c.png"; };
    // Written relative to the source file: pointed at where the file is served.
    CHECK(relocated_url("../img/a%20b.png?v=1#x", base, exists, "") == "/blog/trips/img/a%20b.png?v=1#x");
    CHECK(relocated_url("../img/a%20b.png", base, exists, "https://example.org") ==
          "https://example.org/blog/trips/img/a%20b.png");
    // Already leading to the file from the page, or naming no file: left alone.
    CHECK(relocated_url("/blog/assets/c.png", base, exists, "") == std::nullopt);
    CHECK(relocated_url("../../../../../assets/c.png", base, exists, "") == std::nullopt);
    CHECK(relocated_url("../img/none.png", base, exists, "") == std::nullopt);
    CHECK(relocated_url("https://cdn.example/c.png", base, exists, "") == std::nullopt);
}

TEST_CASE("the URL helpers") {
    CHECK(percent_decode("a%20b") == "a b");
    CHECK(percent_decode("100%") == "100%");
    CHECK(percent_decode("%zz") == "%zz");
    CHECK(percent_encode_path("a b/é?#%") == "a%20b/%C3%A9%3F%23%25");
    CHECK(has_scheme("https://x"));
    CHECK(has_scheme("mailto:a@b"));
    CHECK(has_scheme("a+b-c.d:x"));
    CHECK_FALSE(has_scheme("1a:x"));
    CHECK_FALSE(has_scheme("a/b:c"));
    CHECK_FALSE(has_scheme("//x.org/a"));
    CHECK(is_remote("//x.org/a"));
    CHECK_FALSE(is_remote("/a:b"));
    CHECK(own_site_path("https://x.org", "https://x.org/") == "/");
    CHECK(own_site_path("//x.org/a?b", "https://x.org") == "/a?b");
    CHECK(own_site_path("https://x.org:8080/a", "https://x.org") == std::nullopt);
    CHECK(own_site_path("/a", "https://x.org") == std::nullopt);
    CHECK(own_site_path("https://x.org/a", "") == std::nullopt);
    CHECK(strip_baseurl("/blog", "/blog") == "/");
    CHECK(strip_baseurl("/blog/a", "blog") == "/a");
    CHECK(strip_baseurl("/a", "") == "/a");
    CHECK(join_site_path("a/b", "../c") == "a/c");
    CHECK(join_site_path("a", "../..") == std::nullopt);
    CHECK(join_site_path("", "./") == "");
    CHECK(browser_site_path("img/x.png", {"_posts/p.md", "/2024/p.html", "", ""}) == "2024/img/x.png");
    CHECK(browser_site_path("#top", {"_posts/p.md", "/2024/p.html", "", ""}) == std::nullopt);
}
