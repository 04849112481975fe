#include "writers/epub/navigation.h"

#include <algorithm>
#include <map>

#include "writers/html/escape.h"

namespace blogconv::writers::epub {

namespace {

std::string esc(const std::string& s) { return html::escape(html::xml_clean(s)); }

// Headings of a chapter nested by level, keeping the `levels` shallowest levels used.
std::vector<TocEntry> heading_entries(const Chapter& ch, int levels) {
    std::vector<TocEntry> out;
    if (levels <= 0 || ch.headings.empty()) return out;
    int top = 6;
    for (const auto& h : ch.headings) top = std::min(top, h.level);
    const int bottom = top + levels - 1;
    // A stack of (level, list to append to); the list pointers stay valid because we only ever
    // append to the innermost list.
    std::vector<std::pair<int, std::vector<TocEntry>*>> stack{{top - 1, &out}};
    for (const auto& h : ch.headings) {
        if (h.level > bottom) continue;
        while (stack.size() > 1 && stack.back().first >= h.level) stack.pop_back();
        auto* list = stack.back().second;
        list->push_back({h.text, ch.file + "#" + h.id, false, {}});
        stack.emplace_back(h.level, &list->back().children);
    }
    return out;
}

int year_of(const Chapter& ch) { return ch.doc && ch.doc->date ? ir::to_civil(*ch.doc->date).year : 0; }

void nav_list(std::string& s, const std::vector<TocEntry>& entries) {
    s += "<ol>";
    for (const auto& e : entries) {
        s += "<li>";
        if (e.group) s += "<span>" + esc(e.label) + "</span>";
        else s += "<a href=\"" + esc(e.href) + "\" dir=\"auto\">" + esc(e.label) + "</a>";
        if (!e.children.empty()) nav_list(s, e.children);
        s += "</li>";
    }
    s += "</ol>";
}

int depth_of(const std::vector<TocEntry>& entries) {
    int d = 0;
    for (const auto& e : entries) d = std::max(d, 1 + depth_of(e.children));
    return d;
}

struct NcxWriter {
    std::string s;
    int next_id = 0;
    std::map<std::string, int> play_order;  // one number per target, as NCX requires

    void points(const std::vector<TocEntry>& entries, const std::string& indent) {
        for (const auto& e : entries) {
            auto [it, fresh] = play_order.emplace(e.href, static_cast<int>(play_order.size()) + 1);
            (void)fresh;
            s += indent + "<navPoint id=\"np-" + std::to_string(++next_id) + "\" playOrder=\"" +
                 std::to_string(it->second) + "\"><navLabel><text>" + esc(e.label) + "</text></navLabel><content src=\"" +
                 esc(e.href) + "\"/>";
            if (!e.children.empty()) {
                s += "\n";
                points(e.children, indent + "  ");
                s += indent;
            }
            s += "</navPoint>\n";
        }
    }
};

}  // namespace

std::vector<TocEntry> toc_entries(const Book& book, int toc_depth, int group_from) {
    std::vector<TocEntry> posts;
    for (const auto& ch : book.chapters)
        posts.push_back({ch.title, ch.file, false, heading_entries(ch, std::min(toc_depth, 6) - 1)});
    if (posts.empty()) return {{"Title page", title_file, false, {}}};

    bool several_years = false;
    for (const auto& ch : book.chapters) several_years |= year_of(ch) != year_of(book.chapters.front());
    if (group_from <= 0 || static_cast<int>(posts.size()) < group_from || !several_years) return posts;

    std::vector<TocEntry> groups;
    int current = -1;
    for (std::size_t i = 0; i < posts.size(); ++i) {
        int y = year_of(book.chapters[i]);
        if (groups.empty() || y != current) {
            groups.push_back({y ? std::to_string(y) : "Undated", posts[i].href, true, {}});
            current = y;
        }
        groups.back().children.push_back(std::move(posts[i]));
    }
    return groups;
}

std::string nav_document(const Book& book, const std::vector<TocEntry>& toc, bool has_cover) {
    std::string s = xhtml_prologue + xhtml_head(book.title, book.lang, book.rtl);
    s += "><nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\"><h1>Contents</h1>";
    nav_list(s, toc);
    s += "</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\"><h2>Landmarks</h2><ol>";
    if (has_cover) s += std::string("<li><a epub:type=\"cover\" href=\"") + cover_file + "\">Cover</a></li>";
    s += std::string("<li><a epub:type=\"titlepage\" href=\"") + title_file + "\">Title page</a></li>";
    s += std::string("<li><a epub:type=\"toc\" href=\"") + nav_file + "#toc\">Contents</a></li>";
    if (!book.chapters.empty())
        s += "<li><a epub:type=\"bodymatter\" href=\"" + book.chapters.front().file + "\">Start of content</a></li>";
    s += "</ol></nav>\n</body></html>\n";
    return s;
}

std::string ncx_document(const Book& book, const std::vector<TocEntry>& toc) {
    NcxWriter w;
    w.s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" "
          "version=\"2005-1\" xml:lang=\"" +
          esc(book.lang) + "\">\n<head>\n  <meta name=\"dtb:uid\" content=\"" + esc(book.identifier) +
          "\"/>\n  <meta name=\"dtb:depth\" content=\"" + std::to_string(std::max(1, depth_of(toc))) +
          "\"/>\n  <meta name=\"dtb:totalPageCount\" content=\"0\"/>\n  <meta name=\"dtb:maxPageNumber\" "
          "content=\"0\"/>\n</head>\n<docTitle><text>" +
          esc(book.title) + "</text></docTitle>\n";
    if (!book.author.empty()) w.s += "<docAuthor><text>" + esc(book.author) + "</text></docAuthor>\n";
    w.s += "<navMap>\n";
    w.points(toc, "  ");
    w.s += "</navMap>\n</ncx>\n";
    return w.s;
}

}  // namespace blogconv::writers::epub
