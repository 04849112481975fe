// Options of the EPUB writer (`--to epub`). Every default lives here, as a member initialiser.
//
// The writer never reads the clock or the environment: the CLI turns SOURCE_DATE_EPOCH into
// `modified` and reads a --css file into `css`, so the same input always gives the same bytes.
#pragma once

#include <vector>

#include "writers/option_spec.h"

#include <cstdint>
#include <optional>
#include <string>

#include "writers/resources.h"

namespace blogconv::writers {

// Which post comes first in the book.
enum class EpubOrder {
    oldest,  // a book reads forward: the first post is the first chapter (the default)
    newest,  // the newest post first, as the blog's front page shows them
};

// What `EpubOptions::css` does with the built-in stylesheet.
using EpubCssMode = CssMode;

struct EpubOptions {
    // The book's title; "" = the site's title (or "Untitled" when the site has none).
    std::string title;
    // The book's author (dc:creator); "" = the site's authors, else the posts' authors.
    std::string author;
    // The book's language (BCP 47, e.g. "en", "ar"); "" = the site's `lang`, else "en".
    std::string lang;
    // A cover image file (PNG, JPEG, GIF or SVG). A relative path is taken relative to the current
    // folder, as the user typed it. "" = the config's `cover` (or `image`) when it names a local
    // image under the site root; else no cover.
    std::string cover_image;
    // Extra or replacement CSS text (the contents of --css FILE, read by the CLI); see css_mode.
    std::string css;
    EpubCssMode css_mode = EpubCssMode::extend;
    EpubOrder order = EpubOrder::oldest;
    // How deep the table of contents goes: 1 = one entry per post; 2 = also the post's top
    // headings; 3 = the level below those too; and so on (at most 6).
    int toc_depth = 1;
    // From this many posts on, the table of contents groups posts by year (when they span more
    // than one year). 0 = never group.
    int group_by_year_from = 25;
    // dc:identifier; "" = `urn:uuid:` with a UUID derived from the site's URL and the book's title, so
    // a rebuild keeps its identity and a reading app keeps its place.
    std::string identifier;
    // Where the site's images are read (the registry passes WriterOptions::resources). nullptr =
    // a FolderResources for `site_root`, else for Site::root; when both are empty, local images
    // cannot be found and are shown as their alt text (with a warning).
    const ResourceReader* resources = nullptr;
    std::string site_root;
    // dcterms:modified as seconds since the epoch (the CLI passes SOURCE_DATE_EPOCH here). Unset:
    // the newest post's date (last_modified_at when later), else Site::time.
    std::optional<std::int64_t> modified;
    // Threads for building chapters (0 = one per core); the book is the same for any number.
    unsigned jobs = 0;
    // The most bytes of images the book embeds, the cover included (`--max-embedded-bytes`, see
    // EmbedBudget): images past it are shown as their alt text, with one warning.
    std::uint64_t max_embedded_bytes = default_max_embedded_bytes;
};

// The EPUB writer's command-line options (writers/option_spec.h).
const std::vector<OptionSpec<EpubOptions>>& epub_option_table();

}  // namespace blogconv::writers
