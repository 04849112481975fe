// `blogconv check SITE`: reads everything, writes nothing, lists every problem with file:line,
// and says so in its exit code; `--format json` for programs.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "ir/diagnostic_codes.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using namespace blogconv::test;
using nlohmann::json;

namespace {

// One hostile site: each post (or page) holds exactly one problem a CI check must catch.
struct Problem {
    std::string file;     // relative to the site
    std::string content;  // the file's bytes
    int line;             // where the diagnostic must point
};

const std::vector<Problem>& problems() {
    static const std::vector<Problem> list = {
        {"_posts/2020-01-01-broken-yaml.md", "---\ntitle: [unclosed\n---\nBody\n", 3},
        {"_posts/2020-01-02-bad-date.md", "---\ntitle: Bad date\ndate: 2020-13-45 99:99\n---\nBody\n", 3},
        {"_posts/2020-01-03-bad-utf8.md", "---\ntitle: Utf\n---\nBody \xff\xfe bad\n", 4},
        {"_posts/2020-01-04-link.md", "---\ntitle: Link\n---\nSee [x]({% post_url 2019-01-01-nope %}).\n", 4},
        // Pages are checked too, although feeds and books never read them.
        {"about.md", "---\ntitle: About\npermalink: /about/\n---\n\n[x]({% post_url nope %})\n", 6},
    };
    return list;
}

void make_hostile_site(const fs::path& site) {
    write_file(site / "_config.yml", "title: Hostile\nurl: https://example.org\n");
    write_file(site / "_posts/2020-02-01-fine.md", "---\ntitle: Fine\n---\nAll good.\n");
    for (const auto& p : problems()) write_file(site / p.file, p.content);
}

std::set<std::string> files_under(const fs::path& root) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) out.insert(fs::relative(e.path(), root).string());
    return out;
}

}  // namespace

TEST_CASE("check on samples/ exits 0 and writes nothing") {
    fs::path samples = source_dir() / "samples";
    auto before = files_under(samples);
    auto r = run_blogconv({"check", samples.string()});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.find("0 error(s)") != std::string::npos);
    CHECK(files_under(samples) == before);
}

TEST_CASE("check lists every problem of a hostile site with file:line and exits 1") {
    TempDir tmp;
    make_hostile_site(tmp.path);
    auto before = files_under(tmp.path);
    auto r = run_blogconv({"check", tmp.path.string()});
    CHECK(r.exit_code == 1);
    for (const auto& p : problems()) {
        std::string where = p.file + ":" + std::to_string(p.line) + ":";
        CHECK_MESSAGE(r.err.find(where) != std::string::npos, where << " missing from:\n" << r.err);
    }
    CHECK(r.err.find("5 error(s)") != std::string::npos);
    CHECK(files_under(tmp.path) == before);
}

TEST_CASE("check --format json gives file, line, col, severity and message for each problem") {
    TempDir tmp;
    make_hostile_site(tmp.path);
    auto r = run_blogconv({"check", tmp.path.string(), "--format", "json"});
    CHECK(r.exit_code == 1);
    json j = json::parse(r.out);
    CHECK(j["errors"] == problems().size());
    REQUIRE(j["diagnostics"].is_array());
    for (const auto& p : problems()) {
        bool found = false;
        for (const auto& d : j["diagnostics"]) {
            for (const char* key : {"file", "line", "col", "severity", "message"}) CHECK(d.contains(key));
            std::string file = d["file"];
            if (file.size() >= p.file.size() && file.compare(file.size() - p.file.size(), p.file.size(), p.file) == 0 &&
                d["line"] == p.line && d["severity"] == "error" && !d["message"].get<std::string>().empty())
                found = true;
        }
        CHECK_MESSAGE(found, p.file << ":" << p.line << " not in " << r.out);
    }
}

TEST_CASE("check reports what a conversion reports") {
    TempDir tmp;
    make_hostile_site(tmp.path);
    // The JSON dump reads pages too, so it meets every problem the check meets.
    auto convert = run_blogconv({tmp.path.string(), "--to", "json", "-o", (tmp.path / "out.json").string()});
    fs::remove(tmp.path / "out.json");
    auto check = run_blogconv({"check", tmp.path.string()});
    auto diagnostic_lines = [](const std::string& err) {
        std::set<std::string> lines;
        std::size_t start = 0;
        while (start < err.size()) {
            std::size_t end = err.find('\n', start);
            if (end == std::string::npos) end = err.size();
            std::string line = err.substr(start, end - start);
            if (line.find(": error: ") != std::string::npos || line.find(": warning: ") != std::string::npos)
                lines.insert(line);
            start = end + 1;
        }
        return lines;
    };
    CHECK(convert.exit_code == 1);
    CHECK(diagnostic_lines(check.err) == diagnostic_lines(convert.err));
}

