#include "readers/markdown/toc_entry.h"

namespace blogconv::readers::markdown {

namespace {

void strip(ir::Inlines& inlines) {
    ir::Inlines out;
    out.reserve(inlines.size());
    for (auto& in : inlines) {
        if (ir::get_if<ir::FootnoteReference>(in)) continue;
        if (auto* link = ir::get_if<ir::Link>(in)) {
            ir::Inlines children = std::move(link->children);
            strip(children);
            for (auto& c : children) out.push_back(std::move(c));
            continue;
        }
        ir::visit(ir::overloaded{[](ir::Emphasis& x) { strip(x.children); }, [](ir::Strong& x) { strip(x.children); },
                                 [](ir::Strikethrough& x) { strip(x.children); }, [](auto&) {}},
                  in);
        out.push_back(std::move(in));
    }
    inlines = std::move(out);
}

}  // namespace

ir::Inlines toc_entry(const ir::Inlines& heading) {
    ir::Inlines entry = heading;
    strip(entry);
    return entry;
}

}  // namespace blogconv::readers::markdown
