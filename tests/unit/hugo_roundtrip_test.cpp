// Round trip of the Hugo migration, a property over every corpus post: the Markdown the Hugo
// writer produced, read back by our own reader (parse_markdown), gives the same IR body as the
// Jekyll source did.
//
// What legitimately differs, normalised on both sides before comparing (and only this):
// - Source positions: the written file has other line numbers (Block::pos, UnsupportedInline::pos).
// - Liquid: already evaluated by the reader, so nothing to do; what it could not evaluate
//   (UnsupportedBlock/UnsupportedInline) is written as an HTML comment or Hugo's `gist`
//   shortcode; both sides become one marker node.
// - Links to other documents: written as `{{< ref "…" >}}`; both sides drop url/target_document
//   (the link text must still match). Image URLs moved into a page bundle: compared by file name.
// - Hugo's own syntax: shortcode delimiters in literal text are neutralised (`{{</* x */>}}`),
//   restored before comparing; `<!--more-->` (Jekyll's excerpt separator) is removed; code fence
//   attribute lists (`{linenos=table}`) are Goldmark's, which our kramdown reader does not read:
//   options and line_numbers are compared in hugo_test instead, here cleared; a fence that needed
//   a word before its attributes says `text`, so `text` and no language count as the same.
// - Attributes: Goldmark's `{.x}` lines and `## T {#id}` are turned into kramdown IALs before
//   reading (our reader reads kramdown); links and images with attributes are written as inline
//   HTML, so both sides become markers around the same text (`<a>`, `</a>`, `<img>`).
// - Known losses, reported in MIGRATION.md by the writer: attributes on inline code (Goldmark
//   has none) are cleared on the source side; code fence attributes are compared in hugo_test.
// - Code samples: CRLF line endings become LF (one convention per file). Spaces ending an HTML
//   block (indentation before a tag the reader split off) are dropped.
// - Heading ids: the writer leaves out an id Hugo generates itself (GitHub style); such an id is
//   cleared on the source side, and the reader generates none (auto_ids off).
// - Math: written for MathJax on Hugo's HTML (`\\(tex\\)`), which reads back as the text `\(tex\)`;
//   Markdown punctuation in display TeX is backslash-escaped, undone before comparing.
// - Liquid the reader left inside raw HTML is written as an HTML comment: both become a marker.
// - Adjacent Text nodes are merged (a tree split differently is the same text).
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include "readers/jekyll_site.h"
#include "readers/markdown/markdown.h"
#include "tests/test_support.h"
#include "writers/hugo/hugo_writer.h"
#include "writers/json_writer.h"
#include "writers/markdown/commonmark_writer.h"

namespace fs = std::filesystem;
using namespace blogconv;

namespace {

const ir::Block marker_block() { return ir::Block(ir::RawBlock{"marker", "unsupported"}); }

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
}
// Liquid left inside raw HTML (source) and the comment the writer put in its place (written)
// both become one marker.
void mark_liquid(std::string& s) {
    for (auto [open, close] : {std::pair{"{%", "%}"}, std::pair{"<!-- blogconv:", "-->"}})
        for (std::size_t p = s.find(open); p != std::string::npos; p = s.find(open, p + 1)) {
            std::size_t e = s.find(close, p + 2);
            if (e == std::string::npos) break;
            s.replace(p, e + std::string_view(close).size() - p, "\x01");
        }
}
void unprotect(std::string& s) {
    replace_all(s, "{{</*", "{{<");
    replace_all(s, "*/>}}", ">}}");
    replace_all(s, "{{%/*", "{{%");
    replace_all(s, "*/%}}", "%}}");
    replace_all(s, "{{\xE2\x80\x8B", "{{");
}
std::string file_name(const std::string& url) {
    std::string u = url.substr(0, url.find_first_of("?#"));
    auto slash = u.rfind('/');
    return slash == std::string::npos ? u : u.substr(slash + 1);
}
bool is_comment_marker(const std::string& html) {
    return html.rfind("<!-- blogconv:", 0) == 0 || html.rfind("{{< gist", 0) == 0;
}

