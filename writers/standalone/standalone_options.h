// Options of the standalone HTML writer (`--to html`, `--to html-split`). Every default is here.
#pragma once

#include <vector>

#include "writers/option_spec.h"

#include <cstdint>
#include <string>

#include "writers/resources.h"

namespace blogconv::writers {

// Which colour scheme the page uses.
enum class StandaloneTheme {
    automatic,  // light, or dark when the reader's system asks for it (prefers-color-scheme)
    light,      // always light
    dark,       // always dark
};

struct StandaloneOptions {
    // Write only this one document, alone on the page (`--single`): matched against a document's
    // source path ("_posts/2024-03-12-x.md"), its slug ("x") or its URL ("/2024/03/12/x/"). "" =
    // the whole blog. A name that matches nothing is an error and nothing is written.
    std::string single;
    // Write a folder instead of one file: `index.html` (cover, contents, tag index) and
    // `posts/<slug>.html` for each post, linked by relative URLs. The `html-split` format sets it.
    bool split = false;
    // A stylesheet of the user's (the contents of `--css FILE`, not its path: writers never open
    // files), added after the built-in one or replacing it (css_mode). "" = the built-in
    // stylesheet alone. It is inlined either way.
    std::string css;
    CssMode css_mode = CssMode::extend;
    // The author named on the cover instead of the site's authors (`--author`). "" = the site's.
    std::string author;
    // The page's language (BCP 47, `<html lang>`) instead of the site's `lang` (`--lang`). "" =
    // the site's, else "en".
    std::string lang;
    // A page template (the contents of `--template FILE`; syntax in docs/html-template.md). "" =
    // the built-in template.
    std::string template_text;
    // The colour scheme. See StandaloneTheme.
    StandaloneTheme theme = StandaloneTheme::automatic;
    // Colour code blocks at build time (writers/highlight). Off: plain code.
    bool highlight = true;
    // Every document of the site, not only posts: pages and collection documents too. Off: posts
    // only (documents of the "posts" collection), unless the site has no posts at all.
    bool all_documents = false;
    // Posts oldest first. Off: newest first, as a blog's front page lists them.
    bool oldest_first = false;
    // The page title and cover heading instead of the site's `title`. "" = the site's (or
    // "Blog" when it has none).
    std::string title;
    // The most bytes of images embedded into the page, or into the split folder's pages together
    // (`--max-embedded-bytes`, see EmbedBudget): images past it are shown as their alt text, with
    // one warning.
    std::uint64_t max_embedded_bytes = default_max_embedded_bytes;
};

// The standalone HTML writer's command-line options (writers/option_spec.h).
const std::vector<OptionSpec<StandaloneOptions>>& standalone_option_table();

}  // namespace blogconv::writers
