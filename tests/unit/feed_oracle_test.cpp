// Our Atom feed beside jekyll-feed's (../shared/oracle/<site>/feed.xml) for every corpus site:
// the same entries, in the same order, with the same ids, links, titles and published dates.
//
// Differences on purpose, not compared here: content (we make relative URLs absolute and render
// through our own HTML renderer), summaries (jekyll-feed runs strip_html), the feed's `updated`
// (jekyll-feed writes site.time, we the newest post). Two differences are named below:
// - titles: jekyll-feed runs `smartify`, turning ' into ’ and -- into –; we keep the author's
//   text, so both sides are compared after folding typographic punctuation to ASCII;
// - the order of posts with the same date: jekyll-feed sorts with Ruby's unstable sort, so
//   entries are compared as a set within each run of equal dates (the runs themselves, and
//   their order, must match). A run cut by the limit is compared by size only.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include <pugixml.hpp>

#include "readers/jekyll_site.h"
#include "tests/test_support.h"
#include "writers/feeds/feeds.h"

using namespace blogconv;

namespace {

struct EntryKey {
    std::string id, link, title, published;
};

std::vector<EntryKey> entries(const std::string& xml) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    std::vector<EntryKey> out;
    for (auto e : doc.child("feed").children("entry"))
        out.push_back({e.child_value("id"), e.select_node("link[@rel='alternate']/@href").attribute().value(),
                       e.child_value("title"), e.child_value("published")});
    return out;
}

// smartify's typography folded back to ASCII: ’‘ -> ', “” -> ", – -> --, — -> ---, … -> ...
std::string fold_typography(std::string s) {
    const std::pair<std::string, std::string> map[] = {{"\u2019", "'"}, {"\u2018", "'"}, {"\u201C", "\""},
                                                       {"\u201D", "\""}, {"\u2013", "--"}, {"\u2014", "---"},
                                                       {"\u2026", "..."}};
    for (const auto& [from, to] : map)
        for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    return s;
}

}  // namespace

TEST_CASE("atom feed matches jekyll-feed's entries for every corpus site") {
    if (!test::require_shared()) return;
    const auto corpus = test::shared_dir() / "corpus";
    const auto oracle = test::shared_dir() / "oracle";
    int sites = 0;
    for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
        if (!entry.is_directory() || !std::filesystem::exists(oracle / entry.path().filename() / "feed.xml")) continue;
        const std::string name = entry.path().filename().string();
        CAPTURE(name);
        ++sites;
        readers::ReaderOptions ro;
        ro.now = ir::DateTime{ir::civil_to_epoch(2026, 11, 25), 0};  // the oracle's pinned time
        ro.pages = false;
        ir::Diagnostics diags;
        const ir::Site site = readers::read_jekyll_site({entry.path().string()}, ro, diags);
        writers::FeedOptions fo;
        // The oracle set this URL for sites whose config has none.
        if (site.url.empty()) fo.site_url = "https://example.org";
        writers::MemorySink sink;
        ir::Diagnostics wd;
        writers::write_atom(site, fo, sink, wd);
        REQUIRE(sink.files.count(""));
        // Our Atom and RSS for the real site pass the validators too.
        if (std::filesystem::exists(test::shared_dir() / "validators" / "validate")) {
            test::TempDir dir;
            test::write_file(dir.path / "feed.atom", sink.files.at(""));
            writers::MemorySink rss;
            writers::write_rss(site, fo, rss, wd);
            test::write_file(dir.path / "feed.rss", rss.files.at(""));
            const auto r = test::run_shell("'" + (test::shared_dir() / "validators" / "validate").string() + "' '" +
                                           (dir.path / "feed.atom").string() + "' '" + (dir.path / "feed.rss").string() +
                                           "' 2>&1");
            INFO(r.out);
            CHECK(r.exit_code == 0);
        } else if (const char* ci = std::getenv("CI"); ci && *ci) {
            FAIL("validators missing under CI");
        }
        const auto ours = entries(sink.files.at(""));
        const auto theirs = entries(test::read_file(oracle / name / "feed.xml"));
        REQUIRE(ours.size() == theirs.size());
        for (std::size_t i = 0; i < ours.size();) {
            std::size_t j = i;
            while (j < ours.size() && ours[j].published == ours[i].published) ++j;
            CAPTURE(ours[i].published);
            std::vector<std::string> a, b;
            for (std::size_t k = i; k < j; ++k) {
                CHECK(theirs[k].published == ours[i].published);
                a.push_back(ours[k].id + " " + ours[k].link + " " + fold_typography(ours[k].title));
                b.push_back(theirs[k].id + " " + theirs[k].link + " " + fold_typography(theirs[k].title));
            }
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            const bool cut_by_limit = j == ours.size() && ours.size() == 10;
            if (!cut_by_limit) CHECK(a == b);
            i = j;
        }
    }
    CHECK(sites == 15);
}
