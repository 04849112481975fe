// `--to json`: the IR as JSON. The first writer, and the one tests lean on.
//
// The schema is documented in docs/ir-json.md and versioned by `"schema"`: fields are only ever
// added; a removal or change of meaning bumps the version.
#pragma once

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/sink.h"

namespace blogconv::writers {

struct JsonOptions {
    // Indent with this many spaces; -1 writes one compact line.
    int indent = 2;
    // Include each document's body tree (off gives metadata only, for quick listings).
    bool include_body = true;
    // Worker threads for the documents (0 = one per core); the output is the same for any number.
    unsigned jobs = 0;
};

inline constexpr int json_schema_version = 1;

void write_json(const ir::Site& site, const JsonOptions& options, Sink& sink, ir::Diagnostics& diagnostics);

}  // namespace blogconv::writers
