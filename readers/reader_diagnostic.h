// Making one diagnostic (ir/diagnostic.h) in a line: the readers report at file:line:col, with
// the offending source line when they have it.
#pragma once

#include <string>
#include <utility>

#include "ir/diagnostic.h"

namespace blogconv::readers {

// An error unless `severity` says otherwise; line and col 0 mean "the whole file" and "unknown".
inline ir::Diagnostic make_diagnostic(const std::string& file, int line, int col, std::string message,
                                      std::string source_line = {}, ir::Severity severity = ir::Severity::error) {
    ir::Diagnostic d;
    d.severity = severity;
    d.file = file;
    d.line = line;
    d.col = col;
    d.message = std::move(message);
    d.source_line = std::move(source_line);
    return d;
}

}  // namespace blogconv::readers
