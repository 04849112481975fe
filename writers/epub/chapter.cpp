#include "writers/epub/chapter.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "writers/html/elements.h"
#include "writers/html/escape.h"
#include "writers/html/html_renderer.h"
#include "writers/site_urls.h"
#include "writers/html/sanitize.h"

namespace blogconv::writers::epub {

namespace {

using html::escape;
using html::xml_clean;

// ---- Tree helpers --------------------------------------------------------------------------

void collect_text(const pugi::xml_node& n, std::string& out) {
    for (auto c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
        else if (c.type() == pugi::node_element) collect_text(c, out);
    }
}

bool has_ancestor(pugi::xml_node n, const char* name) {
    for (n = n.parent(); n; n = n.parent())
        if (std::strcmp(n.name(), name) == 0) return true;
    return false;
}

// Replaces `node` with a <span class=…> (or <a href=…> for an embed outside any link) holding
// `text`, and returns it.
pugi::xml_node replace_with_text(pugi::xml_node node, const std::string& cls, const std::string& text,
                                 const std::string& href) {
    pugi::xml_node parent = node.parent();
    bool link = !href.empty() && !has_ancestor(node, "a");
    pugi::xml_node repl = parent.insert_child_before(link ? "a" : "span", node);
    if (link) repl.append_attribute("href") = href.c_str();
    repl.append_attribute("class") = cls.c_str();
    repl.append_child(pugi::node_pcdata).set_value(text.c_str());
    parent.remove_child(node);
    return repl;
}

bool is_one_of(const char* s, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (std::strcmp(s, n) == 0) return true;
    return false;
}

bool digits_only(const char* s);

// Whether HTML5 (as epubcheck's schema has it) allows attribute `attr` with `value` on `element`.
// An allowlist, because posts' raw HTML carries anything: kramdown's `markdown="1"`, Liquid
// leftovers, attributes of HTML 3.2.
bool allowed_attribute(const char* element, const char* attr, const char* value) {
    if (std::strncmp(attr, "aria-", 5) == 0 || std::strncmp(attr, "data-", 5) == 0) return true;
    static const std::unordered_set<std::string_view> global = {
        "id", "class", "style", "title", "lang", "xml:lang", "dir", "hidden", "role", "tabindex",
        "accesskey", "translate", "epub:type", "xmlns", "xmlns:epub", "spellcheck"};
    if (global.count(attr)) return true;
    if (std::strcmp(attr, "href") == 0) return is_one_of(element, {"a", "area"});
    if (is_one_of(attr, {"target", "rel", "hreflang", "download"})) return is_one_of(element, {"a", "area"});
    if (std::strcmp(attr, "src") == 0) return is_one_of(element, {"img", "iframe", "embed", "video", "audio", "source"});
    if (std::strcmp(attr, "alt") == 0) return is_one_of(element, {"img", "area", "input"});
    if (is_one_of(attr, {"width", "height"}))
        return is_one_of(element, {"img", "canvas", "video", "iframe", "embed", "object"}) && digits_only(value);
    if (is_one_of(attr, {"colspan", "rowspan", "headers"})) return is_one_of(element, {"td", "th"});
    if (std::strcmp(attr, "scope") == 0 || std::strcmp(attr, "abbr") == 0) return std::strcmp(element, "th") == 0;
    if (is_one_of(attr, {"start", "reversed"})) return std::strcmp(element, "ol") == 0;
    if (std::strcmp(attr, "type") == 0) return is_one_of(element, {"ol", "a", "button", "input"});
    if (std::strcmp(attr, "value") == 0) return is_one_of(element, {"li", "input", "button", "option", "data", "meter", "progress"});
    if (std::strcmp(attr, "datetime") == 0) return is_one_of(element, {"time", "ins", "del"});
    if (std::strcmp(attr, "cite") == 0) return is_one_of(element, {"blockquote", "q", "ins", "del"});
    if (std::strcmp(attr, "span") == 0) return is_one_of(element, {"col", "colgroup"});
    if (std::strcmp(attr, "open") == 0) return std::strcmp(element, "details") == 0;
    if (is_one_of(attr, {"name", "disabled", "checked", "readonly", "placeholder"}))
        return is_one_of(element, {"input", "button", "select", "textarea", "fieldset", "output"});
    if (std::strcmp(attr, "label") == 0) return is_one_of(element, {"option", "optgroup", "track"});
    if (std::strcmp(attr, "selected") == 0) return std::strcmp(element, "option") == 0;
    if (std::strcmp(attr, "border") == 0) return std::strcmp(element, "table") == 0 && (!*value || std::strcmp(value, "1") == 0);
    if (is_one_of(attr, {"controls", "poster", "loop", "muted"})) return is_one_of(element, {"video", "audio"});
    return false;
}

// What the fixer does with an element, by name: one hash look-up per element instead of the
// chain of string comparisons it was (half of the fixer's time).
enum class Kind : unsigned char { other, drop, embed, img, picture, svg, math, a, sup, heading, p, list, table, tr, div };

struct NameInfo {
    Kind kind = Kind::other;
    const char* modern = nullptr;  // the element HTML5 has in place of one it dropped
};

const NameInfo& name_info(std::string_view name) {
    static const std::unordered_map<std::string_view, NameInfo> table = [] {
        std::unordered_map<std::string_view, NameInfo> t;
        // What a book cannot run or load.
        for (const char* n : {"script", "style", "link", "meta", "noscript", "base", "source", "track", "param"})
            t[n] = {Kind::drop, nullptr};
        for (const char* n : {"iframe", "embed", "object", "video", "audio"}) t[n] = {Kind::embed, nullptr};
        for (const char* n : {"h1", "h2", "h3", "h4", "h5", "h6"}) t[n] = {Kind::heading, nullptr};
        t["img"] = {Kind::img, nullptr};
        t["picture"] = {Kind::picture, nullptr};
        t["svg"] = {Kind::svg, nullptr};
        t["math"] = {Kind::math, nullptr};
        t["a"] = {Kind::a, nullptr};
        t["sup"] = {Kind::sup, nullptr};
        t["p"] = {Kind::p, nullptr};
        t["ul"] = {Kind::list, nullptr};
        t["ol"] = {Kind::list, nullptr};
        t["table"] = {Kind::table, nullptr};
        t["tr"] = {Kind::tr, nullptr};
        t["div"] = {Kind::div, nullptr};
        // HTML elements that HTML5 dropped, and what takes their place.
        static const std::pair<const char*, const char*> dropped[] = {
            {"strike", "s"}, {"center", "div"}, {"font", "span"}, {"big", "span"}, {"tt", "code"},
            {"acronym", "abbr"}, {"marquee", "span"}, {"blink", "span"}, {"nobr", "span"}, {"listing", "pre"},
            {"xmp", "pre"}, {"plaintext", "pre"}, {"dir", "ul"}, {"basefont", "span"}, {"spacer", "span"}};
        for (const auto& [old, now] : dropped) t[old] = {Kind::other, now};
        return t;
    }();
    static const NameInfo none;
    auto it = table.find(name);
    return it == table.end() ? none : it->second;
}

// An <a> without an href may not carry the attributes that only describe a link's target (HTML5;
// epubcheck RSC-005 "missing required attribute href").
void drop_link_attributes_without_href(pugi::xml_node a) {
    if (a.attribute("href")) return;
    for (const char* name : {"rel", "target", "hreflang", "download", "type", "media", "ping", "referrerpolicy"})
        a.remove_attribute(name);
}

// Removes an <a>'s target, and what only made sense with it.
void unlink(pugi::xml_node a) {
    a.remove_attribute("href");
    drop_link_attributes_without_href(a);
}

bool blank(const char* s) {
    for (; *s; ++s)
        if (!std::isspace(static_cast<unsigned char>(*s))) return false;
    return true;
}

bool is_block(const char* name) {
    return is_one_of(name, {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
                            "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
                            "main", "nav", "ol", "p", "pre", "section", "table", "ul", "figcaption", "li", "dd",
                            "dt", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "summary"});
}

void unwrap(pugi::xml_node e) {
    pugi::xml_node parent = e.parent();
    while (e.first_child()) parent.insert_move_before(e.first_child(), e);
    parent.remove_child(e);
}

// Calls `fn` for every element below `root`, in document order; `fn` must not change the tree
// (callers list nodes first, then edit). A plain walk: pugixml's XPath compiles its query and
// builds a node set per call, and the eight queries a chapter used to make were 4% of the
// EPUB writer's time.
template <class Fn>
void for_each_element(pugi::xml_node root, Fn&& fn) {
    pugi::xml_node n = root.first_child();
    while (n) {
        if (n.type() == pugi::node_element) fn(n);
        if (pugi::xml_node c = n.first_child()) {
            n = c;
            continue;
        }
        while (n != root && !n.next_sibling()) n = n.parent();
        if (n == root) break;
        n = n.next_sibling();
    }
}

bool named(pugi::xml_node e, const char* name) { return std::strcmp(e.name(), name) == 0; }

// The elements the repairs after the fixer's walk work on, listed by that walk (in document
// order, with the names they have after it) so that no repair walks the tree again.
struct Listed {
    std::vector<pugi::xml_node> paragraphs, lists, tables, rows;
    std::vector<pugi::xml_node> anchors;  // every <a>; an entry is nulled when its element goes
    std::vector<pugi::xml_node> notes;    // <div class="footnotes">
    std::vector<pugi::xml_node> made_links;  // <a href> the fixer made in place of an embed

