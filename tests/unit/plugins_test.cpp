// The Jekyll plugins whole sites enable (readers/plugins/): each acts only when the site's
// `plugins:` (or `gems:`) names it, and then as the plugin's own source does.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "readers/jekyll_site.h"
#include "readers/plugins/github_pages.h"
#include "readers/plugins/jemoji.h"
#include "readers/plugins/mentions.h"
#include "readers/plugins/registry.h"
#include "readers/plugins/relative_links.h"
#include "readers/plugins/titles_from_headings.h"
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

namespace {

ir::Inline mention(const std::string& name, const std::string& base = "https://github.com/") {
    ir::Link link{base + name, "", {ir::Text{"@" + name}}, {}, ""};
    link.attr.classes.push_back("user-mention");
    return link;
}

}  // namespace

TEST_CASE("jekyll-mentions: which @names html-pipeline's MentionFilter links") {
    const std::string gh = "https://github.com";
    // Linked: at a line's start, after a non-word character (ASCII \w only: `é` is not one),
    // before dots that end the line or precede a non-word character, before a hyphen-free end.
    CHECK(readers::link_mentions("@alice", gh) == ir::Inlines{mention("alice")});
    CHECK(readers::link_mentions("hi @bob-x.", gh) == ir::Inlines{ir::Text{"hi "}, mention("bob-x"), ir::Text{"."}});
    CHECK(readers::link_mentions("\xC3\xA9@c_d!", gh) ==
          ir::Inlines{ir::Text{"\xC3\xA9"}, mention("c_d"), ir::Text{"!"}});
    CHECK(readers::link_mentions("(@a), @b...", gh) ==
          ir::Inlines{ir::Text{"("}, mention("a"), ir::Text{"), "}, mention("b"), ir::Text{"..."}});
    // `@a-@b`: the `-` ending the first mention was consumed by it, so `@b` has no start.
    CHECK(readers::link_mentions("@a-@b", gh) == ir::Inlines{mention("a-"), ir::Text{"@b"}});
    // Not linked: inside a word (an e-mail address), before `/`, before `.word`, the reserved
    // names, a bare `@`.
    CHECK(readers::link_mentions("me@example.com", gh) == std::nullopt);
    CHECK(readers::link_mentions("@org/repo", gh) == std::nullopt);
    CHECK(readers::link_mentions("@file.txt", gh) == std::nullopt);
    CHECK(readers::link_mentions("@Mentioned here", gh) == std::nullopt);
    CHECK(readers::link_mentions("a @ b", gh) == std::nullopt);
    // A base ending in `/` or `~` takes the name directly.
    CHECK(readers::link_mentions("@x", "https://h/~") == ir::Inlines{mention("x", "https://h/~")});
}

// tests/data/mentions.tsv is Ruby's answer (scripts/truth/mentions.rb runs the filter's pattern
// with gsub) for 3,420 texts built from names, `@`, dots, slashes, hyphens, line breaks and
// non-ASCII letters: every row must agree.
TEST_CASE("jekyll-mentions: the scanner agrees with Ruby's regex on every generated text") {
    auto unescape = [](const std::string& s) {
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i)
            if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 'n' || s[i + 1] == 't')) out += s[++i] == 'n' ? '\n' : '\t';
            else out += s[i];
        return out;
    };
    std::ifstream in(fs::path(BLOGCONV_SOURCE_DIR) / "tests/data/mentions.tsv");
    std::string line;
    std::size_t rows = 0, agree = 0;
    while (std::getline(in, line)) {
        const std::size_t tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        const std::string text = unescape(line.substr(0, tab));
        const std::string want = unescape(line.substr(tab + 1));
        std::string got = text;
        if (auto inlines = readers::link_mentions(text, "https://github.com")) {
            got.clear();
            for (const auto& node : *inlines) {
                if (const auto* t = ir::get_if<ir::Text>(node)) got += t->text;
                else if (const auto* l = ir::get_if<ir::Link>(node))
                    got += "[" + ir::plain_text(l->children) + "]";
            }
        }
        ++rows;
        if (got == want) ++agree;
        else MESSAGE("differs: " << line.substr(0, tab) << " -> " << got);
    }
    CHECK(rows == 3420);
    CHECK(agree == rows);
}

