#include "cli/terminal_text.h"

#include <cstdio>

namespace blogconv::cli {

namespace {

bool ascii_control(unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7f; }

void append_escape(std::string& out, const char* format, unsigned value) {
    char buf[12];
    std::snprintf(buf, sizeof buf, format, value);
    out += buf;
}

// The length of the UTF-8 sequence at `s[i]` and its code point, or 0 when it is not valid UTF-8.
std::size_t decode(std::string_view s, std::size_t i, unsigned& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    std::size_t n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
    if (c >= 0xf5 || n == 0 || i + n > s.size()) return 0;
    cp = c & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

bool shown_escaped(unsigned cp) {
    return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

int terminal_width_of_ascii(unsigned char c) { return ascii_control(c) ? 4 : 1; }

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        // A run of printable ASCII, appended at once (nearly every message is only that).
        std::size_t run = i;
        while (run < text.size() && static_cast<unsigned char>(text[run]) < 0x80 &&
               !ascii_control(static_cast<unsigned char>(text[run])))
            ++run;
        out.append(text, i, run - i);
        i = run;
        if (i == text.size()) break;
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            append_escape(out, "\\x%02x", c);
            ++i;
            continue;
        }
        unsigned cp = 0;
        std::size_t n = decode(text, i, cp);
        if (n == 0) {
            append_escape(out, "\\x%02x", c);
            ++i;
        } else if (shown_escaped(cp)) {
            append_escape(out, "\\u%04x", cp);
            i += n;
        } else {
            out.append(text, i, n);
            i += n;
        }
    }
    return out;
}

}  // namespace blogconv::cli