void normalize(ir::Blocks& blocks, bool source);

// The writer backslash-escapes Markdown punctuation in TeX so the HTML carries it byte for byte.
std::string unescape_punctuation(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) ++i;
        out += s[i];
    }
    return out;
}

// Goldmark's attribute lists spelled as kramdown IALs, which is what our reader reads:
// `{.x #y}` on a line of its own becomes `{: .x #y}`; `## T {#id .x}` becomes `## T` and an IAL
// line after it; a hard break `\` before a newline becomes kramdown's `\\`. Fenced code is left alone.
std::string goldmark_attributes_as_kramdown(const std::string& md) {
    std::string out, line, fence;
    std::istringstream in(md);
    auto is_attr = [](const std::string& t) {
        return t.size() > 2 && t.front() == '{' && t.back() == '}' && t.find('{', 1) == std::string::npos &&
               (t[1] == '.' || t[1] == '#' || std::isalpha(static_cast<unsigned char>(t[1])));
    };
    while (std::getline(in, line)) {
        std::string t = line.substr(0, line.find_last_not_of(' ') + 1);
        std::size_t ticks = t.find_first_not_of('`');
        if (t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0) {
            std::string f = t.substr(0, t.find_first_not_of(t[0]));
            if (fence.empty()) fence = f;
            else if (f.size() >= fence.size() && ticks != 0 && t.find_first_not_of(t[0]) == std::string::npos) fence.clear();
        } else if (fence.empty()) {
            if (is_attr(t)) {
                out += "{:" + t.substr(1) + "\n";
                continue;
            }
            std::size_t brace = t.rfind(" {");
            if (!t.empty() && t[0] == '#' && brace != std::string::npos && is_attr(t.substr(brace + 1))) {
                out += t.substr(0, brace) + "\n{:" + t.substr(brace + 2) + "\n";
                continue;
            }
            // A hard break: CommonMark's `\` before the newline is kramdown's `\\`.
            const std::size_t text_end = line.find_last_not_of('\\');
            const std::size_t backslashes = line.size() - (text_end == std::string::npos ? 0 : text_end + 1);
            if (backslashes % 2 == 1 && in.peek() != std::char_traits<char>::eof()) {
                out += line + "\\\n";
                continue;
            }
        }
        out += line + "\n";
    }
    return out;
}

// Emphasis that CommonMark's flanking rules would not read back from `*` (`MAX*-1*`) is
// written as <em>…</em>: on both sides (an author may write the tags too) they become the element.
void fold_html_emphasis(ir::Inlines& ins) {
    auto tag = [](const ir::Inline& in) -> std::string {
        const auto* r = std::get_if<ir::RawInline>(&in.node);
        return r && r->format == "html" ? r->text : std::string();
    };
    ir::Inlines out;
    for (std::size_t i = 0; i < ins.size(); ++i) {
        const std::string open = tag(ins[i]);
        if (open == "<em>" || open == "<strong>") {
            const std::string close = "</" + open.substr(1);
            std::size_t j = i + 1;
            while (j < ins.size() && tag(ins[j]) != close) ++j;
            if (j < ins.size()) {
                ir::Inlines inner(ins.begin() + static_cast<std::ptrdiff_t>(i) + 1, ins.begin() + static_cast<std::ptrdiff_t>(j));
                fold_html_emphasis(inner);
                if (open == "<em>") out.push_back(ir::Inline(ir::Emphasis{std::move(inner)}));
                else out.push_back(ir::Inline(ir::Strong{std::move(inner)}));
                i = j;
                continue;
            }
        }
        out.push_back(ins[i]);
    }
    ins = std::move(out);
}