TEST_CASE("jekyll-mentions: the base comes from the document, then the site; false turns it off") {
    ir::Value site = ir::Object{{"jekyll-mentions", ir::Object{{"base_url", "https://twitter.com"}}}};
    CHECK(readers::mention_base(ir::Object{}, ir::Object{}) == "https://github.com");
    CHECK(readers::mention_base(site, ir::Object{}) == "https://twitter.com");
    CHECK(readers::mention_base(site, ir::Object{{"jekyll-mentions", "https://x.org"}}) == "https://x.org");
    CHECK(readers::mention_base(site, ir::Object{{"jekyll-mentions", false}}) == std::nullopt);
}

TEST_CASE("jemoji: :alias: from gemoji's table") {
    CHECK(readers::emoji_for("smile") == "\xF0\x9F\x98\x84");
    CHECK(readers::emoji_for("+1") == "\xF0\x9F\x91\x8D");
    CHECK(readers::emoji_for("not_an_emoji") == std::nullopt);
    CHECK(readers::replace_emoji("ok :smile: and :+1::x") ==
          ir::Inlines{ir::Text{"ok \xF0\x9F\x98\x84 and \xF0\x9F\x91\x8D:x"}});
    // The colons around an alias are consumed: `:smile:smile:` has one emoji.
    CHECK(readers::replace_emoji(":smile:smile:") == ir::Inlines{ir::Text{"\xF0\x9F\x98\x84smile:"}});
    CHECK(readers::replace_emoji(":nope: 10:30") == std::nullopt);
}

TEST_CASE("jekyll-relative-links: the source path a link names") {
    CHECK(readers::link_source_path("about.md", "") == "about.md");
    CHECK(readers::link_source_path("../_posts/2020-01-02-a.md", "docs") == "_posts/2020-01-02-a.md");
    CHECK(readers::link_source_path("/docs/My%20Page.md", "x/y") == "docs/My Page.md");
    CHECK(readers::link_source_path("./a+b.md", "docs") == "docs/a b.md");
    CHECK(readers::link_source_path("../../a.md", "docs") == std::nullopt);
}

TEST_CASE("plugins on a site: relative links, mentions and emoji act when enabled, as Jekyll scopes them") {
    TempDir t;
    write_file(t.path / "_config.yml",
               "baseurl: /blog\nplugins: [jekyll-relative-links, jekyll-mentions, jemoji]\n");
    write_file(t.path / "_posts/2020-01-02-a.md", "---\ntitle: A\n---\nSee [about](../about.md) @carol :smile:\n");
    write_file(t.path / "docs/guide.md",
               "---\n---\n[A](../_posts/2020-01-02-a.md#top) [ext](https://x.org/a.md) [none](missing.md)\n\n"
               "`@code :smile:` [@dave](https://d.org)\n");
    write_file(t.path / "about.md", "---\njekyll-mentions: false\n---\nHi @erin\n");
    ir::Site site = read_site(t.path);

    auto link = [](std::string url, ir::Inlines text, std::string target = "") {
        return ir::Inline(ir::Link{std::move(url), "", std::move(text), {}, std::move(target)});
    };
    // A page's links to documents become their URLs (baseurl included, fragment kept); others stay.
    ir::Blocks guide{ir::Block(ir::Paragraph{{link("/blog/2020/01/02/a.html#top", {ir::Text{"A"}}, "_posts/2020-01-02-a.md"),
                                              ir::Text{" "}, link("https://x.org/a.md", {ir::Text{"ext"}}),
                                              ir::Text{" "}, link("missing.md", {ir::Text{"none"}})},
                                             {}},
                               {3, 1}),
                     ir::Block(ir::Paragraph{{ir::Code{"@code :smile:", {}}, ir::Text{" "},
                                              link("https://d.org", {ir::Text{"@dave"}})},
                                             {}},
                               {5, 1})};
    CHECK(find(site, "docs/guide.md").body == guide);
    // A post's links stay (collections are not rewritten unless `relative_links: collections`);
    // its mention and emoji are made.
    ir::Blocks post{ir::Block(ir::Paragraph{{ir::Text{"See "}, link("../about.md", {ir::Text{"about"}}), ir::Text{" "},
                                             mention("carol"), ir::Text{" \xF0\x9F\x98\x84"}},
                                            {}},
                              {4, 1})};
    CHECK(find(site, "_posts/2020-01-02-a.md").body == post);
    // `jekyll-mentions: false` in a document's front matter keeps its names as text.
    ir::Blocks about{ir::Block(ir::Paragraph{{ir::Text{"Hi @erin"}}, {}}, {4, 1})};
    CHECK(find(site, "about.md").body == about);
}

