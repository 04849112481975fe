// The only file that includes cmark-gfm: parse, walk once into IR, render HTML.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <optional>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>

#include "readers/markdown/kramdown_emphasis.h"
#include "readers/markdown/kramdown_postpass.h"
#include "readers/markdown/kramdown_prepass.h"
#include "readers/markdown/kramdown_table.h"
#include "readers/markdown/markdown.h"

// The table and strikethrough node types are runtime variables of libcmark-gfm-extensions; the
// header that declares them is not installed.
extern "C" {
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
}

namespace blogconv::readers {

namespace {

using markdown::Marker;

struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
    void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
struct CharDeleter {
    void operator()(char* s) const { free(s); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

// No "autolink": kramdown's GFM parser (what Jekyll runs) links only `<url>`, never a bare URL or
// `www.` text, and a bare URL next to CJK text would swallow the text after it. "strikethrough"
// is attached only to texts that hold a `~` (see parse).
constexpr const char* extension_names[] = {"table", "tagfilter", "tasklist"};

ParserPtr make_parser(int options, bool strikethrough) {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
    ParserPtr parser(cmark_parser_new(options));
    for (const char* name : extension_names)
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    if (strikethrough)
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension("strikethrough"))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    return parser;
}

// cmark-gfm keeps the table of special inline characters in one process-wide array: inline
// parsing (in cmark_parser_finish) adds each attached extension's characters (strikethrough's
// `~`, the only one among ours) and removes them again when it is done. Two threads finishing at
// once race on it, and a post parsed while another finishes loses its strikethrough (seen as
// -j1/-j2 output differing). So strikethrough is attached only to a text holding a `~`, and only
// those texts take this mutex: a parser without strikethrough never writes the array, and reads
// only the entries of the characters of its own text, which hold no `~`. (Locking every inline
// pass cost ~8% of a 10k-post run's wall time on 2 threads.) Block parsing (cmark_parser_feed)
// touches no shared state.
std::mutex& inline_pass_mutex() {
    static std::mutex m;
    return m;
}

NodePtr parse(std::string_view text, int options) {
    const bool tilde = text.find('~') != std::string_view::npos;
    ParserPtr parser = make_parser(options, tilde);
    cmark_parser_feed(parser.get(), text.data(), text.size());
    if (!tilde) return NodePtr(cmark_parser_finish(parser.get()));
    std::lock_guard<std::mutex> lock(inline_pass_mutex());
    return NodePtr(cmark_parser_finish(parser.get()));
}

std::string_view literal(cmark_node* node) {
    const char* s = cmark_node_get_literal(node);
    return s ? std::string_view(s) : std::string_view();
}

// Prefixes every non-empty line of `text` with `n` spaces.
std::string indent_lines(std::string_view text, std::size_t n) {
    std::string out;
    out.reserve(text.size() + n * 8);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::size_t stop = end == std::string_view::npos ? text.size() : end + 1;
        std::string_view line = text.substr(start, stop - start);
        // A line of only spaces lost some too; an empty one may have been empty in the source.
        if (line.find_first_not_of("\r\n") != std::string_view::npos) out.append(n, ' ');
        out.append(line);
        start = stop;
    }
    return out;
}

// One container being built: the walk pushes it on ENTER and folds it into its parent on EXIT.
struct Frame {
    cmark_node* node = nullptr;
    ir::Blocks blocks;
    ir::Inlines inlines;
    std::vector<ir::ListItem> items;
    std::vector<ir::TableRow> head;
    std::vector<ir::TableRow> body;
    ir::TableRow cells;
};

class Walker {
public:
    Walker(const markdown::PrepassResult& pre, const MarkdownOptions& options, const Placeholders& placeholders)
        : pre_(pre), options_(options), placeholders_(placeholders) {
        std::string_view t = pre.text;
        std::size_t start = 0;
        while (start < t.size()) {
            std::size_t nl = t.find('\n', start);
            if (nl == std::string_view::npos) nl = t.size();
            lines_.push_back(t.substr(start, nl - start));
            start = nl + 1;
        }
    }

