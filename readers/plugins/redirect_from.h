// jekyll-redirect-from (0.16): `redirect_from` and `redirect_to` in a document's front matter.
//
// The plugin writes a small "Redirecting…" page at every `redirect_from` path, and replaces the
// whole output of a `redirect_to` document with such a page. The IR keeps both as plain data on
// ir::Document (writers that know redirects make aliases of them) and gives a `redirect_to`
// document the body the plugin's page shows, never its own text.
#pragma once

#include <string>

#include "ir/body.h"
#include "ir/site.h"

namespace blogconv::readers {

// Fills doc.redirect_from and doc.redirect_to from doc.front_matter (defaults included, as the
// plugin reads `to_liquid`).
void read_redirects(ir::Document& doc);

// What the plugin's redirect layout shows a reader: the heading and the link to `target`.
ir::Blocks redirect_page_body(const std::string& target);

}  // namespace blogconv::readers
