#include "writers/html/html_renderer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <vector>

#include "ir/walk.h"
#include "writers/html/elements.h"
#include "writers/html/escape.h"
#include "writers/html/raw_html.h"
#include "writers/html/sanitize.h"

namespace blogconv::writers {

namespace {

using html::append_escaped;
using html::escape;

bool valid_attribute_name(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':'))
            return false;
    return std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_';
}

std::string comment_safe(std::string_view text) {
    std::string out;
    for (char c : text) {
        // `--` may not occur in a comment; a trailing `-` would merge with the closing `-->`.
        if (c == '-' && !out.empty() && out.back() == '-') out += ' ';
        out += c;
    }
    if (!out.empty() && out.back() == '-') out += ' ';
    return out;
}

// Whether a footnote's last block is a paragraph to kramdown, which then takes the back-link: a
// paragraph of display math alone is kramdown's math block, and gets the link after it.
bool ends_in_paragraph(const ir::Blocks& note) {
    const auto* p = note.empty() ? nullptr : std::get_if<ir::Paragraph>(&note.back().node);
    if (!p) return false;
    const auto* math = p->children.size() == 1 ? ir::get_if<ir::Math>(p->children[0]) : nullptr;
    return !(math && math->display);
}

void collect_footnotes(const ir::Blocks& blocks, std::map<std::string, const ir::Blocks*>& defs) {
    ir::for_each_block(blocks, [&](const ir::Block& b) {
        if (const auto* n = std::get_if<ir::FootnoteDefinition>(&b.node))
            defs.emplace(n->label, &n->children);  // the first definition wins, as in kramdown
    });
}

class Renderer {
public:
    explicit Renderer(const HtmlOptions& options) : o_(options) {}

    std::string document(const ir::Blocks& blocks) {
        collect_footnotes(blocks, definitions_);
        top_level(blocks);
        if (o_.footnotes) footnotes_section();
        return std::move(out_);
    }

    std::string inlines_only(const ir::Inlines& inlines) {
        inlines_(inlines);
        return std::move(out_);
    }

private:
    const HtmlOptions& o_;
    std::string out_;
    std::map<std::string, const ir::Blocks*> definitions_;
    std::vector<std::string> footnote_order_;       // labels by number - 1
    std::map<std::string, int> footnote_refs_;      // label -> references seen so far
    bool escape_raw_ = false;                       // xhtml fallback: raw HTML shown as text
    bool saw_raw_ = false;                          // a raw node was written since last reset
    int link_depth_ = 0;                            // open IR links and <a> tags of raw HTML
    html::RawHtmlState raw_state_;                  // raw HTML carried from one raw node to the next
    std::map<char, std::string> raw_headings_;      // an open raw <hN id>, by level: its id
    // XHTML mode: whether the element hook is called now, or only noted in saw_element_ (while
    // it is not yet known which raw HTML stays markup: see top_level).
    bool elements_live_ = true;
    bool saw_element_ = false;   // an element was offered (or would have been) since last reset
    bool replaying_ = false;     // rendering blocks a second time: the sanitizer's reports were made
    std::vector<std::string> raw_open_;  // XHTML mode: the raw HTML elements open here, outermost first
    int line_ = 0;                       // the source line of the innermost block being written

    // What rendering a block changes that a second rendering of it must start from.
    struct Counters {
        std::vector<std::string> footnote_order;
        std::map<std::string, int> footnote_refs;
        int link_depth = 0;
    };
    Counters counters() const { return {footnote_order_, footnote_refs_, link_depth_}; }
    std::size_t footnote_version_ = 0;  // how often the footnote counters changed
    void restore(Counters c) {
        footnote_order_ = std::move(c.footnote_order);
        footnote_refs_ = std::move(c.footnote_refs);
        link_depth_ = c.link_depth;
    }