    ir::Blocks walk(cmark_node* root);

private:
    ir::SourcePos pos(cmark_node* node) const {
        int line = cmark_node_get_start_line(node);
        if (line >= 1 && static_cast<std::size_t>(line) <= pre_.line_map.size())
            line = pre_.line_map[line - 1] + options_.first_line - 1;
        return {line, cmark_node_get_start_column(node)};
    }
    void add_text(ir::Inlines& out, std::string_view text) const;
    std::string restore(std::string_view text, bool in_html = false) const;
    std::string html_stand_in(std::size_t index) const;
    std::string code_stand_in(std::size_t index) const;
    std::string heading_raw_text(cmark_node* node) const;
    void finish_paragraph(ir::Blocks& out, ir::Inlines inlines, ir::SourcePos p) const;
    void leaf(cmark_node* node, Frame& top);
    void exit(cmark_node* node);

    const markdown::PrepassResult& pre_;
    const MarkdownOptions& options_;
    const Placeholders& placeholders_;
    std::vector<std::string_view> lines_;
    std::vector<Frame> stack_;
    std::size_t footnote_defs_ = 0;
};

// Splits text at placeholder tokens (U+E000…U+E001) and pre-pass markers (U+E002…U+E003).
void Walker::add_text(ir::Inlines& out, std::string_view text) const {
    auto push_text = [&out](std::string_view s) {
        if (s.empty()) return;
        if (!out.empty())
            if (auto* t = std::get_if<ir::Text>(&out.back().node)) {
                t->text.append(s);
                return;
            }
        out.push_back(ir::Text{std::string(s)});
    };
    std::size_t p = 0;
    while (p < text.size()) {
        std::size_t at = text.find("\xEE\x80", p);
        if (at == std::string_view::npos || at + 2 >= text.size()) break;
        unsigned char kind = static_cast<unsigned char>(text[at + 2]);
        if (kind != 0x80 && kind != 0x82) {
            push_text(text.substr(p, at + 3 - p));
            p = at + 3;
            continue;
        }
        std::string_view close = kind == 0x80 ? Placeholders::close : markdown::marker_close;
        std::size_t d = at + 3;
        std::size_t e = d;
        while (e < text.size() && text[e] >= '0' && text[e] <= '9') ++e;
        if (e == d || text.substr(e, close.size()) != close) {
            push_text(text.substr(p, at + 3 - p));
            p = at + 3;
            continue;
        }
        push_text(text.substr(p, at - p));
        std::size_t index = std::stoul(std::string(text.substr(d, e - d)));
        if (kind == 0x82) {
            out.push_back(ir::RawInline{std::string(markdown::marker_format), std::to_string(index)});
        } else if (index < placeholders_.size()) {
            const auto& entry = placeholders_.at(index);
            if (const auto* in = std::get_if<ir::Inline>(&entry)) out.push_back(*in);
            else out.push_back(ir::RawInline{std::string(markdown::block_token_format), std::to_string(index)});
        }
        p = e + close.size();
    }
    push_text(text.substr(p));
}

// Inside raw HTML a token that stands for Liquid we could not render (a missing include, a
// plugin tag) becomes an HTML comment, as Jekyll's own stub does: its source text would show
// `{%` on the page. Other tokens (highlight blocks, math) give back their source.
std::string Walker::html_stand_in(std::size_t index) const {
    const auto& entry = placeholders_.at(index);
    std::string kind, text;
    if (const auto* in = std::get_if<ir::Inline>(&entry)) {
        if (const auto* u = std::get_if<ir::UnsupportedInline>(&in->node)) kind = u->kind, text = u->text;
    } else if (const auto* b = std::get_if<ir::Block>(&entry)) {
        if (const auto* u = std::get_if<ir::UnsupportedBlock>(&b->node)) kind = u->kind, text = u->text;
    }
    if (kind.empty()) return placeholders_.original_text(index);
    std::string inner;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i + 1 < text.size() && ((text[i] == '{' && (text[i + 1] == '%' || text[i + 1] == '{')) ||
                                    ((text[i] == '%' || text[i] == '}') && text[i + 1] == '}'))) {
            ++i;
            continue;
        }
        if (text[i] == '-' && !inner.empty() && inner.back() == '-') inner += ' ';
        inner += text[i] == '\n' ? ' ' : text[i];
    }
    while (!inner.empty() && inner.front() == ' ') inner.erase(0, 1);
    while (!inner.empty() && (inner.back() == ' ' || inner.back() == '-')) inner.pop_back();
    return "<!-- blogconv: " + kind + " not rendered: " + inner + " -->";
}