TEST_CASE("check --to runs the writer for its diagnostics; --warnings-as-errors makes warnings fail") {
    TempDir tmp;
    write_file(tmp.path / "_config.yml", "title: Images\n");
    write_file(tmp.path / "_posts/2020-01-01-img.md", "---\ntitle: Img\n---\n![x](/assets/missing.png)\n");
    struct Case {
        std::vector<std::string> extra;
        int exit_code;
        bool mentions_image;
    };
    for (const Case& c : {Case{{}, 0, false}, Case{{"--to", "epub"}, 0, true},
                          Case{{"--to", "epub", "--warnings-as-errors"}, 1, true}}) {
        std::vector<std::string> args = {"check", tmp.path.string()};
        args.insert(args.end(), c.extra.begin(), c.extra.end());
        auto r = run_blogconv(args);
        CHECK(r.exit_code == c.exit_code);
        CHECK((r.err.find("missing.png") != std::string::npos) == c.mentions_image);
        CHECK(!fs::exists(tmp.path / "_site"));
    }
}

TEST_CASE("check usage errors exit 2") {
    TempDir tmp;
    CHECK(run_blogconv({"check"}).exit_code == 2);
    CHECK(run_blogconv({"check", (tmp.path / "nope").string()}).exit_code == 2);
    CHECK(run_blogconv({"check", tmp.path.string(), "--format", "xml"}).exit_code == 2);
}

TEST_CASE("a diagnostic carries its stable code: after the message in text, as \"code\" in JSON") {
    TempDir tmp;
    write_file(tmp.path / "_config.yml", "title: T\n");
    write_file(tmp.path / "_posts/2020-01-01-open.md", "---\ntitle: Open\n---\n{% if x %}\nnever closed\n");
    write_file(tmp.path / "_posts/2020-01-02-tag.md", "---\ntitle: Tag\n---\n{% gist abc %}\n");
    auto text = run_blogconv({"check", tmp.path.string()});
    CHECK(text.exit_code == 1);
    CHECK(text.err.find("2020-01-01-open.md:4:1: error: '{% if %}' is never closed; add '{% endif %}' [BC1201]\n") !=
          std::string::npos);
    CHECK(text.err.find("2020-01-02-tag.md:4:1: warning: unknown Liquid tag 'gist' (a plugin's?); it is kept as an "
                        "unsupported node [BC1213]\n") != std::string::npos);
    auto j = json::parse(run_blogconv({"check", tmp.path.string(), "--format", "json"}).out);
    std::set<std::string> codes;
    for (const auto& d : j["diagnostics"]) {
        REQUIRE(d.contains("code"));
        REQUIRE(d["code"].is_string());  // every diagnostic has one
        codes.insert(d["code"].get<std::string>());
    }
    CHECK(codes == std::set<std::string>{"BC1201", "BC1213"});
}

// The codes are a published interface: each has its own number, and docs/diagnostics.md tells a
// user what each one means. Read from the header itself, so a new code cannot be left out.
TEST_CASE("every diagnostic code has its own number and is documented") {
    const std::string header = read_file(std::filesystem::path(BLOGCONV_SOURCE_DIR) / "ir/diagnostic_codes.h");
    const std::string docs = read_file(std::filesystem::path(BLOGCONV_SOURCE_DIR) / "docs/diagnostics.md");
    std::map<int, std::string> by_number;
    std::istringstream lines(header.substr(header.find("enum class DiagnosticCode")));
    for (std::string line; std::getline(lines, line);) {
        // `    name = 1234,  // meaning`
        const std::size_t eq = line.find(" = ");
        if (eq == std::string::npos || line.find("//") < eq) continue;
        const std::string name = line.substr(line.find_first_not_of(' '), eq - line.find_first_not_of(' '));
        const int number = std::stoi(line.substr(eq + 3));
        CAPTURE(name);
        CHECK(by_number.emplace(number, name).second);
        CHECK(docs.find("| BC" + std::to_string(number) + " | `" + name + "` |") != std::string::npos);
        CHECK(blogconv::ir::code_name(static_cast<blogconv::ir::DiagnosticCode>(number)) == "BC" + std::to_string(number));
    }
    CHECK(by_number.size() >= 59);  // the scan found the whole table
}