    // In XHTML mode each top-level block that holds raw HTML is checked for well-formedness. An
    // HTML block often opens in one raw block and closes in a later one (`<div>` … Markdown …
    // `</div>`), so a failing block is retried together with the blocks after it before its raw
    // HTML is given up and escaped.
    void top_level(const ir::Blocks& blocks) {
        if (!o_.xhtml) {
            for (const auto& b : blocks) block(b);
            return;
        }
        // The element hook is only called once it is known which raw HTML stays markup: the
        // blocks are rendered without it (noting which hold an element), and the units that stay
        // and hold one are rendered again with it, from the counters they started with (as is
        // a block shown as text).
        struct Piece {
            std::string html;
            bool raw = false;
            bool element = false;
            std::size_t before = 0;  // the counters it started with, in `snapshots`
        };
        const bool deferred = static_cast<bool>(o_.element);
        std::vector<Counters> snapshots;  // a new one only when a footnote reference changed them
        std::size_t snapshot_version = 0;
        elements_live_ = !deferred;
        std::vector<Piece> pieces;
        pieces.reserve(blocks.size());
        for (const auto& b : blocks) {
            if (snapshots.empty() || snapshot_version != footnote_version_) {
                snapshots.push_back(counters());
                snapshot_version = footnote_version_;
            }
            std::string saved = std::move(out_);
            out_.clear();
            saw_raw_ = false;
            saw_element_ = false;
            raw_open_.clear();
            block(b);
            pieces.push_back({std::move(out_), saw_raw_, saw_element_, snapshots.size() - 1});
            out_ = std::move(saved);
        }
        elements_live_ = true;
        // Writes the blocks [from, to], which make one balanced unit whose first rendering is
        // `html`: as they are, or rendered again with the element hook when one holds an element.
        auto accept = [&](std::size_t from, std::size_t to, const std::string& html) {
            bool element = false;
            for (std::size_t k = from; k <= to; ++k) element = element || pieces[k].element;
            if (!element) {
                out_ += html;
                return;
            }
            Counters now = counters();
            restore(snapshots[pieces[from].before]);
            raw_open_.clear();
            replaying_ = true;
            for (std::size_t k = from; k <= to; ++k) block(blocks[k]);
            replaying_ = false;
            restore(std::move(now));
        };
        constexpr std::size_t window = 64;
        for (std::size_t i = 0; i < pieces.size();) {
            if (!pieces[i].raw || html::well_formed_xml_fragment(pieces[i].html)) {
                accept(i, i, pieces[i].html);
                ++i;
                continue;
            }
            std::string group = pieces[i].html;
            std::size_t found = 0;
            for (std::size_t j = i + 1; j < pieces.size() && j < i + window; ++j) {
                group += pieces[j].html;
                if (pieces[j].raw && html::well_formed_xml_fragment(group)) {
                    found = j;
                    break;
                }
            }
            if (found != 0) {
                accept(i, found, group);
                i = found + 1;
                continue;
            }
            // Rendered again as text, from the counters it started with: its footnote
            // references keep the ids the blocks after it were counted from.
            Counters now = counters();
            restore(snapshots[pieces[i].before]);
            raw_open_.clear();
            escape_raw_ = true;
            replaying_ = true;
            block(blocks[i]);
            replaying_ = false;
            escape_raw_ = false;
            restore(std::move(now));
            ++i;
        }
        raw_open_.clear();
    }

    // An element for the hook, or nullopt to write it as usual (also while the hook waits).
    std::optional<std::string> offer(HtmlElement e) {
        saw_element_ = true;
        if (!elements_live_) return std::nullopt;
        e.line = line_;
        if (o_.xhtml) {
            e.in_link = e.in_link || std::find(raw_open_.begin(), raw_open_.end(), "a") != raw_open_.end();
            e.inside = raw_open_;
        }
        return o_.element(e);
    }

    // The element's name as the tag writes it: in the case an XML parser of the output sees.
    static std::string written_name(const html::RawTag& t) {
        const std::size_t from = t.closing ? 2 : 1;
        const std::size_t end = t.written.find_first_of(" \t\n\r/>", from);
        return t.written.substr(from, (end == std::string::npos ? t.written.size() : end) - from);
    }

    // A raw HTML tag in XHTML mode: the open elements followed, <img> offered.
    std::optional<std::string> xhtml_raw_tag(const html::RawTag& t) {
        if (t.closing) {
            const std::string name = written_name(t);
            for (std::size_t k = raw_open_.size(); k-- > 0;)
                if (raw_open_[k] == name) {
                    raw_open_.resize(k);
                    break;
                }
            return std::nullopt;
        }
        if (t.name == "img") return offer(HtmlElement{t.name, t.attributes, link_depth_ > 0, {}, 0});
        if (!t.self_closing) raw_open_.push_back(written_name(t));
        return std::nullopt;
    }

