// Helpers shared by the unit tests: where ../shared is, reading files, running the CLI.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ir/body.h"

namespace blogconv::test {

// The shared corpus folder (../shared beside the project, or $BLOGCONV_SHARED). When it is
// missing: under CI (CI set) the test fails loudly; elsewhere the caller may skip with a message.
std::filesystem::path shared_dir();
bool have_shared();
// Fails the current test with a clear message when ../shared is missing and CI is set;
// returns false (caller returns early, and the test is reported as skipped via a warning)
// when it is missing locally.
bool require_shared();

std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& content);

// A fresh empty temporary folder, removed when the object dies.
struct TempDir {
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path path;
};

struct RunResult {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};
// Runs the built blogconv binary with `args` (each passed as one argument, no shell).
RunResult run_blogconv(const std::vector<std::string>& args);
// One run of the binary, measured: how it ended, and its own peak memory.
struct Measured {
    int exit_code = -1;  // -1 when a signal ended it
    int signal = 0;      // the signal that ended it (through a shell a crash is only "exit 139")
    std::string out;
    std::string err;
    long peak_kib = -1;  // the run's peak resident set, in KiB
};
// Runs blogconv with `args` (no shell) from a child process of its own, so that the peak memory
// (getrusage RUSAGE_CHILDREN) is this run's alone, not that of an earlier child of the test
// program. With `timeout_seconds`, a run still going then is killed (SIGKILL, seen as `signal`):
// a regression to an endless loop fails the test instead of hanging the suite.
Measured run_measured(const std::vector<std::string>& args, int timeout_seconds = 0);
// 1 GiB in KiB: issue 18's bound on any hostile input's peak memory with the default limits.
constexpr long one_gib_kib = 1024L * 1024L;
// Runs a command line through /bin/sh.
RunResult run_shell(const std::string& command);

std::filesystem::path source_dir();

// Set by `--accept` on a test program's command line (or BLOGCONV_ACCEPT=1): golden tests write
// what they produce as the new golden files instead of comparing (tests/golden/README.md).
extern bool accept_golden;

// A body tree as the JSON writer prints it (from `"body"` on, at most `max_chars` characters):
// tests show it when two trees differ.
std::string body_as_json(const ir::Blocks& blocks, std::size_t max_chars = std::string::npos);

}  // namespace blogconv::test
