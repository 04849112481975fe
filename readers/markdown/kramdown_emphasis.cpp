#include "readers/markdown/kramdown_emphasis.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "ir/walk.h"
#include "readers/markdown/heading_ids.h"
#include "readers/markdown/kramdown_prepass.h"

namespace blogconv::readers::markdown {

namespace {

bool is_blank_char(char c) { return c == ' ' || c == '\t'; }

// `***`, `* * *`, `___` after the container prefix: three or more of one delimiter and blanks only.
bool thematic_break(std::string_view line) {
    std::size_t p = 0;
    while (p < line.size() && (is_blank_char(line[p]) || line[p] == '>')) ++p;
    if (p == line.size() || (line[p] != '*' && line[p] != '_')) return false;
    char c = line[p];
    int count = 0;
    for (; p < line.size(); ++p) {
        if (line[p] == c) ++count;
        else if (!is_blank_char(line[p])) return false;
    }
    return count >= 3;
}

// Ruby's `\s`: ASCII white space only (a no-break or ideographic space is not).
bool ruby_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool connector(char32_t c) {
    return c == 0x203F || c == 0x2040 || c == 0x2054 || c == 0xFE33 || c == 0xFE34 || (c >= 0xFE4D && c <= 0xFE4F) ||
           c == 0xFF3F;
}

// Onigmo's [[:alnum:]] and [[:alpha:]] on UTF-8 text: Unicode letters (and digits for alnum).
bool ruby_alnum(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return unicode_word(c) && !connector(c);
}
bool ruby_alpha(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return ruby_alnum(c) && !(c >= 0xFF10 && c <= 0xFF19) && !(c >= 0x0660 && c <= 0x0669);
}

// ---- Pairing -------------------------------------------------------------------------------------

// One piece of a container's inlines as kramdown's scanner meets it: a run of text, one delimiter,
// an opaque inline (code, HTML, math, an image, a break), or the start and end of a link, whose
// text is scanned as part of the same string. `first`/`last` are the source characters at its
// edges, which is all the rule looks at around a delimiter.
struct Unit {
    enum class Kind { text, star, underscore, node, link_open, link_close };
    Kind kind = Kind::text;
    char32_t first = 0;
    char32_t last = 0;
    std::string text;                 // text
    const ir::Inline* node = nullptr;  // node, link_open
    std::size_t close = 0;            // link_open: index of its link_close
};

enum class Element { root, em, strong, link };

using Kind = Unit::Kind;

// The character whose UTF-8 starts at byte `i`, and its length. Text may hold invalid UTF-8 (the
// reader does not repair it): an invalid or cut sequence reads as U+FFFD, one byte long.
char32_t decode_at(std::string_view s, std::size_t i, std::size_t& length) {
    length = 1;
    const auto u = static_cast<unsigned char>(s[i]);
    const std::size_t n = u < 0x80 ? 1 : (u >> 5) == 0x6 ? 2 : (u >> 4) == 0xE ? 3 : (u >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return n == 1 ? u : 0xFFFD;
    char32_t cp = n == 1 ? u : u & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (c & 0x3F);
    }
    length = n;
    return cp;
}

// Where the character that ends right before byte `end` starts (`end` > 0).
std::size_t prior_start(std::string_view s, std::size_t end) {
    std::size_t k = end - 1;
    for (int steps = 0; k > 0 && steps < 3 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80; ++steps) --k;
    std::size_t length = 0;
    decode_at(s, k, length);
    return k + length == end ? k : end - 1;
}

char32_t first_char(std::string_view s) {
    std::size_t length = 0;
    return s.empty() ? 0 : decode_at(s, 0, length);
}
char32_t last_char(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t length = 0;
    return decode_at(s, prior_start(s, s.size()), length);
}

bool is_stand_in_at(std::string_view s, std::size_t p) {
    return s.compare(p, 3, star_stand_in) == 0 || s.compare(p, 3, underscore_stand_in) == 0;
}

bool has_stand_in(std::string_view s) {
    for (std::size_t p = s.find("\xEE\x80"); p != std::string_view::npos; p = s.find("\xEE\x80", p + 1))
        if (is_stand_in_at(s, p)) return true;
    return false;
}

std::string restored(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t p = 0; p < s.size();) {
        if (s[p] == '\xEE' && is_stand_in_at(s, p)) {
            out += s.compare(p, 3, star_stand_in) == 0 ? '*' : '_';
            p += 3;
        } else {
            out += s[p++];
        }
    }
    return out;
}

void restore(std::string& s) {
    if (has_stand_in(s)) s = restored(s);
}

// An autolink (`<http://…>`): kramdown's autolink parser takes it whole, so its text holds no
// emphasis.
bool is_autolink(const ir::Link& link) {
    if (link.children.size() != 1) return false;
    const auto* t = std::get_if<ir::Text>(&link.children.front().node);
    return t && (t->text == link.url || "mailto:" + t->text == link.url);
}

std::pair<char32_t, char32_t> edges(const ir::Inline& in) {
    return ir::visit(
        [](const auto& n) -> std::pair<char32_t, char32_t> {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, ir::SoftBreak>) return {'\n', '\n'};
            else if constexpr (std::is_same_v<T, ir::HardBreak>) return {' ', '\n'};
            else if constexpr (std::is_same_v<T, ir::Code>) return {'`', '`'};
            else if constexpr (std::is_same_v<T, ir::Image>) return {'!', ')'};
            else if constexpr (std::is_same_v<T, ir::Link>) return {'<', '>'};
            else if constexpr (std::is_same_v<T, ir::FootnoteReference>) return {'[', ']'};
            else if constexpr (std::is_same_v<T, ir::Math>) return {'$', '$'};
            else if constexpr (std::is_same_v<T, ir::Strikethrough>) return {'~', '~'};
            else if constexpr (std::is_same_v<T, ir::Emphasis> || std::is_same_v<T, ir::Strong>) return {'*', '*'};
            else if constexpr (std::is_same_v<T, ir::RawInline>) {
                if (n.format == marker_format) return {'{', '}'};
                return {'<', '>'};
            } else return {'{', '}'};
        },
        in);
}