void normalize(ir::Inlines& ins, bool source) {
    fold_html_emphasis(ins);
    ir::Inlines out;
    for (auto in : ins) {
        if (std::holds_alternative<ir::UnsupportedInline>(in.node)) in = ir::Inline(ir::RawInline{"marker", "unsupported"});
        if (auto* m = std::get_if<ir::Math>(&in.node); m && !m->display)
            in = ir::Inline(ir::Text{"\\(" + m->tex + "\\)"});
        if (auto* m = std::get_if<ir::Math>(&in.node); m && m->display && !source) m->tex = unescape_punctuation(m->tex);
        // A link or image with attributes is written as inline HTML (Goldmark has no inline
        // attribute syntax): both sides become the tag's name around the same text.
        if (auto* l = ir::get_if<ir::Link>(in); l && !l->attr.empty() && source) {
            ir::Inlines children = l->children;
            normalize(children, source);
            out.push_back(ir::Inline(ir::RawInline{"marker", "<a>"}));
            for (auto& c : children) out.push_back(c);
            out.push_back(ir::Inline(ir::RawInline{"marker", "</a>"}));
            continue;
        }
        if (auto* im = ir::get_if<ir::Image>(in); im && !im->attr.empty() && source)
            in = ir::Inline(ir::RawInline{"marker", "<img>"});
        if (auto* r = std::get_if<ir::RawInline>(&in.node); r && r->format == "html") {
            if (r->text.rfind("<a ", 0) == 0) *r = {"marker", "<a>"};
            else if (r->text == "</a>") *r = {"marker", "</a>"};
            else if (r->text.rfind("<img ", 0) == 0) *r = {"marker", "<img>"};
        }
        ir::visit(ir::overloaded{
                       [&](ir::Text& n) { unprotect(n.text); },
                       [&](ir::Code& n) {
                           unprotect(n.text);
                           n.attr = {};  // Goldmark has no inline attributes: a reported loss
                       },
                       [&](ir::RawInline& n) {
                           unprotect(n.text);
                           if (n.format == "html" && !is_comment_marker(n.text)) mark_liquid(n.text);
                           if (n.format == "html" && is_comment_marker(n.text)) n = {"marker", "unsupported"};
                       },
                       [&](ir::Emphasis& n) { normalize(n.children, source); },
                       [&](ir::Strong& n) { normalize(n.children, source); },
                       [&](ir::Strikethrough& n) { normalize(n.children, source); },
                       [&](ir::Link& n) {
                           normalize(n.children, source);
                           if (!n.target_document.empty() || n.url.rfind("{{< ref", 0) == 0) n.url.clear();
                           n.target_document.clear();
                           unprotect(n.url);
                       },
                       [&](ir::Image& n) {
                           normalize(n.alt, source);
                           n.url = file_name(n.url);
                       },
                       [&](auto&) {},
                   },
                   in);
        auto* t = std::get_if<ir::Text>(&in.node);
        if (t && !out.empty())
            if (auto* prev = std::get_if<ir::Text>(&out.back().node)) {
                prev->text += t->text;
                continue;
            }
        out.push_back(in);
    }
    ins = out;
}