    // `kind`: what the element's name (as it is now) stands for.
    void add(pugi::xml_node e, Kind kind) {
        switch (kind) {
            case Kind::p: paragraphs.push_back(e); break;
            case Kind::list: lists.push_back(e); break;
            case Kind::table: tables.push_back(e); break;
            case Kind::tr: rows.push_back(e); break;
            case Kind::a: anchors.push_back(e); break;
            case Kind::div:
                if (std::strcmp(e.attribute("class").value(), "footnotes") == 0) notes.push_back(e);
                break;
            default: break;
        }
    }
    void add(pugi::xml_node e) { add(e, name_info(e.name()).kind); }
};

// Repairs the content models raw HTML gets wrong and browsers forgive: blocks inside <p>, list
// and table parts in the wrong place, links inside links. Each repair only regroups the children
// of the element it is about, so the elements can be listed before any repair.
void fix_structure(Listed& listed) {
    const auto& paragraphs = listed.paragraphs;
    const auto& lists = listed.lists;
    const auto& tables = listed.tables;
    const auto& rows = listed.rows;
    for (auto p : paragraphs) {
        for (auto c = p.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element && is_block(c.name())) {
                p.set_name("div");
                break;
            }
    }
    for (auto l : lists) {
        pugi::xml_node last_li;
        for (auto c = l.first_child(); c;) {
            auto next = c.next_sibling();
            if (c.type() == pugi::node_element && named(c, "li")) {
                last_li = c;
            } else if (c.type() == pugi::node_element || (c.type() == pugi::node_pcdata && !blank(c.value()))) {
                if (!last_li) last_li = l.insert_child_before("li", c);
                last_li.append_move(c);
            }
            c = next;
        }
    }
    for (auto table : tables) {
        bool sections = table.child("tbody") || table.child("thead") || table.child("tfoot");
        pugi::xml_node run;
        for (auto c = table.first_child(); c;) {
            auto next = c.next_sibling();
            if (c.type() == pugi::node_element) {
                if (sections && std::strcmp(c.name(), "tr") == 0) {
                    if (!run) run = table.insert_child_before("tbody", c);
                    run.append_move(c);
                } else {
                    run = pugi::xml_node();
                }
            }
            c = next;
        }
        if (auto foot = table.child("tfoot"); foot && foot.next_sibling()) table.append_move(foot);  // HTML5 order
    }
    for (auto tr : rows) {
        for (auto c = tr.first_child(); c;) {
            auto next = c.next_sibling();
            if (c.type() == pugi::node_element && !is_one_of(c.name(), {"td", "th"})) {
                pugi::xml_node td = tr.insert_child_before("td", c);
                td.append_move(c);
            } else if (c.type() == pugi::node_pcdata) {
                tr.remove_child(c);  // text between cells is white space a parser drops anyway
            }
            c = next;
        }
    }
    for (auto& a : listed.anchors)
        for (auto up = a.parent(); up; up = up.parent())
            if (std::strcmp(up.name(), "a") == 0) {
                pugi::xml_node gone = a;
                a = pugi::xml_node();  // off the list before it is freed
                unwrap(gone);
                break;
            }
}

bool digits_only(const char* s) {
    if (!*s) return false;
    for (; *s; ++s)
        if (!std::isdigit(static_cast<unsigned char>(*s))) return false;
    return true;
}

ir::Diagnostic image_problem(const Chapter& ch, const ChapterContext& ctx, ir::Severity severity,
                             ir::DiagnosticCode code, int line, const std::string& message);

// The chapter-wide fixes, in one walk over the body.
class Fixer {
public:
    Fixer(Chapter& ch, const ChapterContext& ctx, Listed& listed) : ch_(ch), ctx_(ctx), listed_(listed) {}

