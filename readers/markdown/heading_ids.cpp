#include "readers/markdown/heading_ids.h"

#include <utf8.h>

#include <cstdint>
#include <iterator>

#include <cstdint>

namespace blogconv::readers::markdown {

namespace {

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Decodes one UTF-8 sequence at `p`; invalid bytes come back as themselves (length 1).
char32_t decode(std::string_view s, std::size_t& p) {
    unsigned char c = static_cast<unsigned char>(s[p]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (p + len > s.size()) len = 1;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[p + k]) & 0x3F);
    p += len;
    return cp;
}

// UTF-8 encoding by utfcpp (Debian's libutfcpp-dev) rather than by hand.
void encode(char32_t cp, std::string& out) { utf8::unchecked::append(static_cast<std::uint32_t>(cp), std::back_inserter(out)); }

// Ruby's String#downcase for the scripts blog headings use (Latin, Greek, Cyrillic, fullwidth).
char32_t to_lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c < 0xC0) return c;
    if (c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x100 && c <= 0x137) return c | 1;
    if (c >= 0x139 && c <= 0x148) return (c & 1) ? c + 1 : c;
    if (c >= 0x14A && c <= 0x177) return c | 1;
    if (c == 0x178) return 0xFF;
    if (c >= 0x179 && c <= 0x17E) return (c & 1) ? c + 1 : c;
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 37;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 63;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    if (c >= 0xFF21 && c <= 0xFF3A) return c + 32;
    return c;
}

}  // namespace

// By excluding the punctuation and symbol blocks blog text actually contains.
bool unicode_word(char32_t c) {
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c <= 0x206F) return c == 0x203F || c == 0x2040 || c == 0x2054;
    if (c >= 0x20A0 && c <= 0x20CF) return false;
    if (c >= 0x2190 && c <= 0x23FF) return false;
    if (c >= 0x2500 && c <= 0x27BF) return false;
    if (c >= 0x2900 && c <= 0x2BFF) return false;
    if (c >= 0x2E00 && c <= 0x2E7F) return false;
    if (c >= 0x3000 && c <= 0x303F)
        return c == 0x3005 || c == 0x3006 || c == 0x3007 || (c >= 0x3021 && c <= 0x302F) ||
               (c >= 0x3031 && c <= 0x3035) || (c >= 0x3038 && c <= 0x303C);
    if (c == 0x30FB) return false;
    if (c >= 0xE000 && c <= 0xF8FF) return false;
    if (c >= 0xFE10 && c <= 0xFE6F) return c == 0xFE33 || c == 0xFE34 || (c >= 0xFE4D && c <= 0xFE4F);
    if (c >= 0xFF01 && c <= 0xFF0F) return false;
    if (c >= 0xFF1A && c <= 0xFF20) return false;
    if (c >= 0xFF3B && c <= 0xFF40) return c == 0xFF3F;
    if (c >= 0xFF5B && c <= 0xFF65) return false;
    if (c >= 0xFFE0 && c <= 0xFFFF) return false;
    if (c >= 0x1F000 && c <= 0x1FAFF) return false;
    if (c == 0x060C || c == 0x061B || c == 0x061F || (c >= 0x066A && c <= 0x066D) || c == 0x06D4) return false;
    if (c == 0x0964 || c == 0x0965) return false;
    return true;
}

std::string kramdown_basic_id(std::string_view raw) {
    std::size_t p = 0;
    while (p < raw.size() && !ascii_alpha(raw[p])) ++p;
    std::string id;
    id.reserve(raw.size() - p);
    for (; p < raw.size(); ++p) {
        char c = raw[p];
        if (ascii_alpha(c)) id += static_cast<char>(c | 0x20);
        else if (ascii_digit(c) || c == '-') id += c;
        else if (c == ' ') id += '-';
    }
    return id;
}

std::string gfm_basic_id(std::string_view text) {
    std::string id;
    id.reserve(text.size());
    std::size_t p = 0;
    while (p < text.size()) {
        char32_t c = to_lower(decode(text, p));
        if (c < 0x80) {
            char a = static_cast<char>(c);
            if (ascii_alpha(a) || ascii_digit(a) || a == '_' || a == '-') id += a;
            else if (a == ' ' || a == '\t') id += '-';
        } else if (unicode_word(c)) {
            encode(c, id);
        }
    }
    return id;
}

std::string HeadingIdGenerator::next(std::string_view raw) {
    if (input_ == MarkdownInput::gfm) {
        // The GFM parser counts every base id, and suffixes from the second one on.
        std::string id = gfm_basic_id(raw);
        auto [it, inserted] = used_.try_emplace(id, 0);
        if (!inserted) id += "-" + std::to_string(++it->second);
        return id;
    }
    std::string id = kramdown_basic_id(raw);
    if (id.empty()) id = "section";
    auto [it, inserted] = used_.try_emplace(id, 0);
    if (!inserted) id += "-" + std::to_string(++it->second);
    return id;
}

}  // namespace blogconv::readers::markdown
