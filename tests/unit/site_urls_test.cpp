#include <doctest/doctest.h>

#include "writers/site_urls.h"

using namespace blogconv::writers;

TEST_CASE("URLs in posts resolve to site files, the web, or a refusal") {
    struct Case {
        const char* url;
        const char* doc_url;
        const char* source;
        const char* baseurl;
        UrlKind kind;
        std::vector<std::string> candidates;
    };
    const Case cases[] = {
        {"https://x.org/a.png", "/p/", "_posts/x.md", "", UrlKind::remote, {}},
        {"//cdn.example/a.png", "/p/", "_posts/x.md", "", UrlKind::remote, {}},
        {"mailto:a@b", "/p/", "_posts/x.md", "", UrlKind::remote, {}},
        {"data:image/png;base64,AA", "/p/", "_posts/x.md", "", UrlKind::data, {}},
        {"#note", "/p/", "_posts/x.md", "", UrlKind::fragment, {}},
        {"", "/p/", "_posts/x.md", "", UrlKind::empty, {}},
        {"/assets/a.png", "/p/", "_posts/x.md", "", UrlKind::site, {"assets/a.png"}},
        {"/blog/assets/a.png?v=2", "/p/", "_posts/x.md", "/blog", UrlKind::site, {"assets/a.png"}},
        {"/blogx/a.png", "/p/", "_posts/x.md", "/blog", UrlKind::site, {"blogx/a.png"}},
        {"/assets/caf%C3%A9.png", "/p/", "_posts/x.md", "", UrlKind::site, {"assets/café.png"}},
        // Relative to the page URL first, then to the source file's folder.
        {"../../../../assets/b.png", "/2024/09/14/garden/", "_posts/2024-09-14-garden.md", "", UrlKind::site,
         {"assets/b.png"}},
        {"img/c.png", "/2015/01/01/post.html", "_posts/2015-01-01-post.md", "", UrlKind::site,
         {"2015/01/01/img/c.png", "_posts/img/c.png"}},
        {"../assets/d.png", "/p/", "_posts/x.md", "", UrlKind::site, {"assets/d.png"}},
        // Climbing out of the site is refused, whatever the starting point.
        {"../../../etc/passwd", "/p/", "_posts/x.md", "", UrlKind::outside_root, {}},
        {"/../../etc/passwd", "/p/", "_posts/x.md", "", UrlKind::outside_root, {}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.url);
        SiteUrl r = resolve_site_url(c.url, c.doc_url, c.source, c.baseurl);
        CHECK(r.kind == c.kind);
        CHECK(r.candidates == c.candidates);
    }
}

TEST_CASE("percent_decode keeps invalid escapes") {
    CHECK(percent_decode("a%20b") == "a b");
    CHECK(percent_decode("100%") == "100%");
    CHECK(percent_decode("%zz") == "%zz");
}
