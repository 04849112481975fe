// The standalone HTML checked by the real tools: `tidy -e -q` and a headless Chromium that loads
// the page with name resolution switched off. Both read what the writer makes of samples/ and of
// every corpus site. Under CI a missing tool fails the test; locally it is skipped with a message.
// Artifacts (the pages and a screenshot of each page's first screen) go to
// <build>/tests/artifacts/standalone/.
//
// tidy runs with `--custom-tags blocklevel`: autonomous custom elements (`<swiper-container>` in
// al-folio) are valid HTML5, which tidy 5.6 only knows through that option. It also lets pass the
// unknown tags some authors wrote into prose as raw HTML (`<action>` in tmaize, `<datadir>` in
// bitcoincore): kramdown passes them through too, so Jekyll's own pages carry them, and rewriting
// an author's markup is not this writer's business.
//
// tidy warnings we accept, and why (any other warning on samples/ fails the test; on corpus
// sites, whose posts carry their authors' raw HTML, only errors fail and warnings are printed):
//   - "proprietary attribute" / "<… attribute "role" …": tidy 5.6 does not know the ARIA roles
//     (`doc-noteref`, `doc-endnotes`) that kramdown's footnote markup uses and readers expect.
//   - "trimming empty <…>": an empty element a post's raw HTML holds; the writer keeps the
//     author's markup.
//   - "<a> escaping malformed URI reference" / "illegal characters found in URI": non-ASCII in
//     fragment links (`#post-京都の秋`), which HTML5 allows.
//   - "<meta> … http-equiv": tidy 5.6 predates CSP in <meta>, which keeps the page offline.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "readers/jekyll_site.h"
#include "tests/test_support.h"
#include "writers/standalone/standalone_writer.h"

namespace fs = std::filesystem;
using namespace blogconv;

namespace {

bool in_ci() { return std::getenv("CI") != nullptr && *std::getenv("CI"); }

// True when `tool` is on PATH. Under CI a missing tool fails the test loudly.
bool require_tool(const std::string& tool, const std::string& package) {
    if (test::run_shell("command -v " + tool + " >/dev/null 2>&1").exit_code == 0) return true;
    if (in_ci()) FAIL(tool << " is missing: CI must install the Debian package `" << package << "` (apt-get install -y " << package << ")");
    MESSAGE("skipped: " << tool << " is not installed (apt-get install -y " << package << ")");
    return false;
}

fs::path artifacts() {
    const fs::path dir = fs::read_symlink("/proc/self/exe").parent_path() / "artifacts" / "standalone";
    fs::create_directories(dir);
    return dir;
}

struct Built {
    std::string html;
    std::vector<std::string> titles;
    bool ok = false;
};

Built build(const fs::path& site_dir) {
    Built b;
    readers::ReaderOptions ro;
    ro.now = ir::DateTime{4102444800, 0};  // 2100: every dated post is in the past, whatever the clock says
    ir::Diagnostics diags;
    const ir::Site site = readers::read_jekyll_site({site_dir.string()}, ro, diags);
    writers::FolderResources files(site_dir);
    writers::MemorySink sink;
    writers::write_standalone_html(site, {}, &files, sink, diags);
    if (!sink.files.count("")) return b;
    b.html = sink.files.at("");
    bool any_post = false;
    for (const auto& d : site.documents) any_post = any_post || d.collection == "posts";
    for (const auto& d : site.documents)
        if (!any_post || d.collection == "posts") b.titles.push_back(d.title);
    b.ok = true;
    return b;
}

std::vector<std::pair<std::string, fs::path>> sites() {
    std::vector<std::pair<std::string, fs::path>> out = {{"samples", test::source_dir() / "samples"}};
    if (!test::have_shared()) return out;
    std::vector<fs::path> corpus;
    for (const auto& e : fs::directory_iterator(test::shared_dir() / "corpus"))
        if (e.is_directory()) corpus.push_back(e.path());
    std::sort(corpus.begin(), corpus.end());
    for (const auto& p : corpus) out.emplace_back(p.filename().string(), p);
    return out;
}

std::string collapse(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string percent_decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

const std::vector<std::string> accepted_tidy_warnings = {
    "proprietary attribute", "attribute \"role\"", "trimming empty", "escaping malformed URI reference",
    "illegal characters found in URI", "http-equiv",
};

// The script injected into a copy of the page: after load it writes what it found into the DOM,
// percent-encoded so that --dump-dom's escaping cannot garble it.
const char* const probe = R"(<script>
window.addEventListener('load', () => {
  const r = {};
  const imgs = [...document.images];
  r.images = imgs.length;
  r.broken = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => (i.getAttribute('src') || '').slice(0, 120));
  r.missing = [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href').slice(1)).filter(id => {
    let d = id; try { d = decodeURIComponent(id); } catch (e) {}
    return id !== '' && !document.getElementById(id) && !document.getElementById(d) && !document.getElementsByName(d).length;
  });
  r.resources = performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:'));
  r.text = document.body.innerText;
  const pre = document.createElement('pre');
  pre.id = 'blogconv-probe';
  pre.textContent = encodeURIComponent(JSON.stringify(r));
  document.body.appendChild(pre);
});
</script>)";