// Inside code a token gives back its source text (Liquid inside code is the author's), except a
// missing include: Jekyll puts the included file's text there, never the tag, and we have no file.
std::string Walker::code_stand_in(std::size_t index) const {
    const auto& entry = placeholders_.at(index);
    if (const auto* in = std::get_if<ir::Inline>(&entry))
        if (const auto* u = std::get_if<ir::UnsupportedInline>(&in->node); u && u->kind == "include") return {};
    if (const auto* b = std::get_if<ir::Block>(&entry))
        if (const auto* u = std::get_if<ir::UnsupportedBlock>(&b->node); u && u->kind == "include") return {};
    return placeholders_.original_text(index);
}

// Inside code, tokens and markers stand for source text: put it back.
std::string Walker::restore(std::string_view text, bool in_html) const {
    if (text.find("\xEE\x80") == std::string_view::npos) return std::string(text);
    std::string out;
    std::size_t p = 0;
    while (p < text.size()) {
        std::size_t at = text.find("\xEE\x80", p);
        if (at == std::string_view::npos || at + 2 >= text.size()) break;
        unsigned char kind = static_cast<unsigned char>(text[at + 2]);
        std::string_view close = kind == 0x80 ? Placeholders::close : markdown::marker_close;
        std::size_t d = at + 3;
        std::size_t e = d;
        while (e < text.size() && text[e] >= '0' && text[e] <= '9') ++e;
        if ((kind != 0x80 && kind != 0x82) || e == d || text.substr(e, close.size()) != close) {
            out.append(text.substr(p, at + 3 - p));
            p = at + 3;
            continue;
        }
        out.append(text.substr(p, at - p));
        std::size_t index = std::stoul(std::string(text.substr(d, e - d)));
        if (kind == 0x82 && index < pre_.markers.size()) out += pre_.markers[index].original;
        else if (kind == 0x80 && index < placeholders_.size()) out += in_html ? html_stand_in(index) : code_stand_in(index);
        p = e + close.size();
    }
    out.append(text.substr(std::min(p, text.size())));
    return out;
}

// kramdown makes its ids from the heading's source text: the ATX line without its `#`s, or the
// last line above a setext underline.
std::string Walker::heading_raw_text(cmark_node* node) const {
    int start = cmark_node_get_start_line(node);
    int end = cmark_node_get_end_line(node);
    int col = cmark_node_get_start_column(node);
    if (start < 1 || static_cast<std::size_t>(start) > lines_.size()) return {};
    std::string_view line = lines_[start - 1];
    std::string_view body = col >= 1 && static_cast<std::size_t>(col - 1) <= line.size() ? line.substr(col - 1) : line;
    while (!body.empty() && body.front() == ' ') body.remove_prefix(1);
    if (body.starts_with('#')) {
        while (!body.empty() && body.front() == '#') body.remove_prefix(1);
        while (!body.empty() && (body.back() == ' ' || body.back() == '\t')) body.remove_suffix(1);
        std::size_t k = body.size();
        while (k > 0 && body[k - 1] == '#') --k;
        if (k < body.size() && (k == 0 || body[k - 1] == ' ' || body[k - 1] == '\t')) body = body.substr(0, k);
    } else if (end > start && static_cast<std::size_t>(end - 1) <= lines_.size()) {
        body = lines_[end - 2];
        while (!body.empty() && (body.front() == ' ' || body.front() == '>' || body.front() == '\t'))
            body.remove_prefix(1);
    }
    while (!body.empty() && (body.front() == ' ' || body.front() == '\t')) body.remove_prefix(1);
    while (!body.empty() && (body.back() == ' ' || body.back() == '\t' || body.back() == '\r')) body.remove_suffix(1);
    // Header-id markers are not part of the text; other tokens are their source.
    std::string raw;
    ir::Inlines parts;
    add_text(parts, body);
    for (const auto& in : parts) {
        if (const auto* t = std::get_if<ir::Text>(&in.node)) {
            raw += t->text;
        } else if (const auto* r = std::get_if<ir::RawInline>(&in.node)) {
            if (r->format == markdown::block_token_format) raw += placeholders_.original_text(std::stoul(r->text));
        } else {
            ir::Inlines one{in};
            raw += ir::plain_text(one);
        }
    }
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t')) raw.pop_back();
    return raw;
}

