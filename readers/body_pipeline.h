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
#include "readers/limits.h"
#include "readers/link_resolver.h"
#include "readers/plugins/body_plugins.h"

namespace blogconv::ir {
class GuardedReader;
}

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
    // The site's files, for `{% include %}` (`_includes/`) and `{% include_relative %}`: every
    // read goes through the guarded reader, so an include can never reach outside the site.
    // nullptr when there is no site (loose posts): includes are then reported as not found.
    const ir::GuardedReader* files = nullptr;
    std::string folder;               // the document's folder relative to the site root ("" at the top)
    Limits limits;                    // an included file gets the checks and budgets of a post
    bool render_liquid = true;        // false for `render_with_liquid: false`
    bool markdown = true;             // false for .html documents: the body is raw HTML
    MarkdownInput input = MarkdownInput::kramdown;
    bool auto_ids = true;             // kramdown's auto_ids option
    std::string excerpt_separator = "\n\n";
    BodyPlugins plugins;              // what the site's plugins do to this body (readers/plugins/)
};

struct RenderedBody {
    ir::Blocks body;
    ir::Blocks excerpt;  // the part before excerpt_separator, parsed on its own as Jekyll does
};

RenderedBody render_body(std::string_view text, const BodyContext& context, std::vector<ir::Diagnostic>& diagnostics);

}  // namespace blogconv::readers
