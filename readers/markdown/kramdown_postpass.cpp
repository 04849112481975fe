#include "readers/markdown/kramdown_postpass.h"

#include <algorithm>

#include "ir/walk.h"
#include "readers/markdown/definition_lists.h"
#include "readers/markdown/heading_ids.h"
#include "readers/markdown/smart_quotes.h"
#include "readers/markdown/span_html.h"
#include "readers/markdown/toc_entry.h"

namespace blogconv::readers::markdown {

namespace {

constexpr std::string_view toc_key = "\x01toc";

const ir::RawInline* as_marker(const ir::Inline& in) {
    const auto* r = std::get_if<ir::RawInline>(&in.node);
    return r && r->format == marker_format ? r : nullptr;
}

// kramdown's update_attr_with_ial: the id is replaced, classes are added, keys are set.
void merge_attr(ir::Attr& into, const ir::Attr& from) {
    if (!from.id.empty()) into.id = from.id;
    for (const auto& c : from.classes) into.classes.push_back(c);
    for (const auto& [k, v] : from.attributes) {
        // A named copy of the key: clang 14 cannot capture a structured binding in a lambda.
        const auto& key = k;
        auto it = std::find_if(into.attributes.begin(), into.attributes.end(),
                               [&](const auto& kv) { return kv.first == key; });
        if (it != into.attributes.end()) it->second = v;
        else into.attributes.emplace_back(k, v);
    }
}

class Postpass {
public:
    Postpass(const std::vector<Marker>& markers, const Placeholders& placeholders, const MarkdownOptions& options)
        : markers_(markers), placeholders_(placeholders), options_(options) {}

    void blocks(ir::Blocks& bs);
    void heading_ids(ir::Blocks& bs, HeadingIdGenerator& gen);
    void collect_toc(const ir::Blocks& bs, std::vector<const ir::Heading*>& out) const;
    bool expand_toc(ir::Blocks& bs, const std::vector<const ir::Heading*>& headings) const;
    bool has_toc = false;

private:
    // Inline context: the attr a block IAL or header id inside this text may land on.
    struct InlineContext {
        ir::Attr* heading = nullptr;
    };
    // `following`: the source characters after these inlines, for the typographic rules' look-ahead.
    void inlines(ir::Inlines& in, const InlineContext& ctx, std::string_view following = {});
    void typography(ir::Inlines& in, std::string_view following);
    void apply_block_ial(ir::Block& b, const Marker& m);
    bool is_ial_paragraph(const ir::Block& b, std::vector<std::size_t>& ials) const;
    void definition_lists(ir::Blocks& bs);
    void drop_item_ial(ir::Blocks& item) const;