    // The walk: everything that needs only this chapter. The elements later repairs need are
    // left in `listed`.
    void run(pugi::xml_node body) { walk(body); }

private:
    Chapter& ch_;
    const ChapterContext& ctx_;
    Listed& listed_;

    void walk(pugi::xml_node n) {
        for (auto c = n.first_child(); c;) {
            auto next = c.next_sibling();
            if (c.type() == pugi::node_element) element(c);
            c = next;
        }
    }

    void element(pugi::xml_node e) {
        // A caption, legend or summary outside the one element that may hold it is not allowed
        // there (a `<caption>` in a code comment, a stray `<figcaption>`); its text stays, as a block.
        for (const auto& [child, parent] : {std::pair{"caption", "table"}, std::pair{"figcaption", "figure"},
                                            std::pair{"legend", "fieldset"}, std::pair{"summary", "details"}})
            if (named(e, child) && !named(e.parent(), parent)) e.set_name("div");
        if (named(e, "figure")) figure_caption(e);
        const NameInfo info = name_info(e.name());  // a copy: set_name may free the name
        if (info.kind == Kind::drop) {
            e.parent().remove_child(e);
            return;
        }
        if (info.kind == Kind::embed) {
            std::string src = e.attribute("src").value();
            if (src.empty()) src = e.attribute("data").value();
            // <video>/<audio> name their file in <source> children: the first that has one.
            for (pugi::xml_node s = e.child("source"); src.empty() && s; s = s.next_sibling("source"))
                src = s.attribute("src").value();
            if (src.starts_with("//")) src = "https:" + src;
            if (src.starts_with("http://") || src.starts_with("https://")) {
                pugi::xml_node made = replace_with_text(e, "embed", src, src);
                if (named(made, "a")) listed_.made_links.push_back(made);
            } else {
                e.parent().remove_child(e);
            }
            return;
        }
        if (info.kind == Kind::img) {
            image(e);
            return;
        }
        if (info.kind == Kind::picture) {
            // Its <source>s go (a book lists each image it shows): the <img> fallback, or the
            // text that stands for it, is what is left, without the wrapper that would then be
            // incomplete.
            walk(e);
            unwrap(e);
            return;
        }
        const int level = info.kind == Kind::heading ? e.name()[1] - '0' : 0;
        Kind kind = info.kind;
        if (info.modern) {
            e.set_name(info.modern);
            kind = name_info(info.modern).kind;
        }
        if (info.kind == Kind::svg) {
            ch_.properties.insert("svg");
            if (!e.attribute("xmlns")) e.append_attribute("xmlns") = "http://www.w3.org/2000/svg";
            svg_content(e);
        } else if (info.kind == Kind::math) {
            ch_.properties.insert("mathml");
            if (!e.attribute("xmlns")) e.append_attribute("xmlns") = "http://www.w3.org/1998/Math/MathML";
        } else if (info.kind == Kind::a && !e.attribute("href")) {
            drop_link_attributes_without_href(e);
        }
        if (info.kind == Kind::a && e.attribute("name")) {
            // <a name> is obsolete; an id does the same job.
            if (!e.attribute("id")) e.append_attribute("id") = e.attribute("name").value();
            e.remove_attribute("name");
        } else if (info.kind == Kind::sup && std::strcmp(e.attribute("role").value(), "doc-noteref") == 0) {
            if (auto a = e.child("a"); a && !a.attribute("epub:type")) a.append_attribute("epub:type") = "noteref";
        }
        const bool foreign = info.kind == Kind::svg || info.kind == Kind::math;
        if (!foreign) attributes(e);
        if (level && e.attribute("id")) {
            ChapterHeading h;
            h.level = level;
            h.id = e.attribute("id").value();
            collect_text(e, h.text);
            if (!h.text.empty()) ch_.headings.push_back(std::move(h));
        }
        if (!foreign) {
            listed_.add(e, kind);
            walk(e);
        } else {
            // Foreign content keeps its own rules, but the repairs see its elements (an SVG <a>).
            for_each_element(e, [&](pugi::xml_node x) { listed_.add(x); });
        }
    }

