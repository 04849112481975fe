#include "readers/plugins/text_runs.h"

#include "ir/walk.h"

namespace blogconv::readers {

namespace {

// One inline list: each maximal run of Text is joined and handed over. The lists nested in its
// inlines are reached by the walk itself.
void rewrite_list(ir::Inlines& list, const TextRunRewrite& rewrite) {
    ir::Inlines out;
    std::size_t i = 0;
    while (i < list.size()) {
        if (!ir::get_if<ir::Text>(list[i])) {
            out.push_back(std::move(list[i++]));
            continue;
        }
        std::size_t end = i;
        std::string run;
        while (end < list.size())
            if (const auto* t = ir::get_if<ir::Text>(list[end])) {
                run += t->text;
                ++end;
            } else {
                break;
            }
        if (std::optional<ir::Inlines> replaced = rewrite(run)) {
            for (auto& in : *replaced) out.push_back(std::move(in));
        } else {
            for (std::size_t k = i; k < end; ++k) out.push_back(std::move(list[k]));
        }
        i = end;
    }
    list = std::move(out);
}

}  // namespace

void rewrite_text_runs(ir::Blocks& body, bool inside_links, const TextRunRewrite& rewrite) {
    // A callback may change the node it is handed (ir/walk.h): each inline list is rewritten by
    // its owner, block or inline, before the walk descends into what it now holds.
    auto on_block = [&](ir::Block& b) {
        std::visit(ir::overloaded{[&](ir::Paragraph& p) { rewrite_list(p.children, rewrite); },
                                  [&](ir::Heading& h) { rewrite_list(h.children, rewrite); },
                                  [&](ir::DefinitionList& d) {
                                      for (auto& item : d.items) rewrite_list(item.term, rewrite);
                                  },
                                  [&](ir::Table& t) {
                                      for (auto* rows : {&t.head, &t.body})
                                          for (auto& row : *rows)
                                              for (auto& cell : row) rewrite_list(cell.children, rewrite);
                                  },
                                  [](auto&) {}},
                   b.node);
    };
    auto on_inline = [&](ir::Inline& in) {
        if (auto* e = ir::get_if<ir::Emphasis>(in)) rewrite_list(e->children, rewrite);
        else if (auto* s = ir::get_if<ir::Strong>(in)) rewrite_list(s->children, rewrite);
        else if (auto* k = ir::get_if<ir::Strikethrough>(in)) rewrite_list(k->children, rewrite);
        else if (auto* l = ir::get_if<ir::Link>(in)) {
            if (!inside_links) return ir::Descend::no;
            rewrite_list(l->children, rewrite);
        } else if (ir::get_if<ir::Image>(in)) {
            return ir::Descend::no;  // the alt text is an attribute in HTML, not a text node
        }
        return ir::Descend::yes;
    };
    ir::walk(body, on_block, on_inline);
}

}  // namespace blogconv::readers