    const std::vector<Marker>& markers_;
    const Placeholders& placeholders_;
    const MarkdownOptions& options_;
    int depth_ = 0;  // of the block list blocks() is in: 1 for the document
    // The block list is a definition the pre-pass rewrote: its paragraphs' `: ` lines were no
    // definitions to kramdown (an escaped colon, say), so the paragraph rule stays away.
    bool in_definition_ = false;
};

void Postpass::inlines(ir::Inlines& in, const InlineContext& ctx, std::string_view following) {
    ir::Inlines out;
    out.reserve(in.size());
    for (auto& node : in) {
        if (const auto* r = as_marker(node)) {
            const Marker& m = markers_.at(std::stoul(r->text));
            if (m.kind == MarkerKind::header_id) {
                if (ctx.heading) {
                    ctx.heading->id = m.attr.id;
                    // The space the pre-pass kept before it belongs to the id, not the title.
                    if (!out.empty())
                        if (auto* t = std::get_if<ir::Text>(&out.back().node)) {
                            while (!t->text.empty() && (t->text.back() == ' ' || t->text.back() == '\t'))
                                t->text.pop_back();
                            if (t->text.empty()) out.pop_back();
                        }
                } else if (auto* t = out.empty() ? nullptr : std::get_if<ir::Text>(&out.back().node)) {
                    t->text += m.original;
                } else {
                    out.push_back(ir::Text{m.original});
                }
                continue;
            }
            if (m.kind == MarkerKind::span_ial &&
                (out.empty() || std::holds_alternative<ir::Text>(out.back().node) ||
                 std::holds_alternative<ir::SoftBreak>(out.back().node))) {
                // kramdown keeps a span IAL that follows text (or starts the text) as text.
                if (auto* t = out.empty() ? nullptr : std::get_if<ir::Text>(&out.back().node)) t->text += m.original;
                else out.push_back(ir::Text{m.original});
            } else if (m.kind == MarkerKind::span_ial) {
                // A span IAL belongs to the element right before it; elements without attrs drop it.
                ir::visit(ir::overloaded{[&](ir::Image& x) { merge_attr(x.attr, m.attr); },
                                          [&](ir::Link& x) { merge_attr(x.attr, m.attr); },
                                          [&](ir::Code& x) { merge_attr(x.attr, m.attr); }, [](auto&) {}},
                           out.back());
            } else if (m.kind == MarkerKind::block_ial && ctx.heading) {
                merge_attr(*ctx.heading, m.attr);
            }
            continue;
        }
        if (auto* r = std::get_if<ir::RawInline>(&node.node); r && r->format == block_token_format) {
            // A block token where no block can go (a heading, a table cell): keep it visible.
            std::size_t index = std::stoul(r->text);
            const auto& b = std::get<ir::Block>(placeholders_.at(index));
            if (const auto* u = std::get_if<ir::UnsupportedBlock>(&b.node))
                out.push_back(ir::UnsupportedInline{u->kind, u->text, u->pos});
            else
                out.push_back(ir::Text{placeholders_.original_text(index)});
            continue;
        }
        if (auto* t = std::get_if<ir::Text>(&node.node)) {
            if (!out.empty())
                if (auto* prev = std::get_if<ir::Text>(&out.back().node)) {
                    prev->text += t->text;
                    continue;
                }
        }
        out.push_back(std::move(node));
    }
    typography(out, following);
    in = std::move(out);
}

namespace {

// What kramdown's look-ahead sees where `node` starts in the source (a few characters suffice).
std::string source_start(const ir::Inline& node) {
    return ir::visit(ir::overloaded{[](const ir::Text& x) { return x.text.substr(0, 4); },
                                     [](const ir::Emphasis&) { return std::string("*a"); },
                                     [](const ir::Strong&) { return std::string("**a"); },
                                     [](const ir::Strikethrough&) { return std::string("~~a"); },
                                     [](const ir::Code&) { return std::string("`a"); },
                                     [](const ir::Link&) { return std::string("[a"); },
                                     [](const ir::Image&) { return std::string("![a"); },
                                     [](const ir::SoftBreak&) { return std::string("\n"); },
                                     [](const ir::HardBreak&) { return std::string("  \n"); },
                                     [](const ir::RawInline& x) { return x.text.substr(0, 4); },
                                     [](const ir::FootnoteReference&) { return std::string("[^"); },
                                     [](const ir::Math&) { return std::string("$$"); },
                                     [](const ir::UnsupportedInline& x) { return x.text.substr(0, 4); }},
                      node);
}

// kramdown's HTML parser keeps the content of these elements raw: no typography inside them.
std::string raw_content_tag(std::string_view html) {
    static constexpr std::string_view tags[] = {"script", "style", "math",     "option", "textarea",
                                                "pre",    "code",  "kbd",      "samp",   "var"};
    if (html.size() < 3 || html[0] != '<' || html.ends_with("/>")) return {};
    for (std::string_view tag : tags)
        if (html.substr(1, tag.size()) == tag &&
            (html.size() == tag.size() + 1 || html[tag.size() + 1] == '>' || html[tag.size() + 1] == ' ') &&
            html.find("</") == std::string_view::npos)
            return std::string(tag);
    return {};
}


// The pre-pass's literal marks (smart_quotes.h) mean something only to the typography; elsewhere
// (a link's URL, text where no typography runs) they go.
void unmark(std::string& s) {
    if (s.find(literal_mark) != std::string::npos) s = without_literal_marks(s);
}

}  // namespace

void Postpass::typography(ir::Inlines& in, std::string_view following) {
    std::string raw_tag;  // inside <code>…</code> written as HTML
    for (std::size_t i = 0; i < in.size(); ++i) {
        std::string next = i + 1 < in.size() ? source_start(in[i + 1]) : std::string(following);
        auto inner = [&](std::string_view open_close) { return std::string(open_close) + next; };
        ir::visit(ir::overloaded{[&](ir::Emphasis& x) { inlines(x.children, {}, inner("*")); },
                                  [&](ir::Strong& x) { inlines(x.children, {}, inner("**")); },
                                  [&](ir::Strikethrough& x) { inlines(x.children, {}, inner("~~")); },
                                  [&](ir::Link& x) {
                                      unmark(x.url);
                                      unmark(x.title);
                                      // An autolink's text is its URL as written: kramdown's
                                      // typography never sees it.
                                      if (x.children.size() == 1)
                                          if (const auto* t = std::get_if<ir::Text>(&x.children[0].node);
                                              t && (t->text == x.url || "mailto:" + t->text == x.url))
                                              return;
                                      inlines(x.children, {}, "](");
                                  },
                                  [&](ir::Image& x) {
                                      unmark(x.url);
                                      unmark(x.title);
                                      inlines(x.alt, {}, "](");
                                  },
                                  [&](ir::RawInline& x) {
                                      if (x.format != "html") return;
                                      if (raw_tag.empty()) raw_tag = raw_content_tag(x.text);
                                      else if (x.text.starts_with("</" + raw_tag)) raw_tag.clear();
                                  },
                                  [&](ir::Text& x) {
                                      if (!options_.smart_quotes || !raw_tag.empty()) return unmark(x.text);
                                      TypographyContext context;
                                      // A line break leaves its newline in kramdown's text.
                                      if (i > 0 && (std::holds_alternative<ir::SoftBreak>(in[i - 1].node) ||
                                                    std::holds_alternative<ir::HardBreak>(in[i - 1].node))) {
                                          context.has_prev = true;
                                          context.prev = '\n';
                                      }
                                      context.following = next;
                                      x.text = kramdown_typography(x.text, context);
                                  },
                                  [](auto&) {}},
                   in[i]);
    }
}

void Postpass::apply_block_ial(ir::Block& b, const Marker& m) {
    bool toc = std::find(m.refs.begin(), m.refs.end(), "toc") != m.refs.end();
    std::visit(ir::overloaded{[&](ir::Paragraph& x) { merge_attr(x.attr, m.attr); },
                              [&](ir::Heading& x) { merge_attr(x.attr, m.attr); },
                              [&](ir::CodeBlock& x) {
                                  merge_attr(x.attr, m.attr);
                                  // kramdown's way to name a code block's language.
                                  if (x.language.empty())
                                      for (const auto& c : m.attr.classes)
                                          if (c.starts_with("language-")) x.language = c.substr(9);
                              },
                              [&](ir::BlockQuote& x) { merge_attr(x.attr, m.attr); },
                              [&](ir::List& x) {
                                  merge_attr(x.attr, m.attr);
                                  if (toc) {
                                      x.attr.attributes.emplace_back(std::string(toc_key), "");
                                      has_toc = true;
                                  }
                              },
                              [&](ir::DefinitionList& x) { merge_attr(x.attr, m.attr); },
                              [&](ir::Table& x) { merge_attr(x.attr, m.attr); }, [](auto&) {}},
               b.node);
}

// A paragraph that holds nothing but block IAL markers (the pre-pass set them apart).
bool Postpass::is_ial_paragraph(const ir::Block& b, std::vector<std::size_t>& ials) const {
    const auto* p = std::get_if<ir::Paragraph>(&b.node);
    if (!p || p->children.empty()) return false;
    ials.clear();
    for (const auto& in : p->children) {
        if (const auto* r = as_marker(in)) {
            std::size_t index = std::stoul(r->text);
            const MarkerKind kind = markers_.at(index).kind;
            if (kind != MarkerKind::block_ial && kind != MarkerKind::end_of_block) return false;
            ials.push_back(index);
        } else if (!std::holds_alternative<ir::SoftBreak>(in.node)) {
            const auto* t = std::get_if<ir::Text>(&in.node);
            if (!t || t->text.find_first_not_of(" \t") != std::string::npos) return false;
        }
    }
    return !ials.empty();
}

// kramdown's LIST_ITEM_IAL: `{:…}` at the start of a list item's first line sets the item's
// attributes (the IR has none for an item, so it goes) rather than showing as text.
void Postpass::drop_item_ial(ir::Blocks& item) const {
    auto* p = item.empty() ? nullptr : std::get_if<ir::Paragraph>(&item.front().node);
    if (!p || p->children.empty()) return;
    const auto* r = as_marker(p->children.front());
    if (!r || markers_.at(std::stoul(r->text)).kind != MarkerKind::span_ial) return;
    p->children.erase(p->children.begin());
    if (auto* t = p->children.empty() ? nullptr : std::get_if<ir::Text>(&p->children.front().node)) {
        t->text.erase(0, t->text.find_first_not_of(" \t"));
        if (t->text.empty()) p->children.erase(p->children.begin());
    }
}

// Hand-written recursion on purpose: this pass rewrites each block list as a list (drops the IAL
// paragraphs, merges paragraphs into definition lists) and its typography looks at the next
// sibling, while ir::walk hands out single nodes. It needs no DefinitionList rule: definition
// lists are made here, from paragraphs already processed, and cmark makes none.
void Postpass::blocks(ir::Blocks& bs) {
    ++depth_;
    const bool paragraph_rule = depth_ > 1 && !in_definition_;
    in_definition_ = false;
    // Block IALs first, while the markers still stand where the pre-pass put them.
    std::vector<std::size_t> ials;
    ir::Blocks kept;
    kept.reserve(bs.size());
    std::vector<std::size_t> pending;  // IALs waiting for the next block
    for (auto& b : bs) {
        if (is_ial_paragraph(b, ials)) {
            for (std::size_t index : ials) {
                const Marker& m = markers_.at(index);
                if (m.kind == MarkerKind::end_of_block) continue;
                if (m.after_block && !kept.empty()) apply_block_ial(kept.back(), m);
                else pending.push_back(index);
            }
            continue;
        }
        kept.push_back(std::move(b));
        for (std::size_t index : pending) apply_block_ial(kept.back(), markers_.at(index));
        pending.clear();
    }
    bs = std::move(kept);

    for (auto& b : bs) {
        std::visit(ir::overloaded{[&](ir::Paragraph& x) {
                                      // A block IAL at the start of a paragraph's text is its own.
                                      if (!x.children.empty())
                                          if (const auto* r = as_marker(x.children.front());
                                              r && markers_.at(std::stoul(r->text)).kind == MarkerKind::block_ial)
                                              merge_attr(x.attr, markers_.at(std::stoul(r->text)).attr);
                                      inlines(x.children, {});
                                      while (!x.children.empty() &&
                                             std::holds_alternative<ir::SoftBreak>(x.children.front().node))
                                          x.children.erase(x.children.begin());
                                  },
                                  [&](ir::Heading& x) {
                                      InlineContext ctx;
                                      ctx.heading = &x.attr;
                                      inlines(x.children, ctx);
                                      if (!x.children.empty())
                                          if (auto* t = std::get_if<ir::Text>(&x.children.back().node))
                                              while (!t->text.empty() && t->text.back() == ' ') t->text.pop_back();
                                  },
                                  [&](ir::BlockQuote& x) { blocks(x.children); },
                                  [&](ir::List& x) {
                                      const bool definitions = is_definition_items(b);
                                      for (auto& item : x.items) {
                                          drop_item_ial(item.children);
                                          in_definition_ = definitions;
                                          blocks(item.children);
                                      }
                                  },
                                  [&](ir::FootnoteDefinition& x) { blocks(x.children); },
                                  [&](ir::Table& x) {
                                      for (auto* rows : {&x.head, &x.body})
                                          for (auto& row : *rows)
                                              for (auto& cell : row) inlines(cell.children, {});
                                  },
                                  [](auto&) {}},
                   b.node);
    }
    // Definition lists the pre-pass rewrote (every top-level one, and those inside them); the
    // paragraph rule is left for those nested in quotes and list items, which it does not see.
    fold_definition_lists(bs);
    if (paragraph_rule) definition_lists(bs);
    --depth_;
}

// `: definition` lines after a term line: cmark sees one paragraph; kramdown a definition list.
bool starts_definition(const ir::Inlines& line) {
    if (line.empty()) return false;
    const auto* t = std::get_if<ir::Text>(&line.front().node);
    return t && t->text.size() >= 2 && t->text[0] == ':' && (t->text[1] == ' ' || t->text[1] == '\t');
}

std::vector<ir::Inlines> split_lines(ir::Inlines& in) {
    std::vector<ir::Inlines> lines(1);
    for (auto& node : in) {
        if (std::holds_alternative<ir::SoftBreak>(node.node)) lines.emplace_back();
        else lines.back().push_back(std::move(node));
    }
    return lines;
}

void strip_colon(ir::Inlines& line) {
    auto& t = std::get<ir::Text>(line.front().node).text;
    std::size_t p = 1;
    while (p < t.size() && (t[p] == ' ' || t[p] == '\t')) ++p;
    t.erase(0, p);
    // The inline pass kept the definition's IAL as text (it follows the colon's text).
    t.erase(0, item_ial_length(t));
    if (t.empty()) line.erase(line.begin());
}

void Postpass::definition_lists(ir::Blocks& bs) {
    ir::Blocks out;
    out.reserve(bs.size());
    for (auto& b : bs) {
        auto* para = std::get_if<ir::Paragraph>(&b.node);
        if (!para) {
            out.push_back(std::move(b));
            continue;
        }
        bool any = false;
        bool first_is_def = false;
        {
            std::size_t line = 0;
            bool at_start = true;
            for (const auto& node : para->children) {
                if (std::holds_alternative<ir::SoftBreak>(node.node)) {
                    ++line;
                    at_start = true;
                    continue;
                }
                if (at_start) {
                    ir::Inlines one{node};
                    if (starts_definition(one)) {
                        any = true;
                        if (line == 0) first_is_def = true;
                    }
                }
                at_start = false;
            }
        }
        if (!any) {
            out.push_back(std::move(b));
            continue;
        }
        ir::DefinitionList list;
        bool merge_prev = false;
        if (first_is_def && !out.empty()) {
            // `term` and its `: definition` separated by a blank line.
            if (auto* prev = std::get_if<ir::DefinitionList>(&out.back().node)) {
                list = std::move(*prev);
                merge_prev = true;
            } else if (auto* prev_p = std::get_if<ir::Paragraph>(&out.back().node); prev_p && prev_p->attr.empty()) {
                for (auto& term : split_lines(prev_p->children)) list.items.push_back({std::move(term), {}});
                merge_prev = true;
            }
        }
        if (first_is_def && list.items.empty()) {
            out.push_back(std::move(b));
            continue;
        }
        std::vector<ir::Inlines> lines = split_lines(para->children);
        bool in_definition = false;
        for (auto& line : lines) {
            if (starts_definition(line)) {
                strip_colon(line);
                list.items.back().definitions.push_back({ir::Block(ir::Paragraph{std::move(line), {}}, b.pos)});
                in_definition = true;
            } else if (in_definition) {
                auto& para_in = std::get<ir::Paragraph>(list.items.back().definitions.back().back().node);
                para_in.children.push_back(ir::SoftBreak{});
                for (auto& n : line) para_in.children.push_back(std::move(n));
            } else {
                list.items.push_back({std::move(line), {}});
            }
        }
        list.attr = para->attr;
        if (merge_prev) {
            out.back() = ir::Block(std::move(list), out.back().pos);
        } else if (auto* prev = out.empty() ? nullptr : std::get_if<ir::DefinitionList>(&out.back().node);
                   prev && list.attr.empty()) {
            // Term/definition groups separated by blank lines are one list to kramdown.
            for (auto& item : list.items) prev->items.push_back(std::move(item));
        } else {
            out.push_back(ir::Block(std::move(list), b.pos));
        }
    }
    bs = std::move(out);
}

// The text the GFM parser makes ids from: text, code and math, without raw HTML tags or images.
void gfm_text(const ir::Inlines& in, std::string& out) {
    ir::for_each_inline(in, [&](const ir::Inline& node) {
        if (const auto* t = ir::get_if<ir::Text>(node)) out += t->text;
        else if (const auto* c = ir::get_if<ir::Code>(node)) out += c->text;
        else if (const auto* m = ir::get_if<ir::Math>(node)) out += m->tex;
        else if (ir::get_if<ir::SoftBreak>(node) || ir::get_if<ir::HardBreak>(node)) out += ' ';
        // An image's alt is not part of the id.
        return ir::get_if<ir::Image>(node) ? ir::Descend::no : ir::Descend::yes;
    });
}

void Postpass::heading_ids(ir::Blocks& bs, HeadingIdGenerator& gen) {
    // Document order, nested headings included: ids are numbered in the order kramdown meets them.
    ir::for_each_block(bs, [&](ir::Block& b) {
        auto* x = std::get_if<ir::Heading>(&b.node);
        if (!x) return;
        std::string raw;
        auto& attrs = x->attr.attributes;
        for (auto it = attrs.begin(); it != attrs.end(); ++it)
            if (it->first == raw_text_key) {
                raw = std::move(it->second);
                attrs.erase(it);
                break;
            }
        // An IAL's `id=""` is an id kramdown's auto ids do not replace: the heading has none.
        const auto empty_id = std::find_if(attrs.begin(), attrs.end(), [](const auto& kv) { return kv.first == "id"; });
        if (empty_id != attrs.end()) {
            attrs.erase(empty_id);
            return;
        }
        if (!x->attr.id.empty() || !options_.auto_ids) return;
        if (options_.input == MarkdownInput::gfm) {
            raw.clear();
            gfm_text(x->children, raw);
        }
        x->attr.id = gen.next(raw);
    });
}

void Postpass::collect_toc(const ir::Blocks& bs, std::vector<const ir::Heading*>& out) const {
    // Every heading, nested ones too (in a quote, a list item): kramdown's converter adds each
    // header it converts to the toc.
    ir::for_each_block(bs, [&](const ir::Block& b) {
        if (const auto* h = std::get_if<ir::Heading>(&b.node))
            if (std::find(h->attr.classes.begin(), h->attr.classes.end(), "no_toc") == h->attr.classes.end())
                out.push_back(h);
    });
}

// Nested lists of links, as kramdown's toc: a deeper heading goes under the item before it.
void build_toc(ir::List& list, const std::vector<const ir::Heading*>& hs, std::size_t& i, int level) {
    while (i < hs.size() && hs[i]->level >= level) {
        if (hs[i]->level == level || list.items.empty()) {
            ir::ListItem item;
            ir::Link link;
            link.url = "#" + hs[i]->attr.id;
            link.children = toc_entry(hs[i]->children);
            item.children.push_back(ir::Block(ir::Paragraph{{std::move(link)}, {}}));
            list.items.push_back(std::move(item));
            ++i;
        } else {
            auto& kids = list.items.back().children;
            if (!std::holds_alternative<ir::List>(kids.back().node)) kids.push_back(ir::Block(ir::List{}));
            build_toc(std::get<ir::List>(kids.back().node), hs, i, hs[i]->level);
        }
    }
}

bool Postpass::expand_toc(ir::Blocks& bs, const std::vector<const ir::Heading*>& headings) const {
    // The first marked list wherever it stands (a footnote or a list item too), as kramdown's
    // converter replaces the first {:toc} list it meets.
    bool done = false;
    ir::for_each_block(bs, [&](ir::Block& b) {
        auto* l = done ? nullptr : std::get_if<ir::List>(&b.node);
        if (!l) return done ? ir::Descend::no : ir::Descend::yes;
        auto& attrs = l->attr.attributes;
        auto it = std::find_if(attrs.begin(), attrs.end(), [](const auto& kv) { return kv.first == toc_key; });
        if (it == attrs.end()) return ir::Descend::yes;
        ir::List toc;
        toc.attr = l->attr;
        toc.attr.attributes.erase(toc.attr.attributes.begin() + (it - attrs.begin()));
        if (toc.attr.id.empty()) toc.attr.id = "markdown-toc";
        std::size_t i = 0;
        int top = 6;
        for (const auto* h : headings) top = std::min(top, h->level);
        build_toc(toc, headings, i, top);
        b.node = std::move(toc);
        done = true;
        return ir::Descend::no;  // the new list holds only links to headings
    });
    return done;
}

}  // namespace

void kramdown_postpass(ir::Blocks& blocks, const std::vector<Marker>& markers, const Placeholders& placeholders,
                       const MarkdownOptions& options) {
    Postpass pass(markers, placeholders, options);
    pass.blocks(blocks);
    span_html_rules(blocks);
    HeadingIdGenerator gen(options.input);
    pass.heading_ids(blocks, gen);
    if (pass.has_toc) {
        std::vector<const ir::Heading*> headings;
        pass.collect_toc(blocks, headings);
        // The headings are copied into the new list before the old one is replaced.
        std::vector<ir::Heading> copies;
        copies.reserve(headings.size());
        for (const auto* h : headings) copies.push_back(*h);
        std::vector<const ir::Heading*> stable;
        for (const auto& h : copies) stable.push_back(&h);
        pass.expand_toc(blocks, stable);
    }
}

}  // namespace blogconv::readers::markdown
