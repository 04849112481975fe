// Choosing which documents a run converts: the CLI's shared filters (--tag, --category,
// --since, --until, --limit). A pure function of the IR, so every writer sees the same choice.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ir/datetime.h"
#include "ir/site.h"

namespace blogconv::ir {

struct Selection {
    std::vector<std::string> tags;        // keep documents with any of these tags (case-insensitive)
    std::vector<std::string> categories;  // keep documents with any of these categories
    std::optional<DateTime> since;        // keep documents dated at or after this instant
    std::optional<DateTime> until;        // keep documents dated at or before this instant
    bool posts_only = false;              // drop pages and collection documents
    std::size_t limit = 0;                // keep the newest N (0 = all)
};

// Removes the documents `selection` does not keep; the order of the rest is unchanged.
void select_documents(Site& site, const Selection& selection);

}  // namespace blogconv::ir