TEST_CASE("plugins on a site: nothing happens when the site does not enable them") {
    TempDir t;
    write_file(t.path / "_config.yml", "plugins: [jekyll-feed]\n");
    write_file(t.path / "a.md", "---\n---\n[b](b.md) @carol :smile:\n");
    write_file(t.path / "b.md", "---\n---\nB\n");
    ir::Site site = read_site(t.path);
    ir::Blocks a{ir::Block(ir::Paragraph{{ir::Link{"b.md", "", {ir::Text{"b"}}, {}, ""}, ir::Text{" @carol :smile:"}}, {}}, {3, 1})};
    CHECK(find(site, "a.md").body == a);
}

TEST_CASE("the older `gems:` list loads nothing, as in Jekyll 4") {
    TempDir t;
    write_file(t.path / "_config.yml", "gems: [jekyll-mentions]\n");
    write_file(t.path / "a.md", "---\n---\nHi @carol\n");
    ir::Site site = read_site(t.path);
    CHECK(find(site, "a.md").body == ir::Blocks{ir::Block(ir::Paragraph{{ir::Text{"Hi @carol"}}, {}}, {3, 1})});
    CHECK(site.conventions.plugins == std::vector<std::string>{"jekyll-mentions"});
}

namespace {

bool has_document(const ir::Site& site, const std::string& source_path) {
    for (const auto& d : site.documents)
        if (d.source_path == source_path) return true;
    return false;
}

std::vector<std::string> static_paths(const ir::Site& site) {
    std::vector<std::string> out;
    for (const auto& f : site.static_files) out.push_back(f.source_path);
    return out;
}

}  // namespace

TEST_CASE("jekyll-optional-front-matter: Markdown files without front matter become pages") {
    TempDir t;
    write_file(t.path / "_config.yml", "plugins: [jekyll-optional-front-matter]\ninclude: [LICENSE.md]\n");
    write_file(t.path / "notes.md", "Some *notes*.\n");
    write_file(t.path / "docs/Guide.markdown", "Guide.\n");
    write_file(t.path / "README.md", "Read me.\n");    // the plugin's list of names it never makes pages
    write_file(t.path / "LICENSE.md", "License.\n");   // ... unless `include:` names the file
    write_file(t.path / "plain.txt", "Text.\n");
    ir::Site site = read_site(t.path);
    CHECK(has_document(site, "notes.md"));
    CHECK(find(site, "notes.md").url == "/notes.html");
    CHECK(find(site, "notes.md").body ==
          ir::Blocks{ir::Block(ir::Paragraph{{ir::Text{"Some "}, ir::Emphasis{{ir::Text{"notes"}}}, ir::Text{"."}}, {}}, {1, 1})});
    CHECK(has_document(site, "docs/Guide.markdown"));
    CHECK_FALSE(has_document(site, "README.md"));
    CHECK(has_document(site, "LICENSE.md"));
    CHECK_FALSE(has_document(site, "plain.txt"));
    // The originals are still copied (`remove_originals` is off by default).
    CHECK(static_paths(site) ==
          std::vector<std::string>{"LICENSE.md", "README.md", "docs/Guide.markdown", "notes.md", "plain.txt"});
}