    // A figure's caption must be its first or last child: one in the middle moves to the end;
    // a second caption becomes a block of its own.
    void figure_caption(pugi::xml_node figure) {
        std::vector<pugi::xml_node> captions;
        for (pugi::xml_node c = figure.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element && named(c, "figcaption")) captions.push_back(c);
        if (captions.empty()) return;
        for (std::size_t i = 1; i < captions.size(); ++i) captions[i].set_name("div");
        auto content = [](pugi::xml_node n) {
            return n.type() == pugi::node_element || (n.type() == pugi::node_pcdata && !blank(n.value()));
        };
        bool first = true, last = true;
        for (pugi::xml_node c = captions[0].previous_sibling(); c; c = c.previous_sibling()) first = first && !content(c);
        for (pugi::xml_node c = captions[0].next_sibling(); c; c = c.next_sibling()) last = last && !content(c);
        if (!first && !last) figure.append_move(captions[0]);
    }

    // An SVG's <image>s name files the book does not list (or the web): they go, said once
    // each. Its links get a title, which reading systems read out for them.
    void svg_content(pugi::xml_node svg) {
        std::vector<pugi::xml_node> images, links;
        for_each_element(svg, [&](pugi::xml_node x) {
            if (named(x, "image")) images.push_back(x);
            else if (named(x, "a") && !x.child("title") && !x.attribute("xlink:title")) links.push_back(x);
        });
        for (pugi::xml_node image : images) {
            std::string href = image.attribute("href").value();
            if (href.empty()) href = image.attribute("xlink:href").value();
            ch_.image_problems.push_back(image_problem(ch_, ctx_, ir::Severity::warning,
                                                       ir::DiagnosticCode::image_not_embedded, 0,
                                                       "image " + href + " inside an <svg> is left out of the book"));
            image.parent().remove_child(image);
        }
        for (pugi::xml_node a : links) {
            std::string text;
            collect_text(a, text);
            if (text.find_first_not_of(" \t\n\r") == std::string::npos) text = a.attribute("href").value();
            if (text.empty()) text = a.attribute("xlink:href").value();
            a.prepend_child("title").append_child(pugi::node_pcdata).set_value(text.c_str());
        }
    }

