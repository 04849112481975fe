// Text from a site (file names, front matter, quoted source lines) on its way to a terminal.
#pragma once

#include <string>
#include <string_view>

namespace blogconv::cli {

// `text` with everything a terminal would act on made visible: C0 controls but the tab, and DEL,
// as `\x1b`; C1 controls (U+0080–U+009F, which some terminals take as ESC [ and friends) and the
// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, which reorder what is shown)
// as `\u009b`; bytes that are not UTF-8 as `\xe9`. A newline is escaped too: a file name holding
// one would otherwise print a second, forged diagnostic line. Backslashes are left as they are.
std::string terminal_safe(std::string_view text);

// How many columns terminal_safe(byte) takes for the one byte `c` of ASCII: 4 for a control
// character, else 1 (the caret under a quoted source line stays in its column).
int terminal_width_of_ascii(unsigned char c);

}  // namespace blogconv::cli
