// Making one diagnostic (ir/diagnostic.h) in a line: the readers report at file:line:col, with
// the offending source line when they have it.
#pragma once

#include <string>
#include <utility>

#include "ir/diagnostic.h"
#include "ir/guarded_reader.h"

namespace blogconv::readers {

// An error unless `severity` says otherwise; line and col 0 mean "the whole file" and "unknown".
inline ir::Diagnostic make_diagnostic(ir::DiagnosticCode code, const std::string& file, int line, int col,
                                      std::string message, std::string source_line = {},
                                      ir::Severity severity = ir::Severity::error) {
    return ir::Diagnostic(code, severity, file, line, col, std::move(message), std::move(source_line));
}

// The kind of a site file that could not be read, from the guarded reader's reason: a file over
// --max-file-size is a limit like any other, a FIFO or device is never opened.
inline ir::DiagnosticCode unreadable_file_code(ir::ReadStatus status) {
    switch (status) {
        case ir::ReadStatus::too_large: return ir::DiagnosticCode::limit_file_size;
        case ir::ReadStatus::not_regular_file: return ir::DiagnosticCode::special_file;
        default: return ir::DiagnosticCode::file_unreadable;
    }
}

}  // namespace blogconv::readers
