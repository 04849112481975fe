// The Jekyll plugins whole sites enable (readers/plugins/): each acts only when the site's
// `plugins:` (or `gems:`) names it, and then as the plugin's own source does.
#include <doctest/doctest.h>

#include <filesystem>

#include "readers/jekyll_site.h"
#include "readers/plugins/registry.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace blogconv;
using blogconv::test::TempDir;
using blogconv::test::write_file;

namespace {

ir::Site read_site(const fs::path& root) {
    ir::Diagnostics diags;
    readers::ReaderOptions opts;
    opts.pages = true;
    return readers::read_jekyll_site({root.string()}, opts, diags);
}

const ir::Document& find(const ir::Site& site, const std::string& source_path) {
    for (const auto& d : site.documents)
        if (d.source_path == source_path) return d;
    FAIL("no document " << source_path);
    return site.documents.front();
}

}  // namespace

TEST_CASE("the registry enables a plugin only when the site names it") {
    readers::EnabledPlugins none = readers::enabled_plugins({"jekyll-feed", "jekyll-sitemap"});
    CHECK(none == readers::EnabledPlugins{});
    readers::EnabledPlugins some = readers::enabled_plugins({"jekyll-redirect-from", "jemoji", "jekyll-mentions"});
    readers::EnabledPlugins expected;
    expected.redirect_from = true;
    expected.jemoji = true;
    expected.mentions = true;
    CHECK(some == expected);
}

TEST_CASE("jekyll-redirect-from: redirect_from paths and redirect_to targets") {
    TempDir t;
    write_file(t.path / "_config.yml", "baseurl: /blog\nplugins:\n  - jekyll-redirect-from\n");
    write_file(t.path / "_posts/2020-01-02-a.md",
               "---\ntitle: A\nredirect_from:\n  - /old/a/\n  - old-b.html\n  -\n---\nText.\n");
    write_file(t.path / "_posts/2020-01-03-b.md", "---\ntitle: B\nredirect_from: /single.html\n---\nText.\n");
    write_file(t.path / "gone.md", "---\npermalink: /gone/\nredirect_to:\n  -\n  - https://example.org/x\n---\nOld {{ nope\n");
    write_file(t.path / "moved.md", "---\nredirect_to: new/place/\n---\nOld text.\n");
    ir::Site site = read_site(t.path);

    // Each entry gets a leading slash (RedirectPage#set_paths); nulls in a list are dropped.
    CHECK(find(site, "_posts/2020-01-02-a.md").redirect_from == std::vector<std::string>{"/old/a/", "/old-b.html"});
    CHECK(find(site, "_posts/2020-01-03-b.md").redirect_from == std::vector<std::string>{"/single.html"});
    CHECK(find(site, "_posts/2020-01-03-b.md").redirect_to.empty());

    // A redirect_to document is the plugin's redirect page: its own text is never rendered (so
    // its broken Liquid does not skip it), the body says where it goes.
    const ir::Document& gone = find(site, "gone.md");
    CHECK(gone.redirect_to == "https://example.org/x");
    ir::Inlines link_text{ir::Text{"Click here if you are not redirected."}};
    ir::Blocks expected{ir::Block(ir::Heading{1, {ir::Text{"Redirecting\u2026"}}, {}}),
                        ir::Block(ir::Paragraph{{ir::Link{"https://example.org/x", "", link_text, {}, ""}}, {}})};
    CHECK(gone.body == expected);
    CHECK(gone.excerpt == ir::Blocks{});
    // A site path is kept without the baseurl, as every URL of the IR is.
    CHECK(find(site, "moved.md").redirect_to == "/new/place/");
}

TEST_CASE("jekyll-redirect-from: off unless the site enables it") {
    TempDir t;
    write_file(t.path / "_config.yml", "title: x\n");
    write_file(t.path / "moved.md", "---\nredirect_to: /new/\nredirect_from: /old/\n---\nOld text.\n");
    ir::Site site = read_site(t.path);
    const ir::Document& moved = find(site, "moved.md");
    CHECK(moved.redirect_to.empty());
    CHECK(moved.redirect_from.empty());
    CHECK(moved.body.size() == 1);
}