void normalize(ir::Blocks& blocks, bool source) {
    ir::Blocks out;
    for (auto b : blocks) {
        b.pos = {};
        if (std::holds_alternative<ir::UnsupportedBlock>(b.node)) b = marker_block();
        if (auto* r = std::get_if<ir::RawBlock>(&b.node)) {
            if (r->format == "html" && r->text.rfind("<!--more-->", 0) == 0) continue;
            // The writer drops an HTML block's blank lines (Goldmark would end the block there).
            if (r->format == "html" && r->text.find("<pre") == std::string::npos &&
                r->text.find("<textarea") == std::string::npos) {
                std::string kept;
                std::istringstream lines(r->text);
                for (std::string line; std::getline(lines, line);)
                    if (line.find_first_not_of(" \t\r") != std::string::npos) kept += line + "\n";
                r->text = kept;
            }
            if (r->format == "html" && is_comment_marker(r->text)) b = marker_block();
        }
        // An image written as HTML alone on its line reads back as an HTML block.
        if (auto* r = std::get_if<ir::RawBlock>(&b.node); r && !source && r->text.rfind("<img ", 0) == 0 &&
                                                           r->text.find('\n') == r->text.size() - 1) {
            ir::Paragraph p;
            p.children.push_back(ir::Inline(ir::RawInline{"marker", "<img>"}));
            b = ir::Block(std::move(p));
        }
        // A gist shortcode or comment alone in a paragraph reads back as a paragraph of text.
        if (auto* p = std::get_if<ir::Paragraph>(&b.node); p && !source && p->children.size() == 1) {
            const auto* t = std::get_if<ir::Text>(&p->children[0].node);
            const auto* r = std::get_if<ir::RawInline>(&p->children[0].node);
            if ((t && is_comment_marker(t->text)) || (r && is_comment_marker(r->text))) b = marker_block();
        }
        std::visit(ir::overloaded{
                       [&](ir::Paragraph& n) { normalize(n.children, source); },
                       [&](ir::Heading& n) {
                           normalize(n.children, source);
                           if (source && n.attr.id == writers::github_heading_id(n.children)) n.attr.id.clear();
                       },
                       [&](ir::CodeBlock& n) {
                           unprotect(n.text);
                           replace_all(n.text, "\r\n", "\n");
                           // A white-space-only line inside a list item's fenced code: kramdown
                           // keeps it as written, Goldmark strips the item's indentation from it,
                           // so the writer cannot spell it for both. It shows nothing either way.
                           std::string lines;
                           std::istringstream in(n.text);
                           for (std::string l; std::getline(in, l);)
                               lines += (l.find_first_not_of(" \t") == std::string::npos ? "" : l) + "\n";
                           if (!n.text.empty() && n.text.back() != '\n' && !lines.empty()) lines.pop_back();
                           n.text = lines;
                           n.options.clear();
                           n.attr = {};
                           n.line_numbers = false;
                           // With no language but attributes the fence needs a word: `text`.
                           if (n.language == "text") n.language.clear();
                       },
                       [&](ir::RawBlock& n) {
                           unprotect(n.text);
                           // Indentation left after the last line of an HTML block is not content.
                           while (!n.text.empty() && (n.text.back() == ' ' || n.text.back() == '\t')) n.text.pop_back();
                           if (n.format == "html") mark_liquid(n.text);
                       },
                       [&](ir::BlockQuote& n) { normalize(n.children, source); },
                       [&](ir::List& n) {
                           for (auto& i : n.items) normalize(i.children, source);
                       },
                       [&](ir::DefinitionList& n) {
                           for (auto& i : n.items) {
                               normalize(i.term, source);
                               for (auto& d : i.definitions) normalize(d, source);
                           }
                       },
                       [&](ir::Table& n) {
                           for (auto* rows : {&n.head, &n.body})
                               for (auto& r : *rows)
                                   for (auto& c : r) {
                                       normalize(c.children, source);
                                       // Goldmark needs `\|` for a pipe in code in a table cell;
                                       // kramdown, which our reader follows, keeps the backslash.
                                       if (!source)
                                           for (auto& in : c.children)
                                               if (auto* code = ir::get_if<ir::Code>(in)) replace_all(code->text, "\\|", "|");
                                   }
                       },
                       [&](ir::FootnoteDefinition& n) { normalize(n.children, source); },
                       [&](auto&) {},
                   },
                   b.node);
        out.push_back(std::move(b));
    }
    blocks = out;
}

std::string as_json(const ir::Blocks& blocks) { return blogconv::test::body_as_json(blocks); }

// The first place two JSON texts differ, with some context.
std::string first_difference(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    std::size_t from = i > 120 ? i - 120 : 0;
    return "source: …" + a.substr(from, 300) + "\nback:   …" + b.substr(from, 300);
}

// The one documented exclusion: a paragraph that starts with an image carrying attributes, then
// a line break. The image must be written as an HTML tag (Goldmark has no inline attributes) and a
// line holding only a tag starts an HTML block, so the paragraph's next lines become raw HTML.
// Counted and listed, not hidden.
bool starts_with_attributed_image_line(const ir::Blocks& body) {
    for (const auto& b : body) {
        const auto* p = std::get_if<ir::Paragraph>(&b.node);
        if (!p || p->children.size() < 2) continue;
        const auto* im = ir::get_if<ir::Image>(p->children[0]);
        if (im && !im->attr.empty() && std::holds_alternative<ir::SoftBreak>(p->children[1].node)) return true;
    }
    return false;
}

