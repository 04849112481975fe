#include "writers/epub/book.h"

#include <cctype>
#include <cstdio>

#include "writers/html/escape.h"

namespace blogconv::writers::epub {

std::string utc_timestamp(std::int64_t utc_seconds) {
    ir::CivilTime c = ir::to_civil(ir::DateTime{utc_seconds, 0});
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second);
    return buf;
}

std::string language_tag(std::string tag) {
    for (char& c : tag)
        if (c == '_') c = '-';
    if (tag.empty() || tag.size() > 64) return "";
    std::size_t start = 0;
    bool first = true;
    while (start <= tag.size()) {
        std::size_t end = tag.find('-', start);
        if (end == std::string::npos) end = tag.size();
        std::size_t len = end - start;
        if (len == 0 || len > 8) return "";
        for (std::size_t i = start; i < end; ++i) {
            unsigned char c = static_cast<unsigned char>(tag[i]);
            if (!(first ? std::isalpha(c) : std::isalnum(c))) return "";
        }
        first = false;
        start = end + 1;
    }
    return tag;
}

std::string xhtml_head(const std::string& title, const std::string& lang, bool rtl) {
    std::string l = html::escape(html::xml_clean(lang));
    std::string s = "<html xmlns=\"" + std::string(xhtml_ns) + "\" xmlns:epub=\"" + ops_ns + "\" lang=\"" + l +
                    "\" xml:lang=\"" + l + "\"";
    if (rtl) s += " dir=\"rtl\"";
    s += "><head><meta charset=\"utf-8\"/><title>" + html::escape(html::xml_clean(title)) +
         "</title><link rel=\"stylesheet\" type=\"text/css\" href=\"" + css_file + "\"/></head><body";
    return s;
}

}  // namespace blogconv::writers::epub