bool is_blank_inline(const ir::Inline& in) {
    if (std::holds_alternative<ir::SoftBreak>(in.node)) return true;
    if (const auto* t = std::get_if<ir::Text>(&in.node))
        return t->text.find_first_not_of(" \t\n") == std::string::npos;
    return false;
}

// A paragraph may hold block placeholder tokens: alone it becomes that block, inside other
// text the paragraph is split around it.
void Walker::finish_paragraph(ir::Blocks& out, ir::Inlines inlines, ir::SourcePos p) const {
    bool has_block = false;
    for (const auto& in : inlines)
        if (const auto* r = std::get_if<ir::RawInline>(&in.node); r && r->format == markdown::block_token_format)
            has_block = true;
    if (!has_block) {
        out.push_back(ir::Block(ir::Paragraph{std::move(inlines), {}}, p));
        return;
    }
    ir::Inlines current;
    auto flush = [&] {
        while (!current.empty() && is_blank_inline(current.back())) current.pop_back();
        std::size_t first = 0;
        while (first < current.size() && is_blank_inline(current[first])) ++first;
        if (first < current.size()) {
            ir::Inlines kept(std::make_move_iterator(current.begin() + first), std::make_move_iterator(current.end()));
            if (auto* t = std::get_if<ir::Text>(&kept.front().node)) t->text.erase(0, t->text.find_first_not_of(" \t"));
            if (auto* t = std::get_if<ir::Text>(&kept.back().node)) t->text.erase(t->text.find_last_not_of(" \t") + 1);
            out.push_back(ir::Block(ir::Paragraph{std::move(kept), {}}, p));
        }
        current.clear();
    };
    for (auto& in : inlines) {
        const auto* r = std::get_if<ir::RawInline>(&in.node);
        if (r && r->format == markdown::block_token_format) {
            flush();
            std::size_t index = std::stoul(r->text);
            ir::Block b = std::get<ir::Block>(placeholders_.at(index));
            if (b.pos.line == 0) b.pos = p;
            out.push_back(std::move(b));
        } else {
            current.push_back(std::move(in));
        }
    }
    flush();
}

