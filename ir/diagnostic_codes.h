// Every kind of diagnostic has a stable code, printed after the message as GCC prints its warning
// options (`… is never closed; add '{% endif %}' [BC1201]`) and given as "code" by
// `blogconv check --format json`. Tests and scripts match codes, not wording, so a message can be
// improved without breaking anyone. A number is never reused for another meaning.
//
//   10xx the site, its files and its configuration    20xx every writer (images, files)
//   11xx front matter and YAML                        21xx feeds      22xx EPUB
//   12xx Liquid and includes                          23xx HTML       24xx Hugo
//   13xx Markdown and kramdown                        25xx Markdown
//   14xx limits on hostile input
#pragma once

#include <cstdint>
#include <string>

namespace blogconv::ir {

enum class DiagnosticCode : std::uint16_t {
    none = 0,  // not yet given a code

    // Liquid and includes.
    liquid_unclosed_block = 1201,      // `{% if %}` … with no `{% endif %}`
    liquid_unexpected_end = 1202,      // `{% endif %}` with no open block
    liquid_unclosed_delimiter = 1203,  // `{{` or `{%` never closed
    liquid_unclosed_raw = 1204,        // `{% raw %}` with no `{% endraw %}`
    liquid_bad_assign = 1205,          // `{% assign %}` that is not `name = value`
    liquid_partly_parsed = 1206,       // a condition, loop or expression parsed only in part
    liquid_branch_after_else = 1207,   // `{% elsif %}` / `{% else %}` after `{% else %}`
    liquid_bad_highlight = 1208,       // `{% highlight %}` without a language
    liquid_step_limit = 1210,          // --max-liquid-steps
    liquid_byte_limit = 1211,          // --max-liquid-bytes
    liquid_unknown_filter = 1212,      // a filter no one defines (a plugin's?)
    liquid_unknown_tag = 1213,         // a tag or block tag no one defines (a plugin's?)
    liquid_link_outside_site = 1214,   // `{% link %}` to a folder the site does not have
    liquid_link_not_found = 1215,      // `{% post_url %}` / `{% link %}` target missing
    include_bad_name = 1216,           // a name Jekyll's include tag refuses
    include_too_deep = 1217,           // includes nested past the limit
    include_not_found = 1218,          // no such include (kept as an unsupported node)
    include_unreadable = 1219,         // found but refused (outside the site, a FIFO, too large, …)
    include_invalid = 1220,            // an included file fails the checks a post gets
};

// "BC1203" for a code, "" for DiagnosticCode::none.
std::string code_name(DiagnosticCode code);

}  // namespace blogconv::ir
