// The man page, generated from the same CLI11 definition as --help (cli/options.cpp), so the two
// never disagree. The build runs `blogconv-docgen man` to write blogconv.1.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "cli/options.h"

namespace blogconv::cli {

// blogconv(1) in roff (man(7) macros): NAME, SYNOPSIS, DESCRIPTION, OPTIONS (grouped as in
// --help), COMMANDS (check), FORMATS (from the writer registry), EXAMPLES, EXIT STATUS,
// ENVIRONMENT. No date in the header, so the page is reproducible.
std::string man_page(const CLI::App& app, const CommandLine& command_line);

// `text` escaped for roff: backslashes, hyphens (so they render and search as ASCII '-') and
// a leading '.' or '\''.
std::string roff_escape(const std::string& text);

}  // namespace blogconv::cli
