#include "readers/liquid/lexer.h"

#include <cctype>

namespace blogconv::readers::liquid {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Keeps line and column in step with a byte offset that only moves forward.
class Cursor {
public:
    explicit Cursor(std::string_view s) : s_(s) {}
    void advance_to(std::size_t offset) {
        for (; pos_ < offset && pos_ < s_.size(); ++pos_) {
            if (s_[pos_] == '\n') {
                ++line_;
                line_start_ = pos_ + 1;
            }
        }
    }
    int line() const { return line_; }
    int col() const { return static_cast<int>(pos_ - line_start_) + 1; }

private:
    std::string_view s_;
    std::size_t pos_ = 0;
    std::size_t line_start_ = 0;
    int line_ = 1;
};

// The tag's name and the markup after it, from the text between `{%` and `%}` (dashes removed).
void split_tag(std::string_view inner, Token& t) {
    inner = trim(inner);
    std::size_t n = 0;
    if (!inner.empty() && inner[0] == '#') {
        n = 1;  // Liquid 5's inline comment `{% # … %}`
    } else {
        while (n < inner.size() && is_word(inner[n])) ++n;
    }
    t.name = std::string(inner.substr(0, n));
    t.text = std::string(trim(inner.substr(n)));
}

// Finds the `{% endraw %}` that closes a raw block starting at `from`: Liquid 5.4's
// FullTokenPossiblyInvalid, /{%\s*(\w+)\s*(.*)?%}/ with `endraw` as the word, so a dash after
// the word is allowed (and does nothing) but one before it is not (`{%- endraw %}` is body text).
// Returns the tag's start and sets `end` past it, or npos.
std::size_t find_endraw(std::string_view s, std::size_t from, std::size_t& end) {
    for (std::size_t p = s.find("{%", from); p != std::string_view::npos; p = s.find("{%", p + 2)) {
        std::size_t q = p + 2;
        while (q < s.size() && is_space(s[q])) ++q;
        if (s.substr(q, 6) != "endraw") continue;
        q += 6;
        // `endraw` must be the whole word: `\w+` would take `endrawx` as another tag.
        if (q < s.size() && (std::isalnum(static_cast<unsigned char>(s[q])) || s[q] == '_')) continue;
        const std::size_t close = s.find("%}", q);
        if (close == std::string_view::npos) return std::string_view::npos;
        end = close + 2;
        return p;
    }
    return std::string_view::npos;
}

}  // namespace

bool may_contain_liquid(std::string_view text) {
    for (std::size_t p = text.find('{'); p != std::string_view::npos && p + 1 < text.size();
         p = text.find('{', p + 1)) {
        if (text[p + 1] == '{' || text[p + 1] == '%') return true;
    }
    return false;
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    Cursor cursor(s);
    bool trim_next = false;  // the previous delimiter ended with `-`

    auto push_text = [&](std::size_t from, std::size_t to, bool raw) {
        std::string_view text = s.substr(from, to - from);
        if (trim_next && !raw) {
            while (!text.empty() && is_space(text.front())) {
                text.remove_prefix(1);
                ++from;
            }
        }
        trim_next = false;
        if (text.empty()) return;
        Token t;
        t.kind = Token::Kind::text;
        t.text = std::string(text);
        t.source = t.text;
        t.offset = from;
        cursor.advance_to(from);
        t.line = cursor.line();
        t.col = cursor.col();
        t.raw = raw;
        tokens.push_back(std::move(t));
    };
    // `{{-` / `{%-`: the text before loses its trailing white space.
    auto trim_previous = [&]() {
        if (tokens.empty() || tokens.back().kind != Token::Kind::text || tokens.back().raw) return;
        std::string& text = tokens.back().text;
        while (!text.empty() && is_space(text.back())) text.pop_back();
        if (text.empty()) tokens.pop_back();
    };

    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t open = std::string_view::npos;
        for (std::size_t p = s.find('{', pos); p != std::string_view::npos && p + 1 < s.size();
             p = s.find('{', p + 1)) {
            if (s[p + 1] == '{' || s[p + 1] == '%') {
                open = p;
                break;
            }
        }
        if (open == std::string_view::npos) {
            push_text(pos, s.size(), false);
            break;
        }
        push_text(pos, open, false);
        bool is_output = s[open + 1] == '{';
        std::size_t close = is_output ? s.find('}', open + 2) : s.find("%}", open + 2);
        Token t;
        t.offset = open;
        cursor.advance_to(open);
        t.line = cursor.line();
        t.col = cursor.col();
        if (close == std::string_view::npos) {
            t.kind = Token::Kind::error;
            t.source = std::string(s.substr(open, 2));
            t.text = t.source;
            tokens.push_back(std::move(t));
            pos = open + 2;
            continue;
        }
        std::size_t end = close + (is_output ? (close + 1 < s.size() && s[close + 1] == '}' ? 2 : 1) : 2);
        std::string_view inner = s.substr(open + 2, close - open - 2);
        bool dash_before = !inner.empty() && inner.front() == '-';
        if (dash_before) inner.remove_prefix(1);
        bool dash_after = !inner.empty() && inner.back() == '-';
        if (dash_after) inner.remove_suffix(1);
        if (dash_before) trim_previous();
        t.source = std::string(s.substr(open, end - open));
        if (is_output) {
            t.kind = Token::Kind::output;
            t.text = std::string(trim(inner));
        } else {
            t.kind = Token::Kind::tag;
            split_tag(inner, t);
        }
        pos = end;
        trim_next = dash_after;
        if (t.kind == Token::Kind::tag && t.name == "raw") {
            std::size_t raw_end = 0;
            std::size_t endraw = find_endraw(s, pos, raw_end);
            if (endraw != std::string_view::npos) {
                // The body is one verbatim text token, never trimmed; the raw tags themselves
                // vanish. As in Liquid 5.4 (Raw#parse reads the tokens itself), the opening tag's
                // `-%}` trims the text after `{% endraw %}` instead, and the end tag's dashes do
                // nothing: `trim_next` is left as the opening tag set it.
                const bool trim_after_end = trim_next;
                trim_next = false;
                push_text(pos, endraw, true);
                pos = raw_end;
                trim_next = trim_after_end;
                continue;
            }
            // An unclosed raw: the parser reports the tag, and the rest stays verbatim.
            tokens.push_back(std::move(t));
            trim_next = false;
            push_text(pos, s.size(), true);
            break;
        }
        tokens.push_back(std::move(t));
    }
    return tokens;
}

}  // namespace blogconv::readers::liquid