    void attributes(pugi::xml_node e) {
        for (auto a = e.first_attribute(); a;) {
            auto next = a.next_attribute();
            if (!allowed_attribute(e.name(), a.name(), a.value())) e.remove_attribute(a);
            a = next;
        }
        if (auto id = e.attribute("id")) unique_id(e, id);
    }

    // ids must be unique and free of white space; raw HTML does not always agree.
    void unique_id(pugi::xml_node e, pugi::xml_attribute id) {
        std::string v = id.value();
        for (char& c : v)
            if (std::isspace(static_cast<unsigned char>(c))) c = '-';
        if (v.empty()) {
            e.remove_attribute(id);
            return;
        }
        std::string base = v;
        for (int n = 2; ch_.ids.count(v); ++n) v = base + "-" + std::to_string(n);
        ch_.ids.insert(v);
        id.set_value(v.c_str());
    }

    // The renderer's element hook embedded it already (see ImageHook): only the attributes
    // a book does not take go.
    void image(pugi::xml_node img) {
        img.remove_attribute("srcset");
        img.remove_attribute("sizes");
        attributes(img);
    }
};

// Whether the fixer drops an element's content with it (scripts, embeds), or leaves it alone
// (foreign content): an image in there is never placed, so it is neither embedded nor reported.
bool image_never_placed_in(const std::string& element) {
    const Kind kind = name_info(element).kind;
    return kind == Kind::drop || kind == Kind::embed || kind == Kind::svg || kind == Kind::math;
}

// A problem with one image of the chapter, for the user. `line`: where its URL was written (0 =
// unknown).
ir::Diagnostic image_problem(const Chapter& ch, const ChapterContext& ctx, ir::Severity severity,
                             ir::DiagnosticCode code, int line, const std::string& message) {
    // As the reader names files: below the folder the user pointed at.
    std::string file = ctx.site->root.empty()
                           ? ch.doc->source_path
                           : (std::filesystem::path(ctx.site->root) / ch.doc->source_path).generic_string();
    return ir::Diagnostic(code, severity, std::move(file), line, 0, message);
}

// `<span class="CLS">TEXT</span>`, or `<a href="HREF" class="CLS">TEXT</a>` when there is an
// href: what stands for an image that is not embedded.
std::string image_stand_in(const std::string& cls, const std::string& text, const std::string& href) {
    std::string out = href.empty() ? "<span" : "<a href=\"" + escape(href) + "\"";
    out += " class=\"" + cls + "\">" + escape(text) + (href.empty() ? "</span>" : "</a>");
    return out;
}

// The renderer's element hook for a chapter: embeds each image the book shows, in the order it
// is written (so the book numbers its images in reading order), or writes its text instead.
class ImageHook {
public:
    ImageHook(Chapter& ch, const ChapterContext& ctx) : ch_(ch), ctx_(ctx) {}

