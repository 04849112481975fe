#include "cli/diagnostic_printer.h"

#include <string>

#include "cli/terminal_text.h"

namespace blogconv::cli {

void print_diagnostic(std::ostream& out, const ir::Diagnostic& d, Verbosity verbosity, bool colour) {
    if (verbosity == Verbosity::quiet && d.severity != ir::Severity::error) return;
    if (verbosity != Verbosity::verbose && d.severity == ir::Severity::note) return;
    const char* bold = colour ? "\x1b[1m" : "";
    const char* reset = colour ? "\x1b[0m" : "";
    const char* sev_colour = "";
    if (colour) {
        switch (d.severity) {
            case ir::Severity::error: sev_colour = "\x1b[1;31m"; break;
            case ir::Severity::warning: sev_colour = "\x1b[1;35m"; break;
            case ir::Severity::note: sev_colour = "\x1b[1;36m"; break;
        }
    }
    // Everything from the site passes through terminal_safe here, the one place every printed
    // diagnostic goes through: a file name or title holding ESC [ … must not drive the terminal.
    out << bold << (d.file.empty() ? std::string("blogconv") : terminal_safe(d.file));
    if (d.line > 0) {
        out << ':' << d.line;
        if (d.col > 0) out << ':' << d.col;
    }
    out << ':' << reset << ' ' << sev_colour << ir::severity_name(d.severity) << ':' << reset << ' '
        << terminal_safe(d.message);
    out << " [" << ir::code_name(d.code) << ']';
    out << '\n';
    if (!d.source_line.empty()) {
        out << "  " << terminal_safe(d.source_line) << '\n';
        if (d.col > 0) {
            std::string pad;
            // Keep tabs so the caret lines up under tab-indented source, and a column per character
            // of an escaped control character.
            for (int i = 1; i < d.col && static_cast<std::size_t>(i - 1) < d.source_line.size(); ++i) {
                unsigned char c = static_cast<unsigned char>(d.source_line[static_cast<std::size_t>(i - 1)]);
                if (c == '\t') pad += '\t';
                else pad.append(static_cast<std::size_t>(terminal_width_of_ascii(c)), ' ');
            }
            out << "  " << pad << (colour ? "\x1b[1;32m^\x1b[0m" : "^") << '\n';
        }
    }
}

}  // namespace blogconv::cli
