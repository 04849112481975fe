// Liquid's third pass: the template AST rendered to Markdown text.
//
// Variables resolve through the for-loop and include scopes, then `assign`ed names, then `site`
// and `page` from the BodyContext. What cannot be text (a highlight block, a plugin tag, a missing
// include, a link to nowhere) goes into the Placeholders and its token into the text.
#pragma once

#include <string>
#include <vector>

#include "readers/body_pipeline.h"
#include "readers/liquid/template_ast.h"
#include "readers/placeholders.h"

namespace blogconv::readers::liquid {

// Renders `nodes`. Problems are reported in template coordinates.
std::string evaluate(const Nodes& nodes, const BodyContext& context, Placeholders& placeholders,
                     std::vector<Problem>& problems);

}  // namespace blogconv::readers::liquid
