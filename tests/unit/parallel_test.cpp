// Output does not depend on the number of worker threads: -j1 and -j2 give the same bytes for
// every format the registry lists (performance issue: "output identical with -j1 and -jN").
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>

#include "tests/test_support.h"
#include "writers/registry.h"

namespace fs = std::filesystem;
using namespace blogconv::test;

namespace {

// Every file below `root` (or the file itself), by relative path.
std::map<std::string, std::string> snapshot(const fs::path& root) {
    std::map<std::string, std::string> out;
    if (fs::is_regular_file(root)) {
        out[""] = read_file(root);
        return out;
    }
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) out[fs::relative(e.path(), root).generic_string()] = read_file(e.path());
    return out;
}

void check_site(const fs::path& site) {
    for (const auto& w : blogconv::writers::all_writers()) {
        CAPTURE(w.name);
        CAPTURE(site.string());
        TempDir tmp;
        fs::path one = tmp.path / "j1", two = tmp.path / "j2";
        auto a = run_blogconv({site.string(), "--to", w.name, "-o", one.string(), "-j", "1", "-q", "--limit", "0"});
        auto b = run_blogconv({site.string(), "--to", w.name, "-o", two.string(), "-j", "2", "-q", "--limit", "0"});
        REQUIRE(a.exit_code <= 1);
        CHECK(a.exit_code == b.exit_code);
        auto sa = snapshot(one), sb = snapshot(two);
        CHECK(!sa.empty());
        CHECK(sa.size() == sb.size());
        for (const auto& entry : sa) {
            const auto& path = entry.first;  // clang 14: CAPTURE cannot name a structured binding
            const auto& bytes = entry.second;
            CAPTURE(path);
            auto it = sb.find(path);
            REQUIRE(it != sb.end());
            CHECK(bytes == it->second);
        }
        CHECK(a.err == b.err);  // diagnostics come in the same order too
    }
}

}  // namespace

TEST_CASE("-j1 and -j2 give byte-identical output for every format: samples") {
    check_site(source_dir() / "samples");
}

TEST_CASE("-j1 and -j2 give byte-identical output for every format: a large corpus site") {
    if (!require_shared()) return;
    check_site(shared_dir() / "corpus" / "bitcoincore");
}
