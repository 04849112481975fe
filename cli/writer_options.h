// Applies the writer options the user gave (--css, --cover, --front-matter, …) to the chosen
// writer, through the writer's own option table (writers/option_spec.h).
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/options.h"
#include "writers/registry.h"

namespace blogconv::cli {

// Every writer option given on the command line is applied to `options` by `writer`'s table.
// An option the writer does not read, a file that cannot be read (OptionKind::file: the CLI
// reads it, writers never open files) or a value the table refuses is reported on `err`, and
// false is returned: the run must stop (exit 2) before anything is read.
bool apply_writer_options(const CLI::App& app, const Settings& settings, const writers::WriterInfo& writer,
                          writers::WriterOptions& options, std::ostream& err);

}  // namespace blogconv::cli