const std::string chromium_flags =
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync --disable-extensions --hide-scrollbars "
    "--host-resolver-rules='MAP * ~NOTFOUND'";

}  // namespace

TEST_CASE("standalone HTML passes tidy") {
    if (!require_tool("tidy", "tidy")) return;
    if (!test::have_shared() && in_ci()) test::require_shared();
    for (const auto& site : sites()) {
        const auto& name = site.first;  // clang 14: CAPTURE cannot name a structured binding
        const auto& dir = site.second;
        CAPTURE(name);
        const Built b = build(dir);
        REQUIRE(b.ok);
        const fs::path page = artifacts() / (name + ".html");
        test::write_file(page, b.html);
        const auto r = test::run_shell("tidy -e -q -utf8 --custom-tags blocklevel '" + page.string() + "' 2>&1");
        std::istringstream lines(r.out);
        std::string line;
        std::vector<std::string> errors, unexpected;
        while (std::getline(lines, line)) {
            if (line.find("Error:") != std::string::npos) errors.push_back(line);
            if (line.find("Warning:") == std::string::npos) continue;
            bool ok = false;
            for (const auto& a : accepted_tidy_warnings) ok = ok || line.find(a) != std::string::npos;
            if (!ok) unexpected.push_back(line);
        }
        // tidy: 0 clean, 1 warnings only, 2 errors; anything else (a signal) fails too.
        CHECK_MESSAGE((r.exit_code == 0 || r.exit_code == 1), r.out.substr(0, 2000));
        CHECK_MESSAGE(errors.empty(), errors.size() << " tidy error(s), first: " << (errors.empty() ? "" : errors[0]));
        if (name == "samples") {
            CHECK_MESSAGE(unexpected.empty(), unexpected.size() << " unexpected tidy warning(s), first: "
                                                                << (unexpected.empty() ? "" : unexpected[0]));
        } else if (!unexpected.empty()) {
            MESSAGE(name << ": " << unexpected.size() << " tidy warning(s) from the posts' own HTML, first: " << unexpected[0]);
        }
    }
}

