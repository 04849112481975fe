// One document body, from source text to IR: Liquid first, then Markdown, as Jekyll does.
//
// The site reader calls this once per document (in parallel); it knows nothing of files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ir/body.h"
#include "ir/diagnostic.h"
#include "ir/value.h"
#include "readers/link_resolver.h"

namespace blogconv::readers {

// Which Markdown dialect the site's `markdown:`/`kramdown.input` asks for. It decides, among
// other things, how heading ids are generated.
enum class MarkdownInput { kramdown, gfm };

struct BodyContext {
    std::string path;                 // the file, for diagnostics
    int first_line = 1;               // the file's line number of the body's first line
    const ir::Value* site = nullptr;  // Liquid's `site` (config keys plus computed ones)
    const ir::Value* page = nullptr;  // Liquid's `page` (front matter plus url, date, …)
    const LinkResolver* links = nullptr;
    std::string site_root;            // for include lookups; "" when none
    bool render_liquid = true;        // false for `render_with_liquid: false`
    bool markdown = true;             // false for .html documents: the body is raw HTML
    MarkdownInput input = MarkdownInput::kramdown;
    bool auto_ids = true;             // kramdown's auto_ids option
    std::string excerpt_separator = "\n\n";
};

struct RenderedBody {
    ir::Blocks body;
    ir::Blocks excerpt;  // the part before excerpt_separator, parsed on its own as Jekyll does
};

RenderedBody render_body(std::string_view text, const BodyContext& context, std::vector<ir::Diagnostic>& diagnostics);

}  // namespace blogconv::readers
