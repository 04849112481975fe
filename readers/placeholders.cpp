#include "readers/placeholders.h"

namespace blogconv::readers {

std::string Placeholders::token(std::size_t index) const {
    std::string t(open);
    t += std::to_string(index);
    t += close;
    return t;
}

std::string Placeholders::add_inline(ir::Inline node) {
    entries_.emplace_back(std::move(node));
    return token(entries_.size() - 1);
}

std::string Placeholders::add_block(ir::Block node) {
    entries_.emplace_back(std::move(node));
    return token(entries_.size() - 1);
}

std::string Placeholders::original_text(std::size_t index) const {
    const Entry& e = entries_.at(index);
    if (const auto* in = std::get_if<ir::Inline>(&e)) {
        if (const auto* u = std::get_if<ir::UnsupportedInline>(&in->node)) return u->text;
        if (const auto* m = std::get_if<ir::Math>(&in->node)) return m->display ? "$$" + m->tex + "$$" : "$$" + m->tex + "$$";
        if (const auto* r = std::get_if<ir::RawInline>(&in->node)) return r->text;
        if (const auto* t = std::get_if<ir::Text>(&in->node)) return t->text;
        if (const auto* c = ir::get_if<ir::Code>(*in)) return c->text;
    } else if (const auto* b = std::get_if<ir::Block>(&e)) {
        if (const auto* u = std::get_if<ir::UnsupportedBlock>(&b->node)) return u->text;
        if (const auto* c = std::get_if<ir::CodeBlock>(&b->node)) return c->text;
        if (const auto* r = std::get_if<ir::RawBlock>(&b->node)) return r->text;
    }
    return {};
}

std::optional<Placeholders::Found> Placeholders::find(std::string_view text, std::size_t from) {
    while (true) {
        std::size_t start = text.find(open, from);
        if (start == std::string_view::npos) return std::nullopt;
        std::size_t p = start + open.size();
        std::size_t digits = p;
        while (p < text.size() && text[p] >= '0' && text[p] <= '9') ++p;
        if (p > digits && text.substr(p, close.size()) == close) {
            Found f;
            f.offset = start;
            f.length = p + close.size() - start;
            f.index = std::stoul(std::string(text.substr(digits, p - digits)));
            return f;
        }
        from = start + open.size();
    }
}

}  // namespace blogconv::readers
