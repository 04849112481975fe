// The site as a folder of portable Markdown (`--to markdown`): for people moving from Jekyll to
// Eleventy, Astro, Zola or any tool that reads CommonMark with front matter.
//
// Each document becomes one CommonMark file with Liquid already executed and kramdown's own
// syntax resolved (IALs, `{::}` extensions, typographic quotes are in the text): what Jekyll
// rendered, as Markdown a person keeps editing. Its path is the source path with the leading `_`
// of `_posts/`, `_drafts/` and collection folders dropped and the extension made `.md`. Front
// matter keeps every key the author wrote and states what Jekyll computed: `title`, `date`
// (RFC 3339), `tags`, `categories`, `permalink` (the URL Jekyll gave it, so links stay valid) and
// `draft: true` for drafts and unpublished documents. The site's static files are copied under
// their own paths, so `/assets/…` links keep working.
#pragma once

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/markdown/markdown_options.h"
#include "writers/resources.h"
#include "writers/sink.h"

namespace blogconv::writers {

// Writes one file per document and per static file into `sink`. Nodes Markdown cannot express
// (a plugin's Liquid tag) are written as HTML comments and reported as warnings with their line.
void write_markdown_site(const ir::Site& site, const MarkdownOptions& options, const ResourceReader* resources,
                         Sink& sink, ir::Diagnostics& diagnostics);

}  // namespace blogconv::writers
