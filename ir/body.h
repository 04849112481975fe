// The body of a document: a tree of blocks and inlines, in the spirit of pandoc's AST.
//
// Plain value types held in std::variant, compared with `==` so tests can compare whole trees.
// Writers walk it with std::visit and an exhaustive overload set: adding a node kind makes every
// writer that forgets it fail to compile. Code that only looks for (or edits) some kinds of node
// wherever they stand uses ir/walk.h instead of a recursion of its own, so that no container is
// forgotten. Nothing here knows cmark, YAML or any output format.
#pragma once

#include <memory>
#include <optional>
#include <type_traits>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace blogconv::ir {

// Where a node came from in its source file (1-based; 0 means unknown).
struct SourcePos {
    int line = 0;
    int col = 0;
    bool operator==(const SourcePos&) const = default;
};

// pandoc's escape hatch: an id, classes and key/value pairs. kramdown IALs (`{: .note #x k="v"}`)
// and header ids (`{#id}`) land here.
struct Attr {
    std::string id;
    std::vector<std::string> classes;
    std::vector<std::pair<std::string, std::string>> attributes;
    bool empty() const { return id.empty() && classes.empty() && attributes.empty(); }
    bool operator==(const Attr&) const = default;
};

struct Inline;
struct Block;
using Inlines = std::vector<Inline>;
using Blocks = std::vector<Block>;

// ---- Inlines -------------------------------------------------------------------------------

struct Text {
    std::string text;
    bool operator==(const Text&) const = default;
};
struct Emphasis {
    Inlines children;
    bool operator==(const Emphasis&) const = default;
};
struct Strong {
    Inlines children;
    bool operator==(const Strong&) const = default;
};
struct Strikethrough {
    Inlines children;
    bool operator==(const Strikethrough&) const = default;
};
struct Code {
    std::string text;
    Attr attr;
    bool operator==(const Code&) const = default;
};
struct Link {
    std::string url;
    std::string title;
    Inlines children;
    Attr attr;
    // For a link to another document of the same site (`{% post_url %}`, `{% link %}` or a
    // link to its permalink): that document's source path, so that EPUB and the standalone
    // HTML can link chapter to chapter. Empty for any other link.
    std::string target_document;
    bool operator==(const Link&) const = default;
};
struct Image {
    std::string url;
    std::string title;
    Inlines alt;
    Attr attr;
    bool operator==(const Image&) const = default;
};
struct SoftBreak {
    bool operator==(const SoftBreak&) const = default;
};
struct HardBreak {
    bool operator==(const HardBreak&) const = default;
};
// Raw markup passed through untouched. `format` is "html" for inline HTML.
struct RawInline {
    std::string format;
    std::string text;
    bool operator==(const RawInline&) const = default;
};
struct FootnoteReference {
    std::string label;
    bool operator==(const FootnoteReference&) const = default;
};
struct Math {
    bool display = false;
    std::string tex;
    bool operator==(const Math&) const = default;
};
// Something the reader could not translate (a plugin's Liquid tag, a missing include): the
// original text and where it stood, so that a writer can show, comment or report it instead of
// silently printing source code. `kind` names what it is, e.g. "liquid-tag", "include".
struct UnsupportedInline {
    std::string kind;
    std::string text;
    SourcePos pos;
    bool operator==(const UnsupportedInline&) const = default;
};

// A value kept on the heap: a copyable, comparable owner of one T. The large inline kinds (Link,
// Image, Code: 110-200 bytes with their Attr) are boxed so that an Inline is 80 bytes instead of
// 208; a 10,000-post site holds half a million inlines, most of them Text.
template <class T>
class Box {
public:
    Box(T value) : p_(std::make_unique<T>(std::move(value))) {}
    Box(const Box& other) : p_(std::make_unique<T>(*other.p_)) {}
    Box(Box&&) noexcept = default;
    Box& operator=(const Box& other) {
        if (this != &other) p_ = std::make_unique<T>(*other.p_);
        return *this;
    }
    Box& operator=(Box&&) noexcept = default;
    T& operator*() { return *p_; }
    const T& operator*() const { return *p_; }
    T* operator->() { return p_.get(); }
    const T* operator->() const { return p_.get(); }
    bool operator==(const Box& other) const { return *p_ == *other.p_; }

private:
    std::unique_ptr<T> p_;
};

struct Inline {
    using Variant = std::variant<Text, Emphasis, Strong, Strikethrough, Box<Code>, Box<Link>, Box<Image>, SoftBreak,
                                 HardBreak, RawInline, FootnoteReference, Math, UnsupportedInline>;
    // Read it with ir::visit and ir::get_if below, which see through the boxes.
    Variant node;

