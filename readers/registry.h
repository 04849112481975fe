// The one table that maps input format names to readers (pandoc's Readers.hs), as
// writers/registry.h does for output formats. The CLI's `--from` choices come from it. No
// self-registering static objects.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "readers/reader_options.h"

namespace blogconv::readers {

// Reads `sources` (folders or files, as the command line names them) into a site. Diagnostics
// are collected, never printed.
using ReadFunction = ir::Site (*)(const std::vector<std::string>& sources, const ReaderOptions& options,
                                  ir::Diagnostics& diagnostics);

struct ReaderInfo {
    std::string name;                  // what --from takes
    std::vector<std::string> aliases;  // other names --from takes for it
    std::string description;           // one line for --list-formats and --help
    ReadFunction read = nullptr;
};

// Every reader, in the order --list-formats shows them; the first is the default.
const std::vector<ReaderInfo>& all_readers();
// The reader called `name` (or one of its aliases), or nullptr.
const ReaderInfo* find_reader(std::string_view name);

}  // namespace blogconv::readers
