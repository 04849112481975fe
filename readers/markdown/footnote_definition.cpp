#include "readers/markdown/footnote_definition.h"

namespace blogconv::readers::markdown {

namespace {

bool is_word(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

FootnoteDefinitionStart footnote_definition_start(std::string_view text) {
    if (!text.starts_with("[^") || text.size() < 5 || !is_word(text[2])) return {};
    std::size_t p = 3;
    while (p < text.size() && (is_word(text[p]) || text[p] == '-')) ++p;
    if (text.substr(p, 2) != "]:") return {};
    const std::size_t length = p + 2;
    return {length, text.find_first_not_of(" \t\r", length) == std::string_view::npos};
}

}  // namespace blogconv::readers::markdown
