#include "readers/liquid/evaluator.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <stdexcept>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ir/guarded_reader.h"
#include "readers/limits.h"
#include "readers/liquid/filters.h"
#include "readers/liquid/lexer.h"
#include "readers/liquid/parser.h"
#include "readers/liquid/value.h"
#include "readers/text_match.h"

namespace blogconv::readers::liquid {

namespace {

// Jekyll has no include depth limit of its own (Ruby's stack ends a self-include); ten levels is
// far more than any theme uses and stops `a.html` including itself at once.
constexpr int max_include_depth = 10;

bool is_hspace(char c) { return c == ' ' || c == '\t'; }

// Thrown after the reason was reported as an error: the document's rendering stops there, and
// the error makes the site reader skip the document.
struct Abort {};

// Jekyll's IncludeTag#validate_file_name: letters, digits, `_ / . - ( ) + ~ # @`, and no run of
// two or more of `.` and `/` (so no `..`, `./`, `//`). Jekyll raises on anything else.
bool valid_include_name(std::string_view name) {
    if (name.empty()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (std::isalnum(c) || c == '_' || c == '-' || c == '(' || c == ')' || c == '+' || c == '~' || c == '#' ||
            c == '@')
            continue;
        if (c != '.' && c != '/') return false;
        if (i + 1 < name.size() && (name[i + 1] == '.' || name[i + 1] == '/')) return false;
    }
    return true;
}

// What a value costs in memory, roughly and without walking it deeply: its own bytes plus a
// slot per element, and the text of string elements. Enough to stop a value that doubles or
// explodes (`append` in a loop, `split: ""` on a long text) long before it fills the memory.
std::size_t value_bytes(const ir::Value& v) {
    constexpr std::size_t slot = 48;
    if (v.is_string()) return v.as_string().size();
    std::size_t n = 0;
    if (v.is_array()) {
        for (const auto& e : v.as_array()) n += slot + (e.is_string() ? e.as_string().size() : 0);
    } else if (v.is_object()) {
        for (const auto& [k, e] : v.as_object()) n += slot + k.size() + (e.is_string() ? e.as_string().size() : 0);
    }
    return n;
}

// A number clamped into [low, high] before it becomes an integer (NaN counts as `low`): the
// cast of a value out of range is undefined.
std::int64_t clamp_to_int(double d, double low, double high) {
    if (!(d >= low)) return static_cast<std::int64_t>(low);
    return static_cast<std::int64_t>(d > high ? high : d);
}

// A parsed include file, kept for the rest of the document (a loop includes the same file again).
struct IncludeFile {
    std::string path;  // relative to the site root, for diagnostics
    Nodes nodes;
};

class Evaluator {
public:
    Evaluator(const BodyContext& context, Placeholders& placeholders, std::vector<Problem>& problems)
        : context_(context), placeholders_(placeholders), problems_(problems) {
        scopes_.emplace_back();  // the assigns
        env_.site = context.site;
    }

    void render(const Nodes& nodes, std::string& out) {
        for (const Node& n : nodes) {
            if (interrupt_ != Interrupt::none) return;
            // Nested loops multiply: five unclosed `{% for %}` over a few items is already
            // thousands of copies of the post. The budgets (readers/limits.h) stop a template
            // that would run for minutes or fill the memory.
            charge_steps(1, n);
            if (out.size() > context_.limits.max_liquid_bytes) over_bytes(n);
            render(n, out);
        }
    }

private:
    enum class Interrupt { none, break_loop, continue_loop };
    using Scope = std::unordered_map<std::string, Value>;

