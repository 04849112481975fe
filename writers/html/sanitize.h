// The one allowlist for HTML that comes from posts (raw HTML blocks and inlines, link and image
// URLs): what the standalone page and the EPUB may hold of it. A post is untrusted input: it must
// not be able to redirect the reader (`<meta http-equiv=refresh>`), re-base every link
// (`<base href>`), collect input (`<form>`), run code (`on*` attributes, `javascript:` URLs) or
// load a plug-in (`<object>`, `<embed>`). The renderer applies these rules tag by tag inside its
// one render loop (HtmlOptions::sanitize); writers never re-parse their output for it.
//
// Feeds and Hugo output do not sanitize: a feed reader sanitizes what it shows (jekyll-feed
// passes post HTML through as well), and Hugo output is the site's own source for another
// generator, whose `markup.goldmark.renderer.unsafe` setting decides.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>

namespace blogconv::writers::html {

// Called with a short name for each thing the sanitizer removed ("<meta>", "onclick=",
// "javascript: URL"), for the writer's one warning per document.
using RemovedFn = std::function<void(const std::string& what)>;

// What becomes of a tag with this (lower-case) element name.
enum class ElementRule {
    keep,       // an element posts use that cannot act on the page or book (custom elements too)
    drop,       // a known element that can (meta, base, form, object…): the tag goes, its text stays
    as_text,    // not an element at all (`<datadir>` in prose): written as the text the author typed
};
ElementRule element_rule(std::string_view element);

// Whether attribute `attribute` (lower case) may stay on `element` (lower case). Never an event
// handler (`on*`), never `srcdoc`, `action`, `formaction` or `http-equiv`.
bool attribute_allowed(std::string_view element, std::string_view attribute);

// Whether `attribute` holds a URL (href, src, poster, cite, xlink:href; srcset holds several).
bool is_url_attribute(std::string_view attribute);

// Whether a URL may stay in `attribute` of `element`: no scheme (relative), or http, https,
// mailto, tel, ftp and a few other registered schemes that only navigate; `data:image/…` only in
// an image's src or srcset. Character references and the tabs and newlines a browser ignores are
// taken into account (`java&#x09;script:` is javascript:).
bool url_allowed(std::string_view element, std::string_view attribute, std::string_view url);

// The one warning a writer gives for a document, from the names RemovedFn was told about:
// "removed from the post's HTML: <meta>, onclick= (the book must not …)". `where`: "book" or
// "page".
std::string removed_message(const std::set<std::string>& removed, std::string_view where);

}  // namespace blogconv::writers::html