    std::string id(const std::string& raw) const { return o_.id_prefix + raw; }

    // `element` and `attribute`: where the URL goes, for the sanitizer's rules.
    std::string url(const std::string& u, const std::string& target = {}, std::string_view element = "a",
                    std::string_view attribute = "href") const {
        if (o_.sanitize && !html::url_allowed(element, attribute, u)) {
            removed("a URL that could run code");
            return {};
        }
        std::string v = (!o_.id_prefix.empty() && !u.empty() && u[0] == '#') ? "#" + o_.id_prefix + u.substr(1) : u;
        if (o_.rewrite_url) v = o_.rewrite_url(v, target);
        return v;
    }

    void removed(const std::string& what) const {
        if (o_.removed && !replaying_) o_.removed(what);
    }

    // The attributes an Attr gives, as text in the order they are written. `element`: the element
    // they go on ("" = any), for the sanitizer's rules.
    html::AttributeList attr_list(const ir::Attr& a, std::string_view element = {}) const {
        html::AttributeList list;
        if (!a.id.empty()) list.emplace_back("id", id(a.id));
        std::string classes;
        for (const auto& c : a.classes) classes += (classes.empty() ? "" : " ") + c;
        for (const auto& [k, v] : a.attributes)
            if (k == "class") classes += (classes.empty() ? "" : " ") + v;
        if (!classes.empty()) list.emplace_back("class", classes);
        for (const auto& [k, v] : a.attributes) {
            if (k == "class" || k == "id" || !valid_attribute_name(k)) continue;
            if (o_.sanitize) {
                std::string lk = k;
                for (char& c : lk) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (!html::attribute_allowed(element, lk)) {
                    removed(lk + "=");
                    continue;
                }
                if (html::is_url_attribute(lk) && !html::url_allowed(element, lk, v)) {
                    removed("a URL that could run code");
                    continue;
                }
            }
            list.emplace_back(k, v);
        }
        return list;
    }

    void attrs(const ir::Attr& a, std::string_view element = {}) { write_attrs(attr_list(a, element)); }

    void write_attrs(const html::AttributeList& list) { html::append_attributes(out_, list); }

    // A raw HTML tag, for the hooks: links counted, headings given their end, elements offered.
    std::optional<std::string> raw_tag(const html::RawTag& t, bool& swallow) {
        if (t.name == "a") {
            link_depth_ = t.closing ? std::max(0, link_depth_ - 1) : link_depth_ + 1;
            return std::nullopt;
        }
        if (o_.heading_end && t.name.size() == 2 && t.name[0] == 'h' && t.name[1] >= '1' && t.name[1] <= '6' &&
            t.written.size() > 3 && t.written[1 + t.closing] == 'h') {  // written in lower case
            const char level = t.name[1];
            if (!t.closing) {
                const std::string* raw_id = t.find("id");
                if (raw_id && !raw_id->empty() && (t.written[3] == ' ' || t.written[3] == '>'))
                    raw_headings_.emplace(level, *raw_id);  // a nested one of the same level waits
                return std::nullopt;
            }
            auto open = raw_headings_.find(level);
            if (open == raw_headings_.end() || t.written != std::string("</h") + level + ">") return std::nullopt;
            std::string out = o_.heading_end(open->second) + t.written;
            raw_headings_.erase(open);
            return out;
        }
        if (o_.element && !t.closing &&
            (t.name == "img" || t.name == "source" || t.name == "iframe" || t.name == "script")) {
            auto replacement = o_.element(HtmlElement{t.name, t.attributes, link_depth_ > 0, {}, line_});
            swallow = replacement.has_value() && !html::is_void_element(t.name);
            return replacement;
        }
        return std::nullopt;
    }

