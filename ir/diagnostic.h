// Diagnostics: what went wrong or looks odd, and where, like a compiler says it.
//
// The library only collects them; cli/ prints them (`path:line:col: error: …` with the source
// line and a caret) and maps them to exit codes.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "ir/diagnostic_codes.h"

namespace blogconv::ir {

enum class Severity { note, warning, error };

struct Diagnostic {
    // Every diagnostic names its kind: there is no default, so one cannot be made without a code.
    Diagnostic(DiagnosticCode code_, Severity severity_, std::string file_, int line_, int col_, std::string message_,
               std::string source_line_ = {})
        : severity(severity_), file(std::move(file_)), line(line_), col(col_), message(std::move(message_)),
          source_line(std::move(source_line_)), code(code_) {}

    Severity severity = Severity::error;
    std::string file;         // as the user named it (relative to where they pointed us)
    int line = 0;             // 1-based; 0 = the whole file
    int col = 0;              // 1-based, in bytes; 0 = unknown
    std::string message;      // what, and how to fix it
    std::string source_line;  // the offending line, for the caret display (may be empty)
    DiagnosticCode code;      // the stable code of this kind of diagnostic (ir/diagnostic_codes.h)
    bool operator==(const Diagnostic&) const = default;
};

// A thread-safe collector. Readers run posts in parallel; each post gathers its own list and
// the site reader appends them in document order, so output is the same for any -j.
class Diagnostics {
public:
    void add(Diagnostic d);
    void add_all(const std::vector<Diagnostic>& ds);
    std::vector<Diagnostic> items() const;
    std::size_t count(Severity s) const;
    std::size_t errors() const { return count(Severity::error); }

private:
    mutable std::mutex mu_;
    std::vector<Diagnostic> items_;
};

const char* severity_name(Severity s);

}  // namespace blogconv::ir