void flatten(const ir::Inlines& inlines, std::vector<Unit>& units) {
    for (const auto& in : inlines) {
        if (const auto* t = std::get_if<ir::Text>(&in.node)) {
            std::string_view s = t->text;
            std::size_t start = 0;
            auto text_until = [&](std::size_t end) {
                if (end <= start) return;
                std::string_view piece = s.substr(start, end - start);
                units.push_back({Kind::text, first_char(piece), last_char(piece), std::string(piece), nullptr, 0});
            };
            for (std::size_t p = s.find("\xEE\x80"); p != std::string_view::npos; p = s.find("\xEE\x80", p)) {
                if (!is_stand_in_at(s, p)) {
                    ++p;
                    continue;
                }
                text_until(p);
                bool star = s.compare(p, 3, star_stand_in) == 0;
                units.push_back({star ? Kind::star : Kind::underscore, star ? U'*' : U'_', star ? U'*' : U'_', {}, nullptr, 0});
                p += 3;
                start = p;
            }
            text_until(s.size());
            continue;
        }
        if (const auto* link = ir::get_if<ir::Link>(in); link && !is_autolink(*link)) {
            std::size_t open = units.size();
            units.push_back({Kind::link_open, '[', '[', {}, &in, 0});
            flatten(link->children, units);
            units[open].close = units.size();
            units.push_back({Kind::link_close, ')', ')', {}, nullptr, 0});
            continue;
        }
        auto [first, last] = edges(in);
        units.push_back({Kind::node, first, last, {}, &in, 0});
    }
}

