#include "tests/test_support.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "ir/site.h"
#include "writers/json_writer.h"

namespace fs = std::filesystem;

namespace blogconv::test {

fs::path source_dir() { return BLOGCONV_SOURCE_DIR; }

fs::path shared_dir() {
    if (const char* e = std::getenv("BLOGCONV_SHARED"); e && *e) return fs::path(e);
    return source_dir() / ".." / "shared";
}

bool have_shared() { return fs::is_directory(shared_dir() / "corpus") && fs::is_directory(shared_dir() / "oracle"); }

bool require_shared() {
    if (have_shared()) return true;
    const char* ci = std::getenv("CI");
    if (ci && *ci) {
        FAIL("../shared (corpus and oracle) is missing at " << shared_dir().string()
                                                            << ": CI must have it beside the project");
    }
    MESSAGE("skipping: ../shared is missing at " << shared_dir().string());
    return false;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const fs::path& p, const std::string& content) {
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
}

TempDir::TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("blogconv-test-" + std::to_string(rd()) + std::to_string(::getpid()));
    fs::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
}

namespace {
std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) {
        if (c == '\'') q += "'\\''";
        else q += c;
    }
    return q + "'";
}
}  // namespace

RunResult run_shell(const std::string& command) {
    TempDir tmp;
    fs::path out = tmp.path / "out", err = tmp.path / "err";
    std::string full = "(" + command + ") >" + quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null";
    int status = std::system(full.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

RunResult run_blogconv(const std::vector<std::string>& args, int timeout_seconds) {
    std::string cmd = timeout_seconds > 0 ? "timeout " + std::to_string(timeout_seconds) + " " : std::string();
    cmd += quote(BLOGCONV_BINARY);
    for (const auto& a : args) cmd += " " + quote(a);
    return run_shell(cmd);
}

std::string body_as_json(const ir::Blocks& blocks, std::size_t max_chars) {
    ir::Site site;
    ir::Document d;
    d.body = blocks;
    site.documents.push_back(d);
    writers::MemorySink sink;
    ir::Diagnostics diags;
    writers::JsonOptions options;
    options.indent = -1;
    writers::write_json(site, options, sink, diags);
    const std::string& j = sink.files.begin()->second;
    auto p = j.find("\"body\"");
    return p == std::string::npos ? j : j.substr(p, max_chars);
}

}  // namespace blogconv::test
