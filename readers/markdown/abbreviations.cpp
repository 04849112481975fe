#include "readers/markdown/abbreviations.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "ir/walk.h"
#include "readers/markdown/kramdown_prepass.h"

namespace blogconv::readers::markdown {

namespace {

// Ruby's \w: ASCII only, so a letter such as `é` is a non-word character to kramdown.
bool is_word(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 && (std::isalnum(u) || c == '_');
}

// Ruby's String#strip: ASCII white space and NUL.
std::string_view strip(std::string_view s) {
    auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == '\0'; };
    while (!s.empty() && ws(s.front())) s.remove_prefix(1);
    while (!s.empty() && ws(s.back())) s.remove_suffix(1);
    return s;
}

// A block IAL line (`{: .x}`, not an extension `{::…}` nor an ALD `{:name: …}`): its text, trimmed.
std::optional<std::string_view> block_ial_text(std::string_view line) {
    std::size_t p = 0;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t' || line[p] == '>')) ++p;
    std::string_view t = strip(line.substr(p));
    if (!t.starts_with("{:") || t.starts_with("{::") || t.starts_with("{:/") || !t.ends_with('}')) return std::nullopt;
    std::string_view inner = t.substr(2, t.size() - 3);
    std::size_t k = 0;
    while (k < inner.size() && (std::isalnum(static_cast<unsigned char>(inner[k])) || inner[k] == '-' || inner[k] == '_')) ++k;
    if (k > 0 && k < inner.size() && inner[k] == ':') return std::nullopt;
    return t;
}

// kramdown's ABBREVIATION_DEFINITION_START on the line's text after its container prefix:
// up to three spaces, `*[`, the abbreviation (one character or more, up to the first `]:`).
struct Definition {
    std::string abbreviation;
    std::string title;
};
std::optional<Definition> parse_definition(std::string_view line, std::size_t prefix_length) {
    // The spaces of the prefix after its last `>` (and the one space a quote marker takes) are
    // the line's indentation inside its container.
    std::string_view prefix = line.substr(0, prefix_length);
    std::size_t quote = prefix.rfind('>');
    std::string_view indent = quote == std::string_view::npos ? prefix : prefix.substr(quote + 1);
    if (quote != std::string_view::npos && indent.starts_with(' ')) indent.remove_prefix(1);
    if (indent.size() > 3 || indent.find('\t') != std::string_view::npos) return std::nullopt;
    std::string_view body = line.substr(prefix_length);
    if (!body.starts_with("*[")) return std::nullopt;
    const std::size_t close = body.find("]:", 3);
    if (close == std::string_view::npos) return std::nullopt;
    return Definition{std::string(body.substr(2, close - 2)), std::string(strip(body.substr(close + 2)))};
}

// kramdown's attribute escaping: entity references stay as they are.
void append_attribute(std::string& out, std::string_view value) {
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '&') {
            std::size_t j = i + 1;
            if (j < value.size() && value[j] == '#') {
                ++j;
                const bool hex = j < value.size() && (value[j] == 'x' || value[j] == 'X');
                if (hex) ++j;
                const std::size_t digits = j;
                while (j < value.size() && (hex ? std::isxdigit(static_cast<unsigned char>(value[j]))
                                                : std::isdigit(static_cast<unsigned char>(value[j]))))
                    ++j;
                if (j == digits) j = value.size();
            } else if (j < value.size() && (std::isalpha(static_cast<unsigned char>(value[j])) || value[j] == '_' || value[j] == ':')) {
                while (j < value.size() && (is_word(value[j]) || value[j] == ':' || value[j] == '.' || value[j] == '-')) ++j;
            } else {
                j = value.size();
            }
            out += j < value.size() && value[j] == ';' ? "&" : "&amp;";
        } else if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else if (c == '"') {
            out += "&quot;";
        } else {
            out += c;
        }
    }
}

