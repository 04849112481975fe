#include "writers/markdown/commonmark_writer.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>

namespace blogconv::writers {

namespace {

bool is_ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::size_t longest_run(std::string_view s, char c) {
    std::size_t best = 0, run = 0;
    for (char x : s) {
        run = x == c ? run + 1 : 0;
        best = std::max(best, run);
    }
    return best;
}

// Breaks up template and comment syntax inside an HTML comment we write ourselves, so that
// neither Liquid nor Hugo nor the HTML parser reads it.
std::string comment_text(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        out += c;
        if (c == '{' && i + 1 < text.size() && (text[i + 1] == '%' || text[i + 1] == '{')) out += ' ';
        if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') out += ' ';
        if (c == '>' && out.size() >= 2 && out[out.size() - 2] == '-') out.insert(out.size() - 1, " ");
    }
    if (!out.empty() && out.back() == '-') out += ' ';
    return out;
}

// CommonMark's character classes for delimiter runs, on the UTF-8 character that ends
// (`before`) or starts (`after`) a piece of output. '\0' stands for the line's edge, which counts
// as white space. Outside ASCII, the CJK and general punctuation blocks count as punctuation and
// everything else as a letter: enough for the emphasis that real posts hold.
enum class CharClass { space, punctuation, other };

CharClass class_of_code_point(std::uint32_t cp) {
    if (cp == 0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000)
        return CharClass::space;
    if (cp < 0x80) return std::ispunct(static_cast<int>(cp)) ? CharClass::punctuation : CharClass::other;
    if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
        (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
        cp == 0xA1 || cp == 0xA7 || cp == 0xAB || cp == 0xB6 || cp == 0xB7 || cp == 0xBB || cp == 0xBF)
        return CharClass::punctuation;
    return CharClass::other;
}

std::uint32_t decode_at(std::string_view s, std::size_t i) {
    const auto u = static_cast<unsigned char>(s[i]);
    const std::size_t n = u < 0x80 ? 1 : u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : 2;
    std::uint32_t cp = n == 1 ? u : u & (n == 4 ? 0x07U : n == 3 ? 0x0FU : 0x1FU);
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3FU);
    return cp;
}

CharClass last_char_class(std::string_view s) {
    if (s.empty()) return CharClass::space;
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return class_of_code_point(decode_at(s, i));
}

CharClass first_char_class(std::string_view s) { return s.empty() ? CharClass::space : class_of_code_point(decode_at(s, 0)); }

// Whether `*`-delimited text reads back as emphasis: the opening run must be left-flanking and
// the closing one right-flanking (CommonMark 6.2), given what comes before and after.
bool star_delimiters_flank(CharClass before_open, CharClass after_open, CharClass before_close, CharClass after_close) {
    const bool left = after_open != CharClass::space &&
                      (after_open != CharClass::punctuation || before_open != CharClass::other);
    const bool right = before_close != CharClass::space &&
                       (before_close != CharClass::punctuation || after_close != CharClass::other);
    return left && right;
}

// An HTML block holds its blank lines in kramdown, which reads the element to its end tag;
// a CommonMark reader ends the block at the first one and reads indented lines after it as
// code. Between tags a blank line means nothing, so it goes; inside <pre> or <textarea> it is
// content, and there the block is left as it is.
std::string without_blank_lines(const std::string& html) {
    if (html.find("<pre") != std::string::npos || html.find("<textarea") != std::string::npos ||
        html.find("<PRE") != std::string::npos)
        return html;
    std::string out;
    out.reserve(html.size());
    std::size_t start = 0;
    while (start <= html.size()) {
        std::size_t nl = html.find('\n', start);
        const std::size_t end = nl == std::string::npos ? html.size() : nl;
        const std::string_view line = std::string_view(html).substr(start, end - start);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
            if (!out.empty()) out += '\n';
            out += line;
        }
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        auto nl = s.find('\n', start);
        if (nl == std::string::npos) {
            lines.push_back(s.substr(start));
            break;
        }
        lines.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

// Prefixes the first line with `first` and the others with `rest` (blank lines stay blank, as a
// container's lazy continuation would otherwise differ only in trailing spaces).
std::string prefix_lines(const std::string& text, const std::string& first, const std::string& rest,
                         bool prefix_blank = false) {
    auto lines = split_lines(text);
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& p = i == 0 ? first : rest;
        if (lines[i].empty() && i != 0 && !prefix_blank) {
            // keep blank
        } else if (lines[i].empty()) {
            std::string trimmed = p;
            while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
            out += trimmed;
        } else {
            out += p + lines[i];
        }
        if (i + 1 < lines.size()) out += '\n';
    }
    return out;
}

