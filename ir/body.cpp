#include "ir/body.h"

namespace blogconv::ir {

namespace {
void append_plain(const Inlines& inlines, std::string& out) {
    for (const auto& in : inlines) {
        ir::visit(overloaded{
                       [&](const Text& n) { out += n.text; },
                       [&](const Emphasis& n) { append_plain(n.children, out); },
                       [&](const Strong& n) { append_plain(n.children, out); },
                       [&](const Strikethrough& n) { append_plain(n.children, out); },
                       [&](const Code& n) { out += n.text; },
                       [&](const Link& n) { append_plain(n.children, out); },
                       [&](const Image& n) { append_plain(n.alt, out); },
                       [&](const SoftBreak&) { out += ' '; },
                       [&](const HardBreak&) { out += ' '; },
                       [&](const RawInline&) {},
                       [&](const FootnoteReference&) {},
                       [&](const Math& n) { out += n.tex; },
                       [&](const UnsupportedInline&) {},
                   },
                   in);
    }
}
}  // namespace

std::string plain_text(const Inlines& inlines) {
    std::string out;
    append_plain(inlines, out);
    return out;
}

}  // namespace blogconv::ir
