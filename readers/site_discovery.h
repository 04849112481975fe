// Finding a Jekyll site's files on disk: which folder the command line names, its _config.yml,
// the posts, drafts and collection documents, the pages and static files, and `_data/`.
//
// This is the only part of the site reader that walks folders, and every file it reads goes
// through the site's ir::GuardedReader (nothing outside the site root, no FIFOs). What it finds
// is handed on as strings (DocumentSource, readers/document_builder.h); the rules it applies to
// names are readers/site_paths.h's, tested from strings.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/guarded_reader.h"
#include "ir/site.h"
#include "ir/value.h"
#include "readers/document_builder.h"
#include "readers/limits.h"
#include "readers/site_config.h"

namespace blogconv::readers {

// A file that may become a document, before it is read.
struct Candidate {
    std::filesystem::path file;  // to open (inside the site root, or as given for loose files)
    DocumentSource source;
};

// What the command line's sources name, and the configuration that goes with it.
struct SiteInput {
    // The site root on disk; "" when post files were named one by one.
    std::filesystem::path root;
    // The root as the user typed it (no trailing slash), for diagnostics.
    std::string display_root;
    // _config.yml of the site (the defaults when there is none or it cannot be read).
    SiteConfig config;
    // A site's `_posts` folder was named: read its posts only (no drafts, no collections).
    bool posts_only = false;
    // Documents named directly (post files, or every document file of a plain folder of posts);
    // empty when the site is to be walked.
    std::vector<Candidate> named;
};

// Decides what `sources` are: one site root (a folder with _config.yml or _posts/), a site's
// `_posts` folder, a plain folder of posts, or post files (a file in some site's `_posts` takes
// that site's _config.yml). A source that does not exist is reported.
SiteInput locate_site(const std::vector<std::string>& sources, const Limits& limits,
                      std::vector<ir::Diagnostic>& diagnostics);

// The site's folder on disk. Its root is resolved (links followed) once, here, for every "is this
// inside the site" question of the walk.
class SiteFolder {
public:
    // `root` "" reads loose files as they are named.
    SiteFolder(std::filesystem::path root, std::string display_root);
    SiteFolder(const SiteFolder&) = delete;
    SiteFolder& operator=(const SiteFolder&) = delete;

    const std::filesystem::path& root() const { return root_; }
    const std::string& display_root() const { return display_root_; }
    // Every read of a site file: posts, _config.yml, _data/, includes.
    const ir::GuardedReader& files() const { return files_; }

    // Where `path` lies relative to the root once links are resolved; nullopt when outside it (or
    // when either cannot be resolved). A link to /etc/passwd named like a post is outside.
    std::optional<std::filesystem::path> inside(const std::filesystem::path& path) const;

    // Jekyll's Reader#read_directories and collection reading: `_posts` (and with `drafts`,
    // `_drafts`) in every folder of the site that is not filtered out or excluded, then with
    // `collections` each collection's folder, all under collections_dir when that folder exists.
    // Only files with a document extension; not sorted.
    std::vector<Candidate> find_documents(const SiteConfig& config, bool drafts, bool collections) const;

    // Pages (files with front matter and a document extension outside `_` folders) added to
    // `pages`, and static files (everything else Jekyll copies; with front matter but another
    // extension, "processed") added to `statics`, as Jekyll's Reader sorts them. Only the first
    // bytes of each file are read. Links leaving the site are passed over; a FIFO is reported.
    void find_pages_and_static(const SiteConfig& config, const Limits& limits, std::vector<Candidate>& pages,
                               std::vector<ir::StaticFile>& statics, std::vector<ir::Diagnostic>& diagnostics) const;

    // site.data: each file of `_data/` under its base name, folders as nested mappings
    // (readers/data_files.h says how each file is read). A folder link out of the site or back
    // into itself is reported and not entered; an unreadable file leaves its key out.
    ir::Value read_data(const Limits& limits, std::vector<ir::Diagnostic>& diagnostics) const;

private:
    std::filesystem::path root_;
    std::string display_root_;
    std::optional<std::filesystem::path> canonical_root_;
    ir::GuardedReader files_;
};

// The output folder, when it lies inside the site, is not input: each of `skip_paths` (the CLI's
// -o; "" and "-" mean none) inside the site is added to `config.exclude`, and the named documents
// below it are dropped.
void exclude_output_paths(const SiteFolder& folder, const std::vector<std::string>& skip_paths, SiteConfig& config,
                          std::vector<Candidate>& named);

}  // namespace blogconv::readers
