// Splitting a document into its YAML front matter and its body, exactly where Jekyll splits it.
//
// Jekyll matches `\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)` (Ruby, dot matches newline). The
// closing fence's `\s*$` also swallows blank lines that follow it, so the body can start several
// lines below the fence; `body_first_line` says where, so that Markdown diagnostics point at the
// right line of the file.
#pragma once

#include <string>
#include <string_view>

namespace blogconv::readers {

struct FrontMatterSplit {
    // True when the text opens with a `---` line and a closing `---`/`...` line was found.
    bool has_front_matter = false;
    // The YAML text, including the opening `---` line (YAML reads it as a document start), so
    // that a YAML line number is the file's line number. Empty when there is no front matter.
    std::string yaml;
    // Everything after the closing fence (the whole text when there is no front matter).
    std::string body;
    // The file's 1-based line number of the body's first character.
    int body_first_line = 1;
};

// Removes a leading UTF-8 byte order mark (Jekyll reads files as "bom|utf-8").
std::string_view strip_bom(std::string_view text);

// Splits `text` (BOM already removed). CRLF line ends are accepted, as Jekyll's `\s` accepts CR.
FrontMatterSplit split_front_matter(std::string_view text);

// Jekyll's `has_yaml_header?`: the file's first line is `---` plus optional white space. Only
// such files in a collection folder are documents; others are static files.
bool has_yaml_header(std::string_view text);

}  // namespace blogconv::readers
