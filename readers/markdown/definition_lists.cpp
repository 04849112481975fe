#include "readers/markdown/definition_lists.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace blogconv::readers::markdown {

namespace {

struct Line {
    std::string text;
    std::size_t src = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

bool is_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return is_space(c) || c == '\r' || c == '\f' || c == '\v'; });
}

std::size_t leading_spaces(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && s[n] == ' ') ++n;
    return n;
}

int indent_columns(std::string_view s) {
    int col = 0;
    for (char c : s) {
        if (c == ' ') ++col;
        else if (c == '\t') col += 4 - col % 4;
        else break;
    }
    return col;
}

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80; }

// kramdown's DEFINITION_LIST_START with at most `max_spaces` spaces before the colon (fetch_pattern
// narrows it to the definition's indentation): the length of spaces and colon, or 0. PATTERN_TAIL
// wants a tab, a space or a `|` right after the colon.
std::size_t definition_start(std::string_view line, std::size_t max_spaces) {
    std::size_t n = leading_spaces(line);
    if (n > max_spaces || n + 1 >= line.size() || line[n] != ':') return 0;
    char c = line[n + 1];
    return c == ' ' || c == '\t' || c == '|' ? n + 1 : 0;
}

}  // namespace

// LIST_ITEM_IAL: white space, `{:…}` that is not an ALD (`{:name:`), an extension (`{::`) or a
// closing tag (`{:/`), white space.
std::size_t item_ial_length(std::string_view s) {
    std::size_t p = 0;
    while (p < s.size() && std::isspace(static_cast<unsigned char>(s[p]))) ++p;
    if (s.substr(p, 2) != "{:") return 0;
    std::size_t q = p + 2;
    if (q < s.size() && (s[q] == ':' || s[q] == '/')) return 0;
    if (q < s.size() && is_word(s[q])) {
        std::size_t r = q + 1;
        while (r < s.size() && (is_word(s[r]) || s[r] == '-')) ++r;
        if (r < s.size() && s[r] == ':') return 0;
    }
    std::size_t k = q;
    while (k < s.size() && s[k] != '}') k += s[k] == '\\' && k + 1 < s.size() && s[k + 1] == '}' ? 2 : 1;
    if (k >= s.size() || k == q) return 0;
    ++k;
    while (k < s.size() && std::isspace(static_cast<unsigned char>(s[k]))) ++k;
    return k;
}