    void charge_steps(std::size_t n, const Node& at) {
        steps_ += n;
        if (steps_ > context_.limits.max_liquid_steps) {
            problem(ir::Severity::error, ir::DiagnosticCode::liquid_step_limit, at,
                    "Liquid runs more than " + std::to_string(context_.limits.max_liquid_steps) +
                        " steps (nested loops or a huge range?), over the limit (--max-liquid-steps); skipped");
            throw Abort{};
        }
    }
    void charge_bytes(std::size_t n, const Node& at) {
        bytes_ += n;
        if (bytes_ > context_.limits.max_liquid_bytes) over_bytes(at);
    }
    [[noreturn]] void over_bytes(const Node& at) {
        problem(ir::Severity::error, ir::DiagnosticCode::liquid_byte_limit, at,
                "Liquid makes more than " + std::to_string(context_.limits.max_liquid_bytes) +
                    " bytes of text and values (a value that doubles in a loop?), over the limit "
                    "(--max-liquid-bytes); skipped");
        throw Abort{};
    }

    void problem(ir::Severity s, ir::DiagnosticCode code, const Node& n, std::string message) {
        // Inside an include, point at the include tag of the document itself, and say where in
        // the included file.
        int line = n.line, col = n.col;
        if (include_depth_ > 0) {
            line = include_line_;
            col = include_col_;
            if (!include_where_.empty())
                message = "in " + include_where_ + ":" + std::to_string(n.line) + ": " + message;
        }
        // A problem inside a loop would be reported once per iteration: once is enough.
        if (!reported_.insert(std::to_string(line) + ":" + std::to_string(col) + ":" + message).second) return;
        problems_.push_back(Problem{s, line, col, std::move(message), code});
    }
    ir::SourcePos pos(const Node& n) const {
        int line = include_depth_ > 0 ? include_line_ : n.line;
        int col = include_depth_ > 0 ? include_col_ : n.col;
        return ir::SourcePos{context_.first_line + line - 1, col};
    }

    // ---- Values ------------------------------------------------------------------------------

    Value variable(const std::string& name) const {
        for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
            auto found = it->find(name);
            if (found != it->end()) return found->second;
        }
        if (name == "site" && context_.site) return Value::borrow(*context_.site);
        if (name == "page" && context_.page) return Value::borrow(*context_.page);
        return {};
    }

    Value eval(const Expr& e) {
        switch (e.kind) {
            case Expr::Kind::literal:
                return Value::borrow(e.literal);
            case Expr::Kind::empty:
            case Expr::Kind::blank:
                return {};  // only meaningful in comparisons, handled there
            case Expr::Kind::range: {
                // Clamped before the subtraction, so that no length overflows; every element
                // is charged before the array is made.
                constexpr double lim = 1e15;
                std::int64_t from = clamp_to_int(to_number(eval(e.path[0]).get()), -lim, lim);
                std::int64_t to = clamp_to_int(to_number(eval(e.path[1]).get()), -lim, lim);
                ir::Array a;
                if (to >= from) {
                    const auto length = static_cast<std::size_t>(to - from) + 1;
                    charge_steps(length, *at_);
                    charge_bytes(length * 48, *at_);
                    a.reserve(length);
                    for (std::int64_t i = from; i <= to; ++i) a.emplace_back(i);
                }
                return Value(ir::Value(std::move(a)));
            }
            case Expr::Kind::variable:
                break;
        }
        Value v;
        std::size_t i = 0;
        if (e.name.empty()) {
            // `["name"]` at the start looks a variable up by a computed name.
            if (e.path.empty()) return {};
            v = variable(to_output(eval(e.path[0]).get()));
            i = 1;
        } else {
            v = variable(e.name);
        }
        for (; i < e.path.size(); ++i) {
            Value key = eval(e.path[i]);
            if (key->is_int() && v->is_array()) v = v.at(key->as_int());
            else v = v.member(to_output(key.get()));
        }
        return v;
    }

