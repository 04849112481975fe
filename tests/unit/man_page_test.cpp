// The man page and the shell completions are generated from the CLI's own option definition;
// these tests make sure they cover everything --help shows, and that --version answers.
#include <doctest/doctest.h>

#include <cstdlib>

#include <regex>
#include <sstream>
#include <set>

#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace blogconv::test;

namespace {

fs::path build_dir() { return fs::path(BLOGCONV_BINARY).parent_path(); }

// Every "--long-option" in `text`.
std::set<std::string> long_options(const std::string& text) {
    std::set<std::string> out;
    std::regex re("--[a-z][a-z0-9-]*");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        out.insert(it->str());
    return out;
}

// The man page as a reader sees it: roff's "\-" is a plain '-'.
std::string man_text() {
    std::string roff = read_file(build_dir() / "blogconv.1");
    std::string out;
    for (std::size_t i = 0; i < roff.size(); ++i) {
        if (roff[i] == '\\' && i + 1 < roff.size() && roff[i + 1] == '-') continue;
        out += roff[i];
    }
    return out;
}

std::vector<std::string> format_names() {
    auto r = run_blogconv({"--list-formats"});
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start < r.out.size()) {
        std::size_t end = r.out.find('\n', start);
        std::string line = r.out.substr(start, end - start);
        // Section headings ("Output formats (--to):") and the blank line between them name nothing.
        if (line.empty() || line.back() == ':') {
            if (end == std::string::npos) break;
            start = end + 1;
            continue;
        }
        // "json, ir            The document model…": names end at the first word without a comma.
        std::istringstream words(line);
        std::string word;
        while (words >> word) {
            bool more = word.back() == ',';
            if (more) word.pop_back();
            names.push_back(word);
            if (!more) break;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return names;
}

}  // namespace

TEST_CASE("every long option of --help and check --help is in the man page") {
    std::string man = man_text();
    REQUIRE(man.find(".TH BLOGCONV 1") != std::string::npos);
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"}, {"check", "--help"}}) {
        auto help = run_blogconv(args);
        REQUIRE(help.exit_code == 0);
        auto options = long_options(help.out);
        CHECK(options.size() > 5);
        for (const auto& o : options) CHECK_MESSAGE(man.find(o) != std::string::npos, o << " is not in blogconv.1");
    }
}

TEST_CASE("the man page has the examples, exit codes and every format") {
    std::string man = man_text();
    for (const char* section : {".SH EXAMPLES", ".SH EXIT STATUS", ".SH FORMATS", "blogconv check"})
        CHECK_MESSAGE(man.find(section) != std::string::npos, section);
    auto names = format_names();
    CHECK(names.size() >= 8);
    for (const auto& n : names) CHECK_MESSAGE(man.find(n) != std::string::npos, n);
}

TEST_CASE("the completions offer every format and every long option, and parse") {
    auto help = run_blogconv({"--help"}).out;
    auto names = format_names();
    struct Shell {
        const char* file;
        const char* syntax_check;
    };
    for (const Shell& s : {Shell{"completions/blogconv", "bash -n"}, Shell{"completions/_blogconv", "zsh -n"},
                           Shell{"completions/blogconv.fish", "fish -n"}}) {
        fs::path file = build_dir() / s.file;
        std::string text = read_file(file);
        for (const auto& n : names) CHECK_MESSAGE(text.find(n) != std::string::npos, s.file << ": " << n);
        for (const auto& o : long_options(help)) {
            // fish names long options without their dashes ("-l to").
            std::string bare = o.substr(2);
            CHECK_MESSAGE(text.find(bare) != std::string::npos, s.file << ": " << o);
        }
        std::string shell = std::string(s.syntax_check).substr(0, std::string(s.syntax_check).find(' '));
        if (run_shell("command -v " + shell + " >/dev/null").exit_code != 0) {
            // scripts/setup.sh --tests installs every shell; CI must check every file.
            if (const char* ci = std::getenv("CI"); ci && *ci) FAIL(shell << " is not installed; CI must have it");
            MESSAGE("skipping the syntax check of " << s.file << ": " << shell << " is not installed");
            continue;
        }
        auto r = run_shell(std::string(s.syntax_check) + " '" + file.string() + "'");
        CHECK_MESSAGE(r.exit_code == 0, s.file << ": " << r.err);
    }
}

TEST_CASE("--version names the tool and a version") {
    auto r = run_blogconv({"--version"});
    CHECK(r.exit_code == 0);
    CHECK(std::regex_search(r.out, std::regex("^blogconv [0-9]+\\.[0-9]+")));
}