void append_text(ir::Inlines& out, std::string_view s) {
    if (s.empty()) return;
    if (!out.empty())
        if (auto* t = std::get_if<ir::Text>(&out.back().node)) {
            t->text.append(s);
            return;
        }
    out.push_back(ir::Text{std::string(s)});
}

ir::Inlines resolve(const ir::Inlines& inlines);

// kramdown's parse_spans and parse_emphasis over the units of one container.
class Pairing {
public:
    explicit Pairing(const std::vector<Unit>& units) : u_(units) {
        // A closer needs a delimiter not after white space. Where none is left, an opener's scan
        // must fail, so it is not run: `*a *a *a …` stays linear instead of scanning to the end
        // once per opener.
        for (auto& next : next_closer_) next.assign(u_.size() + 1, u_.size());
        for (std::size_t i = u_.size(); i-- > 0;) {
            for (auto& next : next_closer_) next[i] = next[i + 1];
            if ((u_[i].kind == Kind::star || u_[i].kind == Kind::underscore) && (i == 0 || !ruby_space(u_[i - 1].last)))
                next_closer_[u_[i].kind == Kind::star ? 0 : 1][i] = i;
        }
    }

    ir::Inlines run() {
        ir::Inlines out;
        spans(out, Element::root, Kind::text, 0, u_.size());
        return out;
    }

private:
    // Parses into `out` until the closer of `el` (a run of `stop_len` delimiters of `stop`), or to
    // `end` for the root and for links. Returns whether the closer was found.
    bool spans(ir::Inlines& out, Element el, Kind stop, std::size_t stop_len, std::size_t end) {
        const std::uint64_t outer = context();
        open_.push_back(el);
        bool found = false;
        std::vector<std::size_t> same_openers;
        while (pos_ < end) {
            const Unit& x = u_[pos_];
            if ((el == Element::em || el == Element::strong) && x.kind == stop && run(pos_, end) >= stop_len &&
                closes(out, el, stop, stop_len, end)) {
                pos_ += stop_len;
                found = true;
                break;
            }
            switch (x.kind) {
            case Kind::star:
            case Kind::underscore:
                if ((el == Element::em || el == Element::strong) && x.kind == stop &&
                    std::min<std::size_t>(2, run(pos_, end)) == stop_len)
                    same_openers.push_back(pos_);
                emphasis(out, end);
                break;
            case Kind::link_open: link(out); break;
            case Kind::text:
                append_text(out, x.text);
                ++pos_;
                break;
            case Kind::node:
                if (const auto* s = ir::get_if<ir::Strikethrough>(*x.node)) {
                    // The GFM parser scans a strikethrough's text as a string of its own.
                    out.push_back(ir::Strikethrough{resolve(s->children)});
                } else {
                    out.push_back(*x.node);
                }
                ++pos_;
                break;
            case Kind::link_close: ++pos_; break;  // not reached: links are parsed whole
            }
        }
        open_.pop_back();
        // An opener of the same element met on this level would start the same scan from here on
        // (its body only emptier), so it fails too: remember that instead of scanning again.
        if (!found)
            for (std::size_t q : same_openers) failed_.insert({q, end, outer});
        return found;
    }

    // The open elements, as one number (at most root, link, em and strong are open at once).
    std::uint64_t context() const {
        std::uint64_t code = 0;
        for (Element e : open_) code = code * 5 + static_cast<std::uint64_t>(e) + 1;
        return code;
    }

    // The closer test of emphasis.rb's sub_parse block.
    bool closes(const ir::Inlines& body, Element el, Kind stop, std::size_t stop_len, std::size_t end) const {
        if (body.empty()) return false;
        if (pos_ > 0 && ruby_space(u_[pos_ - 1].last)) return false;
        if (el == Element::em && run(pos_, end) == 2) return false;
        if (stop == Kind::underscore && pos_ + stop_len < end && ruby_alnum(u_[pos_ + stop_len].first)) return false;
        return true;
    }

