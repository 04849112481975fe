// The package document (EPUB/package.opf): metadata, manifest and spine.
#pragma once

#include <string>
#include <string_view>

#include "writers/epub/book.h"

namespace blogconv::writers::epub {

// A name-based UUID (RFC 4122 layout, version 5 bits, variant 10) made from `name` with a
// 128-bit FNV-1a hash: not SHA-1, but stable across builds and machines, which is what an
// identifier derived from the site needs.
std::string name_uuid(std::string_view name);

// The OPF for `book`. The spine is: cover page (when `has_cover_page`), title page, nav,
// then the chapters.
std::string package_document(const Book& book, bool has_cover_page);

}  // namespace blogconv::writers::epub