TEST_CASE("standalone HTML in headless Chromium: images, anchors, titles, no requests") {
    if (!require_tool("chromium", "chromium")) return;
    if (!test::have_shared() && in_ci()) test::require_shared();
    for (const auto& site : sites()) {
        const auto& name = site.first;  // clang 14: CAPTURE cannot name a structured binding
        const auto& dir = site.second;
        CAPTURE(name);
        const Built b = build(dir);
        REQUIRE(b.ok);
        const fs::path out = artifacts();
        const fs::path page = out / (name + ".html");
        test::write_file(page, b.html);

        // The copy the probe runs in: without the page's CSP (which would block the probe, and
        // would hide a request the writer let through), with the probe before </body>.
        std::string probed = b.html;
        const std::size_t csp = probed.find("<meta http-equiv=\"Content-Security-Policy\"");
        if (csp != std::string::npos) probed.erase(csp, probed.find('>', csp) + 1 - csp);
        const std::size_t body_end = probed.rfind("</body>");
        REQUIRE(body_end != std::string::npos);
        probed.insert(body_end, probe);
        const fs::path probe_page = out / (name + ".probe.html");
        test::write_file(probe_page, probed);

        const fs::path profile = out / (name + ".profile");
        const fs::path netlog = out / (name + ".netlog.json");
        fs::remove_all(profile);
        const auto r = test::run_shell("timeout 120 chromium " + chromium_flags + " --user-data-dir='" + profile.string() +
                                       "' --log-net-log='" + netlog.string() +
                                       "' --virtual-time-budget=5000 --dump-dom 'file://" + probe_page.string() + "' 2>/dev/null");
        REQUIRE_MESSAGE(r.exit_code == 0, "chromium failed: " << r.err);
        const std::string open = "<pre id=\"blogconv-probe\">";
        const std::size_t at = r.out.find(open);
        REQUIRE_MESSAGE(at != std::string::npos, "the probe did not run; DOM starts: " << r.out.substr(0, 300));
        const std::size_t start = at + open.size();
        const auto result = nlohmann::json::parse(percent_decode(r.out.substr(start, r.out.find("</pre>", start) - start)));

        CHECK_MESSAGE(result["broken"].empty(), "images that did not load: " << result["broken"].dump());
        CHECK_MESSAGE(result["missing"].empty(), "links to missing anchors: " << result["missing"].dump());
        CHECK_MESSAGE(result["resources"].empty(), "resources fetched: " << result["resources"].dump());
        const std::string text = collapse(result["text"].get<std::string>());
        for (const auto& t : b.titles) CHECK_MESSAGE(text.find(collapse(t)) != std::string::npos, "title not on the page: " << t);

        // The network log: any request made on behalf of the page (its isolation key is the
        // file:// site) that is not a file: or data: URL left the file. Chromium's own service
        // requests carry other keys and are ignored (and resolve nowhere anyway).
        const auto log = nlohmann::json::parse(test::read_file(netlog), nullptr, false);
        REQUIRE_MESSAGE(!log.is_discarded(), "unreadable net log " << netlog);
        int start_job = -1;
        for (const auto& [k, v] : log["constants"]["logEventTypes"].items())
            if (k == "URL_REQUEST_START_JOB") start_job = v.get<int>();
        std::vector<std::string> left;
        for (const auto& e : log["events"]) {
            if (e.value("type", -2) != start_job || !e.contains("params")) continue;
            const auto& p = e["params"];
            const std::string url = p.value("url", ""), key = p.value("network_isolation_key", "");
            if (key.find("file://") != std::string::npos && !url.starts_with("file:") && !url.starts_with("data:")) left.push_back(url);
        }
        CHECK_MESSAGE(left.empty(), left.size() << " request(s) left the file, first: " << (left.empty() ? "" : left[0]));

        // A screenshot of the real page's first screen (with its CSP), kept as an artifact.
        fs::remove_all(profile);
        const fs::path shot = out / (name + ".png");
        fs::remove(shot);
        const auto s = test::run_shell("timeout 120 chromium " + chromium_flags + " --user-data-dir='" + profile.string() +
                                       "' --window-size=1280,900 --screenshot='" + shot.string() + "' 'file://" + page.string() +
                                       "' >/dev/null 2>&1");
        CHECK(s.exit_code == 0);
        CHECK(fs::exists(shot));
        CHECK((fs::exists(shot) && fs::file_size(shot) > 10000));
        fs::remove_all(profile);
    }
}