    void raw(const std::string& format, const std::string& text, bool is_block) {
        if (format != "html") {
            unsupported(format, text, is_block);
            return;
        }
        saw_raw_ = true;
        if (escape_raw_) {
            if (is_block) out_ += "<p>";
            html::append_clean_escaped(out_, text);
            if (is_block) out_ += "</p>\n";
            return;
        }
        html::UrlRewrite rw;
        if (o_.rewrite_url) rw = [&](const std::string& u) { return o_.rewrite_url(u, {}); };
        const html::RemovedFn report = [this](const std::string& what) { removed(what); };
        if (o_.xhtml) {
            html::TagHook hook;
            if (o_.element) hook = [this](const html::RawTag& t, bool&) { return xhtml_raw_tag(t); };
            out_ += html::transform_raw_html(text, true, rw, o_.sanitize ? &report : nullptr, &hook);
        } else {
            html::TagHook hook;
            if (o_.heading_end || o_.element)
                hook = [this](const html::RawTag& t, bool& swallow) { return raw_tag(t, swallow); };
            html::append_raw_html(out_, text, rw, o_.sanitize ? &report : nullptr, hook, raw_state_);
        }
        if (is_block && !out_.empty() && out_.back() != '\n') out_ += '\n';
    }

    void unsupported(const std::string& kind, const std::string& text, bool is_block) {
        switch (o_.unsupported) {
            case UnsupportedStyle::drop: return;
            case UnsupportedStyle::comment:
                out_ += "<!-- unsupported ";
                out_ += comment_safe(html::xml_clean(kind + ": " + text));
                out_ += is_block ? " -->\n" : " -->";
                return;
            case UnsupportedStyle::code:
                out_ += is_block ? "<pre class=\"unsupported\" data-kind=\"" : "<code class=\"unsupported\" data-kind=\"";
                append_escaped(out_, kind);
                out_ += is_block ? "\"><code>" : "\">";
                html::append_clean_escaped(out_, text);
                out_ += is_block ? "</code></pre>\n" : "</code>";
                return;
        }
    }

    void blocks_(const ir::Blocks& bs) {
        for (const auto& b : bs) block(b);
    }

    // A tight list item's paragraphs are written without <p>, as every Markdown renderer does.
    void item_blocks(const ir::Blocks& bs, bool tight) {
        for (std::size_t i = 0; i < bs.size(); ++i) {
            const auto* p = std::get_if<ir::Paragraph>(&bs[i].node);
            if (tight && p && p->attr.empty()) {
                inlines_(p->children);
                if (i + 1 < bs.size()) out_ += '\n';
            } else {
                if (i == 0 && tight) out_ += '\n';
                block(bs[i]);
            }
        }
    }

    void block(const ir::Block& b) {
        const int outer_line = line_;
        line_ = b.pos.line;
        block_node(b);
        line_ = outer_line;
    }

    void block_node(const ir::Block& b) {
        std::visit(ir::overloaded{
                       [&](const ir::Paragraph& n) {
                           out_ += "<p";
                           attrs(n.attr);
                           out_ += '>';
                           inlines_(n.children);
                           out_ += "</p>\n";
                       },
                       [&](const ir::Heading& n) {
                           const int level = n.level < 1 ? 1 : n.level > 6 ? 6 : n.level;
                           out_ += "<h" + std::to_string(level);
                           attrs(n.attr);
                           out_ += '>';
                           inlines_(n.children);
                           if (o_.heading_end && !n.attr.id.empty()) out_ += o_.heading_end(id(n.attr.id));
                           out_ += "</h" + std::to_string(level) + ">\n";
                       },
                       [&](const ir::CodeBlock& n) {
                           out_ += "<pre";
                           attrs(n.attr);
                           out_ += "><code";
                           if (!n.language.empty()) {
                               out_ += " class=\"language-";
                               append_escaped(out_, n.language);
                               out_ += '"';
                           }
                           out_ += '>';
                           code_text(n.text, n.language);
                           out_ += "</code></pre>\n";
                       },
                       [&](const ir::BlockQuote& n) {
                           out_ += "<blockquote";
                           attrs(n.attr);
                           out_ += ">\n";
                           blocks_(n.children);
                           out_ += "</blockquote>\n";
                       },
                       [&](const ir::List& n) {
                           out_ += n.ordered ? "<ol" : "<ul";
                           if (n.ordered && n.start != 1) out_ += " start=\"" + std::to_string(n.start) + "\"";
                           attrs(n.attr);
                           out_ += ">\n";
                           for (const auto& item : n.items) {
                               if (item.task) {
                                   out_ += "<li class=\"task-list-item\"><input type=\"checkbox\" "
                                           "class=\"task-list-item-checkbox\" disabled=\"disabled\"";
                                   if (*item.task) out_ += " checked=\"checked\"";
                                   out_ += " /> ";
                               } else {
                                   out_ += "<li>";
                               }
                               item_blocks(item.children, n.tight);
                               out_ += "</li>\n";
                           }
                           out_ += n.ordered ? "</ol>\n" : "</ul>\n";
                       },
                       [&](const ir::DefinitionList& n) {
                           out_ += "<dl";
                           attrs(n.attr);
                           out_ += ">\n";
                           for (const auto& item : n.items) {
                               out_ += "<dt>";
                               inlines_(item.term);
                               out_ += "</dt>\n";
                               for (const auto& d : item.definitions) {
                                   out_ += "<dd>";
                                   item_blocks(d, d.size() == 1);
                                   out_ += "</dd>\n";
                               }
                           }
                           out_ += "</dl>\n";
                       },
                       [&](const ir::Table& n) { table(n); },
                       [&](const ir::ThematicBreak&) { out_ += "<hr />\n"; },
                       [&](const ir::RawBlock& n) { raw(n.format, n.text, true); },
                       [&](const ir::FootnoteDefinition&) {},  // written in the footnotes section
                       [&](const ir::UnsupportedBlock& n) { unsupported(n.kind, n.text, true); },
                   },
                   b.node);
    }

