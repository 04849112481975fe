// Liquid's second pass: tokens to the template AST (template_ast.h).
//
// Lenient like Jekyll's Liquid in its default "warn" mode: what cannot be parsed is reported
// as a Problem and parsed as well as it can be, never thrown.
#pragma once

#include <string_view>
#include <vector>

#include "readers/liquid/template_ast.h"

namespace blogconv::readers::liquid {

// Parses a whole template.
Nodes parse_template(std::string_view source, std::vector<Problem>& problems);

// Parses `expr | filter: arg, key: value | …` (the inside of `{{ }}`). Problems are reported at
// `line`:`col`.
FilteredExpr parse_filtered(std::string_view markup, int line, int col, std::vector<Problem>& problems);

// Parses the condition of an `if` (comparisons joined by `and`/`or`); Jekyll's where_exp and
// find_exp read theirs the same way. `ok` is false when `markup` is not one.
Condition parse_condition(std::string_view markup, bool& ok);

// Parses one expression (a literal, a variable, a range). Returns false when `markup` is not one.
bool parse_expression(std::string_view markup, Expr& out);

}  // namespace blogconv::readers::liquid
