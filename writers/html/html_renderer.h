// The one HTML body renderer: ir::Blocks into HTML or XHTML. Feeds, EPUB and standalone HTML all
// call it and choose their mode through HtmlOptions; none re-implements escaping or node kinds.
//
// Output follows kramdown's conventions where readers of Jekyll sites expect them: footnote
// references `<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup>`
// and a `<div class="footnotes" role="doc-endnotes">` list at the end, `language-xxx` classes on
// code, `style="text-align: …"` on table cells, math as `\(…\)` / `\[…\]` inside an element
// with class "math" (for MathJax/KaTeX auto-render).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/body.h"
#include "writers/html/elements.h"

namespace blogconv::writers {

// What the renderer does with UnsupportedBlock / UnsupportedInline (Liquid it could not
// translate, a missing include) and with raw nodes of a format other than "html".
enum class UnsupportedStyle {
    // The original text, escaped, in `<code class="unsupported" data-kind="KIND">` (a
    // `<pre class="unsupported">` for blocks). The default: the reader sees that something was
    // not converted, and `{%` never appears unescaped as if it were content.
    code,
    // An HTML comment `<!-- unsupported KIND: TEXT -->` (with `--` broken up): invisible, like
    // the stub markers Jekyll's own output carries.
    comment,
    // Nothing at all.
    drop,
};

// An element of the post that loads something from elsewhere, as the renderer is about to write
// it, for HtmlOptions::element.
struct HtmlElement {
    // "img" (an IR image or an <img> of raw HTML), or "source", "iframe" or "script" (raw HTML).
    std::string name;
    // In the order they would be written, after sanitizing and URL rewriting (so `src` is what
    // rewrite_url made of it): lower-case names, values as text (unescaped).
    html::AttributeList attributes;
    // Inside a link (an IR link or an <a> of raw HTML): a replacement must not nest another <a>.
    bool in_link = false;
    // XHTML mode only: the elements of raw HTML open around it, outermost first, named as
    // written (XML names are case-sensitive: `VIDEO` is not `video` to a reading system). Known
    // there because the raw HTML that is written is balanced; empty in HTML mode.
    std::vector<std::string> inside;
    // The source line of the innermost block it was written in (ir::Block::pos; 0 = unknown),
    // for a writer's diagnostics about it.
    int line = 0;

    const std::string* find(std::string_view attribute) const {
        for (const auto& [k, v] : attributes)
            if (k == attribute) return &v;
        return nullptr;
    }
};

struct HtmlOptions {
    // Well-formed XML (for EPUB's XHTML): void elements closed (`<br />`), boolean attributes
    // given values, HTML named entities turned numeric, raw HTML checked with an XML parser. Raw
    // HTML that is not well-formed even together with the blocks that follow it is escaped and
    // shown as text rather than breaking the document. Off: HTML5.
    bool xhtml = false;
    // Put in front of every id the renderer writes (heading ids, Attr ids, footnote ids) and of
    // every fragment-only link (`#x`), so that many documents in one file do not collide. "" = none.
    std::string id_prefix;
    // Called for every URL written into an href, src or srcset (of IR links and images and of raw
    // HTML tags), after the id prefix was applied to fragment-only links. `target_document` is
    // Link::target_document (the linked document's source path) or "" — EPUB maps it to a chapter,
    // feeds make relative URLs absolute. Unset: URLs are written as they are.
    std::function<std::string(const std::string& url, const std::string& target_document)> rewrite_url;
    // Write the footnotes section at the end (off: references are still links, without targets).
    bool footnotes = true;
    // See UnsupportedStyle.
    UnsupportedStyle unsupported = UnsupportedStyle::code;
    // The footnote back-link's content, raw HTML (kramdown's `footnote_backlink` option, which a
    // writer may take from ir::Site::config: `kramdown.footnote_backlink`).
    std::string footnote_backlink = "&#8617;";
    // Hold the post's HTML to the allowlist of writers/html/sanitize.h (raw HTML tags, the
    // attributes of an Attr, link and image URLs): on by default, as a writer that forgets it
    // would let a post redirect the reader or run code. Feeds and Hugo output turn it off (see
    // sanitize.h for why).
    bool sanitize = true;
    // Told about each thing the sanitizer removed (a short name, repeats included), so that the
    // writer can warn once per document. Unset: removed silently.
    std::function<void(const std::string& what)> removed;

    // Hooks: the writer's choices about single elements, applied by the renderer as it writes
    // them rather than by a pass over its output (which would have to parse the HTML again and
    // undo its escaping). Unset: the element is written as usual.

    // HTML to append inside a heading that has an id, just before its end tag (the standalone
    // page's link to the section). `id` as written, id_prefix included. Also called for an
    // `<h1>`…`<h6>` of raw HTML with an id (HTML mode), before its `</hN>`.
    std::function<std::string(const std::string& id)> heading_end;
    // The content of a code element that has a language, given the code as text (not escaped)
    // and the language: HTML to stand inside `<code class="language-…">` (coloured spans), or
    // nullopt for the escaped text as usual. Called for code blocks with a language, and for
    // inline code whose one attribute is a `language-…` class (kramdown's inline code language).
    std::function<std::optional<std::string>(const std::string& code, const std::string& language)> code;
    // What stands for an element that loads something (see HtmlElement): nullopt writes it as
    // usual, a string is written instead (a data: URI image, a link, "" to drop it); an element
    // with content (iframe, script) is replaced with its content and end tag. Called for IR
    // images and, in HTML mode, for the start tags of raw HTML (also in the content of a
    // replaced element, which is only known to go once its end tag comes). In XHTML mode it is
    // called for IR images and raw <img> only (a replacement of a void element cannot unbalance
    // the XML), once for each that is written as markup, in document order: never for raw HTML
    // that ends up escaped as text, so a writer may count or embed what it is called for.
    std::function<std::optional<std::string>(const HtmlElement& element)> element;
};

// The blocks as an HTML fragment (no <html>/<body>), ending with a newline unless empty.
std::string render_html(const ir::Blocks& blocks, const HtmlOptions& options = {});
// Inlines as an HTML fragment (for titles that hold markup). There are no definitions to
// point at, so footnote references render as the text the author wrote (`[^1]`).
std::string render_inline_html(const ir::Inlines& inlines, const HtmlOptions& options = {});
// The visible text of blocks with paragraphs separated by a blank line and no markup at all: for
// plain-text summaries (JSON Feed `summary`). White space inside a paragraph is collapsed.
std::string blocks_plain_text(const ir::Blocks& blocks);

// Rewrites the URLs in the href, src, poster and srcset attributes of the tags in raw HTML with
// `rewrite` (leaving everything else byte for byte). Exposed for writers that hold HTML from
// elsewhere (site-level raw HTML); render_html already applies it to raw nodes.
std::string rewrite_html_urls(const std::string& html,
                              const std::function<std::string(const std::string&)>& rewrite);

}  // namespace blogconv::writers
