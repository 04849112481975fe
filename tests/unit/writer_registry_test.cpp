// The writer registry's options route: each row makes its own options struct, its option table
// fills that struct only, and its `write` reads it back. A writer's option can reach no other
// writer: a holder of another struct is refused with FormatOptionsMismatch, never ignored.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ir/datetime.h"
#include "ir/site.h"
#include "writers/epub/epub_options.h"
#include "writers/feeds/feed_options.h"
#include "writers/registry.h"

using namespace blogconv;
using namespace blogconv::writers;

namespace {

const WriterInfo& writer(const std::string& name) {
    const WriterInfo* w = find_writer(name);
    REQUIRE(w != nullptr);
    return *w;
}

const BoundOption& option(const std::string& writer_name, const std::string& option_name) {
    const BoundOption* o = find_option(writer(writer_name), option_name);
    REQUIRE(o != nullptr);
    return *o;
}

// A value each kind of option accepts (a flag is given "true", as the CLI gives it).
std::string acceptable_value(const BoundOption& o) {
    switch (o.kind) {
        case OptionKind::flag: return "true";
        case OptionKind::number: return "1";
        case OptionKind::choice: return o.choices.front();
        default: return "x";
    }
}

// One post, enough for a feed to write an entry.
ir::Site one_post_site() {
    ir::Site s;
    s.title = "Site";
    s.url = "https://example.org";
    ir::Document d;
    d.source_path = "_posts/2024-01-02-p.md";
    d.collection = "posts";
    d.slug = "p";
    d.title = "P";
    d.date = ir::DateTime{ir::civil_to_epoch(2024, 1, 2, 12), 0};
    d.url = "/2024/01/02/p.html";
    d.body = {ir::Paragraph{{ir::Text{"body"}}, {}}};
    s.documents.push_back(d);
    return s;
}

}  // namespace

TEST_CASE("an EPUB option applied to a fresh EPUB holder is read back from the EPUB struct") {
    FormatOptions holder = writer("epub").make_options();
    option("epub", "title").apply(holder, "My Book");
    option("epub", "order").apply(holder, "newest");
    CHECK(holder.get<EpubOptions>().title == "My Book");
    CHECK(holder.get<EpubOptions>().order == EpubOrder::newest);
    // The rest keeps the struct's defaults.
    CHECK(holder.get<EpubOptions>().author == EpubOptions{}.author);
    CHECK(holder.get<EpubOptions>().toc_depth == EpubOptions{}.toc_depth);
}

TEST_CASE("a writer's option applied to another writer's struct is refused, and that struct is unchanged") {
    FormatOptions feed = writer("atom").make_options();
    CHECK_THROWS_AS(option("epub", "title").apply(feed, "Book"), FormatOptionsMismatch);
    CHECK(feed.get<FeedOptions>().title == "");
    FormatOptions hugo = writer("hugo").make_options();
    CHECK_THROWS_AS(option("html", "theme").apply(hugo, "dark"), FormatOptionsMismatch);
    CHECK_THROWS_AS(hugo.get<EpubOptions>(), FormatOptionsMismatch);
    // An empty holder takes no option either: the value would be lost.
    FormatOptions empty;
    CHECK_THROWS_AS(option("epub", "title").apply(empty, "Book"), FormatOptionsMismatch);
}

TEST_CASE("every row makes its own struct, which takes every option of its table; other rows' options only where "
          "the struct is shared") {
    std::set<std::pair<std::string, std::string>> shared;
    for (const auto& a : all_writers()) {
        CAPTURE(a.name);
        REQUIRE(static_cast<bool>(a.make_options));
        REQUIRE(static_cast<bool>(a.write));
        for (const auto& o : a.options) {
            CAPTURE(o.name);
            FormatOptions own = a.make_options();
            CHECK_NOTHROW(o.apply(own, acceptable_value(o)));
        }
        if (a.options.empty()) continue;
        for (const auto& b : all_writers()) {
            if (b.name == a.name) continue;
            FormatOptions other = b.make_options();
            try {
                a.options.front().apply(other, acceptable_value(a.options.front()));
                shared.insert({a.name, b.name});
            } catch (const FormatOptionsMismatch&) {
            }
        }
    }
    // The three feeds share FeedOptions and the two HTML rows StandaloneOptions; nothing else.
    const std::set<std::pair<std::string, std::string>> expected = {
        {"atom", "rss"},  {"atom", "json-feed"},   {"rss", "atom"},    {"rss", "json-feed"},
        {"json-feed", "atom"}, {"json-feed", "rss"}, {"html", "html-split"}, {"html-split", "html"},
    };
    CHECK(shared == expected);
}

TEST_CASE("an option set through the table reaches the writer's output") {
    WriterOptions o;
    o.format = writer("json-feed").make_options();
    option("json-feed", "title").apply(o.format, "Mine");
    MemorySink sink;
    ir::Diagnostics d;
    writer("json-feed").write(one_post_site(), o, sink, d);
    CHECK(d.items().empty());
    CHECK(nlohmann::json::parse(sink.files.at("")).at("title") == "Mine");
}

TEST_CASE("an empty holder runs the writer with its defaults; another writer's struct is refused before writing") {
    WriterOptions defaults;
    MemorySink plain;
    ir::Diagnostics d;
    writer("json-feed").write(one_post_site(), defaults, plain, d);
    CHECK(nlohmann::json::parse(plain.files.at("")).at("title") == "Site");

    WriterOptions wrong;
    wrong.format = writer("epub").make_options();
    MemorySink sink;
    CHECK_THROWS_AS(writer("json-feed").write(one_post_site(), wrong, sink, d), FormatOptionsMismatch);
    CHECK(sink.files.empty());
}

TEST_CASE("a feed row narrows its own options to one tag; only feeds can be narrowed") {
    FormatOptions holder = writer("atom").make_options();
    option("atom", "title").apply(holder, "Mine");
    holder.get<FeedOptions>().categories = {"old"};
    writer("atom").narrow_feed(holder, {.by_tag = true, .name = "rust", .path = "/feed/by_tag/rust.xml",
                                        .site_title = "Site"});
    const FeedOptions& f = holder.get<FeedOptions>();
    CHECK(f.tags == std::vector<std::string>{"rust"});
    CHECK(f.categories.empty());
    CHECK(f.path == "/feed/by_tag/rust.xml");
    CHECK(f.title == "Mine · rust");

    // No title of its own: the site's names the slice; by category.
    FormatOptions plain = writer("rss").make_options();
    writer("rss").narrow_feed(plain, {.by_tag = false, .name = "news", .path = "/feed/news.rss", .site_title = "Site"});
    CHECK(plain.get<FeedOptions>().categories == std::vector<std::string>{"news"});
    CHECK(plain.get<FeedOptions>().tags.empty());
    CHECK(plain.get<FeedOptions>().title == "Site · news");

    // No title anywhere: the writer's own fallback stays (an empty title).
    FormatOptions untitled = writer("rss").make_options();
    writer("rss").narrow_feed(untitled, {.by_tag = true, .name = "x", .path = "/feed/by_tag/x.rss", .site_title = ""});
    CHECK(untitled.get<FeedOptions>().title == "");

    std::vector<std::string> feeds;
    for (const auto& w : all_writers())
        if (w.narrow_feed) feeds.push_back(w.name);
    CHECK(feeds == std::vector<std::string>{"atom", "rss", "json-feed"});
    FormatOptions epub = writer("epub").make_options();
    CHECK_THROWS_AS(writer("atom").narrow_feed(epub, {.by_tag = true, .name = "x", .path = "/x", .site_title = ""}),
                    FormatOptionsMismatch);
}
