// Liquid, as Jekyll runs it over a document before Markdown.
//
// The output is Markdown text for parse_markdown. What Liquid makes that is already a node (a
// `{% highlight %}` code block, a plugin tag we do not have, a missing include) goes into
// `placeholders` and a token takes its place in the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.h"
#include "readers/body_pipeline.h"
#include "readers/placeholders.h"

namespace blogconv::readers {

std::string render_liquid(std::string_view text, const BodyContext& context, Placeholders& placeholders,
                          std::vector<ir::Diagnostic>& diagnostics);

}  // namespace blogconv::readers