std::string open_tag(const Abbreviation& a) {
    std::string tag = "<abbr";
    auto attribute = [&](std::string_view name, std::string_view value) {
        ((tag += ' ') += name) += "=\"";
        append_attribute(tag, value);
        tag += '"';
    };
    if (!a.attr.id.empty()) attribute("id", a.attr.id);
    if (!a.attr.classes.empty()) {
        std::string classes;
        for (const auto& c : a.attr.classes) classes += (classes.empty() ? "" : " ") + c;
        attribute("class", classes);
    }
    for (const auto& kv : a.attr.attributes) attribute(kv.first, kv.second);
    if (!a.title.empty()) attribute("title", a.title);
    return tag + ">";
}

class Marking {
public:
    explicit Marking(const Abbreviations& abbreviations) {
        nodes_.emplace_back();
        for (const auto& kv : abbreviations) {
            std::size_t n = 0;
            for (char c : kv.first) n = next_or_add(n, c);
            nodes_[n].key = &kv.first;
            tags_.emplace(kv.first, open_tag(kv.second));
        }
    }

    // One inline list: its texts split around the abbreviations they hold.
    void rewrite(ir::Inlines& inlines) const {
        bool any = false;
        for (const auto& in : inlines)
            if (const auto* t = ir::get_if<ir::Text>(in))
                for (std::size_t p = 0; !any && p < t->text.size(); ++p) any = first_key(t->text, p, false) != nullptr;
        if (!any) return;
        ir::Inlines out;
        out.reserve(inlines.size() + 3);
        for (auto& in : inlines) {
            auto* t = ir::get_if<ir::Text>(in);
            // A kramdown text element runs on across what cmark split into several Text nodes.
            if (t && !out.empty())
                if (auto* prev = ir::get_if<ir::Text>(out.back())) {
                    prev->text += t->text;
                    continue;
                }
            out.push_back(std::move(in));
        }
        inlines.clear();
        for (auto& in : out) {
            const auto* t = ir::get_if<ir::Text>(in);
            if (!t) {
                inlines.push_back(std::move(in));
                continue;
            }
            split(t->text, inlines);
        }
    }

private:
    // The first abbreviation written at `at` in kramdown's order, which is the longest; with
    // `bounded`, the longest not followed by a word character. A walk down the trie of the
    // abbreviations: as long as the longest one, whatever their number.
    const std::string* first_key(std::string_view s, std::size_t at, bool bounded) const {
        const std::string* found = nullptr;
        std::size_t n = 0;
        for (std::size_t p = at; p < s.size(); ++p) {
            n = next(n, s[p]);
            if (n == 0) break;
            if (const std::string* k = nodes_[n].key; k && !(bounded && p + 1 < s.size() && is_word(s[p + 1])))
                found = k;
        }
        return found;
    }

    // The trie node under `n` for byte `c`, 0 when there is none.
    std::size_t next(std::size_t n, char c) const {
        for (const auto& [b, child] : nodes_[n].children)
            if (b == c) return child;
        return 0;
    }
    std::size_t next_or_add(std::size_t n, char c) {
        if (std::size_t child = next(n, c)) return child;
        nodes_[n].children.emplace_back(c, nodes_.size());
        nodes_.emplace_back();
        return nodes_.size() - 1;
    }

    static std::size_t char_length(std::string_view s, std::size_t at) {
        const auto u = static_cast<unsigned char>(s[at]);
        std::size_t n = u < 0x80 ? 1 : u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
        return std::min(n, s.size() - at);
    }

