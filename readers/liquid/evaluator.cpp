#include "readers/liquid/evaluator.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "readers/liquid/filters.h"
#include "readers/liquid/lexer.h"
#include "readers/liquid/parser.h"
#include "readers/liquid/value.h"
#include "readers/text_match.h"

namespace blogconv::readers::liquid {

namespace {

// Includes that include themselves would never end; Jekyll stops far earlier than this.
constexpr int max_include_depth = 10;

bool is_hspace(char c) { return c == ' ' || c == '\t'; }

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
            // thousands of copies of the post. A budget stops a template that would run for
            // minutes (readers/limits.h; docs/robustness.md). The site reader reports the throw.
            if (++steps_ > max_steps || out.size() > max_output)
                throw std::length_error("Liquid output too large (nested loops?): over " + std::to_string(max_steps) +
                                        " steps or " + std::to_string(max_output >> 20) + " MiB; skipped");
            render(n, out);
        }
    }

private:
    static constexpr std::size_t max_steps = 200'000;
    static constexpr std::size_t max_output = 16u << 20;
    std::size_t steps_ = 0;
    enum class Interrupt { none, break_loop, continue_loop };
    using Scope = std::unordered_map<std::string, Value>;

    void problem(ir::Severity s, const Node& n, std::string message) {
        if (include_depth_ > 0) {
            // Inside an include, point at the include tag of the document itself.
            problems_.push_back(Problem{s, include_line_, include_col_, std::move(message)});
        } else {
            problems_.push_back(Problem{s, n.line, n.col, std::move(message)});
        }
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
                auto from = static_cast<std::int64_t>(to_number(eval(e.path[0]).get()));
                auto to = static_cast<std::int64_t>(to_number(eval(e.path[1]).get()));
                ir::Array a;
                for (std::int64_t i = from; i <= to && a.size() < 1000000; ++i) a.emplace_back(i);
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
            std::vector<std::pair<std::string, Value>> kw;
            for (const auto& [k, a] : filter.keyword_args) kw.emplace_back(k, eval(a));
            auto result = apply_filter(filter.name, v, args, kw, env_);
            if (result) {
                v = std::move(*result);
            } else {
                problem(ir::Severity::warning, n,
                        "unknown Liquid filter '" + filter.name + "' (a plugin's?); the value is kept unfiltered");
            }
        }
        return v;
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
        std::visit(ir::overloaded{
                       [&](const TextNode& t) { out += t.text; },
                       [&](const OutputNode& o) { out += to_output(eval(o.value, n).get()); },
                       [&](const AssignNode& a) { scopes_.front()[a.name] = eval(a.value, n); },
                       [&](const CaptureNode& c) {
                           std::string captured;
                           render(c.body, captured);
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
        std::int64_t offset = f.offset ? static_cast<std::int64_t>(to_number(eval(*f.offset).get())) : 0;
        auto size = static_cast<std::int64_t>(items.size());
        offset = std::clamp<std::int64_t>(offset, 0, size);
        std::int64_t end = size;
        if (f.limit) end = std::clamp<std::int64_t>(offset + static_cast<std::int64_t>(to_number(eval(*f.limit).get())), offset, size);
        ir::Array slice(items.begin() + offset, items.begin() + end);
        if (f.reversed) std::reverse(slice.begin(), slice.end());
        if (slice.empty()) {
            render(f.else_body, out);
            return;
        }
        Value parent = variable("forloop");
        scopes_.emplace_back();
        auto length = static_cast<std::int64_t>(slice.size());
        for (std::int64_t i = 0; i < length; ++i) {
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
        if (!l.post_url && slash != std::string::npos && slash > 0 && !context_.site_root.empty()) {
            std::error_code ec;
            std::string folder = target.substr(0, slash);
            if (!std::filesystem::exists(std::filesystem::path(context_.site_root) / folder, ec)) {
                problem(ir::Severity::warning, n,
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
        problem(ir::Severity::error, n, "{% " + tag + " %}: " + how);
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

    void render_include(const IncludeNode& inc, const Node& n, std::string& out) {
        std::string markup = inc.markup;
        std::string name, params;
        if (markup.rfind("{{", 0) == 0) {
            std::size_t close = markup.find("}}");
            std::size_t split = close == std::string::npos ? markup.size() : close + 2;
            split = markup.find_first_of(" \t\r\n", split);
            if (split == std::string::npos) split = markup.size();
            name = render_string(markup.substr(0, split));
            params = markup.substr(split);
        } else {
            std::size_t split = markup.find_first_of(" \t\r\n");
            if (split == std::string::npos) split = markup.size();
            name = render_string(markup.substr(0, split));
            params = markup.substr(split);
        }
        std::filesystem::path file;
        if (inc.relative) {
            file = std::filesystem::path(context_.path).parent_path() / name;
        } else if (!context_.site_root.empty()) {
            file = std::filesystem::path(context_.site_root) / "_includes" / name;
        }
        std::error_code ec;
        if (!name.empty() && !file.empty() && std::filesystem::is_regular_file(file, ec) &&
            include_depth_ < max_include_depth) {
            std::ifstream in(file, std::ios::binary);
            std::stringstream buf;
            buf << in.rdbuf();
            std::string text = buf.str();
            std::vector<Problem> ignored;
            Nodes nodes = parse_template(text, ignored);
            if (include_depth_ == 0) {
                include_line_ = n.line;
                include_col_ = n.col;
            }
            ++include_depth_;
            scopes_.emplace_back();
            scopes_.back()["include"] = include_params(params);
            render(nodes, out);
            scopes_.pop_back();
            --include_depth_;
            return;
        }
        std::string where = inc.relative ? "beside the document" : "in the site's _includes/";
        problem(ir::Severity::warning, n,
                "include '" + name + "' not found " + where +
                    "; it is kept as an unsupported node (add the file to render it)");
        emit_unsupported(out, n, "include");
    }

    void render_unknown(const UnknownTagNode& u, const Node& n, std::string& out) {
        if (u.has_body) {
            problem(ir::Severity::warning, n,
                    "unknown Liquid block tag '" + u.name + "' (a plugin's?); its body is kept, the tags are dropped");
            render(u.body, out);
            return;
        }
        problem(ir::Severity::warning, n,
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
};

}  // namespace

std::string evaluate(const Nodes& nodes, const BodyContext& context, Placeholders& placeholders,
                     std::vector<Problem>& problems) {
    Evaluator e(context, placeholders, problems);
    std::string out;
    e.render(nodes, out);
    return out;
}

}  // namespace blogconv::readers::liquid
