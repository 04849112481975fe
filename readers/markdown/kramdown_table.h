// kramdown's table rule, for the pre-pass.
//
// kramdown and cmark-gfm disagree on what a table is (kramdown/parser/kramdown/table.rb in
// kramdown 2.4, which Jekyll 4.3 runs, even for GFM input):
//   - kramdown: any line with an unescaped `|` is a table row; a separator row is optional, may
//     use `+` and need not match the header's cell count; there may be several bodies and a
//     footer (`|===`); the table must start and end at a block boundary (blank line, start or
//     end of its container, an IAL), so it never interrupts a paragraph.
//   - cmark-gfm: a table needs a header row followed by a delimiter row of as many cells, and it
//     does interrupt a paragraph.
// The pre-pass therefore finds kramdown's tables itself and rewrites each as a canonical GFM
// table that cmark-gfm reads into the same rows. A table without a header gets a stand-in header
// row (its first cell is `headless_marker`) that the IR walk drops. A GFM delimiter row that is
// not part of a kramdown table is escaped so that cmark-gfm keeps it as paragraph text.
#pragma once

#include "readers/private_use.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/body.h"

namespace blogconv::readers::markdown {

// The only text of the first cell of a stand-in header row (U+E004, private use).
inline constexpr std::string_view headless_marker = private_use::headless_cell;

struct KramdownTable {
    std::vector<ir::Alignment> alignments;        // one per column
    std::size_t head_rows = 0;                    // the first head_rows rows are the header
    std::vector<std::vector<std::string>> rows;   // each cell's Markdown source, trimmed
    std::size_t columns = 0;
};

// kramdown's TABLE_SEP_LINE: only `+|: -` and tabs, with at least one `-`.
bool is_separator_line(std::string_view body);

// kramdown's TABLE_LINE: the line starts with `|` or has a `|` not preceded by a backslash.
bool is_table_line(std::string_view body);

// True for a line cmark-gfm could take as a table's delimiter row (`|---|:-:|`, `--- | ---`).
bool is_gfm_delimiter_row(std::string_view body);

// `body` with its first unescaped `|` escaped, so that cmark-gfm cannot read it as a delimiter row.
std::string escape_delimiter_row(std::string_view body);

// Reads `lines` (a run of table lines, container prefix removed, followed by a block boundary)
// as kramdown does. nullopt when kramdown would not make a table of them (a row whose only pipes
// are inside code, or a header with no body).
std::optional<KramdownTable> read_kramdown_table(const std::vector<std::string_view>& lines);

// The table as GFM rows (without prefix): header, delimiter row, then every other row.
std::vector<std::string> gfm_rows(const KramdownTable& table);

// True when `row` is the stand-in header row that gfm_rows writes for a table without header,
// or a header row without any text.
bool is_headless_row(const ir::TableRow& row);

}  // namespace blogconv::readers::markdown
