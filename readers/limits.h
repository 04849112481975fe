// Limits on hostile or broken input, and the cheap checks that enforce them before parsing.
//
// The parsers behind the reader (yaml-cpp, the Liquid parser, cmark-gfm and the recursive IR
// walks in every writer) trust their input's shape. A post copied from the internet can be a
// "billion laughs" YAML document, 10,000 nested block quotes or a binary file named `.md`. These
// checks run on the raw bytes first, so that one such post gets a diagnostic and is skipped and
// the rest of the site converts. Every default is here; docs/robustness.md lists them with the
// CLI flag that changes each.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.h"

namespace blogconv::readers {

struct Limits {
    // Largest input file read, in bytes (--max-file-size). The site reader checks the file's
    // size before reading it; check_file_text checks the text it is given.
    std::size_t max_file_size = 16 * 1024 * 1024;
    // Most YAML nodes one front matter (or data file) may expand to, counting every use of an
    // alias again (--max-yaml-nodes). yaml-cpp shares aliased nodes while parsing, but walking
    // them copies each use, so nine aliases of nine aliases would otherwise fill the memory.
    std::size_t max_yaml_nodes = 100'000;
    // Deepest nesting of block quotes and list items a body may have, as estimated line by line
    // (--max-nesting). The IR and every writer walk nested blocks recursively; well past this
    // depth the stack overflows. Real posts rarely nest beyond 10.
    int max_nesting = 100;
    // Longest line, in bytes (--max-line-length). Long lines are legal (inline base64 images,
    // minified HTML), but the inline parsers are slower than linear on some of them.
    std::size_t max_line_length = 1024 * 1024;
    // Most footnote definitions in one body (--max-footnotes).
    std::size_t max_footnotes = 10'000;
    // Liquid work for one document (--max-liquid-steps): every node rendered, every loop
    // iteration (an empty loop body too) and every element of a range `(a..b)` counts one step.
    // Nested loops multiply: three loops over (1..1000) are a billion steps. A page that lists
    // 5,000 posts with a dozen tags each stays far below.
    std::size_t max_liquid_steps = 2'000'000;
    // Bytes Liquid may make for one document (--max-liquid-bytes): the output, and, added up,
    // every string and array a filter, `capture`, range or include makes. `append` doubling a
    // value, or `split: ""` over a long string, would otherwise fill the memory while the
    // output stays small. Two documents render at once with -j2, so the process stays well
    // under 1 GiB.
    std::size_t max_liquid_bytes = 128 * 1024 * 1024;
};

// Checks the bytes of one document file before anything parses it: size, a UTF-16/UTF-32 byte
// order mark (refused with a hint to convert), NUL bytes (a binary file), invalid UTF-8
// (refused, not repaired: Jekyll itself stops on it, and replacing bytes silently would change
// the post) and line length. On failure adds one error to `diagnostics` (the post is then
// skipped) and returns false.
bool check_file_text(std::string_view text, const std::string& path, const Limits& limits,
                     std::vector<ir::Diagnostic>& diagnostics);

// Checks a document body (the text after the front matter, before Liquid): nesting depth (block
// quotes and lists per line, and estimate_markup_nesting) and the number of footnote definitions. `first_line` is the file's line number of the body's first
// line. On failure adds one error and returns false.
bool check_body_text(std::string_view body, const std::string& path, int first_line, const Limits& limits,
                     std::vector<ir::Diagnostic>& diagnostics);

// The deepest nesting the body's markup reaches outside block quotes and lists, found by one
// linear scan: Liquid block tags (`{% if %}` … `{% endif %}`), parentheses inside `{{ }}` and
// `{% %}`, and HTML elements (void elements and those whose end tag is optional, such as <p>
// and <li>, are not counted). `offset` is where the deepest point is.
struct MarkupNesting {
    int depth = 0;
    std::size_t offset = 0;
    std::string what;  // "Liquid tags", "parentheses" or "HTML elements"
};
MarkupNesting estimate_markup_nesting(std::string_view body);

// The nesting estimate check_body_text uses for one line: how many block quote markers and
// list markers open it (a marker indented by more than the previous level's content counts as
// nested too). Exposed for tests.
int estimate_line_nesting(std::string_view line);

}  // namespace blogconv::readers