// Nodes without children: the iterator reports them once, as ENTER.
void Walker::leaf(cmark_node* node, Frame& top) {
    cmark_node_type type = cmark_node_get_type(node);
    switch (type) {
    case CMARK_NODE_TEXT: add_text(top.inlines, literal(node)); return;
    case CMARK_NODE_SOFTBREAK: top.inlines.push_back(ir::SoftBreak{}); return;
    case CMARK_NODE_LINEBREAK: top.inlines.push_back(ir::HardBreak{}); return;
    case CMARK_NODE_CODE: top.inlines.push_back(ir::Code{restore(literal(node)), {}}); return;
    case CMARK_NODE_HTML_INLINE: top.inlines.push_back(ir::RawInline{"html", restore(literal(node), true)}); return;
    case CMARK_NODE_FOOTNOTE_REFERENCE: {
        std::string label(literal(node));
        std::size_t number = std::strtoul(label.c_str(), nullptr, 10);
        if (number >= 1 && number <= pre_.footnote_labels.size()) label = pre_.footnote_labels[number - 1];
        top.inlines.push_back(ir::FootnoteReference{std::move(label)});
        return;
    }
    case CMARK_NODE_THEMATIC_BREAK: top.blocks.push_back(ir::Block(ir::ThematicBreak{}, pos(node))); return;
    case CMARK_NODE_HTML_BLOCK: {
        // An unsupported Liquid tag inside the HTML (an include between <div>s, as Jekyll's stub
        // leaves a comment there) splits the block, so that it stays a node writers can see
        // rather than `{% … %}` text in raw HTML.
        const std::string lit(literal(node));
        std::size_t from = 0;
        std::string html;
        bool split = false;
        // A piece of a split block stands on its own lines: no blank lines around it, its first
        // line not indented (4 spaces would make it code when the Markdown is read again), its
        // last line ended.
        auto trim_html_piece = [](std::string& piece, bool after_split) {
            if (after_split) {
                std::size_t first = piece.find_first_not_of(" \t\r\n");
                piece.erase(0, first == std::string::npos ? piece.size() : first);
            }
            std::size_t last = piece.find_last_not_of(" \t\r\n");
            piece.erase(last == std::string::npos ? 0 : last + 1);
            if (!piece.empty()) piece += '\n';
        };
        while (auto f = Placeholders::find(lit, from)) {
            const auto& entry = placeholders_.at(f->index);
            const auto* b = std::get_if<ir::Block>(&entry);
            // An inline one (a tag inside `<div>…</div>` on one line) splits the block the same way.
            std::optional<ir::Block> from_inline;
            if (const auto* in = std::get_if<ir::Inline>(&entry))
                if (const auto* u = std::get_if<ir::UnsupportedInline>(&in->node)) {
                    from_inline.emplace(ir::UnsupportedBlock{u->kind, u->text, u->pos}, u->pos);
                    b = &*from_inline;
                }
            if (!b || !std::holds_alternative<ir::UnsupportedBlock>(b->node)) {
                html.append(lit, from, f->offset + f->length - from);
                from = f->offset + f->length;
                continue;
            }
            html.append(lit, from, f->offset - from);
            trim_html_piece(html, split);
            split = true;
            if (html.find_first_not_of(" \t\r\n") != std::string::npos)
                top.blocks.push_back(ir::Block(ir::RawBlock{"html", restore(html, true)}, pos(node)));
            html.clear();
            top.blocks.push_back(*b);
            from = f->offset + f->length;
        }
        html.append(lit, from, std::string::npos);
        if (split) trim_html_piece(html, true);
        if (html.find_first_not_of(" \t\r\n") != std::string::npos)
            top.blocks.push_back(ir::Block(ir::RawBlock{"html", restore(html, true)}, pos(node)));
        return;
    }
    case CMARK_NODE_CODE_BLOCK: {
        ir::CodeBlock code;
        code.text = restore(literal(node));
        // kramdown (and its GFM parser) keep a fenced block's lines as written, while CommonMark strips
        // up to the fence's own indentation from each of them; put those spaces back.
        int fence_length = 0, fence_offset = 0;
        char fence_char = 0;
        if (cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char) && fence_offset > 0)
            code.text = indent_lines(code.text, static_cast<std::size_t>(fence_offset));
        const char* info_c = cmark_node_get_fence_info(node);
        std::string_view info = info_c ? info_c : "";
        std::size_t sp = info.find_first_of(" \t{");
        code.language = std::string(info.substr(0, sp));
        // The rest of the info string: `key=value` or bare words (a highlighter's options).
        if (sp != std::string_view::npos) {
            std::string_view rest = info.substr(sp);
            std::size_t p = 0;
            while (p < rest.size()) {
                while (p < rest.size() && (rest[p] == ' ' || rest[p] == '\t' || rest[p] == ',')) ++p;
                std::size_t s = p;
                while (p < rest.size() && rest[p] != ' ' && rest[p] != '\t' && rest[p] != ',') ++p;
                if (p == s) break;
                std::string_view word = rest.substr(s, p - s);
                std::size_t eq = word.find('=');
                std::string key(word.substr(0, eq));
                std::string value = eq == std::string_view::npos ? "" : std::string(word.substr(eq + 1));
                if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
                    value = value.substr(1, value.size() - 2);
                if (key == "linenos") code.line_numbers = true;
                else code.options.emplace_back(std::move(key), std::move(value));
            }
        }
        top.blocks.push_back(ir::Block(std::move(code), pos(node)));
        return;
    }
    default: break;
    }
}

