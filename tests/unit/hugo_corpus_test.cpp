// The Jekyll -> Hugo migration on every real site we have: samples/ and each site of
// ../shared/corpus, read as the CLI reads them, written to a temporary folder, built by the real
// `hugo` with the test theme (tests/hugo-theme/), and checked against Jekyll's own output
// (../shared/oracle/<site>/docs.tsv): the build is clean, every published document's URL exists
// in public/, and no Liquid (`{%`, `{{ site.`) is left in content, except inside code (fenced,
// inline, <pre>/<code>) and lines the source itself showed literally inside `{% raw %}`.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "readers/jekyll_site.h"
#include "tests/test_support.h"
#include "writers/hugo/hugo_writer.h"

namespace fs = std::filesystem;
using namespace blogconv;

namespace {

struct CorpusSite {
    std::string name;
    fs::path root;
    fs::path docs_tsv;  // Jekyll's oracle for it
};

std::vector<CorpusSite> corpus_sites() {
    std::vector<CorpusSite> sites{
        {"samples", test::source_dir() / "samples", test::source_dir() / "tests/oracle/samples/docs.tsv"}};
    std::vector<fs::path> roots;
    for (const auto& e : fs::directory_iterator(test::shared_dir() / "corpus"))
        if (e.is_directory()) roots.push_back(e.path());
    std::sort(roots.begin(), roots.end());
    for (const auto& r : roots) {
        std::string name = r.filename().string();
        sites.push_back({name, r, test::shared_dir() / "oracle" / name / "docs.tsv"});
    }
    return sites;
}

// docs.tsv rows as column -> value, with the oracle's `\t`, `\n`, `\\` escapes undone.
std::vector<std::map<std::string, std::string>> read_tsv(const fs::path& p) {
    auto unescape = [](const std::string& s) {
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] != '\\' || i + 1 == s.size()) {
                out += s[i];
                continue;
            }
            char c = s[++i];
            out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        }
        return out;
    };
    auto split = [](const std::string& line) {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, '\t')) cells.push_back(cell);
        return cells;
    };
    std::istringstream in(test::read_file(p));
    std::string line;
    std::getline(in, line);
    std::vector<std::string> head = split(line);
    std::vector<std::map<std::string, std::string>> rows;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto cells = split(line);
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < head.size() && i < cells.size(); ++i) row[head[i]] = unescape(cells[i]);
        rows.push_back(std::move(row));
    }
    return rows;
}

// Writes straight into a folder (the CLI's sink is the lead's; this one is all a test needs).
class FolderSink : public writers::Sink {
public:
    explicit FolderSink(fs::path root) : root_(std::move(root)) {}
    void write(const std::string& relative_path, std::string_view bytes) override {
        test::write_file(root_ / fs::u8path(relative_path), std::string(bytes));
        bool page = relative_path.size() > 3 && (relative_path.substr(relative_path.size() - 3) == ".md" ||
                                                 relative_path.substr(relative_path.size() - 5) == ".html");
        if (relative_path.rfind("content/", 0) == 0 && page) content[relative_path] = std::string(bytes);
    }
    std::map<std::string, std::string> content;  // content/ files, for the Liquid check

private:
    fs::path root_;
};

// The text of a content file outside code: front matter, fenced code, code spans and
// <pre>/<code> elements removed. Code is where a source may legitimately show `{%` literally (a
// `raw` block or a code sample about Liquid); anywhere else it would be Liquid we failed to run.
std::string outside_code(const std::string& file) {
    std::string text = file;
    for (const char* fence : {"+++\n", "---\n"})
        if (text.rfind(fence, 0) == 0)
            if (auto e = text.find(std::string("\n") + fence, 4); e != std::string::npos) text = text.substr(e + 5);
    std::string out;
    std::istringstream in(text);
    std::string line, fence;
    while (std::getline(in, line)) {
        std::size_t indent = line.find_first_not_of(' ');
        std::string t = indent == std::string::npos ? "" : line.substr(indent);
        char c = t.empty() ? 0 : t[0];
        std::size_t run = (c == '`' || c == '~') ? t.find_first_not_of(c) : 0;
        if (run == std::string::npos) run = t.size();
        if (fence.empty() && run >= 3) {
            fence = t.substr(0, run);
            continue;
        }
        if (!fence.empty()) {
            if (run >= fence.size() && t[0] == fence[0] && t.find_first_not_of(" \t", run) == std::string::npos)
                fence.clear();
            continue;
        }
        out += line + "\n";
    }
    // Code spans (any backtick run to the same run) and HTML code elements.
    auto erase_between = [&](const std::string& open, const std::string& close) {
        for (std::size_t p = out.find(open); p != std::string::npos; p = out.find(open, p)) {
            std::size_t e = out.find(close, p + open.size());
            if (e == std::string::npos) break;
            out.erase(p, e + close.size() - p);
        }
    };
    erase_between("<pre", "</pre>");
    erase_between("<code", "</code>");
    std::string result;
    for (std::size_t i = 0; i < out.size();) {
        if (out[i] != '`') {
            result += out[i++];
            continue;
        }
        std::size_t run = out.find_first_not_of('`', i) - i;
        std::string ticks(run, '`');
        std::size_t close = out.find(ticks, i + run);
        if (close == std::string::npos) {
            result += ticks;
            i += run;
            continue;
        }
        i = close + run;
    }
    return result;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
    return n;
}

