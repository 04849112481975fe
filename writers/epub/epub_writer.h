// `--to epub`: the site as an EPUB 3 book (with an EPUB 2 toc.ncx for older reading systems).
//
// One chapter per post, in date order (EpubOptions::order), after a title page and the table of
// contents. The XHTML comes from the shared HTML renderer; this writer only chunks, embeds
// images and packages. Output is a pure function of the input: no clock, no environment, fixed
// zip timestamps, so two builds are byte-identical.
#pragma once

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/epub/epub_options.h"
#include "writers/sink.h"

namespace blogconv::writers {

// Writes the book as one file (relative path "") to `sink`. Local images are read from under
// EpubOptions::site_root (or Site::root); problems with images become diagnostics (warnings, or
// an error for a path that leaves the site folder), never a failure to write the book.
void write_epub(const ir::Site& site, const EpubOptions& options, Sink& sink, ir::Diagnostics& diagnostics);

}  // namespace blogconv::writers
