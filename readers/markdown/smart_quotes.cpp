#include "readers/markdown/smart_quotes.h"

#include "readers/markdown/char_set.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace blogconv::readers::markdown {

namespace {

constexpr std::string_view ldquo = "\xE2\x80\x9C", rdquo = "\xE2\x80\x9D";
constexpr std::string_view lsquo = "\xE2\x80\x98", rsquo = "\xE2\x80\x99";

bool is_quote(char c) { return c == '"' || c == '\''; }
// Ruby's \s and \w are ASCII-only.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_word(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
// Ruby's \b, unlike its \w, counts non-ASCII letters as word characters, but not punctuation.
bool is_boundary_word(std::uint32_t cp) {
    if (cp < 0x80) return is_word(static_cast<char>(cp));
    bool punct = (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
                 (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
                 (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
                 (cp >= 0xFF5B && cp <= 0xFF65);
    return !punct;
}
bool is_sq_punct(char c) { return std::string_view("!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~").find(c) != std::string_view::npos; }
// kramdown's SQ_CLOSE: a character after which a quote closes.
bool is_sq_close(char c) { return !is_space(c) && c != '\\' && c != '[' && c != '{' && c != '(' && c != '-'; }

std::string_view open_quote(char q) { return q == '"' ? ldquo : lsquo; }
std::string_view close_quote(char q) { return q == '"' ? rdquo : rsquo; }

// The run followed by its context, indexed as one string; past the end reads as '\0' (end of input).
class Source {
public:
    Source(std::string_view text, std::string_view following) : text_(text), following_(following) {}
    char at(std::size_t i) const {
        if (i < text_.size()) return text_[i];
        i -= text_.size();
        return i < following_.size() ? following_[i] : '\0';
    }
    bool end(std::size_t i) const { return i >= text_.size() + following_.size(); }
    // Whether the character starting at byte `i` counts as a word character for Ruby's \b.
    bool word_at(std::size_t i) const {
        if (end(i)) return false;
        auto u = static_cast<unsigned char>(at(i));
        if (u < 0x80) return is_boundary_word(u);
        std::size_t n = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : 2;
        std::uint32_t cp = u & (n == 4 ? 0x07 : n == 3 ? 0x0F : 0x1F);
        for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(at(i + k)) & 0x3F);
        return is_boundary_word(cp);
    }

private:
    std::string_view text_;
    std::string_view following_;
};

// The length of a UTF-8 character starting with byte `c`.
std::size_t char_length(char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x80 ? 1 : u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
}

// The typographic symbol at `i`, kramdown's alternatives in their order: its length and output, or 0.
std::size_t typographic_at(std::string_view t, std::size_t i, std::string_view& out) {
    auto has = [&](std::string_view s) { return t.substr(i, s.size()) == s; };
    if (has("---")) return out = "\xE2\x80\x94", 3;
    if (has("--")) return out = "\xE2\x80\x93", 2;
    if (has("...")) return out = "\xE2\x80\xA6", 3;
    if (has("\\<<")) return out = "<<", 3;
    if (has("\\>>")) return out = ">>", 3;
    if (has("<< ")) return out = "\xC2\xAB\xC2\xA0", 3;
    if (has(" >>")) return out = "\xC2\xA0\xC2\xBB", 3;
    if (has("<<")) return out = "\xC2\xAB", 2;
    if (has(">>")) return out = "\xC2\xBB", 2;
    return 0;
}

}  // namespace

std::string without_literal_marks(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0;;) {
        const std::size_t m = text.find(literal_mark, at);
        out.append(text.substr(at, m == std::string_view::npos ? std::string_view::npos : m - at));
        if (m == std::string_view::npos) return out;
        at = m + literal_mark.size();
    }
}

std::string kramdown_typography(std::string_view text, const TypographyContext& context) {
    static constexpr CharSet typographic("\"'-.<>");
    if (typographic.find_in(text) == std::string_view::npos) return std::string(text);
    // The character before the run is prepended so that the rules can look at it; it is not output.
    std::string buffer;
    std::size_t base = 0;
    if (context.has_prev) {
        buffer += context.prev;
        base = 1;
    }
    buffer.append(text);
    std::string_view t = buffer;
    Source src(t, context.following);
    std::string out;
    out.reserve(text.size() + 16);
    // `p`: where kramdown's span scanner stands; characters before it were consumed by earlier matches
    // (or, for the prepended one, by text before this run).
    std::size_t p = 0;
    auto emit = [&](std::size_t from, std::size_t to) {
        if (to > from && to > base) out.append(t.substr(std::max(from, base), to - std::max(from, base)));
    };
    std::size_t scan = base;  // next byte to look at for a match
    while (scan < t.size()) {
        char c = t[scan];
        std::string_view sym;
        if (t.substr(scan, literal_mark.size()) == literal_mark) {
            // An escaped character: kramdown's escape parser took it, so no rule sees it.
            emit(p, scan);
            const std::size_t after = scan + literal_mark.size();
            const std::size_t n = after < t.size() ? char_length(t[after]) : 0;
            out.append(t.substr(after, n));
            p = scan = after + n;
            continue;
        }
        // A smart-quote match starts one character early: `[^\\]?["']`.
        if (is_quote(c)) {
            std::size_t s = scan;
            // kramdown's span parsers that start on these characters come first; when they fail they
            // take the character as text, and the quote is matched without it.
            auto consumed = [&](char b) { return b == '\\' || b == '[' || b == '*' || b == '_' || b == '`' || b == '<'; };
            if (scan > p && !consumed(t[scan - 1]) && static_cast<unsigned char>(t[scan - 1]) < 0x80) s = scan - 1;
            else if (scan > p && static_cast<unsigned char>(t[scan - 1]) >= 0x80) {
                // Step back over the whole previous UTF-8 character.
                std::size_t b = scan - 1;
                while (b > p && (static_cast<unsigned char>(t[b]) & 0xC0) == 0x80) --b;
                s = b;
            }
            emit(p, s);
            std::size_t q = s;  // where the rules start scanning
            char c0 = src.at(q);
            std::size_t clen = char_length(c0);
            // Rule 1: ("|')(?=[_*]{1,2}\S)
            if (is_quote(c0) && (src.at(q + 1) == '_' || src.at(q + 1) == '*') && !src.end(q + 2) &&
                !is_space(src.at(q + 2))) {
                out += open_quote(c0);
                p = scan = q + 1;
                continue;
            }
            // Rule 2: ("|')(?=SQ_PUNCT(?!\.\.)\B)
            if (is_quote(c0) && is_sq_punct(src.at(q + 1)) && !(src.at(q + 2) == '.' && src.at(q + 3) == '.') &&
                src.word_at(q + 1) == src.word_at(q + 2)) {
                out += close_quote(c0);
                p = scan = q + 1;
                continue;
            }
            // Rules 3 and 4: (\s?)"'(?=\w) and (\s?)'"(?=\w)
            {
                std::size_t k = is_space(c0) ? q + 1 : q;
                char a = src.at(k), b = src.at(k + 1);
                if (is_quote(a) && is_quote(b) && a != b && is_word(src.at(k + 2))) {
                    emit(q, k);
                    out += open_quote(a);
                    out += open_quote(b);
                    p = scan = k + 2;
                    continue;
                }
                // Rule 5: (\s?)'(?=\d\ds)
                if (a == '\'' && std::isdigit(static_cast<unsigned char>(src.at(k + 1))) &&
                    std::isdigit(static_cast<unsigned char>(src.at(k + 2))) && src.at(k + 3) == 's') {
                    emit(q, k);
                    out += rsquo;
                    p = scan = k + 1;
                    continue;
                }
            }
            // Rule 6: (\s)('|")(?=\w)
            if (is_space(c0) && is_quote(src.at(q + 1)) && is_word(src.at(q + 2))) {
                emit(q, q + 1);
                out += open_quote(src.at(q + 1));
                p = scan = q + 2;
                continue;
            }
            // Rule 7: (SQ_CLOSE)('|")
            if (is_sq_close(c0) && is_quote(src.at(q + clen)) && q + clen < t.size()) {
                emit(q, q + clen);
                out += close_quote(src.at(q + clen));
                p = scan = q + clen + 1;
                continue;
            }
            // Rule 8: ("|')(?=\s|s\b|$)
            if (is_quote(c0) && (src.end(q + 1) || is_space(src.at(q + 1)) ||
                                 (src.at(q + 1) == 's' && !src.word_at(q + 2)))) {
                out += close_quote(c0);
                p = scan = q + 1;
                continue;
            }
            // Rules 9 and 10: (.?)' then (.?)"
            char quote = 0;
            std::size_t at = 0;
            if (src.at(q + clen) == '\'' && q + clen < t.size()) quote = '\'', at = q + clen;
            else if (c0 == '\'') quote = '\'', at = q;
            else if (src.at(q + clen) == '"' && q + clen < t.size()) quote = '"', at = q + clen;
            else quote = c0, at = q;
            emit(q, at);
            out += open_quote(quote);
            p = scan = at + 1;
            continue;
        }
        // ` >>` starts at the space.
        if ((c == '-' || c == '.' || c == '<' || c == '>' || c == '\\' || c == ' ') && typographic_at(t, scan, sym)) {
            std::size_t n = typographic_at(t, scan, sym);
            emit(p, scan);
            out += sym;
            p = scan = scan + n;
            continue;
        }
        ++scan;
    }
    emit(p, t.size());
    return out;
}

}  // namespace blogconv::readers::markdown