TEST_CASE("jekyll-optional-front-matter: off unless enabled; remove_originals and require_front_matter") {
    TempDir t;
    write_file(t.path / "_config.yml", "title: x\n");
    write_file(t.path / "notes.md", "Notes.\n");
    CHECK_FALSE(has_document(read_site(t.path), "notes.md"));
    write_file(t.path / "_config.yml",
               "plugins: [jekyll-optional-front-matter]\noptional_front_matter: {remove_originals: true}\n");
    ir::Site removed = read_site(t.path);
    CHECK(has_document(removed, "notes.md"));
    CHECK(static_paths(removed) == std::vector<std::string>{});
    write_file(t.path / "_config.yml", "plugins: [jekyll-optional-front-matter]\nrequire_front_matter: true\n");
    CHECK_FALSE(has_document(read_site(t.path), "notes.md"));
}

TEST_CASE("jekyll-titles-from-headings: the heading its pattern finds at the start of a body") {
    // `\A\s*(?:\#{1,3}\s+(.*)(?:\s+\#{1,3})?|(.*)\r?\n[-=]+\s*)$`: the greedy `(.*)` keeps closing hashes.
    CHECK(readers::leading_heading("# Hello *there*\n\nText") == "Hello *there*");
    CHECK(readers::leading_heading("\n\n  ### Three ##\nx") == "Three ##");
    CHECK(readers::leading_heading("Setext title\n=====  \nText") == "Setext title");
    CHECK(readers::leading_heading("Under\n-=-\n") == "Under");
    CHECK(readers::leading_heading("#### Four\n") == std::nullopt);
    CHECK(readers::leading_heading("#NoSpace\n") == std::nullopt);
    CHECK(readers::leading_heading("Para\n\n---\n") == std::nullopt);
    CHECK(readers::leading_heading("Para\n--- x\n") == std::nullopt);
    CHECK(readers::leading_heading("Text first\n# Later\n") == std::nullopt);
}

TEST_CASE("jekyll-titles-from-headings: pages without a title take their first heading's text") {
    TempDir t;
    write_file(t.path / "_config.yml", "plugins: [jekyll-titles-from-headings]\n");
    write_file(t.path / "a.md", "---\n---\n# The *real* title [^1]\n\nText.\n");
    write_file(t.path / "b.md", "---\ntitle: Written\n---\n# Heading\n");
    write_file(t.path / "c.html", "---\n---\n# Not Markdown\n");
    write_file(t.path / "_posts/2020-01-02-post.md", "---\n---\n# Post heading\n");
    write_file(t.path / "d.md", "---\n---\n{{ page.title }}\n\n## From {{ site.x }}\n");
    ir::Site site = read_site(t.path);
    // The footnote marker goes after whitespace is normalised, so its space stays (as in Jekyll).
    CHECK(find(site, "a.md").title == "The real title ");
    CHECK(find(site, "b.md").title == "Written");
    CHECK(find(site, "c.html").title == "C");
    // Collection documents (posts too) only with `titles_from_headings: {collections: true}`.
    CHECK(find(site, "_posts/2020-01-02-post.md").title == "Post");
    CHECK(find(site, "d.md").title == "D");

    write_file(t.path / "_config.yml", "plugins: [jekyll-titles-from-headings]\ntitles_from_headings: {collections: true}\n");
    write_file(t.path / "_posts/2020-01-03-titled.md", "---\ntitle: Front matter\n---\nLine\n---\n");
    write_file(t.path / "e.md", "---\n---\n# E heading\n\n{{ page.title }}\n");
    ir::Site with_collections = read_site(t.path);
    CHECK(find(with_collections, "_posts/2020-01-02-post.md").title == "Post heading");
    // A document's title counts as inferred: the heading wins over the front matter's.
    CHECK(find(with_collections, "_posts/2020-01-03-titled.md").title == "Line");
    // The generator runs before rendering: Liquid's page.title is the heading's text.
    CHECK(find(with_collections, "e.md").body.size() == 2);
    CHECK(ir::plain_text(std::get<ir::Paragraph>(find(with_collections, "e.md").body[1].node).children) == "E heading");
}