namespace {

// kramdown's IAL_BLOCK: an IAL alone on its line.
bool is_block_ial(std::string_view s) {
    std::size_t n = item_ial_length(s);
    return n > 0 && s.substr(0, 2) == "{:" && is_blank(s.substr(n));
}

// LAZY_END_HTML_START / LAZY_END_HTML_STOP: a tag that is not a span element (nor script).
bool is_lazy_end_html(std::string_view s) {
    if (s.size() < 2 || s[0] != '<') return false;
    std::size_t p = s[1] == '/' ? 2 : 1;
    if (p >= s.size() || !(std::isalpha(static_cast<unsigned char>(s[p])) || s[p] == '_' || s[p] == ':')) return false;
    std::size_t e = p;
    while (e < s.size() && (is_word(s[e]) || s[e] == '-' || s[e] == '.' || s[e] == ':')) ++e;
    std::string name(s.substr(p, e - p));
    std::size_t w = 0;
    while (w < name.size() && is_word(name[w])) ++w;
    static constexpr std::string_view span[] = {
        "a",   "abbr", "acronym", "b",   "big", "bdo", "br",  "button", "cite", "code", "del",  "dfn",
        "em",  "i",    "img",     "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp",
        "rt",  "rtc",  "ruby",    "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u",
        "var", "script"};
    if (std::find(std::begin(span), std::end(span), std::string_view(name).substr(0, w)) != std::end(span)) return false;
    if (p == 2) {  // a closing tag must close on this line: `</name\s*>`
        while (e < s.size() && std::isspace(static_cast<unsigned char>(s[e]))) ++e;
        return e < s.size() && s[e] == '>';
    }
    return true;
}

// kramdown's content_re for a definition indented `ind` columns: ind/4 indentation units (a tab
// or four spaces), then ind%4 spaces or one more unit.
bool indented_enough(std::string_view line, std::size_t ind) {
    std::size_t p = 0;
    auto unit = [&]() {
        if (p < line.size() && line[p] == '\t') {
            ++p;
            return true;
        }
        if (line.substr(p, 4) == "    ") {
            p += 4;
            return true;
        }
        return false;
    };
    for (std::size_t u = 0; u < ind / 4; ++u)
        if (!unit()) return false;
    std::size_t rest = ind % 4;
    return line.substr(p, rest) == std::string(rest, ' ') || unit();
}

// A line of a definition after its first, as kramdown keeps it: leading tabs become four spaces
// each, then the definition's indentation goes.
std::string dedent(std::string_view line, std::size_t ind) {
    std::size_t tabs = 0;
    while (tabs < line.size() && line[tabs] == '\t') ++tabs;
    std::string out(tabs * 4, ' ');
    out += line.substr(tabs);
    if (leading_spaces(out) >= ind) out.erase(0, ind);
    return out;
}

// parse_first_list_line: the text after the colon without its leading white space (tabs counted
// to the next multiple of four), and the indentation the definition's further lines need.
std::pair<std::string, std::size_t> first_line(std::string_view content, std::size_t ind) {
    std::string c(content);
    std::size_t ial = item_ial_length(c);
    if (is_blank(std::string_view(c).substr(ial))) {
        ind = 4;
    } else {
        while (true) {
            std::size_t sp = leading_spaces(c);
            if (sp >= c.size() || c[sp] != '\t') break;
            std::size_t tabs = 0;
            while (sp + tabs < c.size() && c[sp + tabs] == '\t') ++tabs;
            std::size_t temp = sp + ind;
            c.replace(sp, tabs, std::string(4 - temp % 4 + (tabs - 1) * 4, ' '));
        }
        ind += leading_spaces(c);
    }
    std::size_t ws = 0;
    while (ws < c.size() && std::isspace(static_cast<unsigned char>(c[ws]))) ++ws;
    c.erase(0, ws);
    c.erase(0, item_ial_length(c));
    return {std::move(c), ind};
}

bool is_list_marker(std::string_view s) {
    if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && is_space(s[1])) return true;
    std::size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && is_space(s[i + 1]);
}

bool is_rule(std::string_view s) {
    if (s.empty() || (s[0] != '-' && s[0] != '*' && s[0] != '_')) return false;
    std::size_t n = 0;
    for (char c : s) {
        if (c == s[0]) ++n;
        else if (!is_space(c)) return false;
    }
    return n >= 3;
}

std::pair<char, std::size_t> fence_at(std::string_view s) {
    if (s.empty() || (s[0] != '`' && s[0] != '~')) return {0, 0};
    std::size_t n = 0;
    while (n < s.size() && s[n] == s[0]) ++n;
    return n >= 3 ? std::pair{s[0], n} : std::pair<char, std::size_t>{0, 0};
}

bool contains_ci(std::string_view s, std::string_view lower) {
    if (lower.size() > s.size()) return false;
    for (std::size_t i = 0; i + lower.size() <= s.size(); ++i) {
        std::size_t k = 0;
        while (k < lower.size() && std::tolower(static_cast<unsigned char>(s[i + k])) == lower[k]) ++k;
        if (k == lower.size()) return true;
    }
    return false;
}

// HTML that cmark keeps raw up to its closing text, blank lines and all (its HTML block kinds 1
// and 2), and kramdown's raw extensions: the closing text when `s` opens such a block that does
// not close on this line, else "".
std::string_view raw_html_end(std::string_view s) {
    if (s.starts_with("<!--")) return s.find("-->", 4) == std::string_view::npos ? "-->" : "";
    // kramdown's nomarkdown and comment extensions run to their closing tag the same way.
    if (s.starts_with("{::nomarkdown") || s.starts_with("{::comment"))
        return s.find("{:/") == std::string_view::npos ? "{:/" : "";
    static constexpr std::pair<std::string_view, std::string_view> tags[] = {
        {"pre", "</pre>"}, {"script", "</script>"}, {"style", "</style>"}, {"textarea", "</textarea>"}};
    for (const auto& [name, close] : tags) {
        if (s.size() <= name.size() || s[0] != '<') continue;
        bool same = true;
        for (std::size_t k = 0; k < name.size(); ++k)
            same = same && std::tolower(static_cast<unsigned char>(s[k + 1])) == name[k];
        char after = s.size() > name.size() + 1 ? s[name.size() + 1] : ' ';
        if (same && (after == '>' || is_space(after)) && !contains_ci(s, close)) return close;
    }
    return "";
}