    Value eval(const FilteredExpr& f, const Node& n) {
        Value v = eval(f.expr);
        for (const Filter& filter : f.filters) {
            std::vector<Value> args;
            for (const Expr& a : filter.args) args.push_back(eval(a));
            if ((filter.name == "where_exp" || filter.name == "find_exp") && args.size() == 2) {
                v = select_by_condition(v, to_output(args[0].get()), to_output(args[1].get()),
                                        filter.name == "find_exp", n);
                charge_bytes(value_bytes(v.get()), n);
                continue;
            }
            std::vector<std::pair<std::string, Value>> kw;
            for (const auto& [k, a] : filter.keyword_args) kw.emplace_back(k, eval(a));
            auto result = apply_filter(filter.name, v, args, kw, env_);
            if (result) {
                v = std::move(*result);
                charge_bytes(value_bytes(v.get()), n);
            } else {
                problem(ir::Severity::warning, ir::DiagnosticCode::liquid_unknown_filter, n,
                        "unknown Liquid filter '" + filter.name + "' (a plugin's?); the value is kept unfiltered");
            }
        }
        return v;
    }

    // Jekyll's where_exp and find_exp (Jekyll::Filters): they evaluate a condition, so they live
    // here rather than with the pure filters. A mapping's values are searched; each is bound to
    // `variable` in a scope of its own; anything else passes through unchanged.
    Value select_by_condition(const Value& input, const std::string& variable, const std::string& expression,
                              bool first_only, const Node& n) {
        if (!input->is_array() && !input->is_object()) return input;
        bool ok = true;
        const Condition condition = parse_condition(expression, ok);
        if (!ok || condition.terms.empty()) {
            problem(ir::Severity::warning, ir::DiagnosticCode::liquid_partly_parsed, n,
                    "'" + expression + "' is not a Liquid condition; the value is kept unfiltered");
            return input;
        }
        ir::Array items;
        if (input->is_array()) {
            items = input->as_array();
        } else {
            for (const auto& [k, item] : input->as_object()) items.push_back(item);
        }
        ir::Array selected;
        scopes_.emplace_back();
        for (auto& item : items) {
            charge_steps(1, n);
            scopes_.back()[variable] = Value(item);
            if (!eval(condition)) continue;
            if (first_only) {
                scopes_.pop_back();
                return Value(std::move(item));
            }
            selected.push_back(std::move(item));
        }
        scopes_.pop_back();
        if (first_only) return {};
        return Value(ir::Value(std::move(selected)));
    }

    bool compare_special(const Expr& special, const Value& other) {
        return special.kind == Expr::Kind::empty ? is_empty(other.get()) : is_blank(other.get());
    }

    bool eval(const Comparison& c) {
        if (c.op.empty()) {
            if (c.left.kind == Expr::Kind::empty || c.left.kind == Expr::Kind::blank) return true;
            return truthy(eval(c.left).get());
        }
        bool left_special = c.left.kind == Expr::Kind::empty || c.left.kind == Expr::Kind::blank;
        bool right_special = c.right.kind == Expr::Kind::empty || c.right.kind == Expr::Kind::blank;
        if ((left_special || right_special) && (c.op == "==" || c.op == "!=")) {
            bool eq = left_special ? compare_special(c.left, eval(c.right)) : compare_special(c.right, eval(c.left));
            return c.op == "==" ? eq : !eq;
        }
        Value a = eval(c.left), b = eval(c.right);
        if (c.op == "==") return equal(a.get(), b.get());
        if (c.op == "!=") return !equal(a.get(), b.get());
        if (c.op == "contains") {
            if (a->is_string()) return a->as_string().find(to_output(b.get())) != std::string::npos;
            if (a->is_array()) {
                for (const auto& e : a->as_array())
                    if (equal(e, b.get())) return true;
                return false;
            }
            if (a->is_object()) return a->find(to_output(b.get())) != nullptr;
            return false;
        }
        auto cmp = compare(a.get(), b.get());
        if (!cmp) return false;
        if (c.op == "<") return *cmp < 0;
        if (c.op == ">") return *cmp > 0;
        if (c.op == "<=") return *cmp <= 0;
        if (c.op == ">=") return *cmp >= 0;
        return false;
    }

