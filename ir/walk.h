// One walk over a body: every block and every inline of a tree, in the spirit of pandoc-types'
// Walk.hs (`query`, `walk`). A writer that wants "every image" or "every raw HTML node" passes a
// lambda instead of writing its own recursion, so no writer can forget a container kind: the
// hand-written walks this replaces disagreed (the Hugo writer's raw-HTML walk skipped definition
// lists, so Liquid there was never cleaned).
//
// Order: document order, parent before children (pre-order). A block is seen before the blocks
// and inlines inside it; an inline before its children. Inside a container the parts come in the
// order they are written: a definition list's first term, that term's definitions, the next term;
// a table's head rows, then its body rows, each row left to right; an image's alt text.
//
// Callbacks take the node (`Block&`/`const Block&`, `Inline&`/`const Inline&`, or `auto&`) and
// may return either void (always descend) or ir::Descend: Descend::no leaves that node's children
// unvisited. Callers use it where output never shows the children as such: an image's alt is
// written as plain text, so an image or raw HTML inside it is never rendered.
// An inline callback may also take the innermost block holding the inline as a second argument
// (`f(inline, block)`): the paragraph or heading, the table for a cell, the definition list for a
// term. Diagnostics use its `pos` (inlines carry no position of their own).
// Code spans, code blocks and raw nodes are leaves: their text is not markup, so the walk has
// nothing inside them to skip (a caller that parses raw HTML, such as the Hugo writer's `<pre>`
// rule, does that on the text it is handed). There is no "stop the whole walk": no caller needs
// one; the one that acts on the first match only (the kramdown toc) keeps a flag and prunes.
//
// The mutable variants hand out non-const references: a callback may change the node it is
// given, even replace `block.node` with another kind; the walk then visits the children of the
// node as the callback left it. A callback must not add or remove siblings (the vector being
// walked): that is a structural rewrite, written as a loop over the one list it changes.
//
// Exhaustive by construction: the rule for each node kind below is an if-constexpr chain over
// the variant's alternatives that ends in a static_assert, with no default branch, so adding a
// kind to ir::Block or ir::Inline fails to compile here until someone says what its children are.
#pragma once

#include <type_traits>
#include <variant>

#include "ir/body.h"

namespace blogconv::ir {

// What a callback returns to choose whether the walk enters the node's children.
enum class Descend { yes, no };

namespace walk_detail {

template <class T>
inline constexpr bool always_false = false;

template <class T, class... Us>
inline constexpr bool is_one_of = (std::is_same_v<T, Us> || ...);

// The callback the one-kind walks pass for the kind they do not visit.
struct Ignore {
    template <class... A>
    Descend operator()(A&&...) const {
        return Descend::yes;
    }
};

// Calls a callback that returns void or Descend, and says whether to descend.
template <class F, class... A>
Descend call(F& f, A&... args) {
    if constexpr (std::is_void_v<std::invoke_result_t<F&, A&...>>) {
        f(args...);
        return Descend::yes;
    } else {
        static_assert(std::is_same_v<std::invoke_result_t<F&, A&...>, Descend>,
                      "an ir::walk callback returns void or ir::Descend");
        return f(args...);
    }
}

// Const = true walks a const tree and hands out const references. Owned = false walks a bare
// inline list, where there is no block to hand the inline callback.
template <bool Const, bool Owned, class OnBlock, class OnInline>
class Walker {
    template <class T>
    using Q = std::conditional_t<Const, const T, T>;

public:
    Walker(OnBlock& on_block, OnInline& on_inline) : on_block_(on_block), on_inline_(on_inline) {}

    void blocks(Q<Blocks>& bs) {
        for (auto& b : bs) block(b);
    }

    // `owner`: the innermost block holding these inlines, or nullptr for a bare inline list.
    void inlines(Q<Inlines>& ins, Q<Block>* owner) {
        // A block-only walk does not enter inlines at all.
        if constexpr (!std::is_same_v<OnInline, Ignore>)
            for (auto& in : ins) one_inline(in, owner);
    }

private:
    void block(Q<Block>& b) {
        if (call(on_block_, b) == Descend::no) return;
        std::visit([&](auto& n) { block_children(n, b); }, b.node);
    }

