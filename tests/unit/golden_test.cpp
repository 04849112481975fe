// Golden outputs: every registered format for samples/, compared byte for byte with the files
// under tests/golden/ (pandoc's golden tests). A refactor that changes any output fails here and
// shows the diff; a change meant to alter output regenerates them with `golden_test --accept`
// and the diff is reviewed by eye before it is committed (tests/golden/README.md).
//
// The seed post lives in ../shared, whose text must not be copied into the project, so its
// golden is one SHA-256 per output file: a change is still caught, and the failure message
// says which file changed and where the new output was left for a look.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_support.h"
#include "writers/registry.h"

namespace fs = std::filesystem;
using namespace blogconv;
using namespace blogconv::test;

namespace {

// A fixed clock, after every sample post (2026-02-07 is the newest), so future-dated filtering
// and `updated` stamps do not depend on the day the test runs.
constexpr const char* source_date_epoch = "1790000000";  // 2026-09-21

std::string sh_quote(const fs::path& p) {
    std::string out = "'";
    for (char c : p.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Every regular file under `root`, relative, in byte order.
std::vector<std::string> files_under(const fs::path& root) {
    std::vector<std::string> out;
    if (fs::is_regular_file(root)) return {""};
    if (!fs::is_directory(root)) return out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) out.push_back(fs::relative(e.path(), root).generic_string());
    std::sort(out.begin(), out.end());
    return out;
}

// What one format writes for `site`, as a tree under `dest`: a folder format's folder, an EPUB
// unpacked (with its member order in `_members.txt`), or the one output file at `dest` itself.
struct Produced {
    int exit_code = -1;
    std::string err;
};
Produced produce(const writers::WriterInfo& w, const fs::path& site, const fs::path& dest,
                 const std::vector<std::string>& extra = {}) {
    // Run from the folder that holds the site, naming it by its bare name: the output then
    // records no absolute path (the JSON dump's `root`), wherever the tree was checked out.
    fs::create_directories(dest.parent_path());
    const bool epub = w.extension == ".epub";
    fs::path out = epub ? fs::path(dest.string() + ".zip") : dest;
    std::string cmd = "cd " + sh_quote(site.parent_path()) + " && SOURCE_DATE_EPOCH=" + std::string(source_date_epoch) +
                      " " + sh_quote(BLOGCONV_BINARY) + " " + sh_quote(site.filename()) + " --to " + w.name + " -o " +
                      sh_quote(out);
    for (const auto& a : extra) cmd += " " + sh_quote(a);
    RunResult r = run_shell(cmd);
    if (epub && r.exit_code == 0) {
        fs::create_directories(dest);
        RunResult list = run_shell("unzip -Z1 " + sh_quote(out));
        REQUIRE_MESSAGE(list.exit_code == 0, list.err);
        write_file(dest / "_members.txt", list.out);
        RunResult unpack = run_shell("unzip -q -o " + sh_quote(out) + " -d " + sh_quote(dest));
        REQUIRE_MESSAGE(unpack.exit_code == 0, unpack.err);
        fs::remove(out);
    }
    return {r.exit_code, r.err};
}

// A copy of `site` under `into`, every file's modification time set to the fixed clock: a
// draft is dated by its file's mtime (as Jekyll does), which a fresh clone sets to the moment of
// the checkout.
fs::path stable_copy(const fs::path& site, const fs::path& into) {
    fs::path copy = into / site.filename();
    fs::create_directories(into);
    fs::copy(site, copy, fs::copy_options::recursive);
    const auto fixed = std::chrono::file_clock::from_sys(
        std::chrono::sys_seconds(std::chrono::seconds(std::stoll(source_date_epoch))));
    for (const auto& e : fs::recursive_directory_iterator(copy))
        if (e.is_regular_file()) fs::last_write_time(e.path(), fixed);
    return copy;
}

// The golden path of one format: a folder for folder formats and EPUB, else name + extension.
fs::path golden_path(const fs::path& dir, const writers::WriterInfo& w) {
    if (w.writes_folder || w.extension == ".epub") return dir / w.name;
    return dir / (w.name + w.extension);
}

void replace_tree(const fs::path& from, const fs::path& to) {
    fs::remove_all(to);
    fs::create_directories(to.parent_path());
    if (fs::is_directory(from))
        fs::copy(from, to, fs::copy_options::recursive);
    else
        fs::copy_file(from, to);
}

// Compares the produced tree with its golden: the same files, byte for byte. Each difference is
// reported with the start of `diff -u`.
void compare_tree(const fs::path& golden, const fs::path& actual, const std::string& label) {
    auto want = files_under(golden);
    auto got = files_under(actual);
    REQUIRE_MESSAGE(!want.empty(), label << ": no golden at " << golden.string()
                                         << " (run golden_test --accept and review the new files)");
    CHECK_MESSAGE(want == got, label << ": the output's files differ from the golden's");
    int shown = 0;
    for (const auto& rel : want) {
        if (std::find(got.begin(), got.end(), rel) == got.end()) continue;
        fs::path g = rel.empty() ? golden : golden / rel;
        fs::path a = rel.empty() ? actual : actual / rel;
        if (read_file(g) == read_file(a)) continue;
        std::string diff;
        if (shown++ < 3) diff = run_shell("diff -u " + sh_quote(g) + " " + sh_quote(a) + " | head -n 40").out;
        CHECK_MESSAGE(false, label << ": " << (rel.empty() ? g.filename().string() : rel)
                                   << " differs from its golden\n"
                                   << diff);
    }
}

// "<sha256>  <relative path>" for every file of a produced tree, as sha256sum prints it.
std::string digests(const fs::path& actual) {
    std::string out;
    for (const auto& rel : files_under(actual)) {
        fs::path f = rel.empty() ? actual : actual / rel;
        RunResult r = run_shell("sha256sum < " + sh_quote(f));
        REQUIRE(r.exit_code == 0);
        out += r.out.substr(0, 64) + "  " + (rel.empty() ? f.filename().string() : rel) + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("every format of samples/ is byte for byte its golden") {
    const fs::path golden_dir = source_dir() / "tests" / "golden" / "samples";
    TempDir tmp;
    const fs::path site = stable_copy(source_dir() / "samples", tmp.path / "in");
    for (const auto& w : writers::all_writers()) {
        CAPTURE(w.name);
        fs::path actual = golden_path(tmp.path, w);
        Produced p = produce(w, site, actual);
        // samples/ is the clean site: it converts with no diagnostic at all.
        CHECK(p.exit_code == 0);
        CHECK(p.err == "");
        if (accept_golden) {
            replace_tree(actual, golden_path(golden_dir, w));
            MESSAGE("accepted " << golden_path(golden_dir, w).string());
            continue;
        }
        compare_tree(golden_path(golden_dir, w), actual, w.name);
    }
}

TEST_CASE("every format of the seed post has the golden digests") {
    if (!require_shared()) return;
    const fs::path golden = source_dir() / "tests" / "golden" / "seed-post.sha256";
    // The seed post has no `url:`; the feeds need one (and only they take --site-url).
    auto extra = [](const writers::WriterInfo& w) {
        return writers::find_option(w, "site-url") ? std::vector<std::string>{"--site-url", "https://seed.example"}
                                                   : std::vector<std::string>{};
    };
    // Written in this run's own folder (other checkouts may run this test at the same moment),
    // and kept when a digest differs, for a look: the test prints where.
    TempDir tmp;
    const fs::path keep = tmp.path / "out";
    const fs::path site = stable_copy(shared_dir() / "corpus" / "seed-post", tmp.path / "in");
    std::string all;
    for (const auto& w : writers::all_writers()) {
        CAPTURE(w.name);
        fs::path actual = golden_path(keep, w);
        Produced p = produce(w, site, actual, extra(w));
        CHECK(p.exit_code == 0);
        CHECK(p.err == "");
        std::istringstream lines(digests(actual));
        for (std::string line; std::getline(lines, line);) all += w.name + " " + line + "\n";
    }
    if (accept_golden) {
        write_file(golden, all);
        MESSAGE("accepted " << golden.string());
        return;
    }
    std::string want = read_file(golden);
    CHECK_MESSAGE(want == all, "the seed post's output changed; `diff` the digests:\n--- golden\n"
                                   << want << "--- now\n"
                                   << all);
    if (want != all) {
        const fs::path kept = fs::temp_directory_path() / ("blogconv-golden-seed-post-" + std::to_string(::getpid()));
        fs::remove_all(kept);
        fs::copy(keep, kept, fs::copy_options::recursive);
        MESSAGE("the new output is kept in " << kept.string());
    }
}