    std::optional<std::string> operator()(const HtmlElement& e) {
        if (e.name != "img") return std::nullopt;
        for (const std::string& name : e.inside)
            if (image_never_placed_in(name)) return std::nullopt;
        const std::string* src_attribute = e.find("src");
        const std::string src = src_attribute ? *src_attribute : "";
        ImageLookup r = ctx_.images->resolve(src, ch_.doc->source_path, ch_.doc->url);
        using K = ImageLookup::Kind;
        if (r.kind == K::embedded) {
            html::AttributeList attributes = e.attributes;
            bool alt = false;
            for (auto& [k, v] : attributes) {
                if (k == "src") v = r.href;
                alt = alt || k == "alt";
            }
            if (!alt) attributes.emplace_back("alt", "");
            return html::start_tag("img", attributes);
        }
        std::string text = e.find("alt") ? *e.find("alt") : "";
        if (text.empty() && e.find("title")) text = *e.find("title");
        if (r.kind == K::over_budget)  // the writer reports the budget once for the book
            return image_stand_in("missing-image", text.empty() ? "[image]" : text, "");
        if (r.kind == K::remote) {
            report(ir::Severity::warning, diagnostic_code(r.kind), e.line, r.message);
            return image_stand_in("remote-image", text.empty() ? src : text, e.in_link ? "" : src);
        }
        report(r.kind == K::refused ? ir::Severity::error : ir::Severity::warning, diagnostic_code(r.kind), e.line,
               r.message);
        return image_stand_in("missing-image", text.empty() ? "[image]" : text, "");
    }

private:
    Chapter& ch_;
    const ChapterContext& ctx_;

