// One post as one XHTML content document: title, date, author and tags, then the body rendered
// by the shared HTML renderer in XHTML mode (images embedded or replaced by their alt text as it
// writes them, through its element hook), then made fit for a book — footnotes as EPUB
// noterefs and footnote asides, links between posts pointing at chapters, scripts and embeds
// (which reading systems do not run) removed.
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

// A chapter is made in four steps, so that the book can be built a window of chapters at a time
// on several threads, with output identical whatever the thread count:
//
// 1. render_chapter, in book order on one thread (images are numbered in the order the book
//    first uses them): renders `chapter.doc` into `chapter.rendered` with the shared renderer,
//    whose element hook embeds each image or replaces it by its text as it writes it, noting
//    the problems in `chapter.image_problems`.
void render_chapter(Chapter& chapter, const ChapterContext& context);

// 2. fix_chapter, on any thread (it touches only the chapter): parses the rendered document into
//    `chapter.tree`, removes what a book cannot hold (scripts, embeds), modernises elements and
//    attributes, fills ids, headings and properties, makes the footnotes, repairs the content
//    model, and lists the links in `chapter.links` (all in one walk over the tree).
void fix_chapter(Chapter& chapter, const ChapterContext& context);

// 3. report_chapter, in book order on one thread: what the user hears about the chapter (what
//    the sanitizer removed, a render error, its images' problems), in the order it always was.
void report_chapter(Chapter& chapter, const ChapterContext& context);

// Every chapter of the book by file name, for the links between them.
struct ChapterIndex {
    const std::vector<Chapter>* chapters = nullptr;
    std::map<std::string, std::size_t> by_file;  // Chapter::file -> index in *chapters
};

// Whether a link of the (fixed, not finished) chapter names an element of a chapter at index
// `fixed` or later, whose ids are not known yet: such a chapter is finished last.
bool needs_later_chapters(const Chapter& chapter, const ChapterIndex& index, std::size_t fixed);

// 4. finish_chapter, on any thread, once every chapter it links into is fixed: drops link
//    fragments that name no element, turns links to pages outside the book into links to the
//    web site (or plain text when its URL is unknown), then serializes and deflates the chapter
//    into `packed` and releases its tree.
void finish_chapter(Chapter& chapter, const ChapterIndex& index, const ChapterContext& context);

// Serializes a content document: XML declaration, `<!DOCTYPE html>`, then the tree, with
// non-void elements never written as `<x/>` (which an HTML parser would misread).
std::string serialize_xhtml(pugi::xml_document& doc);

// The visible text of an element and its descendants.
std::string text_of(const pugi::xml_node& node);

}  // namespace blogconv::writers::epub
