// Jekyll's front matter `defaults:` (FrontmatterDefaults): which sets of _config.yml apply to a
// document, and how their values merge with each other and with its own front matter.
//
// A set applies when its scope `path` is a prefix of the document's relative path (a `*` in it
// matches within one folder name, as Dir.glob would) and its scope `type`, if any, is the type
// the caller passes (the site reader passes the collection label, "" for pages). Later and more
// specific sets win.
// Pure: tested from strings in tests/unit/document_steps_test.cpp.
#pragma once

#include <string>
#include <string_view>

#include "ir/value.h"
#include "readers/site_config.h"

namespace blogconv::readers {

// Utils.deep_merge_hashes!: the keys of `overwrite` are set in `target`; nested mappings merge
// key by key, and a null new value keeps the old one. A `target` that is not a mapping becomes
// one; an `overwrite` that is not a mapping changes nothing.
void deep_merge(ir::Value& target, const ir::Value& overwrite);

// FrontmatterDefaults#all: the merged values of every `defaults:` set of `config` whose scope
// takes the document at `relative_path` (Jekyll's, relative to collections_dir) of collection
// `type`. A mapping (empty when no set applies).
ir::Value front_matter_defaults(const SiteConfig& config, const std::string& relative_path, const std::string& type);

// Whether `path` starts with what the scope `pattern` matches, `*` standing for any run of
// characters but '/'; the pattern's last segment need only match the start of the path's
// segment (Jekyll globs `pattern` and tests path prefixes).
bool scope_glob_matches(std::string_view pattern, std::string_view path);

}  // namespace blogconv::readers
