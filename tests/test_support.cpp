#include "tests/test_support.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "ir/site.h"
#include "writers/json_writer.h"

namespace fs = std::filesystem;

extern char** environ;

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

RunResult run_blogconv(const std::vector<std::string>& args) {
    std::string cmd = quote(BLOGCONV_BINARY);
    for (const auto& a : args) cmd += " " + quote(a);
    return run_shell(cmd);
}

namespace {
volatile pid_t measured_child = 0;
void kill_measured_child(int) {
    if (measured_child > 0) ::kill(measured_child, SIGKILL);
}
}  // namespace

Measured run_measured(const std::vector<std::string>& args, int timeout_seconds) {
    TempDir tmp;
    const fs::path out = tmp.path / "out", err = tmp.path / "err", result = tmp.path / "result";
    const pid_t runner = ::fork();
    if (runner < 0) throw std::runtime_error("fork failed");
    if (runner == 0) {
        // The runner: spawns blogconv, waits for it, and writes how it ended. Being a fresh
        // process, its RUSAGE_CHILDREN covers that one run only.
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        std::vector<std::string> argv_strings{BLOGCONV_BINARY};
        argv_strings.insert(argv_strings.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : argv_strings) argv.push_back(a.data());
        argv.push_back(nullptr);
        pid_t pid = 0;
        if (posix_spawn(&pid, BLOGCONV_BINARY, &actions, nullptr, argv.data(), environ) != 0) ::_exit(3);
        measured_child = pid;
        if (timeout_seconds > 0) {
            std::signal(SIGALRM, kill_measured_child);
            ::alarm(static_cast<unsigned>(timeout_seconds));
        }
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        rusage ru{};
        ::getrusage(RUSAGE_CHILDREN, &ru);
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        const int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        std::ofstream(result) << code << " " << sig << " " << ru.ru_maxrss;
        ::_exit(0);
    }
    int status = 0;
    while (::waitpid(runner, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("cannot run " BLOGCONV_BINARY);
    Measured m;
    std::istringstream(read_file(result)) >> m.exit_code >> m.signal >> m.peak_kib;
    m.out = read_file(out);
    m.err = read_file(err);
    return m;
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
