// Rendered-content parity with Jekyll: every corpus document (and samples/) read by our reader,
// rendered by our HTML renderer, and compared with the content HTML the real Jekyll made
// (../shared/oracle/<site>/content/<source path>.html; tests/oracle/samples/content for samples).
//
// The comparison itself (five points, one tolerant tokenizer) is tests/support/content_points.h.
//
// The pass rate must not fall below the asserted floor (issue 3's target is 95%), and every document that fails must be listed in docs/fidelity.md
// with its reason; a listed document that passes fails the test too, so the list cannot go stale.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "readers/jekyll_site.h"
#include "tests/support/content_points.h"
#include "tests/support/oracle_files.h"
#include "tests/test_support.h"
#include "writers/html/html_renderer.h"

using namespace blogconv;
namespace fs = std::filesystem;

namespace {

struct DocResult {
    std::string key;                  // "<site>/<source path>"
    std::vector<std::string> failed;  // "point: diff"
    bool liquid_leak = false;
};


std::vector<DocResult> compare_site(const std::string& name, const fs::path& root, const fs::path& oracle_site) {
    readers::ReaderOptions ro;
    ro.drafts = true;
    ro.future = true;
    ro.unpublished = true;
    ro.pages = false;
    ro.now = ir::DateTime{ir::civil_to_epoch(2026, 11, 25), 0};  // the oracle's pinned time
    // The oracle's build loaded jekyll-feed (and jekyll-seo-tag for jekyll-docs) in place of each
    // site's `plugins:` (../oracle/README.md, "Overrides"); neither changes a document's content.
    ro.plugins = std::vector<std::string>{"jekyll-feed", "jekyll-seo-tag"};
    ir::Diagnostics diags;
    const ir::Site site = readers::read_jekyll_site({root.string()}, ro, diags);
    std::map<std::string, const ir::Document*> by_path;
    for (const auto& d : site.documents) by_path[d.source_path] = &d;

    writers::HtmlOptions ho;
    ho.unsupported = writers::UnsupportedStyle::comment;  // like Jekyll's stub markers
    // Jekyll does not sanitize: the oracle measures the conversion, and the sanitizer (a writer
    // policy for the page and the book, tested in hostile_output_test) is a chosen difference:
    // with it, four corpus documents differ only in showing prose like `<datadir>` as text,
    // where Jekyll's HTML makes it an unknown element a browser hides.
    ho.sanitize = false;
    if (const ir::Value* kd = site.config.find("kramdown"))
        if (const ir::Value* back = kd->find("footnote_backlink"); back && back->is_string())
            ho.footnote_backlink = back->as_string();
    std::vector<DocResult> results;
    for (const auto& [path, content] : test::oracle_documents(oracle_site)) {
        DocResult r;
        r.key = name + "/" + path;
        const auto it = by_path.find(path);
        if (it == by_path.end()) {
            r.failed.push_back("read: the document was not read");
            results.push_back(std::move(r));
            continue;
        }
        const std::string jekyll_html = test::read_file(oracle_site / content);
        const std::string our_html = writers::render_html(it->second->body, ho);
        r.failed = test::compare_points(our_html, jekyll_html);
        r.liquid_leak = test::count_liquid_markers(our_html) > test::count_liquid_markers(jekyll_html);
        results.push_back(std::move(r));
    }
    return results;
}


}  // namespace

TEST_CASE("tokenizer and extraction normalise what legitimately differs") {
    const test::Points a = test::extract("<h2 id=\"x\">A &amp; B</h2>\n<p>Tom&rsquo;s <a href=\"/a%20b\">link</a></p>"
                             "<!-- stub:include x --><pre class=\"lineno\">1\n2\n</pre><pre><code>x &lt; y\n</code></pre>");
    const test::Points b = test::extract("<h2 id='x'>A &#38; B</h2><p>Tom’s  <a class=c href=/a" "\xC2\xA0" "b>link</a></p>"
                             "<pre><code>x &#x3C; y</code></pre>");
    CHECK(a.headings == std::vector<std::string>{"h2 #x A & B"});
    CHECK(a.headings == b.headings);
    CHECK(a.code == b.code);
    CHECK(a.hrefs == std::vector<std::string>{"/a b"});
    CHECK(a.text == "A & B Tom’s link x < y");
    CHECK(b.hrefs != a.hrefs);  // a no-break space is not a space
    CHECK(test::extract("<script>if (a<b) {}</script>").text == "if (a<b) {}");
    CHECK(test::count_liquid_markers("<!-- {% x %} --><p>{{ y }}</p>") == 1);
}

