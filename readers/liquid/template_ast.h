// The template AST the Liquid parser builds and the evaluator walks.
//
// Plain structs in a std::variant, like the document IR. Positions are the template's own
// (1-based line and byte column); liquid.cpp maps them to the file's lines.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/value.h"

namespace blogconv::readers::liquid {

// An expression: a literal, a variable lookup (`site.data["x"].y`), a range `(a..b)`, or one
// of the special literals `empty` / `blank`.
struct Expr {
    enum class Kind { literal, variable, range, empty, blank };
    Kind kind = Kind::literal;
    ir::Value literal;        // literal
    std::string name;         // variable: the first name (may be "" for `["key"]`)
    std::vector<Expr> path;   // variable: the lookups after it; range: [from, to]
    bool operator==(const Expr&) const = default;
};

// `| name: arg, key: value`
struct Filter {
    std::string name;
    std::vector<Expr> args;
    std::vector<std::pair<std::string, Expr>> keyword_args;
};

// An expression with its filters, as in `{{ … }}` and `assign`.
struct FilteredExpr {
    Expr expr;
    std::vector<Filter> filters;
};

// One comparison of an `if`: `left op right`, or `left` alone when `op` is empty.
struct Comparison {
    Expr left;
    std::string op;
    Expr right;
};
// `a and b or c`: Liquid evaluates it from the right, as `a and (b or c)`.
struct Condition {
    std::vector<Comparison> terms;
    std::vector<std::string> joins;  // "and" / "or", one fewer than terms
};

struct Node;
using Nodes = std::vector<Node>;

struct TextNode {
    std::string text;
    bool raw = false;  // from `{% raw %}`
};
struct OutputNode {
    FilteredExpr value;
};
struct AssignNode {
    std::string name;
    FilteredExpr value;
};
struct CaptureNode {
    std::string name;
    Nodes body;
};
struct IfNode {
    struct Branch {
        std::optional<Condition> condition;  // none: the `else` branch
        Nodes body;
    };
    std::vector<Branch> branches;
    bool unless = false;  // the first condition is negated
};
struct CaseNode {
    struct When {
        std::vector<Expr> values;  // empty: the `else` branch
        Nodes body;
    };
    Expr subject;
    std::vector<When> whens;
};
struct ForNode {
    std::string variable;
    Expr collection;
    std::optional<Expr> limit;
    std::optional<Expr> offset;
    bool reversed = false;
    Nodes body;
    Nodes else_body;
};
struct BreakNode {};
struct ContinueNode {};
struct IncrementNode {
    std::string name;
    bool decrement = false;
};
// `{% highlight lang linenos key=value key="1 2" %}…{% endhighlight %}`
struct HighlightNode {
    std::string language;
    bool line_numbers = false;
    std::vector<std::pair<std::string, std::string>> options;
    Nodes body;
};
// `{% post_url NAME %}` / `{% link PATH %}`; the argument may hold `{{ }}`.
struct LinkNode {
    bool post_url = false;
    std::string argument;
};
// `{% include NAME k=v … %}` / `{% include_relative … %}`
struct IncludeNode {
    bool relative = false;
    std::string markup;
};
// A tag this engine does not know (a plugin's): kept with its body when it has an end tag.
struct UnknownTagNode {
    std::string name;
    std::string markup;
    bool has_body = false;
    Nodes body;
};

struct Node {
    using Variant = std::variant<TextNode, OutputNode, AssignNode, CaptureNode, IfNode, CaseNode, ForNode,
                                 BreakNode, ContinueNode, IncrementNode, HighlightNode, LinkNode,
                                 IncludeNode, UnknownTagNode>;
    Variant node;
    int line = 1;
    int col = 1;
    std::string source;     // the opening tag as written
    bool own_line = false;  // the tag is alone on its source line (for block vs inline output)
    std::string indent;     // white space before the tag on its line
};

// A problem found while parsing or rendering, in template coordinates.
struct Problem {
    ir::Severity severity = ir::Severity::warning;
    int line = 1;
    int col = 1;
    std::string message;
    ir::DiagnosticCode code;  // every problem has one; -Wmissing-field-initializers finds one left out
};

}  // namespace blogconv::readers::liquid
