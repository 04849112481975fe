// YAML (front matter, _config.yml) into ir::Value, typed the way Jekyll's Psych types it.
//
// yaml-cpp only parses; the typing of plain scalars follows Psych (YAML 1.1): `yes`/`on`/`true`
// are booleans, `~`/`null`/empty are null, `1_000` and `0x1F` are integers, `.inf` is a float.
// Quoted scalars always stay strings. Psych reads timestamps as Time and Date objects; ir::Value
// has no date type, so they stay strings and the caller learns which top-level keys held a plain
// timestamp (a zoneless one is UTC, while the same text quoted is local time to Jekyll).
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "ir/diagnostic.h"
#include "ir/value.h"

namespace blogconv::readers {

struct YamlResult {
    // The document; null when the text is empty or holds only comments.
    ir::Value value;
    // Top-level mapping keys whose value was an unquoted YAML timestamp or date.
    std::set<std::string> plain_timestamp_keys;
    // Set when the text is not valid YAML; `value` is then null.
    std::optional<ir::Diagnostic> error;
};

// Parses `text`. `path` names the file in the error; `first_line` is the file's line number of
// the text's first line (yaml-cpp counts lines from 0). A document that expands to more than
// `max_nodes` nodes (every use of an alias counted again: a "billion laughs") is an error.
YamlResult parse_yaml(std::string_view text, const std::string& path, int first_line = 1,
                      std::size_t max_nodes = 100'000);

// Psych's typing of one plain (unquoted) scalar.
ir::Value resolve_plain_scalar(const std::string& text);

// Whether a plain scalar is a YAML 1.1 timestamp (`2014-10-1 12:00:00 -0800`) or date
// (`2014-10-01`), which Psych turns into Time or Date.
bool is_yaml_timestamp(std::string_view text);

}  // namespace blogconv::readers
