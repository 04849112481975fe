// `blogconv check SITE`: read everything, write nothing, report every diagnostic — what CI runs
// before a deploy.
#pragma once

#include <ostream>
#include <vector>

#include "cli/options.h"
#include "ir/diagnostic.h"

namespace blogconv::cli {

// Runs the check described by `settings` (sources, reading flags, check_format, check_to,
// check_werror). Text diagnostics go to `err` as a conversion prints them; JSON goes to `out`.
// Returns exit_ok, exit_some_failed (errors, or warnings with --warnings-as-errors) or exit_fatal.
int run_check(const Settings& settings, std::ostream& out, std::ostream& err);

// The diagnostics as one JSON document:
// {"documents": N, "errors": E, "warnings": W,
//  "diagnostics": [{"file", "line", "col", "severity", "message"}, …]}
// line and col are 0 when unknown, as in ir::Diagnostic.
std::string diagnostics_json(const std::vector<ir::Diagnostic>& diagnostics, std::size_t documents);

}  // namespace blogconv::cli
