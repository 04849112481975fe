#include "writers/highlight/highlighter.h"

#include <algorithm>

#include "writers/highlight/highlight_rules.h"
#include "writers/html/escape.h"

namespace blogconv::writers::highlight {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

const LanguageRules* find_rules(std::string_view language) {
    // Fences sometimes carry more than the name ("python title=x"), or braces ("{.python}").
    std::string name = lower(language);
    while (!name.empty() && (name.front() == '{' || name.front() == '.')) name.erase(name.begin());
    name = name.substr(0, name.find_first_of(" \t,{}"));
    for (const auto& r : all_language_rules()) {
        if (r.name == name) return &r;
        for (auto a : r.aliases)
            if (a == name) return &r;
    }
    return nullptr;
}

bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Collects tokens, merging neighbours of one kind so that output has as few spans as possible.
class Emitter {
public:
    void push(TokenKind kind, std::size_t begin, std::size_t length) {
        if (length == 0) return;
        if (!tokens_.empty() && tokens_.back().kind == kind && tokens_.back().begin + tokens_.back().length == begin) {
            tokens_.back().length += length;
            return;
        }
        tokens_.push_back({kind, begin, length});
    }
    std::vector<Token> take() { return std::move(tokens_); }

private:
    std::vector<Token> tokens_;
};

std::size_t line_end(std::string_view code, std::size_t pos) {
    std::size_t e = code.find('\n', pos);
    return e == std::string_view::npos ? code.size() : e;
}

class GenericScanner {
public:
    GenericScanner(std::string_view code, const LanguageRules& rules) : s_(code), r_(rules) {}

    std::vector<Token> run() {
        bool line_start = true;  // only white space since the last newline
        while (p_ < s_.size()) {
            const unsigned char c = static_cast<unsigned char>(s_[p_]);
            if (c == '\n') {
                out_.push(TokenKind::text, p_++, 1);
                line_start = true;
                continue;
            }
            if (is_space(c)) {
                out_.push(TokenKind::text, p_++, 1);
                continue;
            }
            const bool at_line_start = line_start;
            line_start = false;
            if (r_.hash_preprocessor && at_line_start && c == '#') {
                directive();
                continue;
            }
            if (comment() || string_literal() || variable() || number() || word()) continue;
            out_.push(TokenKind::text, p_++, 1);
        }
        return out_.take();
    }

private:
    std::string_view s_;
    const LanguageRules& r_;
    std::size_t p_ = 0;
    Emitter out_;

    bool starts(std::string_view what, std::size_t at) const { return s_.substr(at, what.size()) == what; }

    bool ident_start(unsigned char c) const {
        return is_alpha(c) || c == '_' || c >= 0x80 || r_.identifier_start_extra.find(static_cast<char>(c)) != std::string_view::npos;
    }
    bool ident_char(unsigned char c) const {
        return is_alpha(c) || is_digit(c) || c == '_' || c >= 0x80 ||
               r_.identifier_extra.find(static_cast<char>(c)) != std::string_view::npos;
    }

    // The next byte after `at` that is not a space or tab, or 0.
    char next_visible(std::size_t at) const {
        while (at < s_.size() && (s_[at] == ' ' || s_[at] == '\t')) ++at;
        return at < s_.size() ? s_[at] : 0;
    }
    bool followed_by_key_colon(std::size_t at) const {
        std::size_t q = at;
        while (q < s_.size() && (s_[q] == ' ' || s_[q] == '\t')) ++q;
        return q < s_.size() && s_[q] == ':' && !(q + 1 < s_.size() && s_[q + 1] == ':');
    }

    void directive() {
        std::size_t e = p_;
        // A backslash at the end of a line continues the directive.
        for (;;) {
            e = line_end(s_, e);
            if (e < s_.size() && e > p_ && s_[e - 1] == '\\') {
                ++e;
                continue;
            }
            break;
        }
        out_.push(TokenKind::preprocessor, p_, e - p_);
        p_ = e;
    }

    bool comment() {
        for (auto lc : r_.line_comments) {
            if (!starts(lc, p_)) continue;
            // In shell and YAML a `#` inside a word (`a#b`, `url#frag`) does not start a comment.
            if (lc == "#" && (r_.shell_variables || r_.keys) && p_ > 0 && !is_space(static_cast<unsigned char>(s_[p_ - 1])) &&
                s_[p_ - 1] != '\n' && s_[p_ - 1] != ';')
                continue;
            std::size_t e = line_end(s_, p_);
            out_.push(TokenKind::comment, p_, e - p_);
            p_ = e;
            return true;
        }
        for (const auto& [open, close] : r_.block_comments) {
            if (!starts(open, p_)) continue;
            std::size_t f = s_.find(close, p_ + open.size());
            std::size_t e = f == std::string_view::npos ? s_.size() : f + close.size();
            out_.push(TokenKind::comment, p_, e - p_);
            p_ = e;
            return true;
        }
        return false;
    }