    void table(const ir::Table& t) {
        out_ += "<table";
        attrs(t.attr);
        out_ += ">\n";
        auto rows = [&](const std::vector<ir::TableRow>& rs, const char* cell) {
            for (const auto& r : rs) {
                out_ += "<tr>\n";
                for (std::size_t c = 0; c < r.size(); ++c) {
                    out_ += "<";
                    out_ += cell;
                    const auto align = c < t.alignments.size() ? t.alignments[c] : ir::Alignment::none;
                    switch (align) {
                        case ir::Alignment::left: out_ += " style=\"text-align: left\""; break;
                        case ir::Alignment::center: out_ += " style=\"text-align: center\""; break;
                        case ir::Alignment::right: out_ += " style=\"text-align: right\""; break;
                        case ir::Alignment::none: break;
                    }
                    out_ += '>';
                    inlines_(r[c].children);
                    out_ += "</";
                    out_ += cell;
                    out_ += ">\n";
                }
                out_ += "</tr>\n";
            }
        };
        if (!t.head.empty()) {
            out_ += "<thead>\n";
            rows(t.head, "th");
            out_ += "</thead>\n";
        }
        if (!t.body.empty()) {
            out_ += "<tbody>\n";
            rows(t.body, "td");
            out_ += "</tbody>\n";
        }
        out_ += "</table>\n";
    }

    void inlines_(const ir::Inlines& ins) {
        for (const auto& in : ins) inline_(in);
    }