    // kramdown's scan: the first place where `(?:\W|^)ABBR(?!\w)` matches, then the abbreviation
    // read from there (after the non-word character, when one stands first).
    void split(std::string_view s, ir::Inlines& out) const {
        std::size_t from = 0;  // start of the text not yet written
        std::size_t p = 0;
        while (p < s.size()) {
            const bool line_start = p == 0 || s[p - 1] == '\n';
            const std::size_t c = char_length(s, p);
            const bool non_word = !is_word(s[p]);
            if (!((non_word && first_key(s, p + c, true)) || (line_start && first_key(s, p, true)))) {
                p += c;
                continue;
            }
            const std::string* key = first_key(s, p, false);
            if (!key && non_word) {
                p += c;
                key = first_key(s, p, false);
            }
            if (!key) break;  // not reached: the match above found one here
            if (p > from) out.push_back(ir::Inline{ir::Text{std::string(s.substr(from, p - from))}});
            out.push_back(ir::Inline{ir::RawInline{"html", tags_.at(*key)}});
            out.push_back(ir::Inline{ir::Text{*key}});
            out.push_back(ir::Inline{ir::RawInline{"html", "</abbr>"}});
            p += key->size();
            from = p;
        }
        if (from < s.size()) out.push_back(ir::Inline{ir::Text{std::string(s.substr(from))}});
    }

    struct Node {
        std::vector<std::pair<char, std::size_t>> children;
        const std::string* key = nullptr;  // the abbreviation that ends here
    };
    std::vector<Node> nodes_;  // nodes_[0] is the root
    std::map<std::string, std::string> tags_;
};

}  // namespace

std::size_t read_abbreviation_definition(const std::vector<std::string_view>& lines, std::size_t i,
                                         std::size_t prefix_length, std::vector<Marker>& markers,
                                         Abbreviations& abbreviations) {
    auto definition = parse_definition(lines[i], prefix_length);
    if (!definition) return 0;
    Abbreviation a{std::move(definition->title), {}};
    // kramdown gives a block IAL to the block element after it, here the definition's own.
    if (i > 0 && !markers.empty() && markers.back().kind == MarkerKind::block_ial) {
        if (auto before = block_ial_text(lines[i - 1]); before && *before == markers.back().original) {
            a.attr = markers.back().attr;
            markers.back().attr = {};
            markers.back().refs.clear();
        }
    }
    std::size_t used = 1;
    if (i + 1 < lines.size())
        if (auto after = block_ial_text(lines[i + 1])) {
            std::vector<std::string> refs;
            ir::Attr more;
            if (parse_ial(after->substr(2, after->size() - 3), more, refs)) {
                if (!more.id.empty()) a.attr.id = more.id;
                a.attr.classes.insert(a.attr.classes.end(), more.classes.begin(), more.classes.end());
                a.attr.attributes.insert(a.attr.attributes.end(), more.attributes.begin(), more.attributes.end());
                used = 2;
            }
        }
    abbreviations[definition->abbreviation] = std::move(a);
    return used;
}

void apply_abbreviations(ir::Blocks& blocks, const Abbreviations& abbreviations) {
    if (abbreviations.empty()) return;
    const Marking marker(abbreviations);
    // Each inline list is rewritten by its owner before the walk enters it, so the walk never
    // meets a list whose length changes under it.
    ir::walk(
        blocks,
        [&](ir::Block& b) {
            std::visit(ir::overloaded{[&](ir::Paragraph& x) { marker.rewrite(x.children); },
                                      [&](ir::Heading& x) { marker.rewrite(x.children); },
                                      [&](ir::Table& x) {
                                          for (auto* rows : {&x.head, &x.body})
                                              for (auto& row : *rows)
                                                  for (auto& cell : row) marker.rewrite(cell.children);
                                      },
                                      [&](ir::DefinitionList& x) {
                                          for (auto& item : x.items) marker.rewrite(item.term);
                                      },
                                      [](auto&) {}},
                       b.node);
        },
        [&](ir::Inline& in) {
            // An image's alt is an attribute to kramdown: its text stays as written.
            if (ir::get_if<ir::Image>(in)) return ir::Descend::no;
            ir::visit(ir::overloaded{[&](ir::Emphasis& x) { marker.rewrite(x.children); },
                                     [&](ir::Strong& x) { marker.rewrite(x.children); },
                                     [&](ir::Strikethrough& x) { marker.rewrite(x.children); },
                                     [&](ir::Link& x) { marker.rewrite(x.children); }, [](auto&) {}},
                      in);
            return ir::Descend::yes;
        });
}

}  // namespace blogconv::readers::markdown