    bool string_literal() {
        for (const auto& rule : r_.strings) {
            if (!starts(rule.open, p_)) continue;
            std::size_t j = p_ + rule.open.size();
            bool closed = false;
            while (j < s_.size()) {
                if (rule.escape && s_[j] == rule.escape) {
                    j += 2;
                    continue;
                }
                if (starts(rule.close, j)) {
                    j += rule.close.size();
                    closed = true;
                    break;
                }
                if (s_[j] == '\n' && !rule.multiline) break;
                ++j;
            }
            j = std::min(j, s_.size());
            // An escape right before a newline of a single-line string must not swallow it.
            if (!closed && !rule.multiline) j = std::min(j, line_end(s_, p_));
            if (rule.max_length && (!closed || j - p_ > rule.max_length)) continue;
            const TokenKind kind = r_.keys && followed_by_key_colon(j) ? TokenKind::key : TokenKind::string;
            out_.push(kind, p_, j - p_);
            p_ = j;
            return true;
        }
        return false;
    }

    bool variable() {
        if (!r_.shell_variables || s_[p_] != '$' || p_ + 1 >= s_.size()) return false;
        const unsigned char n = static_cast<unsigned char>(s_[p_ + 1]);
        std::size_t e = p_ + 1;
        if (n == '{') {
            std::size_t f = s_.find('}', p_);
            std::size_t nl = line_end(s_, p_);
            if (f == std::string_view::npos || f > nl) return false;
            e = f + 1;
        } else if (is_alpha(n) || n == '_') {
            while (e < s_.size() && (is_alpha(static_cast<unsigned char>(s_[e])) || is_digit(static_cast<unsigned char>(s_[e])) || s_[e] == '_')) ++e;
        } else if (is_digit(n) || std::string_view("@#?$!*-").find(static_cast<char>(n)) != std::string_view::npos) {
            e = p_ + 2;
        } else {
            return false;
        }
        out_.push(TokenKind::variable, p_, e - p_);
        p_ = e;
        return true;
    }

    bool number() {
        const unsigned char c = static_cast<unsigned char>(s_[p_]);
        const bool dot_digit = c == '.' && p_ + 1 < s_.size() && is_digit(static_cast<unsigned char>(s_[p_ + 1]));
        if (!is_digit(c) && !dot_digit) return false;
        if (p_ > 0 && ident_char(static_cast<unsigned char>(s_[p_ - 1]))) return false;
        std::size_t e = p_ + 1;
        const bool hex = c == '0' && e < s_.size() && (s_[e] == 'x' || s_[e] == 'X');
        while (e < s_.size()) {
            const unsigned char d = static_cast<unsigned char>(s_[e]);
            if (is_alpha(d) || is_digit(d) || d == '_' || d == '\'') {
                // A digit separator (C++14 `1'000`) only between digits: `'` otherwise ends the number.
                if (d == '\'' && !(e + 1 < s_.size() && is_digit(static_cast<unsigned char>(s_[e + 1])))) break;
                ++e;
            } else if (d == '.' && e + 1 < s_.size() && is_digit(static_cast<unsigned char>(s_[e + 1]))) {
                ++e;
            } else if ((d == '+' || d == '-') && !hex && (s_[e - 1] == 'e' || s_[e - 1] == 'E')) {
                ++e;
            } else {
                break;
            }
        }
        out_.push(TokenKind::number, p_, e - p_);
        p_ = e;
        return true;
    }

    bool in(const std::vector<std::string_view>& list, std::string_view w) const {
        if (r_.ignore_case) {
            std::string lw = lower(w);
            return std::find(list.begin(), list.end(), std::string_view(lw)) != list.end();
        }
        return std::find(list.begin(), list.end(), w) != list.end();
    }

