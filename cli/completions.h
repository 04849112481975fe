// Shell completions for bash, zsh and fish, generated from the CLI11 definition (cli/options.cpp)
// and the writer registry, so a new option or format completes without anyone editing a script.
// The build runs `blogconv-docgen bash|zsh|fish` to write them.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "cli/options.h"

namespace blogconv::cli {

// For /usr/share/bash-completion/completions/blogconv.
std::string bash_completion(const CLI::App& app, const CommandLine& command_line);
// For /usr/share/zsh/vendor-completions/_blogconv.
std::string zsh_completion(const CLI::App& app, const CommandLine& command_line);
// For /usr/share/fish/vendor_completions.d/blogconv.fish.
std::string fish_completion(const CLI::App& app, const CommandLine& command_line);

}  // namespace blogconv::cli
