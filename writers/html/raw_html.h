// Raw HTML handling for the renderer: a small tag scanner that rewrites URL attributes and, for
// XHTML, turns HTML tag syntax into XML tag syntax. Not a full HTML parser: it only has to be
// right on tags; whether the result is well-formed XML is then checked with pugixml.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "writers/html/elements.h"

namespace blogconv::writers::html {

using UrlRewrite = std::function<std::string(const std::string&)>;

// Rewrites the values of href, src, poster and srcset (each candidate URL) with `rewrite`. With
// `xhtml` off every other byte is kept; with it on, each tag is rebuilt in XML syntax (values
// double-quoted, boolean attributes given their name as value, void elements closed with ` />`),
// stray `<` escaped and entities made XML-safe (see xml_entities).
//
// With `sanitize` set, the tags are also held to the allowlist of writers/html/sanitize.h: a
// dropped element loses its tags (its text stays), a disallowed attribute or URL goes, prose
// like `<datadir>` is escaped, and each removal is named to `*sanitize`.
//
// With `hook` set (XHTML only), every tag that is written is first offered to it, as by
// append_raw_html, but `swallow` is ignored: the output is rewritten as a whole at the end, so
// content cannot be cut from it. A replacement goes through that rewriting too (it is escaped
// HTML, which the rewriting leaves as it is).
struct RawTag;
using TagHook = std::function<std::optional<std::string>(const RawTag& tag, bool& swallow)>;
std::string transform_raw_html(std::string_view html, bool xhtml, const UrlRewrite& rewrite,
                               const std::function<void(const std::string&)>* sanitize = nullptr,
                               const TagHook* hook = nullptr);

// A tag of raw HTML as the scanner is about to write it: after sanitizing and URL rewriting.
struct RawTag {
    std::string name;  // lower case
    bool closing = false;
    // A start tag with no end tag to come: a void element, or written `<x/>`.
    bool self_closing = false;
    // The attributes that stay, with rewritten URLs: lower-case names, values as text (what a
    // browser reads, as far as unescape_attribute goes). Empty for an end tag.
    AttributeList attributes;
    // The tag as it will be written unless the hook replaces it.
    std::string written;
    const std::string* find(std::string_view attribute) const {
        for (const auto& [k, v] : attributes)
            if (k == attribute) return &v;
        return nullptr;
    }
};

// TagHook (declared above): what the renderer makes of a tag of raw HTML. nullopt writes it as
// it is, a string is written instead. Setting `swallow` (on a start tag) also drops what follows
// up to the element's end tag, that end tag included, even when the end tag comes in a later call
// with the same RawHtmlState; without an end tag nothing is dropped. Tags in that content are
// offered to the hook all the same: until the end tag comes it is not known whether they stay.

// What the scanner carries from one piece of raw HTML to the next of the same document.
struct RawHtmlState {
    std::string swallowing;        // the element whose content is being dropped, or ""
    std::size_t swallow_from = 0;  // where in the output its content began
};

// transform_raw_html in HTML syntax, appending to `out`, with every tag offered to `hook` (a
// swallowed element's content is cut from `out`, so `out` must be the same string across calls).
void append_raw_html(std::string& out, std::string_view html, const UrlRewrite& rewrite,
                     const std::function<void(const std::string&)>* sanitize, const TagHook& hook,
                     RawHtmlState& state);

// True when `fragment` parses as XML content (wrapped in one root element).
bool well_formed_xml_fragment(std::string_view fragment);

// Applies `rewrite` to every URL of a srcset value ("a.png 1x, b.png 2x").
std::string rewrite_srcset(std::string_view srcset, const UrlRewrite& rewrite);

}  // namespace blogconv::writers::html
