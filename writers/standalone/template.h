// The page template of the standalone HTML writer: a tiny placeholder syntax, documented for users
// in docs/html-template.md.
//
//   {{name}}                 the value of `name` (spaces inside the braces are allowed)
//   {{#name}} … {{/name}}    the part between, only when `name` is not empty
//   {{^name}} … {{/name}}    the part between, only when `name` is empty
//   {{! anything }}          a comment, dropped
//
// Values are HTML the writer made (text values already escaped), inserted as they are. A `{{` that
// does not start one of the forms above is written as it is. No loops, no logic: the writer builds
// lists (contents, posts, tags) itself, so a template only arranges them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace blogconv::writers {

// `tmpl` with its placeholders replaced. An unknown name expands to "" and adds a message to
// `problems` ("unknown placeholder {{x}}; known: …"), as does a section that is never closed.
std::string expand_template(std::string_view tmpl, const std::map<std::string, std::string>& values,
                            std::vector<std::string>& problems);

// The built-in page template. Placeholders: lang, theme, title, css, cover, toc, posts, tag_index,
// nav, generator.
std::string_view default_template();

}  // namespace blogconv::writers