    bool eval(const Condition& c) {
        // Right to left, as Liquid chains them: `a and b or c` is `a and (b or c)`.
        std::size_t i = c.terms.size() - 1;
        bool result = eval(c.terms[i]);
        while (i-- > 0) {
            if (c.joins[i] == "and") result = result && eval(c.terms[i]);
            else result = result || eval(c.terms[i]);
        }
        return result;
    }

    // ---- Output placement ----------------------------------------------------------------------

    // A block token goes on a line of its own with blank lines around it, at the tag's indent
    // (so that it stays inside a list item).
    void emit_block(std::string& out, const Node& n, const std::string& token) {
        while (!out.empty() && is_hspace(out.back())) out.pop_back();
        if (!out.empty()) {
            if (out.back() != '\n') out += "\n\n";
            else if (out.size() < 2 || out[out.size() - 2] != '\n') out += "\n";
        }
        out += n.indent + token + "\n";
    }

    // Whether the last line written is HTML (starts with `<` after indentation, not blank): the
    // tag then sits inside an HTML block, as far as Markdown is concerned.
    static bool inside_html_lines(const std::string& out) {
        std::size_t end = out.size();
        while (end > 0 && is_hspace(out[end - 1])) --end;
        if (end < 2 || out[end - 1] != '\n') return false;
        const std::size_t prev = out.rfind('\n', end - 2);
        std::size_t start = prev == std::string::npos ? 0 : prev + 1;
        while (start < end && is_hspace(out[start])) ++start;
        return start < end && out[start] == '<';
    }

    void emit_unsupported(std::string& out, const Node& n, const std::string& kind) {
        if (n.own_line && inside_html_lines(out)) {
            // Between HTML lines (an include inside <div>s): no blank lines around the token, which
            // would end the HTML block and turn the indented lines after it into code. The
            // Markdown reader splits the HTML block at the token.
            while (!out.empty() && is_hspace(out.back())) out.pop_back();
            // The newline that ends the tag's line follows in the template text; adding one here
            // would leave a blank line.
            out += n.indent + placeholders_.add_block(ir::Block(ir::UnsupportedBlock{kind, n.source, pos(n)}, pos(n)));
        } else if (n.own_line) {
            emit_block(out, n, placeholders_.add_block(ir::Block(ir::UnsupportedBlock{kind, n.source, pos(n)}, pos(n))));
        } else {
            out += placeholders_.add_inline(ir::UnsupportedInline{kind, n.source, pos(n)});
        }
    }

    // Renders a string that may itself hold Liquid (a tag argument such as `{% link {{ x }} %}`).
    std::string render_string(const std::string& s) {
        if (!may_contain_liquid(s)) return s;
        std::vector<Problem> ignored;
        Nodes nodes = parse_template(s, ignored);
        std::string out;
        render(nodes, out);
        return out;
    }

    // ---- Nodes ---------------------------------------------------------------------------------

    void render(const Node& n, std::string& out) {
        at_ = &n;
        std::visit(ir::overloaded{
                       [&](const TextNode& t) { out += t.text; },
                       [&](const OutputNode& o) { out += to_output(eval(o.value, n).get()); },
                       [&](const AssignNode& a) { scopes_.front()[a.name] = eval(a.value, n); },
                       [&](const CaptureNode& c) {
                           std::string captured;
                           render(c.body, captured);
                           charge_bytes(captured.size(), n);
                           scopes_.front()[c.name] = Value(ir::Value(std::move(captured)));
                       },
                       [&](const IfNode& i) { render_if(i, out); },
                       [&](const CaseNode& c) { render_case(c, out); },
                       [&](const ForNode& f) { render_for(f, out); },
                       [&](const BreakNode&) { interrupt_ = Interrupt::break_loop; },
                       [&](const ContinueNode&) { interrupt_ = Interrupt::continue_loop; },
                       [&](const IncrementNode& i) {
                           std::int64_t& counter = counters_[i.name];
                           if (i.decrement) --counter;
                           out += std::to_string(counter);
                           if (!i.decrement) ++counter;
                       },
                       [&](const HighlightNode& h) { render_highlight(h, n, out); },
                       [&](const LinkNode& l) { render_link(l, n, out); },
                       [&](const IncludeNode& i) { render_include(i, n, out); },
                       [&](const UnknownTagNode& u) { render_unknown(u, n, out); },
                   },
                   n.node);
    }