TEST_CASE("rendered content matches Jekyll's on the five points") {
    if (!test::require_shared()) return;
    const auto corpus = test::shared_dir() / "corpus";
    const auto oracle = test::shared_dir() / "oracle";
    std::vector<DocResult> all;
    std::vector<std::string> sites;
    for (const auto& entry : fs::directory_iterator(corpus))
        if (entry.is_directory() && fs::exists(oracle / entry.path().filename() / "docs.tsv"))
            sites.push_back(entry.path().filename().string());
    std::sort(sites.begin(), sites.end());
    REQUIRE(sites.size() >= 15);
    for (const auto& name : sites) {
        auto r = compare_site(name, corpus / name, oracle / name);
        all.insert(all.end(), std::make_move_iterator(r.begin()), std::make_move_iterator(r.end()));
    }
    std::size_t corpus_count = all.size();
    {
        auto r = compare_site("samples", test::source_dir() / "samples", test::source_dir() / "tests" / "oracle" / "samples");
        all.insert(all.end(), std::make_move_iterator(r.begin()), std::make_move_iterator(r.end()));
    }

    const auto listed = test::fidelity_entries("");
    std::size_t corpus_pass = 0;
    std::size_t per_point_fail[5] = {};
    const char* point_names[5] = {"text", "headings", "links", "images", "code"};
    std::set<std::string> failing;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& r = all[i];
        if (r.failed.empty()) {
            if (i < corpus_count) ++corpus_pass;
        } else {
            failing.insert(r.key);
            std::string report = r.key + (listed.count(r.key) ? " (listed)" : " (NOT LISTED)");
            for (const auto& f : r.failed) {
                report += "\n    " + f;
                for (int p = 0; p < 5; ++p)
                    if (f.rfind(point_names[p], 0) == 0) ++per_point_fail[p];
            }
            if (std::getenv("FIDELITY_VERBOSE") || !listed.count(r.key)) std::cout << "MISMATCH " << report << "\n";
        }
        CHECK_MESSAGE(!r.liquid_leak, r.key << ": more `{%`/`{{` in our HTML than in Jekyll's");
    }
    const double rate = corpus_count ? 100.0 * static_cast<double>(corpus_pass) / static_cast<double>(corpus_count) : 0;
    std::cout << "content parity: " << corpus_pass << "/" << corpus_count << " corpus documents match on all five points ("
              << rate << "%); mismatches by point:";
    for (int p = 0; p < 5; ++p) std::cout << " " << point_names[p] << "=" << per_point_fail[p];
    std::cout << "\n";
    CHECK(corpus_count >= 950);
    // Issue 3's target: at least 95% of corpus documents match Jekyll on all five points (935/981
    // when this was written; docs/fidelity.md explains every other one). The floor rises with each
    // fix so that no document slips back (949/981 with kramdown's emphasis rule; 951/981 with
    // Liquid 5.4's raw white-space rule, Jekyll's site.time and YAML merge keys; 953/981 with
    // site.posts in Liquid; 955/981 with kramdown's HTML-element block rule).
    CHECK(rate >= 97.3);
    for (const auto& key : failing) CHECK_MESSAGE(listed.count(key), key << " fails and is not explained in docs/fidelity.md");
    for (const auto& key : listed) CHECK_MESSAGE(failing.count(key), key << " is listed in docs/fidelity.md but now matches");
}
