// The kramdown post-pass: IR -> IR after the cmark walk.
//
// Attaches IALs and header ids (markers left by the pre-pass) to their blocks and inlines,
// builds definition lists (from the list items definition_lists.h rewrote them into, and inside
// quotes and list items from `term` / `: definition` paragraphs), splices placeholder blocks,
// generates heading ids as kramdown (or its GFM parser) does, and expands `{:toc}`.
#pragma once

#include <string_view>
#include <vector>

#include "ir/body.h"
#include "readers/markdown/kramdown_prepass.h"
#include "readers/markdown/markdown.h"
#include "readers/placeholders.h"

namespace blogconv::readers::markdown {

// The walk stores a heading's raw source text (kramdown ids are made from it) under this private
// attribute key; the post-pass removes it.
inline constexpr std::string_view raw_text_key = "\x01raw";

void kramdown_postpass(ir::Blocks& blocks, const std::vector<Marker>& markers, const Placeholders& placeholders,
                       const MarkdownOptions& options);

}  // namespace blogconv::readers::markdown