    void inline_(const ir::Inline& in) {
        ir::visit(ir::overloaded{
                       [&](const ir::Text& n) { html::append_clean_escaped(out_, n.text); },
                       [&](const ir::Emphasis& n) { wrap("em", n.children); },
                       [&](const ir::Strong& n) { wrap("strong", n.children); },
                       [&](const ir::Strikethrough& n) { wrap("del", n.children); },
                       [&](const ir::Code& n) {
                           out_ += "<code";
                           const auto list = attr_list(n.attr);
                           write_attrs(list);
                           out_ += '>';
                           constexpr std::string_view language = "language-";
                           if (list.size() == 1 && list[0].first == "class" && list[0].second.starts_with(language) &&
                               list[0].second.find(' ') == std::string::npos)
                               code_text(n.text, list[0].second.substr(language.size()));
                           else
                               html::append_clean_escaped(out_, n.text);
                           out_ += "</code>";
                       },
                       [&](const ir::Link& n) {
                           ++link_depth_;
                           out_ += "<a href=\"";
                           append_escaped(out_, url(n.url, n.target_document));
                           out_ += '"';
                           if (!n.title.empty()) {
                               out_ += " title=\"";
                               html::append_clean_escaped(out_, n.title);
                               out_ += '"';
                           }
                           attrs(n.attr, "a");
                           out_ += '>';
                           inlines_(n.children);
                           out_ += "</a>";
                           --link_depth_;
                       },
                       [&](const ir::Image& n) {
                           // Each computed once: the rewriter and the sanitizer's reports see them once.
                           const std::string src = url(n.url, {}, "img", "src");
                           const html::AttributeList list = attr_list(n.attr, "img");
                           if (o_.element) {
                               HtmlElement e{"img", {}, link_depth_ > 0, {}, 0};
                               e.attributes.emplace_back("src", src);
                               e.attributes.emplace_back("alt", html::xml_clean(ir::plain_text(n.alt)));
                               if (!n.title.empty()) e.attributes.emplace_back("title", html::xml_clean(n.title));
                               for (const auto& [k, v] : list) {
                                   std::string lk = k;
                                   for (char& c : lk) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                                   e.attributes.emplace_back(std::move(lk), v);
                               }
                               if (auto replacement = offer(std::move(e))) {
                                   out_ += *replacement;
                                   return;
                               }
                           }
                           out_ += "<img src=\"";
                           append_escaped(out_, src);
                           out_ += "\" alt=\"";
                           html::append_clean_escaped(out_, ir::plain_text(n.alt));
                           out_ += '"';
                           if (!n.title.empty()) {
                               out_ += " title=\"";
                               html::append_clean_escaped(out_, n.title);
                               out_ += '"';
                           }
                           write_attrs(list);
                           out_ += " />";
                       },
                       [&](const ir::SoftBreak&) { out_ += '\n'; },
                       [&](const ir::HardBreak&) { out_ += "<br />\n"; },
                       [&](const ir::RawInline& n) { raw(n.format, n.text, false); },
                       [&](const ir::FootnoteReference& n) { footnote_ref(n.label); },
                       [&](const ir::Math& n) {
                           out_ += n.display ? "<span class=\"math display\">\\[" : "<span class=\"math\">\\(";
                           html::append_clean_escaped(out_, n.tex);
                           out_ += n.display ? "\\]</span>" : "\\)</span>";
                       },
                       [&](const ir::UnsupportedInline& n) { unsupported(n.kind, n.text, false); },
                   },
                   in);
    }

    // The text of a code element, through the code hook when there is a language.
    void code_text(const std::string& text, const std::string& language) {
        if (!language.empty() && o_.code) {
            if (auto highlighted = o_.code(html::xml_clean(text), language)) {
                out_ += *highlighted;
                return;
            }
        }
        html::append_clean_escaped(out_, text);
    }

    void wrap(const char* tag, const ir::Inlines& children) {
        out_ += '<';
        out_ += tag;
        out_ += '>';
        inlines_(children);
        out_ += "</";
        out_ += tag;
        out_ += '>';
    }

    int footnote_number(const std::string& label) {
        for (std::size_t i = 0; i < footnote_order_.size(); ++i)
            if (footnote_order_[i] == label) return static_cast<int>(i) + 1;
        footnote_order_.push_back(label);
        return static_cast<int>(footnote_order_.size());
    }

    void footnote_ref(const std::string& label) {
        if (!definitions_.count(label)) {
            // kramdown leaves a reference without definition as the text the author wrote.
            html::append_clean_escaped(out_, "[^" + label + "]");
            return;
        }
        const int number = footnote_number(label);
        const int seen = footnote_refs_[label]++;
        ++footnote_version_;
        std::string ref_id = "fnref:" + label + (seen > 0 ? ":" + std::to_string(seen) : "");
        out_ += "<sup id=\"";
        append_escaped(out_, id(html::xml_clean(ref_id)));
        out_ += "\" role=\"doc-noteref\"><a href=\"#";
        append_escaped(out_, id(html::xml_clean("fn:" + label)));
        out_ += "\" class=\"footnote\" rel=\"footnote\">" + std::to_string(number) + "</a></sup>";
    }