void Walker::exit(cmark_node* node) {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    Frame& parent = stack_.back();
    cmark_node_type type = cmark_node_get_type(node);
    ir::SourcePos p = pos(node);
    if (type == CMARK_NODE_PARAGRAPH) {
        finish_paragraph(parent.blocks, std::move(f.inlines), p);
    } else if (type == CMARK_NODE_HEADING) {
        ir::Heading h;
        h.level = cmark_node_get_heading_level(node);
        h.children = std::move(f.inlines);
        if (options_.input == MarkdownInput::kramdown)
            h.attr.attributes.emplace_back(std::string(markdown::raw_text_key), heading_raw_text(node));
        parent.blocks.push_back(ir::Block(std::move(h), p));
    } else if (type == CMARK_NODE_BLOCK_QUOTE) {
        parent.blocks.push_back(ir::Block(ir::BlockQuote{std::move(f.blocks), {}}, p));
    } else if (type == CMARK_NODE_LIST) {
        ir::List list;
        list.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        list.start = list.ordered ? cmark_node_get_list_start(node) : 1;
        list.tight = cmark_node_get_list_tight(node) != 0;
        list.items = std::move(f.items);
        parent.blocks.push_back(ir::Block(std::move(list), p));
    } else if (type == CMARK_NODE_ITEM) {
        ir::ListItem item;
        item.children = std::move(f.blocks);
        const char* ts = cmark_node_get_type_string(node);
        if (ts && std::string_view(ts) == "tasklist") item.task = cmark_gfm_extensions_get_tasklist_item_checked(node);
        parent.items.push_back(std::move(item));
    } else if (type == CMARK_NODE_FOOTNOTE_DEFINITION) {
        // cmark-gfm does not expose a definition's label, but it orders the definitions by first
        // reference (and drops unreferenced ones), which is the order the walk met the labels.
        ++footnote_defs_;
        std::string label = footnote_defs_ <= pre_.footnote_labels.size() ? pre_.footnote_labels[footnote_defs_ - 1]
                                                                          : std::to_string(footnote_defs_);
        parent.blocks.push_back(ir::Block(ir::FootnoteDefinition{std::move(label), std::move(f.blocks)}, p));
    } else if (type == CMARK_NODE_EMPH) {
        parent.inlines.push_back(ir::Emphasis{std::move(f.inlines)});
    } else if (type == CMARK_NODE_STRONG) {
        parent.inlines.push_back(ir::Strong{std::move(f.inlines)});
    } else if (type == CMARK_NODE_LINK) {
        ir::Link link;
        link.url = restore(cmark_node_get_url(node) ? cmark_node_get_url(node) : "");
        link.title = cmark_node_get_title(node) ? cmark_node_get_title(node) : "";
        link.children = std::move(f.inlines);
        parent.inlines.push_back(std::move(link));
    } else if (type == CMARK_NODE_IMAGE) {
        ir::Image image;
        image.url = restore(cmark_node_get_url(node) ? cmark_node_get_url(node) : "");
        image.title = cmark_node_get_title(node) ? cmark_node_get_title(node) : "";
        image.alt = std::move(f.inlines);
        parent.inlines.push_back(std::move(image));
    } else if (type == CMARK_NODE_STRIKETHROUGH) {
        parent.inlines.push_back(ir::Strikethrough{std::move(f.inlines)});
    } else if (type == CMARK_NODE_TABLE) {
        ir::Table table;
        uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
        const uint8_t* align = cmark_gfm_extensions_get_table_alignments(node);
        for (uint16_t c = 0; c < columns; ++c) {
            uint8_t a = align ? align[c] : 0;
            table.alignments.push_back(a == 'l'   ? ir::Alignment::left
                                       : a == 'c' ? ir::Alignment::center
                                       : a == 'r' ? ir::Alignment::right
                                                  : ir::Alignment::none);
        }
        // The pre-pass gives a kramdown table without header a stand-in header row.
        if (!f.head.empty() && markdown::is_headless_row(f.head.front())) f.head.erase(f.head.begin());
        table.head = std::move(f.head);
        table.body = std::move(f.body);
        parent.blocks.push_back(ir::Block(std::move(table), p));
    } else if (type == CMARK_NODE_TABLE_ROW) {
        if (cmark_gfm_extensions_get_table_row_is_header(node)) parent.head.push_back(std::move(f.cells));
        else parent.body.push_back(std::move(f.cells));
    } else if (type == CMARK_NODE_TABLE_CELL) {
        parent.cells.push_back(ir::TableCell{std::move(f.inlines)});
    } else {
        // An unknown container: keep what it holds.
        for (auto& b : f.blocks) parent.blocks.push_back(std::move(b));
        for (auto& i : f.inlines) parent.inlines.push_back(std::move(i));
    }
}