    std::size_t run(std::size_t p, std::size_t end) const {
        std::size_t n = 0;
        while (p + n < end && u_[p + n].kind == u_[p].kind) ++n;
        return n;
    }

    // The source character before the last one before unit `p`.
    char32_t second_last(std::size_t p) const {
        const Unit& prev = u_[p - 1];
        if (prev.kind == Kind::text && prev.text.size() > 1) {
            std::string_view t = prev.text;
            const std::size_t last = prior_start(t, t.size());
            std::size_t length = 0;
            if (last > 0) return decode_at(t, prior_start(t, last), length);
        }
        return p > 1 ? u_[p - 2].last : 0;
    }

    bool may_close(Kind kind, std::size_t from, std::size_t end) const {
        return next_closer_[kind == Kind::star ? 0 : 1][from] < end;
    }

    bool is_open(Element el) const { return std::find(open_.begin(), open_.end(), el) != open_.end(); }

    void literal(ir::Inlines& out, Kind kind, std::size_t n) {
        append_text(out, std::string(n, kind == Kind::star ? '*' : '_'));
        pos_ += n;
    }

    void emphasis(ir::Inlines& out, std::size_t end) {
        const std::size_t start = pos_;
        const Kind kind = u_[start].kind;
        const std::size_t n = std::min<std::size_t>(2, run(start, end));
        const Element el = n == 2 ? Element::strong : Element::em;
        const Element current = open_.back();
        // /[[:alpha:]]-?[[:alpha:]]*\z/ before a `_`: a letter, or a letter and `-`.
        const bool after_word = kind == Kind::underscore && start > 0 &&
                                (ruby_alpha(u_[start - 1].last) ||
                                 (u_[start - 1].last == '-' && ruby_alpha(second_last(start))));
        if (after_word || (start + n < u_.size() && ruby_space(u_[start + n].first)) || is_open(el)) {
            literal(out, kind, n);
            return;
        }
        if (may_close(kind, start + 1, end)) {
            ir::Inlines body;
            pos_ = start + n;
            if (may_close(kind, start + n, end) && !failed_.count({start, end, context()}) &&
                spans(body, el, kind, n, end)) {
                if (el == Element::strong) out.push_back(ir::Strong{std::move(body)});
                else out.push_back(ir::Emphasis{std::move(body)});
                return;
            }
            if (el == Element::strong && current != Element::em) {
                // `**a*`: the first `*` opens an em whose text starts with the second.
                ir::Inlines em_body;
                pos_ = start + 1;
                if (spans(em_body, Element::em, kind, 1, end)) {
                    out.push_back(ir::Emphasis{std::move(em_body)});
                    return;
                }
            }
        }
        pos_ = start;
        literal(out, kind, n);
    }

    void link(ir::Inlines& out) {
        const Unit& open = u_[pos_];
        ir::Link copy = *ir::get_if<ir::Link>(*open.node);
        copy.children.clear();
        ++pos_;
        spans(copy.children, Element::link, Kind::text, 0, open.close);
        pos_ = open.close + 1;
        out.push_back(ir::Box<ir::Link>(std::move(copy)));
    }

    const std::vector<Unit>& u_;
    std::size_t pos_ = 0;
    std::vector<Element> open_;
    std::set<std::tuple<std::size_t, std::size_t, std::uint64_t>> failed_;  // opener, end, context
    std::vector<std::size_t> next_closer_[2];  // per delimiter kind: the next possible closer at or after i
};

bool needs_pairing(const ir::Inlines& inlines) {
    bool found = false;
    ir::for_each_inline(inlines, [&](const ir::Inline& in) {
        if (const auto* t = std::get_if<ir::Text>(&in.node); t && !found) found = has_stand_in(t->text);
    });
    return found;
}

ir::Inlines resolve(const ir::Inlines& inlines) {
    std::vector<Unit> units;
    flatten(inlines, units);
    return Pairing(units).run();
}

