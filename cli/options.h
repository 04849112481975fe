// The command line's one definition: every option, its help text, its choices, the examples and
// the exit codes. `blogconv --help`, the man page and the shell completions are all generated
// from what `define_command_line` builds, so they cannot disagree.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "readers/limits.h"

namespace blogconv::cli {

// Documented exit codes (README, --help, the man page).
constexpr int exit_ok = 0;           // everything converted (check: no errors)
constexpr int exit_some_failed = 1;  // output written, but some documents had errors (check: errors found)
constexpr int exit_fatal = 2;        // usage error, unreadable input or output that could not be written

// Every value the command line can set, with its default. Filled by CLI11 while parsing.
struct Settings {
    std::vector<std::string> sources;  // SOURCE…: a site root, a folder of posts, or post files
    std::string from = "jekyll";       // --from: a reader name or alias from readers/registry.cpp
    std::string to;                    // --to: a writer name or alias from writers/registry.cpp
    std::string output;                // -o: a file, a folder, or "-"/"" for standard output
    bool list_formats = false;
    bool drafts = false, future = false, unpublished = false;
    bool strict = false, force = false, quiet = false, verbose = false;
    std::size_t limit = 0;  // 0 = all
    std::string since, until;
    std::vector<std::string> tags, categories;
    unsigned jobs = 0;  // 0 = one per core
    // Limits on hostile input (readers/limits.h holds the defaults).
    readers::Limits limits;
    // Feeds: --per-tag DIR / --per-category DIR, one more feed per tag / category.
    std::string per_tag, per_category;
    // The writers' own options (writers/option_spec.h), by long name, as typed; a flag's value is
    // "true". Which were given is asked from CLI11 (`count`), not from the value.
    std::map<std::string, std::string> writer_values;
    std::map<std::string, bool> writer_flags;
    // `blogconv check`: diagnostics as "text" (like a compiler) or "json".
    std::string check_format = "text";
    // `blogconv check --to FORMAT`: also run that writer (into nothing) for its diagnostics.
    std::string check_to;
    // `blogconv check --warnings-as-errors`.
    bool check_werror = false;
};

// One example command line, for --help's footer and the man page's EXAMPLES.
struct Example {
    std::string command;
    std::string explanation;
};

// What the documentation generators need besides CLI11's own option list.
struct CommandLine {
    CLI::App* check = nullptr;  // the `check` subcommand
    // Long option name (without "--") -> the values it accepts, for completions and the man page.
    std::map<std::string, std::vector<std::string>> choices;
    // Long option names whose value is a file (completions offer files); SOURCE takes files too.
    std::vector<std::string> file_options;
    // Long option names whose value is a folder or a file (-o).
    std::vector<std::string> path_options;
};

const std::vector<Example>& examples();
// (code, meaning) for every exit code.
const std::vector<std::pair<int, std::string>>& exit_codes();
// The one-line summary shown at the top of --help and in the man page's NAME.
const char* summary();

// Defines every option of `app` (and the `check` subcommand), storing values into `settings`,
// which must outlive the parse. Also sets the description and the footer.
CommandLine define_command_line(CLI::App& app, Settings& settings);

// "blogconv 0.1.0+g1234abc" style version string, fixed at configure time.
const char* version();

}  // namespace blogconv::cli