    bool word() {
        if (!ident_start(static_cast<unsigned char>(s_[p_]))) return false;
        std::size_t e = p_ + 1;
        while (e < s_.size() && ident_char(static_cast<unsigned char>(s_[e]))) ++e;
        const std::string_view w = s_.substr(p_, e - p_);
        TokenKind kind = TokenKind::text;
        if (in(r_.keywords, w)) kind = TokenKind::keyword;
        else if (in(r_.literals, w)) kind = TokenKind::literal;
        else if (in(r_.types, w)) kind = TokenKind::type;
        else if (r_.keys && followed_by_key_colon(e)) kind = TokenKind::key;
        else if (next_visible(e) == '(' && is_alpha(static_cast<unsigned char>(w[0]))) kind = TokenKind::function;
        else if (r_.capitalised_types && w[0] >= 'A' && w[0] <= 'Z') kind = TokenKind::type;
        out_.push(kind, p_, e - p_);
        p_ = e;
        return true;
    }
};

std::vector<Token> scan_markup(std::string_view s) {
    Emitter out;
    std::size_t p = 0;
    auto until = [&](std::size_t from, std::string_view close) {
        std::size_t f = s.find(close, from);
        return f == std::string_view::npos ? s.size() : f + close.size();
    };
    auto name_char = [](unsigned char c) { return is_alpha(c) || is_digit(c) || c == '-' || c == '_' || c == '.' || c == ':' || c >= 0x80; };
    while (p < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[p]);
        if (s.substr(p, 4) == "<!--") {
            std::size_t e = until(p + 4, "-->");
            out.push(TokenKind::comment, p, e - p);
            p = e;
        } else if (s.substr(p, 9) == "<![CDATA[") {
            std::size_t e = until(p + 9, "]]>");
            out.push(TokenKind::string, p, e - p);
            p = e;
        } else if (s.substr(p, 2) == "<!" || s.substr(p, 2) == "<?") {
            std::size_t e = until(p + 2, ">");
            out.push(TokenKind::preprocessor, p, e - p);
            p = e;
        } else if (c == '<' && p + 1 < s.size() && (is_alpha(static_cast<unsigned char>(s[p + 1])) || s[p + 1] == '/')) {
            std::size_t e = p + 1;
            if (s[e] == '/') ++e;
            while (e < s.size() && name_char(static_cast<unsigned char>(s[e]))) ++e;
            out.push(TokenKind::tag, p, e - p);
            p = e;
            // Inside the tag: attributes and values up to `>`.
            while (p < s.size()) {
                const unsigned char d = static_cast<unsigned char>(s[p]);
                if (d == '>') {
                    out.push(TokenKind::tag, p++, 1);
                    break;
                }
                if (d == '/' && p + 1 < s.size() && s[p + 1] == '>') {
                    out.push(TokenKind::tag, p, 2);
                    p += 2;
                    break;
                }
                if (d == '<') break;  // a tag never closed: let the outer loop go on
                if (d == '"' || d == '\'') {
                    std::size_t f = s.find(static_cast<char>(d), p + 1);
                    std::size_t e2 = f == std::string_view::npos ? s.size() : f + 1;
                    out.push(TokenKind::string, p, e2 - p);
                    p = e2;
                } else if (is_space(d) || d == '\n' || d == '=' || d == '/') {
                    out.push(TokenKind::text, p++, 1);
                } else {
                    std::size_t e2 = p;
                    while (e2 < s.size() && !is_space(static_cast<unsigned char>(s[e2])) && s[e2] != '\n' &&
                           s[e2] != '=' && s[e2] != '>' && s[e2] != '/' && s[e2] != '<' && s[e2] != '"' && s[e2] != '\'')
                        ++e2;
                    const bool value = p > 0 && s[p - 1] == '=';
                    out.push(value ? TokenKind::string : TokenKind::attribute, p, e2 - p);
                    p = e2;
                }
            }
        } else if (c == '&') {
            std::size_t e = p + 1;
            while (e < s.size() && e - p < 12 && (is_alpha(static_cast<unsigned char>(s[e])) || is_digit(static_cast<unsigned char>(s[e])) || s[e] == '#')) ++e;
            if (e < s.size() && s[e] == ';' && e > p + 1) {
                out.push(TokenKind::literal, p, e + 1 - p);
                p = e + 1;
            } else {
                out.push(TokenKind::text, p++, 1);
            }
        } else {
            out.push(TokenKind::text, p++, 1);
        }
    }
    return out.take();
}

std::vector<Token> scan_diff(std::string_view s) {
    Emitter out;
    std::size_t p = 0;
    while (p < s.size()) {
        const std::size_t e = line_end(s, p);
        const std::string_view line = s.substr(p, e - p);
        TokenKind kind = TokenKind::text;
        if (line.starts_with("+++ ") || line.starts_with("--- ") || line.starts_with("@@") ||
            line.starts_with("diff ") || line.starts_with("index "))
            kind = TokenKind::heading;
        else if (line.starts_with("+"))
            kind = TokenKind::inserted;
        else if (line.starts_with("-"))
            kind = TokenKind::deleted;
        out.push(kind, p, e - p);
        if (e < s.size()) out.push(TokenKind::text, e, 1);
        p = e + 1;
    }
    return out.take();
}