    void report(ir::Severity severity, ir::DiagnosticCode code, int line, const std::string& message) {
        ch_.image_problems.push_back(image_problem(ch_, ctx_, severity, code, line, message));
    }
};

// The renderer's kramdown-style endnote list becomes one EPUB footnote aside per note, so
// reading systems can show each as a pop-up.
void footnotes(Listed& listed) {
    for (pugi::xml_node d : listed.notes) {
        d.set_name("section");
        if (!d.attribute("epub:type")) d.append_attribute("epub:type") = "footnotes";
        d.remove_attribute("role");
        pugi::xml_node ol = d.child("ol");
        if (!ol) continue;
        int number = 0;
        for (auto li = ol.first_child(); li;) {
            auto next = li.next_sibling();
            if (li.type() != pugi::node_element || !named(li, "li")) {
                // Not a note (raw HTML can put anything in a list): kept in place, not dropped
                // with the list. Images in it are still to be placed, so they must stay alive.
                if (li.type() == pugi::node_element || (li.type() == pugi::node_pcdata && !blank(li.value())))
                    d.insert_move_before(li, ol);
                li = next;
                continue;
            }
            ++number;
            pugi::xml_node aside = d.insert_child_before("aside", ol);
            aside.append_attribute("id") = li.attribute("id").value();
            aside.append_attribute("epub:type") = "footnote";
            aside.append_attribute("class") = "footnote";
            while (li.first_child()) aside.append_move(li.first_child());
            std::string label = std::to_string(number) + ". ";
            pugi::xml_node first = aside.first_child();
            if (first && first.type() == pugi::node_element && std::strcmp(first.name(), "p") == 0)
                first.prepend_child(pugi::node_pcdata).set_value(label.c_str());
            else
                aside.prepend_child("p").append_child(pugi::node_pcdata).set_value(label.c_str());
            li = next;
        }
        std::erase(listed.lists, ol);  // off the list before it is freed (its items are empty now)
        d.remove_child(ol);
    }
}

// A link's path as a key of file_by_url: without the site's origin, baseurl, query and fragment.
std::string site_path(const std::string& url, const ir::Site& site) {
    std::string u = own_site_path(url, site.url).value_or(url);
    u.erase(std::min(u.find_first_of("?#"), u.size()));
    return std::string(strip_baseurl(u, site.baseurl));
}

std::string chapter_for_url(const std::string& url, const ChapterContext& ctx) {
    std::string path = site_path(url, *ctx.site);
    if (path.empty() || path.front() != '/') return "";
    for (const std::string& key : {path, path + "/", path.size() > 10 && path.ends_with("/index.html")
                                                         ? path.substr(0, path.size() - 10)
                                                         : std::string()}) {
        if (key.empty()) continue;
        if (auto it = ctx.file_by_url.find(key); it != ctx.file_by_url.end()) return it->second;
    }
    return "";
}

// `href` as a valid URI reference: characters URIs forbid are percent-encoded, as is every `#`
// after the first. Non-ASCII stays (XHTML takes IRIs).
std::string uri_safe(const std::string& href) {
    std::string out;
    bool seen_hash = false;
    for (unsigned char c : href) {
        bool bad = c <= 0x20 || c == 0x7f || std::strchr("\"<>\\^`{|}", c) != nullptr;
        if (c == '#') {
            bad = seen_hash;
            seen_hash = true;
        }
        if (bad) {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// An http(s) or ftp URL whose host is a plausible host name (prose that happens to start with
// `http://` is not a link a reading system can follow).
bool plausible_web_url(const std::string& url) {
    auto p = url.find("://");
    if (p == std::string::npos) return true;
    std::string scheme = url.substr(0, p);
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (scheme != "http" && scheme != "https" && scheme != "ftp") return true;  // checked by registered_scheme
    std::string host = url.substr(p + 3, url.find_first_of("/?#", p + 3) - (p + 3));
    if (auto at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
    if (host.empty()) return false;
    // `host:port` takes digits after the colon (`//about:blank` made https://about:blank, which
    // reading systems cannot resolve); an IPv6 literal keeps its colons inside brackets.
    if (const std::size_t colon = host.rfind(':'); colon != std::string::npos && host.find(']') == std::string::npos) {
        for (std::size_t k = colon + 1; k < host.size(); ++k)
            if (!std::isdigit(static_cast<unsigned char>(host[k]))) return false;
        if (host.find(':') != colon) return false;
    }
    for (unsigned char c : host)
        if (!(std::isalnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']' || c == '_')) return false;
    return true;
}

// Schemes IANA registered permanently that reading systems may know; epubcheck warns about any
// other (magnet:, javascript:, editor-specific ones), so such links are kept as text only.
bool registered_scheme(const std::string& url) {
    std::string scheme = url.substr(0, url.find(':'));
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return is_one_of(scheme.c_str(), {"http", "https", "mailto", "ftp", "tel", "news", "nntp", "urn", "geo", "xmpp", "sms"});
}

std::string fragment_of(const std::string& url) {
    auto p = url.find('#');
    return p == std::string::npos ? "" : url.substr(p);
}

void add_empty_text_to_non_void(pugi::xml_node n) {
    for (auto c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        if (!c.first_child() && !html::is_void_element(c.name())) c.append_child(pugi::node_pcdata);
        else add_empty_text_to_non_void(c);
    }
}

struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

std::string text_of(const pugi::xml_node& node) {
    std::string s;
    collect_text(node, s);
    return s;
}

std::string serialize_xhtml(pugi::xml_document& doc) {
    add_empty_text_to_non_void(doc);
    StringWriter w;
    w.out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n";
    doc.save(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    w.out += '\n';
    return std::move(w.out);
}

void render_chapter(Chapter& ch, const ChapterContext& ctx) {
    const ir::Document& doc = *ch.doc;

    HtmlOptions ho;
    ho.xhtml = true;
    ho.rewrite_url = [&ctx](const std::string& url, const std::string& target) -> std::string {
        if (!target.empty())
            if (auto it = ctx.file_by_source.find(target); it != ctx.file_by_source.end())
                return it->second + fragment_of(url);
        if (url.empty() || url.front() == '#') return url;
        if (std::string file = chapter_for_url(url, ctx); !file.empty()) return file + fragment_of(url);
        return url;
    };
    ho.removed = [&ch](const std::string& what) { ch.removed.insert(what); };
    ho.element = ImageHook(ch, ctx);
    std::string body = render_html(doc.body, ho);

    std::string s = xhtml_head(ch.title, ctx.lang, ctx.rtl);
    s += " epub:type=\"bodymatter\"><article class=\"post\"";
    if (std::string l = language_tag(doc.lang); !l.empty() && l != ctx.lang) {
        s += " lang=\"" + l + "\" xml:lang=\"" + l + "\"";
    }
    s += "><header class=\"post-header\"><h1 class=\"post-title\" dir=\"auto\">" + escape(xml_clean(ch.title)) + "</h1>";
    std::string meta;
    if (doc.date) {
        std::string ymd = ir::format_ymd(*doc.date);
        meta += "<time datetime=\"" + ymd + "\">" + ymd + "</time>";
    }
    if (!doc.authors.empty()) {
        std::string names;
        for (const auto& a : doc.authors) names += (names.empty() ? "" : ", ") + a;
        meta += std::string(meta.empty() ? "" : " · ") + "<span class=\"post-author\" dir=\"auto\">" +
                escape(xml_clean(names)) + "</span>";
    }
    if (!meta.empty()) s += "<p class=\"post-meta\">" + meta + "</p>";
    if (!doc.tags.empty()) {
        s += "<ul class=\"post-tags\">";
        for (const auto& t : doc.tags) s += "<li dir=\"auto\">" + escape(xml_clean(t)) + "</li>";
        s += "</ul>";
    }
    s += "</header><div class=\"post-body\">\n" + body + "</div></article></body></html>";
    ch.rendered = std::move(s);
}

void fix_chapter(Chapter& ch, const ChapterContext& ctx) {
    const ir::Document& doc = *ch.doc;
    ch.tree = std::make_unique<pugi::xml_document>();
    pugi::xml_parse_result ok =
        ch.tree->load_buffer(ch.rendered.data(), ch.rendered.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    std::string().swap(ch.rendered);
    if (!ok) {
        // The renderer promises well-formed XHTML; should it ever fail, the post still appears,
        // as text, and the user hears about it (from report_chapter, in book order). The images
        // the renderer embedded stay in the book, unused: this is not meant to happen.
        ch.render_error = ok.description();
        std::string fallback = xhtml_head(ch.title, ctx.lang, ctx.rtl) + "><h1 dir=\"auto\">" + escape(xml_clean(ch.title)) +
                               "</h1><pre>" + escape(xml_clean(blocks_plain_text(doc.body))) + "</pre></body></html>";
        ch.tree->load_buffer(fallback.data(), fallback.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    }
    Listed listed;
    Fixer(ch, ctx, listed).run(ch.tree->child("html").child("body"));
    footnotes(listed);
    fix_structure(listed);
    for (pugi::xml_node a : listed.anchors)
        if (a && a.attribute("href")) ch.links.push_back(a);
    ch.links.insert(ch.links.end(), listed.made_links.begin(), listed.made_links.end());
}

void report_chapter(Chapter& ch, const ChapterContext& ctx) {
    if (!ch.removed.empty())
        ctx.diagnostics->add({ir::DiagnosticCode::html_removed, ir::Severity::warning, ch.doc->source_path, 0, 0,
                              html::removed_message(ch.removed, "book")});
    if (!ch.render_error.empty())
        ctx.diagnostics->add({ir::DiagnosticCode::epub_malformed_xhtml, ir::Severity::error, ch.doc->source_path, 0, 0,
                              "internal error: the post's XHTML is not well-formed (" + ch.render_error +
                                  "); it is included as plain text"});
    for (auto& d : ch.image_problems) ctx.diagnostics->add(std::move(d));
    std::vector<ir::Diagnostic>().swap(ch.image_problems);
}

namespace {

// A relative link's file part and fragment: "c0002.xhtml#part" -> {"c0002.xhtml", "part"}.
std::pair<std::string, std::string> split_fragment(const std::string& href) {
    std::size_t hash = href.find('#');
    if (hash == std::string::npos) return {href, ""};
    return {href.substr(0, hash), href.substr(hash + 1)};
}

}  // namespace

bool needs_later_chapters(const Chapter& ch, const ChapterIndex& index, std::size_t fixed) {
    for (pugi::xml_node a : ch.links) {
        auto [file, frag] = split_fragment(a.attribute("href").value());
        if (file.empty() || frag.empty()) continue;
        if (auto it = index.by_file.find(file); it != index.by_file.end() && it->second >= fixed) return true;
    }
    return false;
}

void finish_chapter(Chapter& ch, const ChapterIndex& index, const ChapterContext& ctx) {
    const ir::Site& site = *ctx.site;
    for (pugi::xml_node a : ch.links) {
        std::string href = a.attribute("href").value();
        if (href.starts_with("//")) href = "https:" + href;
        if (has_scheme(href)) {
            if (!registered_scheme(href) || !plausible_web_url(href)) unlink(a);
            else a.attribute("href").set_value(uri_safe(href).c_str());
            continue;
        }
        auto [file, frag] = split_fragment(href);
        const Chapter* target = &ch;
        if (!file.empty()) {
            auto it = index.by_file.find(file);
            target = it == index.by_file.end() ? nullptr : &(*index.chapters)[it->second];
        }
        if (target) {
            if (!frag.empty() && !target->ids.count(frag) && !target->ids.count(percent_decode(frag))) {
                if (file.empty()) unlink(a);
                else a.attribute("href").set_value(file.c_str());
            } else {
                a.attribute("href").set_value(uri_safe(href).c_str());
            }
            continue;
        }
        // A page of the site that is not in the book: send the reader to the web site.
        if (site.url.empty()) {
            unlink(a);
            continue;
        }
        std::string abs;
        if (href.front() == '/') {
            abs = site.url + (site.baseurl.empty() || href.starts_with(site.baseurl + "/") ? "" : site.baseurl) + href;
        } else {
            std::string dir = ch.doc->url.substr(0, ch.doc->url.rfind('/') + 1);
            if (dir.empty()) dir = "/";
            abs = site.url + site.baseurl + dir + href;
        }
        a.attribute("href").set_value(uri_safe(abs).c_str());
    }
    ch.packed = deflated_entry(std::string(package_dir) + ch.file, serialize_xhtml(*ch.tree));
    std::vector<pugi::xml_node>().swap(ch.links);
    ch.tree.reset();
}

}  // namespace blogconv::writers::epub
