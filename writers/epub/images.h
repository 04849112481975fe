// Images the posts use, embedded in the book once each.
//
// A book must not phone home and must not carry files from outside the site, so every image URL
// is classified: a local file under the site root is embedded (media type by its magic bytes);
// a remote URL, a missing file, a type EPUB readers need not support, and a path that leaves
// the site root are not, and the caller shows the alt text instead.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic_codes.h"
#include "writers/epub/book.h"
#include "writers/resources.h"

namespace blogconv::writers::epub {

// The EPUB media type of an image from its first bytes: image/png, image/jpeg, image/gif,
// image/svg+xml, image/webp; "" when it is none of these.
std::string sniff_media_type(std::string_view bytes);

// What became of one image URL.
struct ImageLookup {
    enum class Kind {
        embedded,     // `href` is the path to use in the chapter
        remote,       // on another host: link to it instead
        missing,      // a local path with no file behind it
        refused,      // leaves the site root (an error, not just a warning)
        unsupported,  // a file of a type a reading system need not show
        data,         // a data: URL, which the book cannot declare in its manifest
        over_budget,  // would take the book past its EmbedBudget (reported once, by the writer)
    };
    Kind kind = Kind::missing;
    std::string href;     // embedded: the path inside the package folder
    std::string message;  // why it was not embedded (for the diagnostic)
};

// The diagnostic code for an image that was not embedded.
ir::DiagnosticCode diagnostic_code(ImageLookup::Kind kind);

// Finds, reads and numbers the images; each file is embedded once however often it is used.
class ImageStore {
public:
    // `reader` gives the site's files (nullptr = none: every local image is missing); `site_url`
    // and `baseurl` recognise the site's own absolute URLs as local paths.
    // `budget` (nullptr = none) is charged for every image embedded.
    ImageStore(const ResourceReader* reader, std::string site_url, std::string baseurl, EmbedBudget* budget = nullptr);

    // Resolves `url` as written in the document at `source_path` (relative to the root) whose
    // permalink is `permalink`.
    ImageLookup resolve(const std::string& url, const std::string& source_path, const std::string& permalink);
    // Embeds a file the user named on the command line (the cover), refusing files whose type
    // is not an image.
    ImageLookup add_file(const std::filesystem::path& file, const std::string& properties);
    // Embeds a file of the site (a cover named in _config.yml), `site_path` relative to the root.
    ImageLookup add_site_file(const std::string& site_path, const std::string& properties);

    // The embedded images, in the order first used.
    std::vector<Resource> take_resources() { return std::move(resources_); }

private:
    ImageLookup embed(const std::string& key, std::string bytes, const std::string& name,
                      const std::string& properties);

    const ResourceReader* reader_;
    EmbedBudget* budget_;
    std::string site_url_;
    std::string baseurl_;
    std::map<std::string, ImageLookup> by_path_;  // site path (or file path) -> result
    std::vector<Resource> resources_;
};

}  // namespace blogconv::writers::epub