std::vector<Token> scan_markdown(std::string_view s) {
    Emitter out;
    std::size_t p = 0;
    std::string fence;  // the open fence's marker ("```", "~~~~"), "" outside a fence
    while (p < s.size()) {
        const std::size_t e = line_end(s, p);
        const std::string_view line = s.substr(p, e - p);
        std::size_t indent = 0;
        while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
        const std::string_view rest = line.substr(indent);
        auto marker = [&]() {
            std::size_t n = 0;
            while (n < rest.size() && rest[n] == rest[0]) ++n;
            return std::string(rest.substr(0, n));
        };
        if (!fence.empty()) {
            out.push(TokenKind::string, p, e - p);
            if (indent < 4 && !rest.empty() && rest[0] == fence[0] && marker().size() >= fence.size()) fence.clear();
        } else if (indent < 4 && (rest.starts_with("```") || rest.starts_with("~~~"))) {
            fence = marker();
            out.push(TokenKind::string, p, e - p);
        } else if (indent < 4 && rest.starts_with("#")) {
            out.push(TokenKind::heading, p, e - p);
        } else if (indent < 4 && rest.starts_with(">")) {
            out.push(TokenKind::comment, p, e - p);
        } else {
            std::size_t q = p;
            // A list marker.
            if (indent < 4 && rest.size() >= 2 && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') && rest[1] == ' ') {
                out.push(TokenKind::text, p, indent);
                out.push(TokenKind::keyword, p + indent, 1);
                q = p + indent + 1;
            }
            while (q < e) {
                if (s[q] == '`') {
                    std::size_t n = q;
                    while (n < e && s[n] == '`') ++n;
                    const std::string_view run = s.substr(q, n - q);
                    std::size_t f = s.substr(0, e).find(run, n);
                    if (f != std::string_view::npos) {
                        out.push(TokenKind::string, q, f + run.size() - q);
                        q = f + run.size();
                        continue;
                    }
                    out.push(TokenKind::text, q, n - q);
                    q = n;
                    continue;
                }
                if (s[q] == ']' && q + 1 < e && s[q + 1] == '(') {
                    std::size_t f = s.substr(0, e).find(')', q + 2);
                    if (f != std::string_view::npos) {
                        out.push(TokenKind::text, q, 2);
                        out.push(TokenKind::string, q + 2, f - q - 2);
                        q = f;
                        continue;
                    }
                }
                out.push(TokenKind::text, q++, 1);
            }
        }
        if (e < s.size()) out.push(TokenKind::text, e, 1);
        p = e + 1;
    }
    return out.take();
}

}  // namespace

const char* css_class(TokenKind kind) {
    switch (kind) {
        case TokenKind::text: return "";
        case TokenKind::keyword: return "hl-kw";
        case TokenKind::type: return "hl-ty";
        case TokenKind::literal: return "hl-lit";
        case TokenKind::string: return "hl-str";
        case TokenKind::number: return "hl-num";
        case TokenKind::comment: return "hl-com";
        case TokenKind::preprocessor: return "hl-pp";
        case TokenKind::function: return "hl-fn";
        case TokenKind::tag: return "hl-tag";
        case TokenKind::attribute: return "hl-attr";
        case TokenKind::variable: return "hl-var";
        case TokenKind::key: return "hl-key";
        case TokenKind::heading: return "hl-hd";
        case TokenKind::inserted: return "hl-ins";
        case TokenKind::deleted: return "hl-del";
    }
    return "";
}

bool supports(std::string_view language) { return find_rules(language) != nullptr; }

std::string canonical_language(std::string_view language) {
    const LanguageRules* r = find_rules(language);
    return r ? std::string(r->name) : std::string();
}

std::vector<Token> tokenize(std::string_view code, std::string_view language) {
    const LanguageRules* r = find_rules(language);
    if (!r) {
        if (code.empty()) return {};
        return {Token{TokenKind::text, 0, code.size()}};
    }
    switch (r->scanner) {
        case Scanner::markup: return scan_markup(code);
        case Scanner::diff: return scan_diff(code);
        case Scanner::markdown: return scan_markdown(code);
        case Scanner::generic: break;
    }
    return GenericScanner(code, *r).run();
}

std::string highlight_html(std::string_view code, std::string_view language) {
    std::string out;
    out.reserve(code.size() * 2);
    for (const auto& t : tokenize(code, language)) {
        const std::string_view piece = code.substr(t.begin, t.length);
        if (t.kind == TokenKind::text) {
            html::append_escaped(out, piece);
            continue;
        }
        out += "<span class=\"";
        out += css_class(t.kind);
        out += "\">";
        html::append_escaped(out, piece);
        out += "</span>";
    }
    return out;
}

}  // namespace blogconv::writers::highlight
