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
#include <string>

#include "ir/body.h"

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