ir::Blocks Walker::walk(cmark_node* root) {
    IterPtr iter(cmark_iter_new(root));
    stack_.clear();
    stack_.emplace_back();
    stack_.back().node = root;
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (node == root) continue;
        bool container = cmark_node_first_child(node) != nullptr;
        cmark_node_type type = cmark_node_get_type(node);
        // Containers that happen to be empty still get ENTER and EXIT from the iterator.
        bool leaf_type = type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK ||
                         type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE ||
                         type == CMARK_NODE_FOOTNOTE_REFERENCE || type == CMARK_NODE_THEMATIC_BREAK ||
                         type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_CODE_BLOCK;
        (void)container;
        if (leaf_type) {
            if (ev == CMARK_EVENT_ENTER) leaf(node, stack_.back());
            continue;
        }
        if (ev == CMARK_EVENT_ENTER) {
            stack_.emplace_back();
            stack_.back().node = node;
        } else {
            exit(node);
        }
    }
    return std::move(stack_.front().blocks);
}

int parse_options(bool smart) {
    return CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | (smart ? CMARK_OPT_SMART : 0);
}

// The reader applies kramdown's own typographic rules in the post-pass (smart_quotes.h), so cmark's
// must stay off there.
int reader_parse_options() { return CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES; }

}  // namespace

ir::Blocks parse_markdown(std::string_view text, const MarkdownOptions& options, Placeholders& placeholders,
                          std::vector<ir::Diagnostic>& diagnostics) {
    (void)diagnostics;
    markdown::PrepassOptions pre_options;
    pre_options.html_blocks_span_blank_lines = options.html_blocks_span_blank_lines;
    pre_options.input = options.input;
    markdown::PrepassResult pre = markdown::kramdown_prepass(text, pre_options, placeholders);
    NodePtr root = parse(pre.text, reader_parse_options());
    Walker walker(pre, options, placeholders);
    ir::Blocks blocks = walker.walk(root.get());
    markdown::apply_kramdown_emphasis(blocks);
    markdown::kramdown_postpass(blocks, pre.markers, placeholders, options);
    markdown::apply_abbreviations(blocks, pre.abbreviations);
    return blocks;
}

std::string markdown_to_html(std::string_view text) {
    NodePtr root = parse(text, parse_options(true));
    // No extension list: Jekyll keeps <iframe> and friends, so tagfilter must not escape them.
    std::unique_ptr<char, CharDeleter> html(cmark_render_html(root.get(), parse_options(true), nullptr));
    return html ? std::string(html.get()) : std::string();
}

}  // namespace blogconv::readers