std::string body_of(const std::string& file) {
    for (const char* fence : {"+++\n", "---\n"})
        if (file.rfind(fence, 0) == 0)
            if (auto e = file.find(std::string("\n") + fence, 4); e != std::string::npos) return file.substr(e + 5);
    return file;
}

}  // namespace

TEST_CASE("round trip: every corpus post written for Hugo reads back to the same IR body") {
    if (!test::require_shared()) return;
    std::vector<fs::path> roots{test::source_dir() / "samples"};
    for (const auto& e : fs::directory_iterator(test::shared_dir() / "corpus"))
        if (e.is_directory()) roots.push_back(e.path());
    std::sort(roots.begin() + 1, roots.end());

    std::size_t total = 0, matched = 0, excluded = 0;
    std::string summary;
    for (const auto& root : roots) {
        CAPTURE(root.string());
        readers::ReaderOptions ro;
        ro.pages = true;
        ro.drafts = true;
        ro.unpublished = true;
        ro.future = true;
        ro.now = ir::DateTime{ir::civil_to_epoch(2026, 11, 25), 0};
        ir::Diagnostics diags;
        ir::Site site = readers::read_jekyll_site({root.string()}, ro, diags);
        writers::MemorySink sink;
        std::vector<writers::HugoPlacement> placements;
        writers::write_hugo(site, writers::HugoOptions{}, nullptr, sink, diags, &placements);
        std::map<std::string, const ir::Document*> by_source;
        for (const auto& d : site.documents) by_source[d.source_path] = &d;

        std::size_t site_total = 0, site_matched = 0;
        for (const auto& p : placements) {
            const ir::Document& d = *by_source.at(p.source_path);
            if (d.collection != "posts" || !p.markdown) continue;
            ++site_total;
            readers::MarkdownOptions mo;
            mo.path = p.content_path;
            mo.smart_quotes = false;  // the text already carries kramdown's typographic quotes
            mo.auto_ids = false;
            // GFM input: like Goldmark, it reads `\~` as an escape (kramdown input does not).
            mo.input = readers::MarkdownInput::gfm;
            // And like Goldmark, it ends an HTML block at a blank line (kramdown reads on to the end tag).
            mo.html_blocks_span_blank_lines = false;
            readers::Placeholders placeholders;
            std::vector<ir::Diagnostic> md_diags;
            std::string md = goldmark_attributes_as_kramdown(body_of(sink.files.at(p.content_path)));
            ir::Blocks back = readers::parse_markdown(md, mo, placeholders, md_diags);
            ir::Blocks want = d.body;
            normalize(want, true);
            normalize(back, false);
            if (back == want) {
                ++site_matched;
                continue;
            }
            if (starts_with_attributed_image_line(d.body)) {
                ++excluded;
                MESSAGE("excluded (image with attributes starting a paragraph line): " << root.filename().string()
                                                                                      << "/" << p.source_path);
                continue;
            }
            std::string a = as_json(want), b = as_json(back);
            MESSAGE("round trip differs: " << root.filename().string() << "/" << p.source_path << " -> "
                                           << p.content_path << "\n"
                                           << first_difference(a, b));
        }
        total += site_total;
        matched += site_matched;
        summary += "  " + root.filename().string() + ": " + std::to_string(site_matched) + "/" +
                   std::to_string(site_total) + "\n";
    }
    MESSAGE("hugo round trip: " << matched << "/" << total << " posts identical, " << excluded
                                << " excluded (documented above)\n"
                                << summary);
    CHECK(total > 0);
    CHECK(matched + excluded == total);
    CHECK(excluded <= 1);  // a new exclusion needs a look, not a silent pass
}
