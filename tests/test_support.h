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
// Runs the built blogconv binary with `args` (each passed as one argument, no shell). With
// `timeout_seconds`, under timeout(1): a run that would never end (a budget's regression) then
// exits 124, which fails any exact exit-code check instead of hanging the suite. No test
// asserts a time.
RunResult run_blogconv(const std::vector<std::string>& args, int timeout_seconds = 0);
// Runs a command line through /bin/sh.
RunResult run_shell(const std::string& command);

std::filesystem::path source_dir();

// A body tree as the JSON writer prints it (from `"body"` on, at most `max_chars` characters):
// tests show it when two trees differ.
std::string body_as_json(const ir::Blocks& blocks, std::size_t max_chars = std::string::npos);

}  // namespace blogconv::test
