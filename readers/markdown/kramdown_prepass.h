// The kramdown pre-pass: text -> text before cmark-gfm sees it.
//
// cmark-gfm knows nothing of kramdown's extensions, so this pass rewrites them into things cmark
// leaves alone (definition lists first, see definition_lists.h): `$$` math and `{::nomarkdown}` become placeholder tokens (placeholders.h);
// IALs (`{: .x}`), header ids (`{#id}`), `{:toc}` and the end-of-block `^` become markers (U+E002 index U+E003) that the
// post-pass turns back into attributes; `{::comment}`, `{::options}` and ALDs are dropped;
// `markdown="1"` HTML blocks get blank lines so that cmark parses their inside. Fenced and
// indented code and code spans are left untouched.
#pragma once

#include "readers/private_use.h"

#include <string>
#include <string_view>
#include <vector>

#include "ir/body.h"
#include "readers/markdown/abbreviations.h"
#include "readers/body_pipeline.h"
#include "readers/placeholders.h"

namespace blogconv::readers::markdown {

// What a marker in the pre-passed text stands for.
enum class MarkerKind {
    block_ial,  // `{: …}` on a line of its own: attaches to the previous or the next block
    span_ial,   // `{: …}` right after an inline element: attaches to that element
    header_id,  // `{#id}` at the end of a line: the id of the heading it ends (text elsewhere)
    end_of_block,  // `^` on a line of its own: ends the block above (two code blocks, a list) and shows nothing
};

struct Marker {
    MarkerKind kind = MarkerKind::block_ial;
    ir::Attr attr;
    // Names without a `.`/`#`/`=` (ALD references); "toc" asks for a table of contents.
    std::vector<std::string> refs;
    // For block IALs: the line before it was not blank, so it belongs to the block above.
    bool after_block = false;
    std::string original;  // the source text, restored where the marker means nothing
};

// Inline IR stand-in for a marker between the cmark walk and the post-pass: a RawInline with
// this format and the marker's index as text. The post-pass removes every one of them.
inline constexpr std::string_view marker_format = "blogconv-marker";
// Likewise for a block placeholder token met inside inline text (resolved by the post-pass).
inline constexpr std::string_view block_token_format = "blogconv-block";

inline constexpr std::string_view marker_open = private_use::marker_open;
inline constexpr std::string_view marker_close = private_use::marker_close;

struct PrepassResult {
    std::string text;
    // line_map[i] is the 1-based line in the input of output line i+1 (lines may be inserted).
    std::vector<int> line_map;
    std::vector<Marker> markers;
    // Footnote labels as written, in the order cmark-gfm numbers them (its nodes carry only
    // the number).
    std::vector<std::string> footnote_labels;
    // `*[ABBR]: title` definitions (their lines are left blank), for apply_abbreviations.
    Abbreviations abbreviations;
};

struct PrepassOptions {
    MarkdownInput input = MarkdownInput::kramdown;
    bool html_blocks_span_blank_lines = true;  // see MarkdownOptions
};

PrepassResult kramdown_prepass(std::string_view text, const PrepassOptions& options, Placeholders& placeholders);

// Parses the inside of an IAL (between `{:` and `}`): `.a.b #id key="v" key2='v' ref`.
// Returns false when it is not valid IAL syntax.
bool parse_ial(std::string_view inner, ir::Attr& attr, std::vector<std::string>& refs);

}  // namespace blogconv::readers::markdown