// What a line (indented less than four columns) starts, for the scan below.
enum class Start { text, definition, fence, list, container, single };

// ATX_HEADER_START: hashes at the very start of the line; GFM's wants white space after them.
bool is_atx(std::string_view line, bool gfm) {
    std::size_t n = 0;
    while (n < line.size() && line[n] == '#') ++n;
    if (n == 0 || n > 6) return false;
    return gfm ? n < line.size() && is_space(line[n]) : line.substr(n).find_first_not_of(" \t") != std::string_view::npos;
}

Start classify(std::string_view line, bool gfm) {
    std::string_view s = line.substr(leading_spaces(line));
    if (definition_start(line, 3)) return Start::definition;
    if (fence_at(s).first) return Start::fence;
    if (is_rule(s)) return Start::single;
    if (is_list_marker(s)) return Start::list;
    if (is_atx(line, gfm) || s[0] == '^' || is_block_ial(s)) return Start::single;
    if (s[0] == '[' && s.find("]:") != std::string_view::npos) return s.starts_with("[^") ? Start::container : Start::single;
    if (s.starts_with("*[")) return Start::single;
    if (s[0] == '>' || s[0] == '|' || s.starts_with("{::") || s.starts_with("$$")) return Start::container;
    if (s[0] == '<' && s.size() > 1 && (std::isalpha(static_cast<unsigned char>(s[1])) || s[1] == '/' || s[1] == '!'))
        return Start::container;
    return Start::text;
}

class Rewriter {
public:
    explicit Rewriter(bool gfm) : gfm_(gfm) {}
    bool changed = false;