void pair_in(ir::Inlines& inlines) {
    if (needs_pairing(inlines)) inlines = resolve(inlines);
}

void restore(ir::Attr& attr) {
    restore(attr.id);
    for (auto& c : attr.classes) restore(c);
    for (auto& [key, value] : attr.attributes) {
        restore(key);
        restore(value);
    }
}

}  // namespace

DelimiterHider::DelimiterHider(std::string_view line, std::size_t content_start)
    : content_start_(content_start), thematic_break_(thematic_break(line)) {}

std::size_t DelimiterHider::at(std::string_view line, std::size_t p, std::string& out) const {
    char c = line[p];
    if ((c == '*' || c == '_') && p >= content_start_ && !thematic_break_) {
        out += c == '*' ? star_stand_in : underscore_stand_in;
        return 1;
    }
    if (c == '<' && p + 1 < line.size()) {
        char n = line[p + 1];
        bool tag_start = (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || n == '/' || n == '!' || n == '?';
        std::size_t close = line.find('>', p + 1);
        if (!tag_start || close == std::string_view::npos) return 0;
        std::string_view tag = line.substr(p, close + 1 - p);
        // Leave the pre-pass's other rewrites (`$$`, `{:`, code, escapes) to it.
        if (tag.find_first_of("$`\\{[<", 1) != std::string_view::npos) return 0;
        out += tag;
        return tag.size();
    }
    return 0;
}

void apply_kramdown_emphasis(ir::Blocks& blocks) {
    ir::walk(
        blocks,
        [](ir::Block& b) {
            std::visit(
                [](auto& n) {
                    using T = std::decay_t<decltype(n)>;
                    if constexpr (std::is_same_v<T, ir::Paragraph> || std::is_same_v<T, ir::Heading>) {
                        pair_in(n.children);
                        restore(n.attr);
                    } else if constexpr (std::is_same_v<T, ir::Table>) {
                        for (auto* rows : {&n.head, &n.body})
                            for (auto& row : *rows)
                                for (auto& cell : row) pair_in(cell.children);
                        restore(n.attr);
                    } else if constexpr (std::is_same_v<T, ir::CodeBlock>) {
                        restore(n.text);
                        restore(n.language);
                        for (auto& [key, value] : n.options) {
                            restore(key);
                            restore(value);
                        }
                        restore(n.attr);
                    } else if constexpr (std::is_same_v<T, ir::RawBlock> || std::is_same_v<T, ir::UnsupportedBlock>) {
                        restore(n.text);
                    } else if constexpr (std::is_same_v<T, ir::FootnoteDefinition>) {
                        restore(n.label);
                    } else if constexpr (std::is_same_v<T, ir::DefinitionList>) {
                        for (auto& item : n.items) pair_in(item.term);
                        restore(n.attr);
                    } else if constexpr (std::is_same_v<T, ir::BlockQuote> || std::is_same_v<T, ir::List>) {
                        restore(n.attr);
                    }
                },
                b.node);
        },
        [](ir::Inline& in) {
            ir::visit(
                [](auto& n) {
                    using T = std::decay_t<decltype(n)>;
                    if constexpr (std::is_same_v<T, ir::Text> || std::is_same_v<T, ir::RawInline> ||
                                  std::is_same_v<T, ir::UnsupportedInline>) {
                        restore(n.text);
                    } else if constexpr (std::is_same_v<T, ir::Code>) {
                        restore(n.text);
                        restore(n.attr);
                    } else if constexpr (std::is_same_v<T, ir::Link> || std::is_same_v<T, ir::Image>) {
                        restore(n.url);
                        restore(n.title);
                        restore(n.attr);
                    } else if constexpr (std::is_same_v<T, ir::FootnoteReference>) {
                        restore(n.label);
                    } else if constexpr (std::is_same_v<T, ir::Math>) {
                        restore(n.tex);
                    }
                },
                in);
        });
}

}  // namespace blogconv::readers::markdown
