// The book the EPUB writer assembles before it zips it: chapters, embedded resources and the
// package metadata. Internal to writers/epub/; the public entry is epub_writer.h.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "ir/datetime.h"
#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/epub/zip.h"

namespace blogconv::writers::epub {

// A heading inside a chapter that the table of contents may list.
struct ChapterHeading {
    int level = 2;     // 1..6 as written in the chapter
    std::string id;    // the element's id in the chapter file
    std::string text;  // its visible text
};

// One post as one XHTML content document.
struct Chapter {
    const ir::Document* doc = nullptr;
    std::string id;     // manifest id, "c0001"
    std::string file;   // path relative to the package document, "c0001.xhtml"
    std::string title;  // plain text
    // The content document as rendered (images already embedded or replaced), until parsed.
    std::string rendered;
    // The parsed content document while links are fixed; serialized into `packed`.
    std::unique_ptr<pugi::xml_document> tree;
    std::set<std::string> ids;  // every id in the chapter (to check link fragments)
    std::vector<ChapterHeading> headings;
    std::set<std::string> properties;  // manifest properties the content needs ("svg", "mathml")
    std::string render_error;  // why the rendered XHTML did not parse ("" = it did)
    std::set<std::string> removed;  // what the sanitizer took out of the post's HTML (reported in book order)
    // What became of its images that the user hears about (reported after `removed` and
    // `render_error`, in book order).
    std::vector<ir::Diagnostic> image_problems;
    std::vector<pugi::xml_node> links;   // the <a href> elements (fix_chapter)
    ZipEntry packed;           // the finished content document, deflated
};

// A file embedded in the book other than a content document (images, the cover).
struct Resource {
    std::string id;          // manifest id
    std::string href;        // relative to the package document, "images/i0001.png"
    std::string media_type;  // "image/png"
    std::string properties;  // "cover-image" or ""
    std::string bytes;
};

// Everything the package, navigation and zip need.
struct Book {
    std::string identifier;  // dc:identifier
    std::string title;
    std::string author;      // "" = no dc:creator
    std::string lang;
    bool rtl = false;        // the book's language is written right to left
    std::string description;
    std::string date;        // dc:date, "" = none
    std::string modified;    // dcterms:modified, "2018-03-03T10:00:00Z"
    std::vector<std::string> subjects;
    std::vector<Chapter> chapters;
    std::vector<Resource> resources;
    std::string cover_href;  // the cover image's href, "" = no cover
    std::string css;
};

// File names inside the package folder (EPUB/), fixed so navigation can point at them.
inline constexpr const char* package_dir = "EPUB/";
inline constexpr const char* nav_file = "nav.xhtml";
inline constexpr const char* ncx_file = "toc.ncx";
inline constexpr const char* css_file = "style.css";
inline constexpr const char* title_file = "title.xhtml";
inline constexpr const char* cover_file = "cover.xhtml";

// The namespaces of a content document.
inline constexpr const char* xhtml_ns = "http://www.w3.org/1999/xhtml";
inline constexpr const char* ops_ns = "http://www.idpf.org/2007/ops";

// 2018-03-03T10:00:00Z: the form dcterms:modified requires (UTC, seconds, `Z`).
std::string utc_timestamp(std::int64_t utc_seconds);

// `tag` as a BCP 47 language tag ("en", "pt-BR"; "zh_CN" becomes "zh-CN"), or "" when it cannot
// be one (epubcheck rejects invalid values in lang attributes).
std::string language_tag(std::string tag);

// The XML declaration and doctype that start every content document.
inline constexpr const char* xhtml_prologue = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n";

// The `<html …><head>…</head><body` opening every content document shares (without the
// prologue), up to and including `<body`, so the caller can add attributes and close the tag.
std::string xhtml_head(const std::string& title, const std::string& lang, bool rtl);

}  // namespace blogconv::writers::epub
