// The book's navigation: nav.xhtml (EPUB 3: the table of contents and landmarks) and toc.ncx
// (EPUB 2, for older reading systems). Both list the same entries.
#pragma once

#include <string>
#include <vector>

#include "writers/epub/book.h"

namespace blogconv::writers::epub {

// One line of the table of contents.
struct TocEntry {
    std::string label;  // plain text
    std::string href;   // relative to the package document; for a year group, its first post
    bool group = false; // a year heading rather than a link (nav.xhtml shows it as a <span>)
    std::vector<TocEntry> children;
};

// The entries for `book`: posts in book order, their headings down to `toc_depth` (1 = posts
// only), grouped by year when there are at least `group_from` posts spanning several years.
std::vector<TocEntry> toc_entries(const Book& book, int toc_depth, int group_from);

std::string nav_document(const Book& book, const std::vector<TocEntry>& toc, bool has_cover);
std::string ncx_document(const Book& book, const std::vector<TocEntry>& toc);

}  // namespace blogconv::writers::epub