    void render_if(const IfNode& node, std::string& out) {
        bool first = true;
        for (const auto& b : node.branches) {
            bool taken = true;
            if (b.condition) {
                taken = eval(*b.condition);
                if (first && node.unless) taken = !taken;
            }
            first = false;
            if (taken) {
                render(b.body, out);
                return;
            }
        }
    }

    void render_case(const CaseNode& node, std::string& out) {
        Value subject = eval(node.subject);
        bool matched = false;
        for (const auto& w : node.whens) {
            if (w.values.empty()) {
                if (!matched) render(w.body, out);
                continue;
            }
            for (const Expr& v : w.values) {
                if (equal(subject.get(), eval(v).get())) {
                    matched = true;
                    render(w.body, out);
                    break;
                }
            }
        }
    }

    void render_for(const ForNode& f, std::string& out) {
        Value collection = eval(f.collection);
        ir::Array items;
        if (collection->is_array()) {
            items = collection->as_array();
        } else if (collection->is_object()) {
            for (const auto& [k, v] : collection->as_object()) items.emplace_back(ir::Array{ir::Value(k), v});
        } else if (collection->is_string() && !collection->as_string().empty()) {
            items.push_back(collection.get());
        }
        // Clamped as doubles first: a huge `limit:` or `offset:` must not overflow the integers.
        auto size = static_cast<std::int64_t>(items.size());
        auto count = [&](const Expr& e, double low) {
            return clamp_to_int(to_number(eval(e).get()), low, static_cast<double>(size));
        };
        std::int64_t offset = f.offset ? count(*f.offset, 0) : 0;
        std::int64_t end = size;
        if (f.limit) end = std::clamp<std::int64_t>(offset + count(*f.limit, 0), offset, size);
        ir::Array slice(items.begin() + offset, items.begin() + end);
        if (f.reversed) std::reverse(slice.begin(), slice.end());
        if (slice.empty()) {
            render(f.else_body, out);
            return;
        }
        Value parent = variable("forloop");
        scopes_.emplace_back();
        auto length = static_cast<std::int64_t>(slice.size());
        const Node* at = at_;
        ++loop_depth_;
        for (std::int64_t i = 0; i < length; ++i) {
            // An empty body costs too: (1..1000) three deep is 10^9 turns. And each turn copies
            // `forloop` with its chain of parent loops, so a turn costs its depth.
            charge_steps(static_cast<std::size_t>(loop_depth_), *at);
            ir::Object loop;
            loop.emplace_back("length", ir::Value(length));
            loop.emplace_back("index", ir::Value(i + 1));
            loop.emplace_back("index0", ir::Value(i));
            loop.emplace_back("rindex", ir::Value(length - i));
            loop.emplace_back("rindex0", ir::Value(length - i - 1));
            loop.emplace_back("first", ir::Value(i == 0));
            loop.emplace_back("last", ir::Value(i == length - 1));
            loop.emplace_back("parentloop", parent.get());
            scopes_.back()["forloop"] = Value(ir::Value(std::move(loop)));
            scopes_.back()[f.variable] = Value(slice[static_cast<std::size_t>(i)]);
            render(f.body, out);
            if (interrupt_ == Interrupt::break_loop) {
                interrupt_ = Interrupt::none;
                break;
            }
            interrupt_ = Interrupt::none;
        }
        --loop_depth_;
        scopes_.pop_back();
    }