    void footnotes_section() {
        if (footnote_order_.empty()) return;
        out_ += "<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n";
        // Footnotes may reference further footnotes, which get numbers while this loop runs.
        for (std::size_t i = 0; i < footnote_order_.size(); ++i) {
            const std::string label = footnote_order_[i];
            // Counted before the note itself is written, as kramdown does.
            const int references = footnote_refs_[label];
            out_ += "<li id=\"";
            append_escaped(out_, id(html::xml_clean("fn:" + label)));
            out_ += "\" role=\"doc-endnote\">\n";
            std::string saved = std::move(out_);
            out_.clear();
            raw_state_ = {};  // what was being dropped lay in the other string: it stays
            raw_open_.clear();
            const ir::Blocks& note = *definitions_.at(label);
            blocks_(note);
            std::string body = std::move(out_);
            out_ = std::move(saved);
            // One back-link per reference: `fnref:NAME`, then `fnref:NAME:1` with ↩², and so on.
            std::string back;
            for (int k = 0; k < std::max(references, 1); ++k) {
                const std::string ref = "fnref:" + label + (k > 0 ? ":" + std::to_string(k) : "");
                if (k > 0) back += "&#160;";
                back += "<a href=\"#" + escape(id(html::xml_clean(ref))) +
                        "\" class=\"reversefootnote\" role=\"doc-backlink\">" + o_.footnote_backlink +
                        (k > 0 ? "<sup>" + std::to_string(k + 1) + "</sup>" : "") + "</a>";
            }
            const std::string close_p = "</p>\n";
            if (ends_in_paragraph(note) && body.size() >= close_p.size() &&
                body.compare(body.size() - close_p.size(), close_p.size(), close_p) == 0)
                // kramdown keeps the link on the paragraph's last line with a no-break space.
                body.insert(body.size() - close_p.size(), "&#160;" + back);
            else
                body += "<p>" + back + "</p>\n";
            out_ += body;
            out_ += "</li>\n";
        }
        out_ += "</ol>\n</div>\n";
    }
};

// Each paragraph-like block's text, through the one walk so that no container is forgotten (a
// footnote's text, a quote in a list item). Leaves are whole paragraphs; a table row is one line.
void plain_blocks(const ir::Blocks& blocks, std::vector<std::string>& paras) {
    auto collapse = [](const std::string& s) {
        std::string out;
        bool space = false;
        for (char c : s) {
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                space = !out.empty();
                continue;
            }
            if (space) out += ' ';
            space = false;
            out += c;
        }
        return out;
    };
    auto add = [&](const std::string& s) {
        std::string t = collapse(html::xml_clean(s));
        if (!t.empty()) paras.push_back(std::move(t));
    };
    ir::for_each_block(blocks, [&](const ir::Block& b) {
        if (const auto* p = std::get_if<ir::Paragraph>(&b.node)) add(ir::plain_text(p->children));
        else if (const auto* h = std::get_if<ir::Heading>(&b.node)) add(ir::plain_text(h->children));
        else if (const auto* c = std::get_if<ir::CodeBlock>(&b.node)) add(c->text);
        else if (const auto* t = std::get_if<ir::Table>(&b.node)) {
            for (const auto* rows : {&t->head, &t->body})
                for (const auto& r : *rows) {
                    std::string line;
                    for (const auto& cell : r) line += (line.empty() ? "" : " ") + ir::plain_text(cell.children);
                    add(line);
                }
            return ir::Descend::no;
        } else if (const auto* dl = std::get_if<ir::DefinitionList>(&b.node)) {
            // Each term before its own definitions, which the walk would give after every term.
            for (const auto& item : dl->items) {
                add(ir::plain_text(item.term));
                for (const auto& d : item.definitions) plain_blocks(d, paras);
            }
            return ir::Descend::no;
        }
        return ir::Descend::yes;
    });
}

}  // namespace

std::string render_html(const ir::Blocks& blocks, const HtmlOptions& options) {
    return Renderer(options).document(blocks);
}

std::string render_inline_html(const ir::Inlines& inlines, const HtmlOptions& options) {
    return Renderer(options).inlines_only(inlines);
}

std::string blocks_plain_text(const ir::Blocks& blocks) {
    std::vector<std::string> paras;
    plain_blocks(blocks, paras);
    std::string out;
    for (const auto& p : paras) out += (out.empty() ? "" : "\n\n") + p;
    return out;
}

std::string rewrite_html_urls(const std::string& html, const std::function<std::string(const std::string&)>& rewrite) {
    return html::transform_raw_html(html, false, rewrite);
}

}  // namespace blogconv::writers