    // Rewrites one block-level text (the document, or a definition's own text) into `out`.
    void run(const std::vector<Line>& in, std::vector<Line>& out) {
        // The block the last non-blank line belongs to, and the blank lines since it.
        enum class Block { none, para, fence, code, list, container, raw } cur = Block::none;
        std::string_view raw_end;  // for Block::raw: the text that closes it
        std::size_t blanks = 0;
        bool blank_exact = true;  // every one of those blank lines is empty (kramdown's "\n")
        std::size_t para_start = 0;
        bool clean = true;  // the paragraph is one kramdown and cmark agree on
        // Every line has a `|`: kramdown's table parser takes such a paragraph when a blank line
        // ends it (a table must end at a block boundary).
        bool pipes = false;
        std::pair<char, std::size_t> fence{0, 0};

        for (std::size_t i = 0; i < in.size(); ++i) {
            const std::string& line = in[i].text;
            if (cur == Block::fence) {
                std::string_view s = std::string_view(line).substr(leading_spaces(line));
                auto [c, n] = fence_at(s);
                if (c == fence.first && n >= fence.second && is_blank(s.substr(n))) cur = Block::none;
                out.push_back(in[i]);
                continue;
            }
            if (cur == Block::raw) {
                if (contains_ci(line, raw_end)) cur = Block::container;
                out.push_back(in[i]);
                continue;
            }
            if (is_blank(line)) {
                out.push_back(in[i]);
                ++blanks;
                blank_exact = blank_exact && line.empty();
                continue;
            }
            int indent = indent_columns(line);
            bool after_blank = blanks > 0;
            bool exact_one = blanks == 1 && blank_exact;
            blanks = 0;
            blank_exact = true;
            if (cur == Block::code && indent >= 4) {
                out.push_back(in[i]);
                continue;
            }
            if (cur == Block::list && (!after_blank || indent >= 2 || classify(line, gfm_) == Start::list)) {
                out.push_back(in[i]);
                continue;
            }
            if (cur == Block::container && !after_blank) {
                out.push_back(in[i]);
                continue;
            }
            bool continues = cur == Block::para && !after_blank;
            if (indent >= 4 && !continues) {
                cur = Block::code;
                out.push_back(in[i]);
                continue;
            }
            Start k = indent >= 4 ? Start::text : classify(line, gfm_);
            if (k == Start::definition && cur == Block::para && clean && (!after_blank || (exact_one && !pipes))) {
                i = definitions(in, i, out, para_start, after_blank);
                cur = Block::none;
                continue;
            }
            switch (k) {
                case Start::text:
                case Start::definition:  // no term before it: a paragraph to kramdown
                    if (continues) {
                        std::string_view s = std::string_view(line).substr(leading_spaces(line));
                        if (s.find_first_not_of('=') == std::string_view::npos) clean = false;  // setext
                    } else {
                        cur = Block::para;
                        para_start = out.size();
                        clean = true;
                        pipes = true;
                    }
                    pipes = pipes && line.find('|') != std::string::npos;
                    break;
                case Start::fence:
                    cur = Block::fence;
                    fence = fence_at(std::string_view(line).substr(leading_spaces(line)));
                    break;
                case Start::list: cur = Block::list; break;
                case Start::container:
                    raw_end = raw_html_end(std::string_view(line).substr(leading_spaces(line)));
                    cur = raw_end.empty() ? Block::container : Block::raw;
                    break;
                case Start::single: cur = Block::none; break;
            }
            out.push_back(in[i]);
        }
    }

private:
    // kramdown's parse_definition_list from the `:` line `i`: the terms are out[para_start…],
    // then one bullet item per definition. Returns the last line it took.
    std::size_t definitions(const std::vector<Line>& in, std::size_t i, std::vector<Line>& out, std::size_t para_start,
                            bool after_blank) {
        changed = true;
        std::size_t terms_end = out.size() - (after_blank ? 1 : 0);
        for (std::size_t t = para_start; t < terms_end; ++t) out[t].text.erase(0, item_ial_length(out[t].text));

        struct Item {
            std::vector<Line> body;
        };
        std::vector<Item> items;
        std::size_t max_spaces = 3;
        std::size_t ind = 0;
        bool last_blank = false;
        std::size_t j = i;
        for (; j < in.size(); ++j) {
            const std::string& line = in[j].text;
            if (std::size_t marker = definition_start(line, max_spaces)) {
                auto [content, indentation] = first_line(std::string_view(line).substr(marker), marker);
                ind = indentation;
                max_spaces = std::min<std::size_t>(ind - 1, 3);
                items.push_back({{{std::move(content), in[j].src}}});
                last_blank = false;
            } else if (line.starts_with('^') && is_blank(std::string_view(line).substr(1))) {
                break;
            } else if (is_blank(line)) {
                items.back().body.push_back({"", in[j].src});
                last_blank = true;
            } else if (indented_enough(line, ind) || (!last_blank && !lazy_end(line, ind))) {
                items.back().body.push_back({dedent(line, ind), in[j].src});
                last_blank = false;
            } else {
                break;
            }
        }
        // kramdown moves the blank lines that end the last definition after the list.
        std::vector<Line> trailing;
        for (auto& item : items) {
            auto& body = item.body;
            auto last = std::find_if(body.rbegin(), body.rend(), [](const Line& l) { return !l.text.empty(); }).base();
            trailing.assign(std::make_move_iterator(last), std::make_move_iterator(body.end()));
            body.erase(last, body.end());
            // Blank lines at the start of a definition mean nothing to kramdown's block parser.
            auto first = std::find_if(body.begin(), body.end(), [](const Line& l) { return !l.text.empty(); });
            body.erase(body.begin(), first);
        }

        // No blank line after the terms: the item below ends their paragraph for cmark, and a blank
        // line would let the pre-pass read a term with a `|` as a one-row table.
        for (auto& item : items) {
            std::size_t src = item.body.empty() ? in[i].src : item.body.front().src;
            out.push_back({"- " + std::string(definition_sentinel), src});
            out.push_back({"", src});
            std::vector<Line> inner;
            // Each level copies its definitions' text once more: past this depth (which no real
            // text reaches) a nested list stays text rather than cost quadratic time.
            if (depth_ < max_depth) {
                ++depth_;
                run(item.body, inner);
                --depth_;
            } else {
                inner = std::move(item.body);
            }
            for (auto& l : inner) {
                if (!l.text.empty()) l.text.insert(0, "  ");
                out.push_back(std::move(l));
            }
            // Keeps cmark from reading the next definition as part of this one's last paragraph.
            if (&item != &items.back()) out.push_back({"", src});
        }
        for (auto& l : trailing) out.push_back(std::move(l));
        // The end-of-block marker, so that a list after the blank lines is not joined to these items.
        if (!trailing.empty() && j < in.size()) out.push_back({"^", trailing.back().src});
        return j - 1;
    }

