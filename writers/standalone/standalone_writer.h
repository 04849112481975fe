// The standalone HTML writer (`--to html`, `--to html-split`): the blog as one self-contained page
// someone can email, archive or open offline, or as a small folder of linked pages.
//
// One file holds a cover (site title, description, author), a table of contents, every post with
// its date, author and tags, and a tag index. Nothing on the page makes a request: the CSS is
// inline, local images are embedded as data: URIs (their type told by their first bytes, not their
// name), and remote images, iframes and scripts become links, each with a warning. Post bodies go
// through the shared renderer (writers/html/html_renderer.h) with an id prefix per post, so ids
// never collide; code blocks are coloured at build time (writers/highlight). The output is a pure
// function of its inputs: two runs give the same bytes.
#pragma once

#include <string>
#include <string_view>

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/resources.h"
#include "writers/sink.h"
#include "writers/standalone/standalone_options.h"

namespace blogconv::writers {

// Writes the page (Sink path "") or, with options.split, `index.html` and `posts/<slug>.html`.
// Images are read through `resources` only (nullptr: every local image is reported missing).
// Problems (missing or remote images, an unknown --single name, template mistakes) go to
// `diagnostics`; only an unknown --single name is an error that writes nothing.
void write_standalone_html(const ir::Site& site, const StandaloneOptions& options, const ResourceReader* resources,
                           Sink& sink, ir::Diagnostics& diagnostics);

// The built-in stylesheet (default_style.cpp).
std::string_view default_css();

// The MIME type of an image told by its first bytes (PNG, JPEG, GIF, WebP, AVIF, BMP, ICO, SVG),
// or "" when it is none of them.
std::string image_mime_type(std::string_view bytes);

// `bytes` in base64 (RFC 4648, with padding), for data: URIs.
std::string base64_encode(std::string_view bytes);

}  // namespace blogconv::writers
