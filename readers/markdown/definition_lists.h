// kramdown's definition lists, as cmark-gfm can read them.
//
// kramdown (parser/kramdown/list.rb, parse_definition_list) makes a definition list where a
// `: definition` line follows a paragraph, and parses each definition's text, taken out of its
// indentation as for a list item, as blocks of their own: paragraphs, code, lists, quotes,
// headings, other definition lists. cmark-gfm knows none of it, so before the kramdown pre-pass
// this step rewrites each definition into a bullet list item holding that same text (re-indented
// for cmark) under a first paragraph that is only `definition_sentinel`. The post-pass then turns
// the paragraph of terms and that list into an ir::DefinitionList.
#pragma once

#include "readers/private_use.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/body.h"

namespace blogconv::readers::markdown {

// The whole text of the first paragraph of each rewritten definition (U+E010, private use).
inline constexpr std::string_view definition_sentinel = private_use::definition_sentinel;

struct DefinitionListText {
    std::string text;
    // source_line[i] is the 0-based line of the input that output line i comes from.
    std::vector<std::size_t> source_line;
};

// The text with every top-level definition list rewritten, or nothing when it has none (the
// common case, which then costs one scan). Definition lists nested in quotes or list items are
// left to the post-pass's paragraph rule. `gfm`: kramdown's GFM parser, whose headings want a
// space after the hashes.
std::optional<DefinitionListText> rewrite_definition_lists(std::string_view text, bool gfm);

// kramdown's LIST_ITEM_IAL: the length of the `{:…}` (with the white space around it) that starts
// `s`, or 0. It sets a term's or a definition's attributes instead of showing.
std::size_t item_ial_length(std::string_view s);

// A list made by rewrite_definition_lists: every item starts with the sentinel paragraph.
bool is_definition_items(const ir::Block& b);

// Folds each such list, with the paragraph of terms before it, into a DefinitionList, and
// merges definition lists that follow each other as kramdown does.
void fold_definition_lists(ir::Blocks& bs);

}  // namespace blogconv::readers::markdown
