// Paths inside a Jekyll site, as strings: joining them, and Jekyll's rules for which entries are
// never read (EntryFilter, `exclude:`, the default exclusions) and which files can be documents.
//
// Pure: nothing here touches the disk, so every rule is tested from strings
// (tests/unit/document_steps_test.cpp). Paths are '/'-separated and relative to the site root
// (or to the folder being walked) unless a function says otherwise.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace blogconv::readers {

// `a/b`, or `b` alone when `a` is empty.
std::string join_rel(const std::string& a, const std::string& b);

// A site-relative path as the user would type it: `root/rel`, or `rel` when the root is "" or ".".
std::string display_join(const std::string& root, const std::string& rel);

// A path the guarded reader takes (ir/guarded_reader.h): `file` relative to `root`, or `file` as
// given when the root is "" (loose files named on the command line).
std::string path_in_root(const std::filesystem::path& file, const std::filesystem::path& root);

// `text` with A-Z lowered (file extensions compare without case).
std::string ascii_lower(std::string text);

// Whether the file name ends in an extension a document can have (`.md`, `.markdown`, `.mkd`,
// `.mkdn`, `.mdown`, `.html`; any case). Other files with front matter are Liquid-processed
// static files (feed.xml, style.scss).
bool has_document_extension(const std::filesystem::path& file);

// Jekyll's EntryFilter#special? and #backup?: `.`, `_`, `#` or `~` at the start of `entry` or of
// its base name, or `~` or `.` at its end.
bool filtered_entry(const std::string& entry);

// Whether any '/'-separated segment of `rel` is one filtered_entry refuses.
bool filtered_path(const std::string& rel);

// Whether `rel` is, or lies below, one of the folders and files Jekyll 4 excludes by default
// (node_modules, vendor/bundle, Gemfile, …) besides `_`- and `.`-prefixed entries.
bool default_excluded(const std::string& rel);

// Whether `rel` is, or lies below, one of the `exclude:` patterns of _config.yml (trailing
// slashes ignored; an empty pattern excludes nothing).
bool excluded(const std::vector<std::string>& exclude, const std::string& rel);

}  // namespace blogconv::readers
