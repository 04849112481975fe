// One post as one XHTML content document: title, date, author and tags, then the body rendered
// by the shared HTML renderer in XHTML mode, then made fit for a book — images embedded or
// replaced by their alt text, footnotes as EPUB noterefs and footnote asides, links between posts
// pointing at chapters, scripts and embeds (which reading systems do not run) removed.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/epub/book.h"
#include "writers/epub/images.h"

namespace blogconv::writers::epub {

// What every chapter needs to know about the book.
struct ChapterContext {
    const ir::Site* site = nullptr;
    std::map<std::string, std::string> file_by_source;  // Document::source_path -> chapter file
    std::map<std::string, std::string> file_by_url;      // Document::url -> chapter file
    ImageStore* images = nullptr;
    std::string lang;
    bool rtl = false;
    ir::Diagnostics* diagnostics = nullptr;
};

// Renders `chapter.doc` into `chapter.tree` and fills ids, headings and properties.
void build_chapter(Chapter& chapter, const ChapterContext& context);

// Once every chapter is built: drops link fragments that name no element, turns links to pages
// outside the book into links to the web site (or plain text when its URL is unknown), and
// serializes each chapter into `xhtml` (releasing the tree).
void finish_chapters(std::vector<Chapter>& chapters, const ChapterContext& context);

// Serializes a content document: XML declaration, `<!DOCTYPE html>`, then the tree, with
// non-void elements never written as `<x/>` (which an HTML parser would misread).
std::string serialize_xhtml(pugi::xml_document& doc);

// The visible text of an element and its descendants.
std::string text_of(const pugi::xml_node& node);

}  // namespace blogconv::writers::epub
