// Placeholders: how nodes made before Markdown survive the Markdown parser.
//
// Jekyll runs Liquid, then kramdown. Some things Liquid or the kramdown pre-pass produce are
// already IR nodes (a `{% highlight %}` code block, an unsupported plugin tag, a math span whose
// `_` must not become emphasis). They are stored here and a short token takes their place in the
// Markdown text: U+E000, the index in decimal, U+E001 (private-use code points, which Markdown
// leaves alone). cmark_to_ir swaps each token back for its node; a block placeholder that ends up
// alone in a paragraph becomes that block.
#pragma once

#include "readers/private_use.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ir/body.h"

namespace blogconv::readers {

class Placeholders {
public:
    using Entry = std::variant<ir::Inline, ir::Block>;

    // The token to put in the Markdown text for an inline node.
    std::string add_inline(ir::Inline node);
    // The token for a block node; put it on a line of its own with blank lines around it.
    std::string add_block(ir::Block node);

    const Entry& at(std::size_t index) const { return entries_.at(index); }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }

    // The source text a node stood for, to restore it where a token lands inside code (Liquid
    // runs before Markdown, so a token can end up in a code span). "" if it has none.
    std::string original_text(std::size_t index) const;

    static constexpr std::string_view open = private_use::placeholder_open;
    static constexpr std::string_view close = private_use::placeholder_close;

    // Finds the next token in `text` at or after `from`: its byte offset, length and index.
    struct Found {
        std::size_t offset = 0;
        std::size_t length = 0;
        std::size_t index = 0;
    };
    static std::optional<Found> find(std::string_view text, std::size_t from = 0);

private:
    std::string token(std::size_t index) const;
    std::vector<Entry> entries_;
};

}  // namespace blogconv::readers
