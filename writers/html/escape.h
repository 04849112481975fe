// The one place HTML/XML escaping lives. Every writer that builds markup by hand goes through
// these functions; pugixml escapes on its own for documents it serializes.
#pragma once

#include <string>
#include <string_view>

namespace blogconv::writers::html {

// Appends `text` with `&`, `<`, `>` and `"` replaced by entity references. Safe both in element
// content and in double-quoted attribute values, in HTML and in XML alike.
void append_escaped(std::string& out, std::string_view text);
// `text` escaped as append_escaped does.
std::string escape(std::string_view text);

// The text of an attribute value as written: the references append_escaped writes undone
// (`&amp;` `&lt;` `&gt;` `&quot;`), and `&apos;`, `&#39;` and decimal references to ASCII, which
// hand-written HTML uses. Anything else stays as written.
std::string unescape_attribute(std::string_view value);

// `text` with every character XML 1.0 forbids removed (C0 controls other than tab, newline and
// carriage return, U+FFFE, U+FFFF) and every invalid UTF-8 sequence replaced by U+FFFD. Strings
// that reach XML or JSON output pass through here so that hostile input still gives a
// well-formed document.
std::string xml_clean(std::string_view text);
// append_escaped(out, xml_clean(text)), without the copy when `text` is clean already.
void append_clean_escaped(std::string& out, std::string_view text);

// Rewrites the entity and character references of raw HTML so that an XML parser accepts them:
// the five XML entities and valid numeric references stay, HTML named entities such as `&nbsp;`
// become numeric (`&#160;`), unknown names and stray `&` become `&amp;`, and numeric references
// to characters XML forbids become `&#65533;`.
std::string xml_entities(std::string_view html);

// The code point of an HTML named entity (without `&` and `;`), or 0 when it is not one we know.
// The table covers the entities that occur in practice (Latin-1, typography, arrows, Greek,
// common maths), not all 2,231 of HTML5.
char32_t named_entity(std::string_view name);

}  // namespace blogconv::writers::html
