// IR blocks -> CommonMark (GFM/Goldmark flavoured) Markdown that a person keeps editing.
//
// The output is what one would write by hand: ATX headings, fenced code (the fence longer than any
// backtick run inside), `-` bullets, `*`/`**` emphasis, GFM tables and task lists, `[^x]`
// footnotes, `Term` / `: definition` lists, and backslash escapes only where a character would
// otherwise change the parse. Written Markdown parsed back gives the same IR (the round-trip test).
//
// Nothing here knows a particular site generator: what differs between targets (how attributes
// are spelled, how math is delimited, how links to other documents and untranslatable nodes are
// written, which text must be protected from a template engine) comes in through options.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/body.h"

namespace blogconv::writers {

// How Attr (ids, classes, key/values) on blocks is written.
enum class AttributeSyntax {
    // Goldmark/Hugo: `## Title {#id .class}` on headings, `{.class #id}` on a line of its own
    // after other blocks (Hugo's `markup.goldmark.parser.attribute.block`).
    goldmark,
    // kramdown: `## Title {#id}` and `{: .class #id}` on the line after a block.
    kramdown,
    // Attributes are dropped (they are still counted in CommonMarkReport::dropped_attributes).
    none,
};

// How Math nodes are delimited.
enum class MathSyntax {
    // kramdown: `$$tex$$` inline, `$$` lines around display math; the TeX written verbatim.
    dollars,
    // For a Markdown renderer without a math extension whose HTML is typeset by MathJax/KaTeX:
    // `\\(tex\\)` inline and `$$` lines around display math, with every Markdown-special
    // character in the TeX backslash-escaped so the HTML carries the TeX byte for byte.
    latex,
};

// A node the writer could not express and handed to CommonMarkOptions::unsupported.
struct UnsupportedNode {
    std::string kind;  // UnsupportedBlock/UnsupportedInline::kind, or "raw-<format>"
    std::string text;  // the original text
    ir::SourcePos pos; // where it stood in the source (0 = unknown)
};

// What a run of the writer met, for reports.
struct CommonMarkReport {
    std::vector<UnsupportedNode> unsupported;
    bool used_block_attributes = false;    // an attribute line after a non-heading block was written
    bool used_heading_attributes = false;  // `{#id …}` after a heading was written
    int dropped_attributes = 0;            // attributes Markdown cannot carry (inline code, …)
};

struct CommonMarkOptions {
    AttributeSyntax attributes = AttributeSyntax::goldmark;
    MathSyntax math = MathSyntax::dollars;
    // The heading id the target renderer would generate by itself for this heading text; when it
    // equals the IR's id no `{#id}` is written (clean Markdown). Unset: every id is written.
    std::function<std::string(const ir::Inlines&)> implicit_heading_id;
    // The destination to write for a link to another document (Link::target_document not empty),
    // verbatim (not escaped). Return "" to write Link::url as usual.
    std::function<std::string(const ir::Link&)> document_link;
    // Image URL rewriting (e.g. to a page bundle's local file). Unset: the IR's URL.
    std::function<std::string(const std::string&)> image_url;
    // What to write for an UnsupportedBlock/UnsupportedInline or a raw node of a format other than
    // "html" (`block` tells which). Unset: an HTML comment naming the kind, with `{%`/`{{` broken
    // up so no template engine reads it. Every such node is also listed in the report.
    std::function<std::string(const UnsupportedNode&, bool block)> unsupported;
    // Applied to every piece of literal text written (text, code, raw HTML, URLs), after Markdown
    // escaping: lets a target neutralise its own template syntax (Hugo's `{{<`). Unset: identity.
    std::function<std::string(std::string_view)> protect_literal;
    // Extra `{key=value}` attributes for fenced code (Hugo's `{linenos=table}` for
    // CodeBlock::line_numbers and CodeBlock::options). Off: only the language is written.
    bool code_block_attributes = false;
};

// The blocks as Markdown, blocks separated by one blank line, ending with one newline unless empty.
std::string write_commonmark(const ir::Blocks& blocks, const CommonMarkOptions& options = {},
                             CommonMarkReport* report = nullptr);
// Inlines as Markdown (one paragraph's content).
std::string write_commonmark_inlines(const ir::Inlines& inlines, const CommonMarkOptions& options = {},
                                     CommonMarkReport* report = nullptr);

// GitHub's heading-id algorithm as Goldmark's `autoHeadingIDType = "github"` applies it, for
// ASCII text: lower-cased, characters other than letters, digits, `-`, `_` and spaces removed,
// spaces turned into `-`. Returns "" for text with non-ASCII characters (the caller then writes
// the id explicitly rather than guess).
std::string github_heading_id(const ir::Inlines& text);

}  // namespace blogconv::writers
