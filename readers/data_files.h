// The files of `_data/`, from their text to `site.data` values: YAML and JSON (YAML parses
// both) as they are, CSV and TSV as arrays of row mappings keyed by the header row.
//
// Pure: the folder walk that finds and reads the files is readers/site_discovery.h's.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/value.h"
#include "readers/limits.h"

namespace blogconv::readers {

// The rows of a CSV (`separator` ',') or TSV ('\t') text, as Jekyll reads them with headers: each
// row a mapping from the first row's cells (a short row's missing cells are "", a long row's extra
// ones dropped); `"` quotes a cell and `""` inside quotes is one `"`; blank lines and CRs are
// skipped. Quotes do not span lines.
ir::Array parse_delimited(std::string_view text, char separator);

// One data file's value, by its extension (`.yml`, `.yaml`, `.json`, `.csv`, `.tsv`, any case
// already lowered by the caller). nullopt for another extension (not data), and for a YAML error,
// which is added to `diagnostics` as a warning naming `site.data.<key>` as left empty.
std::optional<ir::Value> parse_data_file(std::string_view text, const std::string& extension,
                                         const std::string& display, const std::string& key, const Limits& limits,
                                         std::vector<ir::Diagnostic>& diagnostics);

}  // namespace blogconv::readers