bool is_block_start_escape_needed(const std::string& line, std::size_t& where) {
    // Where a line of paragraph text would start a different block, the character to escape.
    std::size_t i = 0;
    if (line.empty()) return false;
    char c = line[0];
    auto space_or_end = [&](std::size_t k) { return k >= line.size() || line[k] == ' ' || line[k] == '\t'; };
    where = 0;
    if (c == '#') {
        // kramdown also reads `##Title` (no space) as a heading: escape that too.
        while (i < line.size() && line[i] == '#') ++i;
        return i <= 6;
    }
    if (c == '>') return true;
    if (c == '+' || c == '-' || c == ':') return space_or_end(1) || (c == '-' && line[1] == '-');
    if (c == '=') return line.find_first_not_of("= ") == std::string::npos;
    if (std::isdigit(static_cast<unsigned char>(c))) {
        while (i < line.size() && i < 9 && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
        if (i < line.size() && (line[i] == '.' || line[i] == ')') && space_or_end(i + 1)) {
            where = i;
            return true;
        }
    }
    return false;
}

class Writer {
public:
    Writer(const CommonMarkOptions& o, CommonMarkReport* report) : o_(o), report_(report ? report : &own_) {}

    std::string blocks(const ir::Blocks& bs, bool tight = false) {
        std::string out;
        const ir::Block* prev = nullptr;
        for (const auto& b : bs) {
            std::string s = block(b, prev);
            if (s.empty()) continue;
            if (!out.empty()) out += tight ? "\n" : "\n\n";
            out += s;
            prev = &b;
        }
        return out;
    }

    std::string inlines(const ir::Inlines& ins, bool in_table = false) {
        std::vector<std::string> parts;
        parts.reserve(ins.size());
        for (const auto& in : ins) parts.push_back(inline_node(in, in_table));
        // kramdown pairs emphasis where CommonMark's flanking rules would not (`MAX*-1*`,
        // `**「x」**y`): such an element is written as HTML, which every CommonMark reader keeps.
        for (std::size_t i = 0; i < ins.size(); ++i) {
            const bool em = std::holds_alternative<ir::Emphasis>(ins[i].node);
            if (!em && !std::holds_alternative<ir::Strong>(ins[i].node)) continue;
            const std::string& s = parts[i];
            const std::size_t a = s.find_first_not_of(' '), b = s.find_last_not_of(' ');
            const std::size_t d = em ? 1 : 2;
            if (a == std::string::npos || b - a + 1 < 2 * d + 1) continue;
            const CharClass before_open = a > 0 ? CharClass::space : i > 0 ? last_char_class(parts[i - 1]) : CharClass::space;
            const CharClass after_close = b + 1 < s.size() ? CharClass::space
                                          : i + 1 < parts.size() ? first_char_class(parts[i + 1])
                                                                 : CharClass::space;
            const std::string_view inner = std::string_view(s).substr(a + d, b + 1 - a - 2 * d);
            if (star_delimiters_flank(before_open, first_char_class(inner), last_char_class(inner), after_close))
                continue;
            const char* tag = em ? "em" : "strong";
            parts[i] = s.substr(0, a) + "<" + tag + ">" + std::string(inner) + "</" + tag + ">" + s.substr(b + 1);
        }
        std::string out;
        for (const auto& p : parts) out += p;
        return out;
    }

    // Paragraph text: inline Markdown plus escapes where a line would start another block.
    std::string paragraph_text(const ir::Inlines& ins) {
        std::string text = inlines(ins);
        auto lines = split_lines(text);
        std::string out;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string& line = lines[i];
            // Leading white space would be stripped by the parser; keep it as character references.
            std::size_t lead = 0;
            while (lead < line.size() && line[lead] == ' ') ++lead;
            std::string head;
            for (std::size_t k = 0; k < lead; ++k) head += "&#32;";
            line = head + line.substr(lead);
            std::size_t where = 0;
            if (lead == 0 && is_block_start_escape_needed(line, where)) line.insert(where, "\\");
            // Two trailing spaces would become a hard break.
            std::size_t trail = 0;
            while (trail < line.size() && line[line.size() - 1 - trail] == ' ') ++trail;
            if (trail > 0 && !(line.size() >= 1 && line.back() == '\\')) {
                line.resize(line.size() - trail);
                for (std::size_t k = 0; k < trail; ++k) line += "&#32;";
            }
            out += line;
            if (i + 1 < lines.size()) out += '\n';
        }
        return out;
    }

    CommonMarkReport& report() { return *report_; }

private:
    std::string protect(std::string_view s) const {
        return o_.protect_literal ? o_.protect_literal(s) : std::string(s);
    }

    std::string unsupported(const UnsupportedNode& n, bool block) {
        report_->unsupported.push_back(n);
        if (o_.unsupported) return o_.unsupported(n, block);
        return "<!-- unsupported " + comment_text(n.kind) + ": " + comment_text(n.text) + " -->";
    }

    std::string attr_text(const ir::Attr& a, bool kramdown_colon) {
        std::string s = kramdown_colon ? "{:" : "{";
        bool first = !kramdown_colon;
        auto sep = [&] {
            if (!first) s += ' ';
            first = false;
        };
        if (!a.id.empty()) {
            sep();
            s += "#" + a.id;
        }
        for (const auto& c : a.classes) {
            sep();
            s += "." + c;
        }
        for (const auto& [k, v] : a.attributes) {
            sep();
            std::string val;
            for (char c : v) {
                if (c == '"' || c == '\\') val += '\\';
                val += c;
            }
            s += k + "=\"" + val + "\"";
        }
        return s + "}";
    }

    // The attribute line written after a block, or "".
    std::string block_attr_line(const ir::Attr& a) {
        if (a.empty()) return "";
        switch (o_.attributes) {
        case AttributeSyntax::none: report_->dropped_attributes++; return "";
        case AttributeSyntax::kramdown: report_->used_block_attributes = true; return "\n" + attr_text(a, true);
        case AttributeSyntax::goldmark: report_->used_block_attributes = true; return "\n" + attr_text(a, false);
        }
        return "";
    }

    std::string block(const ir::Block& b, const ir::Block* prev) {
        return std::visit(
            ir::overloaded{
                [&](const ir::Paragraph& n) { return paragraph(n) + block_attr_line(n.attr); },
                [&](const ir::Heading& n) { return heading(n); },
                [&](const ir::CodeBlock& n) { return code_block(n); },
                [&](const ir::BlockQuote& n) {
                    std::string inner = blocks(n.children);
                    return prefix_lines(inner.empty() ? std::string() : inner, "> ", "> ", true) +
                           (inner.empty() ? ">" : "") + block_attr_line(n.attr);
                },
                [&](const ir::List& n) { return list(n, prev) + block_attr_line(n.attr); },
                [&](const ir::DefinitionList& n) { return definition_list(n) + block_attr_line(n.attr); },
                [&](const ir::Table& n) { return table(n) + block_attr_line(n.attr); },
                [&](const ir::ThematicBreak&) { return std::string("---"); },
                [&](const ir::RawBlock& n) {
                    if (n.format == "html") {
                        std::string t = n.text;
                        while (!t.empty() && t.back() == '\n') t.pop_back();
                        return protect(without_blank_lines(t));
                    }
                    return unsupported({"raw-" + n.format, n.text, b.pos}, true);
                },
                [&](const ir::FootnoteDefinition& n) {
                    std::string inner = blocks(n.children);
                    return prefix_lines(inner, "[^" + n.label + "]: ", "    ");
                },
                [&](const ir::UnsupportedBlock& n) {
                    ir::SourcePos pos = n.pos.line ? n.pos : b.pos;
                    return unsupported({n.kind, n.text, pos}, true);
                },
            },
            b.node);
    }

    std::string paragraph(const ir::Paragraph& n) {
        // A paragraph holding only display math is written as a math block.
        if (n.children.size() == 1) {
            if (auto* m = std::get_if<ir::Math>(&n.children[0].node); m && m->display) {
                std::string tex = o_.math == MathSyntax::latex ? escape_text(m->tex) : m->tex;
                return "$$\n" + protect(tex) + "\n$$";
            }
        }
        return paragraph_text(n.children);
    }

    std::string heading(const ir::Heading& n) {
        std::string text;
        for (const auto& in : n.children) {
            // ATX headings are one line: soft and hard breaks become spaces.
            if (std::holds_alternative<ir::SoftBreak>(in.node) || std::holds_alternative<ir::HardBreak>(in.node))
                text += ' ';
            else
                text += inline_node(in, false);
        }
        // A trailing `#` run would be read as the closing sequence.
        if (!text.empty() && text.back() == '#') text.insert(text.size() - 1, "\\");
        std::string s = std::string(static_cast<std::size_t>(std::clamp(n.level, 1, 6)), '#');
        if (!text.empty()) s += " " + text;
        ir::Attr a = n.attr;
        if (!a.id.empty() && o_.implicit_heading_id && o_.implicit_heading_id(n.children) == a.id) a.id.clear();
        if (a.empty()) return s;
        switch (o_.attributes) {
        case AttributeSyntax::none: report_->dropped_attributes++; return s;
        case AttributeSyntax::goldmark:
            report_->used_heading_attributes = true;
            return s + " " + attr_text(a, false);
        case AttributeSyntax::kramdown: {
            report_->used_heading_attributes = true;
            if (!a.id.empty()) s += " {#" + a.id + "}";
            a.id.clear();
            if (!a.empty()) {
                report_->used_block_attributes = true;
                s += "\n" + attr_text(a, true);
            }
            return s;
        }
        }
        return s;
    }

    static bool is_attribute_name(std::string_view k) {
        if (k.empty() || std::isdigit(static_cast<unsigned char>(k[0]))) return false;
        for (char c : k)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
        return true;
    }
    static bool is_attribute_value(std::string_view v) {
        for (char c : v)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) return false;
        return true;
    }

    std::string code_block(const ir::CodeBlock& n) {
        std::string text = n.text;
        // One line-ending convention per file: CRLF inside a code sample becomes LF.
        for (std::size_t p = text.find("\r\n"); p != std::string::npos; p = text.find("\r\n", p)) text.erase(p, 1);
        if (!text.empty() && text.back() != '\n') text += '\n';
        char fence_char = n.language.find('`') != std::string::npos ? '~' : '`';
        std::size_t len = std::max<std::size_t>(3, longest_run(text, fence_char) + 1);
        std::string fence(len, fence_char);
        std::string info = n.language;
        if (o_.code_block_attributes) {
            std::vector<std::string> attrs;
            if (n.line_numbers) attrs.push_back("linenos=table");
            for (const auto& [k, v] : n.options) {
                if (k == "linenos") continue;
                // Only what an attribute list can hold: anything else (a stray `{%` swallowed into
                // an info string) would make Goldmark or Hugo's shortcode parser fail on the page.
                if (!is_attribute_name(k) || !is_attribute_value(v)) {
                    report_->dropped_attributes++;
                    continue;
                }
                attrs.push_back(v.empty() ? k + "=true" : k + "=" + v);
            }
            if (!n.attr.id.empty()) attrs.push_back("#" + n.attr.id);
            for (const auto& c : n.attr.classes) attrs.push_back("." + c);
            if (!attrs.empty()) {
                std::string joined;
                for (const auto& a : attrs) joined += (joined.empty() ? "" : ", ") + a;
                info += (info.empty() ? "text {" : " {") + joined + "}";
            }
        } else if (!n.attr.empty() || n.line_numbers || !n.options.empty()) {
            report_->dropped_attributes++;
        }
        return fence + info + "\n" + protect(text) + fence;
    }

    std::string list(const ir::List& n, const ir::Block* prev) {
        // Two lists in a row with the same marker would merge into one: alternate the marker.
        bool alt = false;
        if (prev) {
            if (auto* p = std::get_if<ir::List>(&prev->node); p && p->ordered == n.ordered) alt = !list_alt_[p];
        }
        list_alt_[&n] = alt;
        std::string out;
        int number = n.start;
        for (std::size_t i = 0; i < n.items.size(); ++i) {
            const auto& item = n.items[i];
            std::string marker;
            if (n.ordered)
                marker = std::to_string(number++) + (alt ? ")" : ".");
            else
                marker = alt ? "*" : "-";
            std::string indent(marker.size() + 1, ' ');
            std::string body = blocks(item.children, n.tight);
            if (item.task) body = std::string(*item.task ? "[x]" : "[ ]") + (body.empty() ? "" : " " + body);
            std::string s = body.empty() ? marker : prefix_lines(body, marker + " ", indent);
            // A body that starts with an indented or blank line cannot follow the marker directly.
            if (!out.empty()) out += n.tight ? "\n" : "\n\n";
            out += s;
        }
        return out;
    }

    std::string definition_list(const ir::DefinitionList& n) {
        std::string out;
        for (const auto& item : n.items) {
            if (!out.empty()) out += "\n\n";
            out += paragraph_text(item.term);
            for (const auto& d : item.definitions) {
                std::string body = blocks(d);
                out += "\n" + prefix_lines(body.empty() ? std::string() : body, ": ", "  ");
            }
        }
        return out;
    }

    std::string table(const ir::Table& n) {
        std::size_t cols = n.alignments.size();
        for (const auto& r : n.head) cols = std::max(cols, r.size());
        for (const auto& r : n.body) cols = std::max(cols, r.size());
        if (cols == 0) return "";
        auto row = [&](const ir::TableRow* r) {
            std::string s = "|";
            for (std::size_t c = 0; c < cols; ++c) {
                std::string cell;
                if (r && c < r->size()) {
                    for (const auto& in : (*r)[c].children) {
                        if (std::holds_alternative<ir::SoftBreak>(in.node) ||
                            std::holds_alternative<ir::HardBreak>(in.node))
                            cell += ' ';
                        else
                            cell += inline_node(in, true);
                    }
                }
                s += " " + cell + (cell.empty() ? "|" : " |");
            }
            return s;
        };
        std::string out = row(n.head.empty() ? nullptr : &n.head[0]) + "\n|";
        for (std::size_t c = 0; c < cols; ++c) {
            ir::Alignment a = c < n.alignments.size() ? n.alignments[c] : ir::Alignment::none;
            switch (a) {
            case ir::Alignment::none: out += " --- |"; break;
            case ir::Alignment::left: out += " :-- |"; break;
            case ir::Alignment::center: out += " :-: |"; break;
            case ir::Alignment::right: out += " --: |"; break;
            }
        }
        for (std::size_t i = 1; i < n.head.size(); ++i) out += "\n" + row(&n.head[i]);
        for (const auto& r : n.body) out += "\n" + row(&r);
        return out;
    }

    // Markdown escaping for literal text: only characters that would otherwise start markup.
    std::string escape_text(std::string_view t) const {
        std::string out;
        for (std::size_t i = 0; i < t.size(); ++i) {
            char c = t[i];
            char next = i + 1 < t.size() ? t[i + 1] : '\0';
            switch (c) {
            case '\\': case '`': case '*': case '[': case ']': case '~':
                out += '\\';
                break;
            case '_': {
                // Inside a word `_` cannot open or close emphasis.
                char before = i > 0 ? t[i - 1] : ' ';
                if (!(is_ascii_alnum(before) && is_ascii_alnum(next))) out += '\\';
                break;
            }
            case '<':
                if (std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '?')
                    out += '\\';
                break;
            case '&': {
                std::size_t k = i + 1;
                if (k < t.size() && t[k] == '#') ++k;
                std::size_t s = k;
                while (k < t.size() && is_ascii_alnum(t[k])) ++k;
                if (k > s && k < t.size() && t[k] == ';') out += '\\';
                break;
            }
            case '$':
                if (next == '$') out += '\\';
                break;
            case '{':
                if (next == ':' || next == '#') out += '\\';
                break;
            case '|':
                // Always: in kramdown (which Jekyll runs) any line with an unescaped `|` is a
                // table row, and in a GFM table it splits the cell.
                out += '\\';
                break;
            case ':':
                // `http://…` would be turned into a link by the autolink extension.
                if (next == '/' && i + 2 < t.size() && t[i + 2] == '/') out += '\\';
                break;
            case '.':
                if (i >= 3 && t.substr(i - 3, 3) == "www" && (i == 3 || !is_ascii_alnum(t[i - 4]))) out += '\\';
                break;
            case '!':
                // At the end of a text node the next node may be a link: `![` would make it an image.
                if (next == '[' || next == '\0') out += '\\';
                break;
            default: break;
            }
            out += c;
        }
        return out;
    }

    std::string code_span(const std::string& text) {
        std::size_t n = longest_run(text, '`');
        std::string ticks(n + 1, '`');
        bool pad = !text.empty() && (text.front() == '`' || text.back() == '`' ||
                                     (text.front() == ' ' && text.back() == ' ' &&
                                      text.find_first_not_of(' ') != std::string::npos));
        std::string p = pad ? " " : "";
        return ticks + p + protect(text) + p + ticks;
    }

    std::string destination(const std::string& url) {
        bool angle = url.empty() ? false : url.find_first_of(" \t<>") != std::string::npos;
        int depth = 0;
        for (char c : url) {
            if (c == '(') ++depth;
            if (c == ')' && --depth < 0) angle = true;
        }
        if (depth != 0) angle = true;
        std::string out;
        if (angle) {
            out = "<";
            for (char c : url) {
                if (c == '<' || c == '>' || c == '\\') out += '\\';
                out += c;
            }
            return protect(out + ">");
        }
        for (char c : url) {
            if (c == '\\') out += '\\';
            out += c;
        }
        return protect(out);
    }

    std::string title_part(const std::string& title) {
        if (title.empty()) return "";
        std::string out = " \"";
        for (char c : title) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        return protect(out + "\"");
    }

    // Moves white space at the edges of emphasis outside the delimiters (it could not flank them).
    std::string delimited(const std::string& delim, const std::string& inner) {
        std::size_t a = inner.find_first_not_of(' ');
        if (a == std::string::npos) return inner;
        std::size_t b = inner.find_last_not_of(' ');
        return inner.substr(0, a) + delim + inner.substr(a, b - a + 1) + delim + inner.substr(b + 1);
    }

    std::string html_attrs(const ir::Attr& a) {
        std::string s;
        auto q = [](const std::string& v) {
            std::string o;
            for (char c : v) {
                if (c == '"') o += "&quot;";
                else if (c == '&') o += "&amp;";
                else if (c == '<') o += "&lt;";
                else o += c;
            }
            return o;
        };
        if (!a.id.empty()) s += " id=\"" + q(a.id) + "\"";
        if (!a.classes.empty()) {
            std::string joined;
            for (const auto& c : a.classes) joined += (joined.empty() ? "" : " ") + c;
            s += " class=\"" + q(joined) + "\"";
        }
        for (const auto& [k, v] : a.attributes) s += " " + k + "=\"" + q(v) + "\"";
        return s;
    }

    std::string inline_node(const ir::Inline& in, bool in_table) {
        return ir::visit(
            ir::overloaded{
                [&](const ir::Text& n) { return protect(escape_text(n.text)); },
                [&](const ir::Emphasis& n) { return delimited("*", inlines(n.children, in_table)); },
                [&](const ir::Strong& n) {
                    auto is_emph = [](const ir::Inline& i) { return std::holds_alternative<ir::Emphasis>(i.node); };
                    if (n.children.empty() || !(is_emph(n.children.front()) || is_emph(n.children.back())))
                        return delimited("**", inlines(n.children, in_table));
                    // `***x***` reads back as emphasis around strong: the inner emphasis is `_x_`.
                    std::string s;
                    for (const auto& c : n.children)
                        s += is_emph(c) ? delimited("_", inlines(std::get<ir::Emphasis>(c.node).children, in_table))
                                        : inlines(ir::Inlines{c}, in_table);
                    return delimited("**", s);
                },
                [&](const ir::Strikethrough& n) { return delimited("~~", inlines(n.children, in_table)); },
                [&](const ir::Code& n) {
                    if (!n.attr.empty()) report_->dropped_attributes++;
                    std::string s = code_span(n.text);
                    if (in_table) {
                        std::string o;
                        for (char c : s) {
                            if (c == '|') o += '\\';
                            o += c;
                        }
                        s = o;
                    }
                    return s;
                },
                [&](const ir::Link& n) { return link(n, in_table); },
                [&](const ir::Image& n) {
                    std::string url = o_.image_url ? o_.image_url(n.url) : n.url;
                    if (!n.attr.empty() && o_.attributes != AttributeSyntax::none) {
                        // Goldmark has no inline attributes: an <img> keeps them.
                        std::string alt = ir::plain_text(n.alt);
                        ir::Attr a;
                        std::string s = "<img src=\"" + protect(url) + "\" alt=\"" + protect(alt) + "\"";
                        if (!n.title.empty()) s += " title=\"" + protect(n.title) + "\"";
                        return s + html_attrs(n.attr) + ">";
                    }
                    if (!n.attr.empty()) report_->dropped_attributes++;
                    return "![" + inlines(n.alt, in_table) + "](" + destination(url) + title_part(n.title) + ")";
                },
                [&](const ir::SoftBreak&) { return std::string("\n"); },
                [&](const ir::HardBreak&) { return std::string("\\\n"); },
                [&](const ir::RawInline& n) {
                    if (n.format == "html") return protect(n.text);
                    return unsupported({"raw-" + n.format, n.text, {}}, false);
                },
                [&](const ir::FootnoteReference& n) { return "[^" + n.label + "]"; },
                [&](const ir::Math& n) {
                    if (o_.math == MathSyntax::latex) {
                        std::string tex = protect(escape_text(n.tex));
                        return n.display ? "$$" + tex + "$$" : "\\\\(" + tex + "\\\\)";
                    }
                    return "$$" + protect(n.tex) + "$$";
                },
                [&](const ir::UnsupportedInline& n) { return unsupported({n.kind, n.text, n.pos}, false); },
            },
            in);
    }

    std::string link(const ir::Link& n, bool in_table) {
        std::string dest;
        if (!n.target_document.empty() && o_.document_link) dest = o_.document_link(n);
        if (dest.empty()) {
            // An autolink stays an autolink.
            if (n.title.empty() && n.attr.empty() && n.children.size() == 1 &&
                (n.url.rfind("http://", 0) == 0 || n.url.rfind("https://", 0) == 0) &&
                n.url.find_first_of(" <>") == std::string::npos) {
                if (auto* t = std::get_if<ir::Text>(&n.children[0].node); t && t->text == n.url)
                    return protect("<" + n.url + ">");
            }
            dest = destination(n.url);
        }
        std::string text = inlines(n.children, in_table);
        if (!n.attr.empty() && o_.attributes != AttributeSyntax::none) {
            // Goldmark has no inline attributes: an <a> tag keeps them, the text stays Markdown.
            std::string href = n.target_document.empty() || dest.rfind("{{", 0) != 0 ? protect(n.url) : dest;
            std::string s = "<a href=\"" + href + "\"";
            if (!n.title.empty()) s += " title=\"" + protect(n.title) + "\"";
            return s + html_attrs(n.attr) + ">" + text + "</a>";
        }
        if (!n.attr.empty()) report_->dropped_attributes++;
        return "[" + text + "](" + dest + title_part(n.title) + ")";
    }

    const CommonMarkOptions& o_;
    CommonMarkReport own_;
    CommonMarkReport* report_;
    std::map<const ir::List*, bool> list_alt_;  // which marker each written list used
};

}  // namespace

std::string write_commonmark(const ir::Blocks& blocks, const CommonMarkOptions& options, CommonMarkReport* report) {
    Writer w(options, report);
    std::string out = w.blocks(blocks);
    if (!out.empty()) out += '\n';
    return out;
}

std::string write_commonmark_inlines(const ir::Inlines& inlines, const CommonMarkOptions& options,
                                     CommonMarkReport* report) {
    Writer w(options, report);
    return w.paragraph_text(inlines);
}

std::string github_heading_id(const ir::Inlines& text) {
    std::string plain = ir::plain_text(text);
    std::string id;
    for (char c : plain) {
        auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) return "";
        if (std::isalnum(u)) id += static_cast<char>(std::tolower(u));
        else if (c == ' ') id += '-';
        else if (c == '-' || c == '_') id += c;
    }
    return id;
}

}  // namespace blogconv::writers
