#include "writers/registry.h"

namespace blogconv::writers {

const std::vector<WriterInfo>& all_writers() {
    static const std::vector<WriterInfo> table = {
        {"json", {"ir"}, "the document model as JSON (docs/ir-json.md)", ".json", false,
         [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) { write_json(s, o.json, k, d); }},
    };
    return table;
}

const WriterInfo* find_writer(std::string_view name) {
    for (const auto& w : all_writers()) {
        if (w.name == name) return &w;
        for (const auto& a : w.aliases)
            if (a == name) return &w;
    }
    return nullptr;
}

}  // namespace blogconv::writers
