// Printing diagnostics the way compilers do: `path:line:col: error: message`, then the source
// line and a caret under the column. Colour only when the stream is a terminal.
#pragma once

#include <ostream>

#include "ir/diagnostic.h"

namespace blogconv::cli {

enum class Verbosity { quiet, normal, verbose };

// Prints `d`; in quiet mode only errors; notes only in verbose mode.
void print_diagnostic(std::ostream& out, const ir::Diagnostic& d, Verbosity verbosity, bool colour);

}  // namespace blogconv::cli