TEST_CASE("GitHub Pages: a site on the github-pages gem gets its default plugins, whitelisted") {
    CHECK(readers::uses_github_pages_gem("source 'https://rubygems.org'\ngem \"github-pages\", group: :jekyll_plugins\n"));
    CHECK(readers::uses_github_pages_gem("  gem 'github-pages', '~> 228'\n"));
    CHECK_FALSE(readers::uses_github_pages_gem("# gem \"github-pages\", group: :jekyll_plugins\ngem \"jekyll\"\n"));
    CHECK_FALSE(readers::uses_github_pages_gem("gem \"github-pages-health-check\"\n"));
    // DEFAULT_PLUGINS joined to the site's list (`gems:` too, as Jekyll 3 reads it), then only
    // what PLUGIN_WHITELIST allows.
    ir::Value config = ir::Object{{"plugins", ir::Array{"jemoji", "my-own-plugin"}}, {"gems", ir::Array{"jekyll-mentions"}}};
    readers::EnabledPlugins expected;
    expected.jemoji = true;
    expected.mentions = true;
    expected.relative_links = true;
    expected.optional_front_matter = true;
    expected.titles_from_headings = true;
    CHECK(readers::enabled_plugins(readers::github_pages_plugins(config)) == expected);

    TempDir t;
    write_file(t.path / "Gemfile", "gem \"github-pages\", group: :jekyll_plugins\n");
    write_file(t.path / "_config.yml", "title: x\n");
    write_file(t.path / "notes.md", "# Notes\n\nText.\n");
    ir::Site site = read_site(t.path);
    CHECK(find(site, "notes.md").title == "Notes");  // optional front matter, then titles from headings
}

TEST_CASE("mentions and emoji are post_render hooks: excerpts never get them, relative links do") {
    // Jekyll::Excerpt#trigger_hooks does nothing, so `post.excerpt` keeps `@name` and `:alias:`;
    // jekyll-relative-links rebuilds the excerpt from the rewritten content.
    TempDir t;
    write_file(t.path / "_config.yml",
               "plugins: [jekyll-mentions, jemoji, jekyll-relative-links]\nrelative_links: {collections: true}\n");
    write_file(t.path / "_posts/2020-01-02-a.md", "---\n---\nHi @carol :smile: [b](../b.md)\n\nMore.\n");
    write_file(t.path / "_posts/2020-01-03-c.md", "---\nexcerpt: \"Own @dave :smile:\"\n---\nBody @dave\n");
    write_file(t.path / "b.md", "---\n---\nB\n");
    ir::Site site = read_site(t.path);
    const ir::Document& a = find(site, "_posts/2020-01-02-a.md");
    ir::Inline to_b = ir::Link{"/b.html", "", {ir::Text{"b"}}, {}, "b.md"};
    CHECK(a.excerpt == ir::Blocks{ir::Block(ir::Paragraph{{ir::Text{"Hi @carol :smile: "}, to_b}, {}}, {3, 1})});
    CHECK(a.body.front() == ir::Block(ir::Paragraph{{ir::Text{"Hi "}, mention("carol"), ir::Text{" \xF0\x9F\x98\x84 "}, to_b}, {}},
                                      {3, 1}));
    const ir::Document& c = find(site, "_posts/2020-01-03-c.md");
    CHECK(ir::plain_text(std::get<ir::Paragraph>(c.excerpt.front().node).children) == "Own @dave :smile:");
    CHECK(c.body == ir::Blocks{ir::Block(ir::Paragraph{{ir::Text{"Body "}, mention("dave")}, {}}, {4, 1})});
}
