// ir::Value trees as TOML, YAML or JSON, in key order: the front matter of every writer of Markdown
// files (Hugo, portable Markdown), and Hugo's hugo.toml and data/. Nothing in it is Hugo's.
//
// Values are written as they are; the only extra type is the date-time, which TOML and YAML
// write unquoted (a native date) and JSON as a string. TOML has no null: null values are left out
// and listed, so that the writer can say which keys its output lost.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "ir/value.h"
#include "writers/front_matter/format.h"

namespace blogconv::writers {

struct SerializeOptions {
    FrontMatterFormat format = FrontMatterFormat::toml;
    // Top-level keys whose string value is an RFC 3339 date-time, written as a native date.
    std::set<std::string> datetime_keys;
};

// The null values TOML could not hold, in the order written, each as the path of its key in the
// mapping: "subtitle", "share.x" (a key of a nested mapping), "links[1]" (an element of a list,
// counted from 0). YAML and JSON write null and drop nothing.
using DroppedNulls = std::vector<std::string>;

// The mapping `object` as a document in the chosen format (without front matter delimiters),
// ending with a newline. `dropped_nulls` (optional) receives the values TOML could not hold.
std::string serialize_mapping(const ir::Object& object, const SerializeOptions& options,
                              DroppedNulls* dropped_nulls = nullptr);

// A serialized value fenced as front matter: `+++ … +++`, `--- … ---` or the bare JSON object,
// each followed by a newline.
std::string front_matter_block(const ir::Object& object, const SerializeOptions& options,
                               DroppedNulls* dropped_nulls = nullptr);

// What a writer reports for a document whose front matter lost `dropped` (not empty), so that
// every writer says it the same way: "TOML has no null; dropped front-matter keys: subtitle, share.x".
std::string dropped_nulls_message(const DroppedNulls& dropped);

// A TOML key: bare when it can be, else a quoted string.
std::string toml_key(const std::string& key);

}  // namespace blogconv::writers
