// pugixml helpers the XML feed writers share (internal to writers/feeds/).
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace blogconv::writers::feeds {

// Appends <name>text</name> to `parent` and returns it. `text` must already be XML-clean.
inline pugi::xml_node add_text(pugi::xml_node parent, const char* name, std::string_view text) {
    pugi::xml_node n = parent.append_child(name);
    n.text().set(std::string(text).c_str());
    return n;
}

// The document as UTF-8 bytes with an XML declaration, two-space indentation and every special
// character escaped by pugixml (so `]]>` in content comes out as `]]&gt;`).
inline std::string serialize(pugi::xml_document& doc) {
    pugi::xml_node decl = doc.prepend_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "utf-8";
    struct StringWriter : pugi::xml_writer {
        std::string out;
        void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
    } writer;
    doc.save(writer, "  ", pugi::format_indent, pugi::encoding_utf8);
    return std::move(writer.out);
}

// True when an e-mail address is shaped as the Atom and RSS schemas want (something@something).
inline bool plausible_email(std::string_view s) {
    const auto at = s.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < s.size() &&
           s.find_first_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace blogconv::writers::feeds