    void one_inline(Q<Inline>& in, Q<Block>* owner) {
        Descend d;
        if constexpr (Owned && std::is_invocable_v<OnInline&, Q<Inline>&, Q<Block>&>) {
            d = call(on_inline_, in, *owner);
        } else {
            static_assert(std::is_invocable_v<OnInline&, Q<Inline>&>,
                          "an inline callback takes (inline) or, over Blocks, (inline, block)");
            d = call(on_inline_, in);
        }
        if (d == Descend::no) return;
        ir::visit([&](auto& n) { inline_children(n, owner); }, in);
    }

    // Which children each block kind has. No default branch: see the header comment.
    template <class N>
    void block_children(N& n, Q<Block>& self) {
        using T = std::remove_cv_t<N>;
        if constexpr (is_one_of<T, Paragraph, Heading>) {
            inlines(n.children, &self);
        } else if constexpr (is_one_of<T, BlockQuote, FootnoteDefinition>) {
            blocks(n.children);
        } else if constexpr (std::is_same_v<T, List>) {
            for (auto& item : n.items) blocks(item.children);
        } else if constexpr (std::is_same_v<T, DefinitionList>) {
            for (auto& item : n.items) {
                inlines(item.term, &self);
                for (auto& definition : item.definitions) blocks(definition);
            }
        } else if constexpr (std::is_same_v<T, Table>) {
            for (auto* rows : {&n.head, &n.body})
                for (auto& row : *rows)
                    for (auto& cell : row) inlines(cell.children, &self);
        } else if constexpr (is_one_of<T, CodeBlock, ThematicBreak, RawBlock, UnsupportedBlock>) {
            // leaves: their text is not markup
        } else {
            static_assert(always_false<T>, "ir::walk: a Block kind with no rule; add which children it has");
        }
    }

    template <class N>
    void inline_children(N& n, Q<Block>* owner) {
        using T = std::remove_cv_t<N>;
        if constexpr (is_one_of<T, Emphasis, Strong, Strikethrough, Link>) {
            inlines(n.children, owner);
        } else if constexpr (std::is_same_v<T, Image>) {
            inlines(n.alt, owner);
        } else if constexpr (is_one_of<T, Text, Code, SoftBreak, HardBreak, RawInline, FootnoteReference, Math,
                                       UnsupportedInline>) {
            // leaves
        } else {
            static_assert(always_false<T>, "ir::walk: an Inline kind with no rule; add which children it has");
        }
    }

    OnBlock& on_block_;
    OnInline& on_inline_;
};

}  // namespace walk_detail

// Every block and every inline of `blocks`, interleaved in document order: `on_block(block)`,
// `on_inline(inline)` or `on_inline(inline, owner_block)`.
template <class OnBlock, class OnInline>
void walk(const Blocks& blocks, OnBlock&& on_block, OnInline&& on_inline) {
    walk_detail::Walker<true, true, std::remove_reference_t<OnBlock>, std::remove_reference_t<OnInline>>(on_block, on_inline)
        .blocks(blocks);
}
template <class OnBlock, class OnInline>
void walk(Blocks& blocks, OnBlock&& on_block, OnInline&& on_inline) {
    walk_detail::Walker<false, true, std::remove_reference_t<OnBlock>, std::remove_reference_t<OnInline>>(on_block, on_inline)
        .blocks(blocks);
}

// Every block, nested ones included (list items, quotes, definitions, footnotes).
template <class F>
void for_each_block(const Blocks& blocks, F&& f) {
    walk_detail::Ignore none;
    walk(blocks, f, none);
}
template <class F>
void for_each_block(Blocks& blocks, F&& f) {
    walk_detail::Ignore none;
    walk(blocks, f, none);
}

// Every inline of every block, nested ones included (emphasis, link text, image alt, table
// cells, definition terms).
template <class F>
void for_each_inline(const Blocks& blocks, F&& f) {
    walk_detail::Ignore none;
    walk(blocks, none, f);
}
template <class F>
void for_each_inline(Blocks& blocks, F&& f) {
    walk_detail::Ignore none;
    walk(blocks, none, f);
}

// Every inline of a bare inline list and of its nested inlines. The callback takes one argument.
template <class F>
void for_each_inline(const Inlines& inlines, F&& f) {
    walk_detail::Ignore none;
    walk_detail::Walker<true, false, walk_detail::Ignore, std::remove_reference_t<F>>(none, f).inlines(inlines, nullptr);
}
template <class F>
void for_each_inline(Inlines& inlines, F&& f) {
    walk_detail::Ignore none;
    walk_detail::Walker<false, false, walk_detail::Ignore, std::remove_reference_t<F>>(none, f).inlines(inlines, nullptr);
}

}  // namespace blogconv::ir