    void render_highlight(const HighlightNode& h, const Node& n, std::string& out) {
        std::string code;
        render(h.body, code);
        // Jekyll drops leading and trailing line breaks of the body.
        std::size_t b = code.find_first_not_of("\r\n");
        if (b == std::string::npos) code.clear();
        else code = code.substr(b, code.find_last_not_of("\r\n") - b + 1);
        if (!code.empty()) code += "\n";
        ir::CodeBlock block{h.language, std::move(code), h.line_numbers, h.options, {}};
        emit_block(out, n, placeholders_.add_block(ir::Block(std::move(block), pos(n))));
    }

    void render_link(const LinkNode& l, const Node& n, std::string& out) {
        std::string target = render_string(l.argument);
        while (!target.empty() && std::isspace(static_cast<unsigned char>(target.back()))) target.pop_back();
        while (!target.empty() && std::isspace(static_cast<unsigned char>(target.front()))) target.erase(0, 1);
        std::optional<LinkTarget> found;
        if (context_.links) found = l.post_url ? context_.links->post_url(target) : context_.links->link(target);
        if (found) {
            out += found->url;
            return;
        }
        std::string tag = l.post_url ? "post_url" : "link";
        // A `{% link %}` into a folder the site does not have at all (a collection that was not
        // shipped with the posts we were given) is a partial input, not a typo: warn and keep the
        // path. Anything else is an error, as in Jekyll.
        std::size_t slash = target.find('/');
        if (!l.post_url && slash != std::string::npos && slash > 0 && context_.files &&
            !context_.files->root().empty()) {
            std::error_code ec;
            std::string folder = target.substr(0, slash);
            if (!std::filesystem::exists(context_.files->root() / folder, ec)) {
                problem(ir::Severity::warning, ir::DiagnosticCode::liquid_link_outside_site, n,
                        "{% link %}: '" + target + "' is not in this site (it has no " + folder +
                            "/ folder); the link is kept as written");
                out += target;
                return;
            }
        }
        std::string how = l.post_url ? "there is no post '" + target +
                                           "'; write the post's file name under _posts/ without its extension "
                                           "(e.g. 2010-07-21-name)"
                                     : "there is no file '" + target +
                                           "' in the site; write its path from the site root, with its extension "
                                           "(e.g. _posts/2016-07-26-name.md)";
        problem(ir::Severity::error, ir::DiagnosticCode::liquid_link_not_found, n, "{% " + tag + " %}: " + how);
        // The tag usually stands inside a Markdown link destination, where a placeholder token
        // would be percent-encoded: keep the target as written so the link still parses.
        out += target;
    }

    // Jekyll's include parameters: key="v", key='v' or key=variable.
    Value include_params(const std::string& params) {
        // `\s` and `.` spelled out as in the ECMAScript original (text_match.h).
        static const RE2 param(R"re(([\w-]+)[\t\n\v\f\r ]*=[\t\n\v\f\r ]*(?:"([^"\\]*(?:\\[^\n\r][^"\\]*)*)")re"
                               R"re(|'([^'\\]*(?:\\[^\n\r][^'\\]*)*)'|([\w.\-\[\]"']+)))re",
                               byte_pattern_options());
        ir::Object obj;
        const re2::StringPiece text(params);
        re2::StringPiece m[5];  // the whole match, the key, then "value", 'value' or an expression
        for (std::size_t at = 0; at < text.size() && param.Match(text, at, text.size(), RE2::UNANCHORED, m, 5);
             at = static_cast<std::size_t>(m[0].data() + m[0].size() - text.data())) {
            auto str = [](re2::StringPiece p) { return std::string(p.data(), p.size()); };
            ir::Value v;
            if (m[2].data()) v = ir::Value(str(m[2]));
            else if (m[3].data()) v = ir::Value(str(m[3]));
            else {
                Expr e;
                parse_expression(str(m[4]), e);
                v = eval(e).get();
            }
            obj.emplace_back(str(m[1]), std::move(v));
        }
        return Value(ir::Value(std::move(obj)));
    }

