// Making one diagnostic (ir/diagnostic.h) in a line: the readers report at file:line:col, with
// the offending source line when they have it.
#pragma once

#include <string>
#include <utility>

#include "ir/diagnostic.h"

namespace blogconv::readers {

// An error unless `severity` says otherwise; line and col 0 mean "the whole file" and "unknown".
inline ir::Diagnostic make_diagnostic(ir::DiagnosticCode code, const std::string& file, int line, int col,
                                      std::string message, std::string source_line = {},
                                      ir::Severity severity = ir::Severity::error) {
    return ir::Diagnostic(code, severity, file, line, col, std::move(message), std::move(source_line));
}

}  // namespace blogconv::readers