    // lazy_re's exceptions: a block IAL or an HTML block tag does not continue a definition.
    static constexpr int max_depth = 32;
    int depth_ = 0;
    bool gfm_;

    static bool lazy_end(std::string_view line, std::size_t ind) {
        std::size_t sp = leading_spaces(line);
        if (sp > std::min<std::size_t>(ind, 3)) return false;
        std::string_view s = line.substr(sp);
        return is_block_ial(s) || is_lazy_end_html(s);
    }
};

// update_attr_with_ial: classes are added, the id and other keys replaced.
void merge_ial_after(ir::Attr& into, const ir::Attr& from) {
    if (!from.id.empty()) into.id = from.id;
    for (const auto& c : from.classes) into.classes.push_back(c);
    for (const auto& kv : from.attributes) {
        auto it = std::find_if(into.attributes.begin(), into.attributes.end(),
                               [&kv](const auto& x) { return x.first == kv.first; });
        if (it != into.attributes.end()) it->second = kv.second;
        else into.attributes.push_back(kv);
    }
}

}  // namespace

std::optional<DefinitionListText> rewrite_definition_lists(std::string_view text, bool gfm) {
    std::vector<Line> lines;
    bool any = false;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        any = any || definition_start(line, 3);
        lines.push_back({std::string(line), lines.size()});
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    if (!any) return std::nullopt;
    Rewriter r(gfm);
    std::vector<Line> out;
    r.run(lines, out);
    if (!r.changed) return std::nullopt;
    DefinitionListText result;
    for (auto& l : out) {
        result.text += l.text;
        result.text += '\n';
        result.source_line.push_back(l.src);
    }
    return result;
}

bool is_definition_items(const ir::Block& b) {
    const auto* list = std::get_if<ir::List>(&b.node);
    if (!list || list->ordered || list->items.empty()) return false;
    return std::all_of(list->items.begin(), list->items.end(), [](const ir::ListItem& item) {
        if (item.children.empty()) return false;
        const auto* p = std::get_if<ir::Paragraph>(&item.children.front().node);
        if (!p || p->children.size() != 1) return false;
        const auto* t = std::get_if<ir::Text>(&p->children.front().node);
        return t && t->text == definition_sentinel;
    });
}

void fold_definition_lists(ir::Blocks& bs) {
    ir::Blocks out;
    out.reserve(bs.size());
    // The definition list an IAL after it ended: kramdown leaves an end-of-block element after
    // such an IAL, so the next list does not join it.
    std::size_t sealed = static_cast<std::size_t>(-1);
    for (auto& b : bs) {
        if (!is_definition_items(b)) {
            out.push_back(std::move(b));
            continue;
        }
        auto& items = std::get<ir::List>(b.node);
        ir::DefinitionList dl;
        ir::SourcePos pos = b.pos;
        if (auto* para = out.empty() ? nullptr : std::get_if<ir::Paragraph>(&out.back().node)) {
            // Each line of the paragraph is a term.
            dl.items.emplace_back();
            for (auto& node : para->children) {
                if (std::holds_alternative<ir::SoftBreak>(node.node) || std::holds_alternative<ir::HardBreak>(node.node))
                    dl.items.emplace_back();
                else
                    dl.items.back().term.push_back(std::move(node));
            }
            dl.attr = para->attr;
            pos = out.back().pos;
            out.pop_back();
        } else {
            dl.items.emplace_back();
        }
        // An IAL after the list lands on the cmark list; kramdown gives it to the definition list.
        const bool ial_after = !items.attr.empty();
        for (auto& item : items.items) {
            item.children.erase(item.children.begin());  // the sentinel paragraph
            dl.items.back().definitions.push_back(std::move(item.children));
        }
        // kramdown adds the definitions of a list that follows another (blank lines between) to it.
        auto* prev = out.empty() || out.size() - 1 == sealed ? nullptr : std::get_if<ir::DefinitionList>(&out.back().node);
        if (prev) {
            for (auto& item : dl.items) prev->items.push_back(std::move(item));
            merge_ial_after(prev->attr, items.attr);
        } else {
            merge_ial_after(dl.attr, items.attr);
            out.push_back(ir::Block(std::move(dl), pos));
        }
        if (ial_after) sealed = out.size() - 1;
    }
    bs = std::move(out);
}

}  // namespace blogconv::readers::markdown