    // Jekyll's IncludeTag#initialize: when the markup matches VARIABLE_SYNTAX (text without `{`,
    // then `{{ name | filters }}` followed by non-space text, once or more) that match is the file
    // name and the rest the parameters; otherwise the first word is the name. Ruby's /m makes `.`
    // match newlines; `\s` is spelled out as in text_match.h.
    static void split_include_markup(std::string_view markup, std::string& name, std::string& params) {
        static const RE2 variable_syntax(
            R"re((?s)([^{]*(?:\{\{[\t\n\v\f\r ]*[\w\-.]+[\t\n\v\f\r ]*(?:\|.*)?\}\}[^\t\n\v\f\r {}]*)+)(.*))re",
            byte_pattern_options());
        const std::string_view ws = " \t\n\v\f\r";
        auto strip = [&](std::string_view v) {
            const auto b = v.find_first_not_of(ws);
            if (b == std::string_view::npos) return std::string();
            return std::string(v.substr(b, v.find_last_not_of(ws) - b + 1));
        };
        const std::string text = strip(markup);
        re2::StringPiece m[3];
        if (variable_syntax.Match(re2::StringPiece(text), 0, text.size(), RE2::UNANCHORED, m, 3)) {
            name = strip(std::string_view(m[1].data(), m[1].size()));
            params = strip(std::string_view(m[2].data(), m[2].size()));
            return;
        }
        const auto split = text.find_first_of(ws);
        name = text.substr(0, split);
        params = split == std::string::npos ? std::string() : text.substr(split);
    }

    void render_include(const IncludeNode& inc, const Node& n, std::string& out) {
        std::string name, params;
        split_include_markup(inc.markup, name, params);
        name = render_string(name);
        const char* tag = inc.relative ? "include_relative" : "include";
        if (!valid_include_name(name)) {
            // Jekyll raises here, and the build stops; we skip the document. `..`, `//` and odd
            // characters never reach the file system.
            problem(ir::Severity::error, ir::DiagnosticCode::include_bad_name, n,
                    std::string("{% ") + tag + " %}: '" + name +
                        "' is not a file name Jekyll accepts (letters, digits and _ / . - ( ) + ~ # @, no '..' or "
                        "'//'); skipped");
            throw Abort{};
        }
        if (include_depth_ >= max_include_depth) {
            problem(ir::Severity::error, ir::DiagnosticCode::include_too_deep, n,
                    std::string("{% ") + tag + " " + name + " %}: includes nest more than " +
                        std::to_string(max_include_depth) + " deep (does it include itself?); skipped");
            throw Abort{};
        }
        const IncludeFile* file = load_include(inc.relative, name, n);
        if (!file) {
            emit_unsupported(out, n, "include");
            return;
        }
        if (include_depth_ == 0) {
            include_line_ = n.line;
            include_col_ = n.col;
        }
        std::string outer_where = include_where_;
        Scope include_scope;
        include_scope["include"] = include_params(params);
        ++include_depth_;
        include_where_ = file->path;
        scopes_.push_back(std::move(include_scope));
        render(file->nodes, out);
        scopes_.pop_back();
        include_where_ = outer_where;
        --include_depth_;
    }