// The text of every `{% raw %}…{% endraw %}` in a source file: what the author wanted shown
// literally, Liquid syntax included.
std::vector<std::string> raw_segments(const std::string& source) {
    std::vector<std::string> out;
    std::size_t p = 0;
    while ((p = source.find("{%", p)) != std::string::npos) {
        std::size_t e = source.find("%}", p);
        if (e == std::string::npos) break;
        std::string tag = source.substr(p + 2, e - p - 2);
        bool raw = tag.find("raw") != std::string::npos && tag.find("endraw") == std::string::npos;
        p = e + 2;
        if (!raw) continue;
        std::size_t end = source.find("endraw", p);
        if (end == std::string::npos) break;
        out.push_back(source.substr(p, end - p));
        p = end;
    }
    return out;
}

// Lines of `prose` with `needle` that are not literal text from a `raw` block of the source.
std::vector<std::string> unexpected_lines(const std::string& prose, const std::string& needle,
                                          const std::vector<std::string>& raws) {
    std::vector<std::string> bad;
    std::istringstream in(prose);
    std::string line;
    while (std::getline(in, line)) {
        if (line.find(needle) == std::string::npos) continue;
        std::size_t a = line.find_first_not_of(" \t"), b = line.find_last_not_of(" \t");
        std::string t = line.substr(a, b - a + 1);
        bool literal = std::any_of(raws.begin(), raws.end(), [&](const std::string& r) { return r.find(t) != std::string::npos; });
        if (!literal) bad.push_back(line);
    }
    return bad;
}

bool have_hugo() { return std::system("command -v hugo >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("every corpus site migrates to a Hugo site that builds cleanly and keeps every URL") {
    if (!test::require_shared()) return;
    if (!have_hugo()) {
        if (std::getenv("CI")) FAIL("hugo is not installed; CI must have it (apt-get install hugo)");
        MESSAGE("hugo not installed: skipping the corpus build check");
        return;
    }
    std::size_t urls_total = 0, urls_found = 0, sites_clean = 0;
    std::string summary;
    auto sites = corpus_sites();
    for (const auto& site_case : sites) {
        CAPTURE(site_case.name);
        readers::ReaderOptions ro;
        ro.pages = true;
        // A migration keeps everything: drafts, unpublished and future posts are written (as
        // drafts, or dated ahead) and Hugo must still build cleanly and publish exactly Jekyll's set.
        ro.drafts = true;
        ro.unpublished = true;
        ro.future = true;
        ro.now = ir::DateTime{ir::civil_to_epoch(2026, 11, 25), 0};  // the oracle's pinned time
        ir::Diagnostics diags;
        ir::Site site = readers::read_jekyll_site({site_case.root.string()}, ro, diags);

        test::TempDir dir;
        FolderSink sink(dir.path);
        writers::FolderResources resources(site_case.root);
        std::vector<writers::HugoPlacement> placements;
        writers::write_hugo(site, writers::HugoOptions{}, &resources, sink, diags, &placements);

        std::string cmd = "cd '" + dir.path.string() +
                          "' && HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 hugo --themesDir '" +
                          (test::source_dir() / "tests").string() + "' --theme hugo-theme 2>&1";
        // Not --quiet: Hugo 0.111 then hides its warnings too.
        auto r = test::run_shell(cmd);
        INFO(r.out);
        if (const char* keep = std::getenv("BLOGCONV_KEEP_HUGO")) {
            fs::path to = fs::path(keep) / site_case.name;
            fs::remove_all(to);
            fs::create_directories(to.parent_path());
            fs::copy(dir.path, to, fs::copy_options::recursive);
        }
        CHECK(r.exit_code == 0);
        CHECK(count(r.out, "ERROR") == 0);
        CHECK(count(r.out, "WARN") == 0);

        std::vector<std::string> missing;
        std::size_t published = 0;
        for (const auto& row : read_tsv(site_case.docs_tsv)) {
            if (row.at("published") != "yes") continue;
            ++published;
            if (!fs::exists(dir.path / "public" / fs::u8path(row.at("output_path")))) missing.push_back(row.at("url"));
        }
        for (const auto& m : missing) MESSAGE(site_case.name << ": missing URL " << m);
        CHECK(missing.empty());
        urls_total += published;
        urls_found += published - missing.size();

        std::map<std::string, std::string> source_of;
        for (const auto& p : placements) source_of[p.content_path] = p.source_path;
        for (const auto& entry : sink.content) {
            const std::string& path = entry.first;  // not a structured binding: clang 14's CAPTURE cannot name one
            const std::string& text = entry.second;
            CAPTURE(path);
            std::string prose = outside_code(text);
            std::vector<std::string> raws;
            if (auto it = source_of.find(path); it != source_of.end())
                raws = raw_segments(test::read_file(site_case.root / fs::u8path(it->second)));
            for (const char* needle : {"{%", "{{ site."}) {
                auto bad = unexpected_lines(prose, needle, raws);
                for (const auto& l : bad) MESSAGE(path << ": Liquid left: " << l);
                CHECK(bad.empty());
            }
        }
        bool clean = r.exit_code == 0 && missing.empty() && count(r.out, "WARN") == 0;
        sites_clean += clean;
        summary += "  " + site_case.name + ": " + std::to_string(published - missing.size()) + "/" +
                   std::to_string(published) + " URLs" + (clean ? "" : "  (NOT CLEAN)") + "\n";
    }
    MESSAGE("hugo corpus: " << sites_clean << "/" << sites.size() << " sites clean, " << urls_found << "/"
                            << urls_total << " URLs\n"
                            << summary);
    CHECK(urls_found == urls_total);
}
