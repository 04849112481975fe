#include "writers/epub/package.h"

#include <cstdint>
#include <cstdio>

#include "writers/html/escape.h"

namespace blogconv::writers::epub {

namespace {

std::string esc(const std::string& s) { return html::escape(html::xml_clean(s)); }

void item(std::string& s, const std::string& id, const std::string& href, const std::string& type,
          const std::string& properties) {
    s += "    <item id=\"" + esc(id) + "\" href=\"" + esc(href) + "\" media-type=\"" + type + "\"";
    if (!properties.empty()) s += " properties=\"" + properties + "\"";
    s += "/>\n";
}

}  // namespace

std::string name_uuid(std::string_view name) {
    // Two FNV-1a 64-bit hashes with different offset bases give the 128 bits.
    std::uint64_t h[2] = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
    for (int k = 0; k < 2; ++k)
        for (unsigned char c : name) {
            h[k] ^= c;
            h[k] *= 0x100000001b3ULL;
        }
    unsigned char b[16];
    for (int i = 0; i < 8; ++i) {
        b[i] = static_cast<unsigned char>(h[0] >> (56 - 8 * i));
        b[8 + i] = static_cast<unsigned char>(h[1] >> (56 - 8 * i));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x50);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

std::string package_document(const Book& book, bool has_cover_page) {
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" xml:lang=\"" +
                    esc(book.lang) + "\"";
    if (book.rtl) s += " dir=\"rtl\"";
    s += ">\n  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
    s += "    <dc:identifier id=\"uid\">" + esc(book.identifier) + "</dc:identifier>\n";
    s += "    <dc:title>" + esc(book.title) + "</dc:title>\n";
    if (!book.author.empty()) s += "    <dc:creator id=\"creator\">" + esc(book.author) + "</dc:creator>\n";
    s += "    <dc:language>" + esc(book.lang) + "</dc:language>\n";
    if (!book.date.empty()) s += "    <dc:date>" + esc(book.date) + "</dc:date>\n";
    for (const auto& subject : book.subjects) s += "    <dc:subject>" + esc(subject) + "</dc:subject>\n";
    if (!book.description.empty()) s += "    <dc:description>" + esc(book.description) + "</dc:description>\n";
    s += "    <meta property=\"dcterms:modified\">" + book.modified + "</meta>\n";
    std::string cover_id;
    for (const auto& r : book.resources)
        if (r.properties == "cover-image") cover_id = r.id;
    // EPUB 2 reading systems find the cover through this meta.
    if (!cover_id.empty()) s += "    <meta name=\"cover\" content=\"" + esc(cover_id) + "\"/>\n";
    s += "  </metadata>\n  <manifest>\n";
    item(s, "nav", nav_file, "application/xhtml+xml", "nav");
    item(s, "ncx", ncx_file, "application/x-dtbncx+xml", "");
    item(s, "css", css_file, "text/css", "");
    if (has_cover_page) item(s, "cover", cover_file, "application/xhtml+xml", "");
    item(s, "titlepage", title_file, "application/xhtml+xml", "");
    for (const auto& ch : book.chapters) {
        std::string props;
        for (const auto& p : ch.properties) props += (props.empty() ? "" : " ") + p;
        item(s, ch.id, ch.file, "application/xhtml+xml", props);
    }
    for (const auto& r : book.resources) item(s, r.id, r.href, r.media_type, r.properties);
    s += "  </manifest>\n  <spine toc=\"ncx\"";
    if (book.rtl) s += " page-progression-direction=\"rtl\"";
    s += ">\n";
    if (has_cover_page) s += "    <itemref idref=\"cover\"/>\n";
    s += "    <itemref idref=\"titlepage\"/>\n    <itemref idref=\"nav\"/>\n";
    for (const auto& ch : book.chapters) s += "    <itemref idref=\"" + ch.id + "\"/>\n";
    s += "  </spine>\n</package>\n";
    return s;
}

}  // namespace blogconv::writers::epub