    // Reads and parses an include file once per document, through the site's guarded reader
    // (inside the site only, the file size limit) and the checks a post's text gets (UTF-8,
    // NUL, line length, nesting). nullptr when it cannot be used, after reporting why.
    const IncludeFile* load_include(bool relative, const std::string& name, const Node& n) {
        // Jekyll joins the name to the folder with File.join, which drops a leading '/'.
        std::string_view bare = name;
        while (!bare.empty() && bare.front() == '/') bare.remove_prefix(1);
        std::string path = relative ? (context_.folder.empty() ? std::string(bare) : context_.folder + "/" + std::string(bare))
                                    : "_includes/" + std::string(bare);
        auto [it, fresh] = includes_.try_emplace(path);
        if (!fresh) return it->second.get();
        const char* tag = relative ? "include_relative" : "include";
        std::string where = relative ? "beside the document" : "in the site's _includes/";
        if (!context_.files || context_.files->root().empty()) {
            problem(ir::Severity::warning, ir::DiagnosticCode::include_not_found, n,
                    std::string("{% ") + tag + " " + name + " %}: there is no site folder to find it in; it is kept "
                    "as an unsupported node");
            return nullptr;
        }
        ir::GuardedReader::File f = context_.files->read(path, context_.limits.max_file_size);
        if (!f.ok()) {
            if (f.status == ir::ReadStatus::missing) {
                problem(ir::Severity::warning, ir::DiagnosticCode::include_not_found, n,
                        "include '" + name + "' not found " + where +
                            "; it is kept as an unsupported node (add the file to render it)");
            } else {
                problem(ir::Severity::error, ir::DiagnosticCode::include_unreadable, n,
                        std::string("{% ") + tag + " %}: " + path + " " + f.error + "; skipped");
            }
            return nullptr;
        }
        std::vector<ir::Diagnostic> checks;
        if (!check_file_text(f.text, path, context_.limits, checks) ||
            !check_body_text(f.text, path, 1, context_.limits, checks)) {
            const ir::Diagnostic& d = checks.front();
            problem(ir::Severity::error, ir::DiagnosticCode::include_invalid, n,
                    std::string("{% ") + tag + " %}: " + path + ":" + std::to_string(d.line) + ": " + d.message);
            return nullptr;
        }
        charge_bytes(f.text.size(), n);
        auto file = std::make_unique<IncludeFile>();
        file->path = path;
        std::vector<Problem> parse_problems;
        file->nodes = parse_template(f.text, parse_problems);
        for (const Problem& p : parse_problems)
            problem(p.severity, p.code, n, std::string("in ") + path + ":" + std::to_string(p.line) + ": " + p.message);
        it->second = std::move(file);
        return it->second.get();
    }

    void render_unknown(const UnknownTagNode& u, const Node& n, std::string& out) {
        if (u.has_body) {
            problem(ir::Severity::warning, ir::DiagnosticCode::liquid_unknown_tag, n,
                    "unknown Liquid block tag '" + u.name + "' (a plugin's?); its body is kept, the tags are dropped");
            render(u.body, out);
            return;
        }
        problem(ir::Severity::warning, ir::DiagnosticCode::liquid_unknown_tag, n,
                "unknown Liquid tag '" + u.name + "' (a plugin's?); it is kept as an unsupported node");
        emit_unsupported(out, n, "liquid-tag");
    }

    const BodyContext& context_;
    Placeholders& placeholders_;
    std::vector<Problem>& problems_;
    FilterEnvironment env_;
    std::vector<Scope> scopes_;
    std::unordered_map<std::string, std::int64_t> counters_;
    Interrupt interrupt_ = Interrupt::none;
    int include_depth_ = 0;
    int include_line_ = 1;
    int include_col_ = 1;
    std::string include_where_;  // the include file being rendered, for diagnostics
    std::unordered_map<std::string, std::unique_ptr<IncludeFile>> includes_;
    std::unordered_set<std::string> reported_;
    std::size_t steps_ = 0;
    std::size_t bytes_ = 0;
    int loop_depth_ = 0;  // `for` loops open around the node being rendered
    static inline const Node no_node{};
    const Node* at_ = &no_node;  // the node being rendered, where a budget is reported
};

}  // namespace

std::string evaluate(const Nodes& nodes, const BodyContext& context, Placeholders& placeholders,
                     std::vector<Problem>& problems) {
    Evaluator e(context, placeholders, problems);
    std::string out;
    try {
        e.render(nodes, out);
    } catch (const Abort&) {
        // Reported as an error where it happened; the document is skipped.
        out.clear();
    }
    return out;
}

}  // namespace blogconv::readers::liquid
