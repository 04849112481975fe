// Raw HTML handling for the renderer: a small tag scanner that rewrites URL attributes and, for
// XHTML, turns HTML tag syntax into XML tag syntax. Not a full HTML parser: it only has to be
// right on tags; whether the result is well-formed XML is then checked with pugixml.
#pragma once

#include <functional>
#include <string>
#include <string_view>

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
std::string transform_raw_html(std::string_view html, bool xhtml, const UrlRewrite& rewrite,
                               const std::function<void(const std::string&)>* sanitize = nullptr);

// True when `fragment` parses as XML content (wrapped in one root element).
bool well_formed_xml_fragment(std::string_view fragment);

// Applies `rewrite` to every URL of a srcset value ("a.png 1x, b.png 2x").
std::string rewrite_srcset(std::string_view srcset, const UrlRewrite& rewrite);

}  // namespace blogconv::writers::html
