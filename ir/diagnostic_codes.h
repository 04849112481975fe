// Every kind of diagnostic has a stable code, printed after the message as GCC prints its warning
// options (`… is never closed; add '{% endif %}' [BC1201]`) and given as "code" by
// `blogconv check --format json`. Tests and scripts match codes, not wording, so a message can be
// improved without breaking anyone. A number is never reused for another meaning. Each is listed
// for users in docs/diagnostics.md (check_test keeps the two in step).
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
    // The site, its files and its configuration.
    config_unreadable = 1001,          // _config.yml refused (a link outside, a FIFO, …): defaults used
    unknown_timezone = 1002,           // `timezone:` no zone database knows: UTC used
    no_such_source = 1003,             // a path on the command line that is not there
    file_unreadable = 1004,            // a document's file refused or unreadable: skipped
    special_file = 1005,               // a FIFO or device among the site's files: never opened
    folder_link_outside = 1006,        // a link to a folder outside the site (or a loop): not read
    data_file_unreadable = 1007,       // a _data file refused: site.data.KEY left empty
    shared_permalink = 1008,           // two documents at one URL
    render_failed = 1009,              // the body could not be rendered at all
    file_utf16 = 1010,                 // UTF-16 or UTF-32 text: convert it to UTF-8
    file_binary = 1011,                // a NUL byte: not text
    file_invalid_utf8 = 1012,          // bytes that are not UTF-8

    // Front matter and YAML.
    yaml_invalid = 1101,               // YAML that does not parse (front matter or a _data file)
    front_matter_not_mapping = 1102,   // front matter that is a list or a scalar
    date_invalid = 1103,               // `date:` or the file name's date is no date
    date_out_of_range = 1104,          // a year outside what a feed or a book can carry
    last_modified_invalid = 1105,      // `last_modified_at:` is no date
    permalink_invalid = 1106,          // a permalink template that cannot be filled
    permalink_leaves_root = 1107,      // a permalink that climbs above the site with `..`

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

    // Limits on hostile input (each names its --max-… flag).
    limit_file_size = 1401,            // --max-file-size
    limit_line_length = 1402,          // --max-line-length
    limit_nesting = 1403,              // --max-nesting (markup, quotes, lists)
    limit_footnotes = 1404,            // --max-footnotes
    limit_yaml_nodes = 1405,           // --max-yaml-nodes (aliases of aliases)
    limit_yaml_depth = 1406,           // YAML nested past what any site needs

    // Every writer: the files a document refers to.
    image_not_embedded = 2001,         // missing, of a type the output cannot hold, or no file named
    file_outside_site = 2002,          // an image or file outside the site: refused
    remote_content = 2003,             // a remote image, script or frame is linked, not embedded
    embed_budget = 2004,               // --max-embedded-bytes reached
    html_removed = 2005,               // the sanitizer took elements out of a post's HTML
    file_not_copied = 2006,            // a static file the output could not take
    same_output_path = 2007,           // two documents would be one output file
    no_resources = 2008,               // the writer was given no way to read the site's files

    // Feeds.
    feed_needs_absolute_url = 2101,    // no `url:` and no --site-url

    // EPUB.
    epub_cover_unused = 2201,          // the cover image could not be used
    epub_malformed_xhtml = 2202,       // internal: a chapter's XHTML did not parse

    // Standalone HTML.
    html_single_not_found = 2301,      // --single names no document
    html_dangling_anchor = 2302,       // a link to #id with no target on the page
    html_template_problem = 2303,      // --template that does not fit

    // Markdown.
    markdown_unrepresentable = 2501,   // what CommonMark cannot express, kept as an HTML comment
    front_matter_null_dropped = 2502,  // TOML front matter has no null: those keys are left out
};

// "BC1203" for a code.
std::string code_name(DiagnosticCode code);

}  // namespace blogconv::ir