    template <class T>
    Inline(T n) : node(std::move(n)) {}
    bool operator==(const Inline&) const = default;
};

namespace detail {
template <class T>
T& unbox(T& v) { return v; }
template <class T>
const T& unbox(const T& v) { return v; }
template <class T>
T& unbox(Box<T>& b) { return *b; }
template <class T>
const T& unbox(const Box<T>& b) { return *b; }
template <class T>
constexpr bool is_boxed = std::is_same_v<T, Code> || std::is_same_v<T, Link> || std::is_same_v<T, Image>;
}  // namespace detail

// std::visit over an inline's node with the boxes opened: visitors take `const ir::Link&`.
// (std::visit on `node` directly would hand a generic `auto&` fallback a Box<Link>.)
template <class F>
decltype(auto) visit(F&& f, Inline& in) {
    return std::visit([&](auto& n) -> decltype(auto) { return f(detail::unbox(n)); }, in.node);
}
template <class F>
decltype(auto) visit(F&& f, const Inline& in) {
    return std::visit([&](const auto& n) -> decltype(auto) { return f(detail::unbox(n)); }, in.node);
}

// std::get_if for an inline: the node as a T, or nullptr.
template <class T>
T* get_if(Inline& in) {
    if constexpr (detail::is_boxed<T>) {
        auto* b = std::get_if<Box<T>>(&in.node);
        return b ? &**b : nullptr;
    } else {
        return std::get_if<T>(&in.node);
    }
}
template <class T>
const T* get_if(const Inline& in) {
    return get_if<T>(const_cast<Inline&>(in));
}

// ---- Blocks --------------------------------------------------------------------------------

struct Paragraph {
    Inlines children;
    Attr attr;
    bool operator==(const Paragraph&) const = default;
};
struct Heading {
    int level = 1;
    Inlines children;
    Attr attr;  // attr.id is the anchor, explicit ({#id}) or generated as kramdown does
    bool operator==(const Heading&) const = default;
};
struct CodeBlock {
    std::string language;  // "" when none was given
    std::string text;      // ends with a newline unless empty
    bool line_numbers = false;
    // Other options a `{% highlight %}` tag or fence info string carried (mark_lines, …).
    std::vector<std::pair<std::string, std::string>> options;
    Attr attr;
    bool operator==(const CodeBlock&) const = default;
};
struct BlockQuote {
    Blocks children;
    Attr attr;
    bool operator==(const BlockQuote&) const = default;
};
struct ListItem {
    Blocks children;
    std::optional<bool> task;  // a GFM task-list item: checked or not
    bool operator==(const ListItem&) const = default;
};
struct List {
    bool ordered = false;
    int start = 1;
    bool tight = true;
    std::vector<ListItem> items;
    Attr attr;
    bool operator==(const List&) const = default;
};
struct DefinitionItem {
    Inlines term;
    std::vector<Blocks> definitions;
    bool operator==(const DefinitionItem&) const = default;
};
struct DefinitionList {
    std::vector<DefinitionItem> items;
    Attr attr;
    bool operator==(const DefinitionList&) const = default;
};
enum class Alignment { none, left, center, right };
struct TableCell {
    Inlines children;
    bool operator==(const TableCell&) const = default;
};
using TableRow = std::vector<TableCell>;
struct Table {
    std::vector<Alignment> alignments;
    std::vector<TableRow> head;
    std::vector<TableRow> body;
    Attr attr;
    bool operator==(const Table&) const = default;
};
struct ThematicBreak {
    bool operator==(const ThematicBreak&) const = default;
};
struct RawBlock {
    std::string format;  // "html"
    std::string text;
    bool operator==(const RawBlock&) const = default;
};
struct FootnoteDefinition {
    std::string label;
    Blocks children;
    bool operator==(const FootnoteDefinition&) const = default;
};
// A block-level construct the reader could not translate; see UnsupportedInline.
struct UnsupportedBlock {
    std::string kind;
    std::string text;
    SourcePos pos;
    bool operator==(const UnsupportedBlock&) const = default;
};

struct Block {
    using Variant = std::variant<Paragraph, Heading, CodeBlock, BlockQuote, List, DefinitionList, Table,
                                 ThematicBreak, RawBlock, FootnoteDefinition, UnsupportedBlock>;
    Variant node;
    SourcePos pos;

    template <class T>
    Block(T n, SourcePos p = {}) : node(std::move(n)), pos(p) {}
    bool operator==(const Block&) const = default;
};

// Helper for std::visit with a set of lambdas.
template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

// The plain text of inlines (what a heading id or a title attribute is made from).
std::string plain_text(const Inlines& inlines);

}  // namespace blogconv::ir
