// The plugins that change a document's metadata (Jekyll generators), applied once the document
// is read and before any body renders: jekyll-redirect-from, jekyll-titles-from-headings.
#pragma once

#include "readers/document_builder.h"
#include "readers/site_config.h"

namespace blogconv::readers {

void apply_document_plugins(const SiteConfig& config, PreparedDocument& st);

}  // namespace blogconv::readers
