#include "readers/liquid/parser.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "readers/liquid/lexer.h"
#include "readers/text_match.h"

namespace blogconv::readers::liquid {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ---- Expressions -----------------------------------------------------------------------------

struct Lex {
    enum class Kind { id, string, number, dotdot, dot, lbracket, rbracket, lparen, rparen, pipe, colon, comma,
                      comparison, junk, end };
    Kind kind = Kind::end;
    std::string text;
};

std::vector<Lex> lex_markup(std::string_view s) {
    std::vector<Lex> out;
    std::size_t i = 0;
    auto push = [&](Lex::Kind k, std::string t) { out.push_back(Lex{k, std::move(t)}); };
    while (i < s.size()) {
        char c = s[i];
        if (is_space(c)) {
            ++i;
        } else if (c == '"' || c == '\'') {
            std::size_t close = s.find(c, i + 1);
            if (close == std::string_view::npos) {
                push(Lex::Kind::junk, std::string(s.substr(i)));
                break;
            }
            push(Lex::Kind::string, std::string(s.substr(i + 1, close - i - 1)));
            i = close + 1;
        } else if (is_digit(c) || (c == '-' && i + 1 < s.size() && is_digit(s[i + 1]))) {
            std::size_t j = i + 1;
            while (j < s.size() && is_digit(s[j])) ++j;
            if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
                ++j;
                while (j < s.size() && is_digit(s[j])) ++j;
            }
            push(Lex::Kind::number, std::string(s.substr(i, j - i)));
            i = j;
        } else if (is_word(c)) {
            std::size_t j = i + 1;
            while (j < s.size() && (is_word(s[j]) || s[j] == '-')) ++j;
            if (j < s.size() && s[j] == '?') ++j;
            push(Lex::Kind::id, std::string(s.substr(i, j - i)));
            i = j;
        } else if (s.substr(i, 2) == "..") {
            push(Lex::Kind::dotdot, "..");
            i += 2;
        } else if (s.substr(i, 2) == "==" || s.substr(i, 2) == "!=" || s.substr(i, 2) == "<>" ||
                   s.substr(i, 2) == "<=" || s.substr(i, 2) == ">=") {
            push(Lex::Kind::comparison, std::string(s.substr(i, 2)));
            i += 2;
        } else {
            Lex::Kind k = Lex::Kind::junk;
            switch (c) {
                case '.': k = Lex::Kind::dot; break;
                case '[': k = Lex::Kind::lbracket; break;
                case ']': k = Lex::Kind::rbracket; break;
                case '(': k = Lex::Kind::lparen; break;
                case ')': k = Lex::Kind::rparen; break;
                case '|': k = Lex::Kind::pipe; break;
                case ':': k = Lex::Kind::colon; break;
                case ',': k = Lex::Kind::comma; break;
                case '<':
                case '>': k = Lex::Kind::comparison; break;
                default: break;
            }
            push(k, std::string(1, c));
            ++i;
        }
    }
    return out;
}

class ExprParser {
public:
    explicit ExprParser(std::string_view markup) : toks_(lex_markup(markup)) {}

    const Lex& peek(std::size_t ahead = 0) const {
        static const Lex end;
        return pos_ + ahead < toks_.size() ? toks_[pos_ + ahead] : end;
    }
    bool at(Lex::Kind k) const { return peek().kind == k; }
    bool at_id(std::string_view word) const { return peek().kind == Lex::Kind::id && peek().text == word; }
    Lex take() {
        Lex t = peek();
        if (pos_ < toks_.size()) ++pos_;
        return t;
    }
    bool accept(Lex::Kind k) {
        if (!at(k)) return false;
        ++pos_;
        return true;
    }
    bool done() const { return pos_ >= toks_.size(); }
    bool ok = true;  // false once something could not be parsed

    Expr expression() {
        Expr e;
        const Lex& t = peek();
        switch (t.kind) {
            case Lex::Kind::string:
                e.literal = ir::Value(take().text);
                return e;
            case Lex::Kind::number: {
                std::string n = take().text;
                if (n.find('.') != std::string::npos)
                    e.literal = ir::Value(std::strtod(n.c_str(), nullptr));
                else
                    e.literal = ir::Value(static_cast<std::int64_t>(std::strtoll(n.c_str(), nullptr, 10)));
                return e;
            }
            case Lex::Kind::lparen: {
                take();
                e.kind = Expr::Kind::range;
                e.path.push_back(expression());
                if (!accept(Lex::Kind::dotdot)) ok = false;
                e.path.push_back(expression());
                if (!accept(Lex::Kind::rparen)) ok = false;
                return e;
            }
            case Lex::Kind::id: {
                std::string word = take().text;
                if (word == "true" || word == "false") {
                    e.literal = ir::Value(word == "true");
                    return e;
                }
                if (word == "nil" || word == "null") return e;
                if (word == "empty") {
                    e.kind = Expr::Kind::empty;
                    return e;
                }
                if (word == "blank") {
                    e.kind = Expr::Kind::blank;
                    return e;
                }
                e.kind = Expr::Kind::variable;
                e.name = word;
                lookups(e);
                return e;
            }
            case Lex::Kind::lbracket: {
                e.kind = Expr::Kind::variable;
                lookups(e);
                return e;
            }
            default:
                ok = false;
                if (!done()) take();
                return e;
        }
    }

    void lookups(Expr& e) {
        while (true) {
            if (at(Lex::Kind::dot) && peek(1).kind == Lex::Kind::id) {
                take();
                Expr key;
                key.literal = ir::Value(take().text);
                e.path.push_back(std::move(key));
            } else if (accept(Lex::Kind::lbracket)) {
                e.path.push_back(expression());
                if (!accept(Lex::Kind::rbracket)) ok = false;
            } else {
                return;
            }
        }
    }

    std::vector<Filter> filters() {
        std::vector<Filter> out;
        while (accept(Lex::Kind::pipe)) {
            if (!at(Lex::Kind::id)) {
                ok = false;
                continue;
            }
            Filter f;
            f.name = take().text;
            if (accept(Lex::Kind::colon)) {
                do {
                    if (at(Lex::Kind::id) && peek(1).kind == Lex::Kind::colon) {
                        std::string key = take().text;
                        take();
                        f.keyword_args.emplace_back(key, expression());
                    } else {
                        f.args.push_back(expression());
                    }
                } while (accept(Lex::Kind::comma));
            }
            out.push_back(std::move(f));
            // Lax mode skips whatever stands between filters.
            while (!done() && !at(Lex::Kind::pipe)) {
                ok = false;
                take();
            }
        }
        return out;
    }

private:
    std::vector<Lex> toks_;
    std::size_t pos_ = 0;
};

// ---- Tags ------------------------------------------------------------------------------------

bool blank_between(std::string_view s, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
    return true;
}

class TemplateParser {
public:
    TemplateParser(std::string_view source, std::vector<Problem>& problems)
        : source_(source), tokens_(tokenize(source)), problems_(problems) {}

    Nodes parse() {
        Nodes nodes;
        while (pos_ < tokens_.size()) {
            const Token* stop = nullptr;
            Nodes more = body({}, stop);
            for (Node& n : more) nodes.push_back(std::move(n));
            if (stop) {
                problem(ir::Severity::error, ir::DiagnosticCode::liquid_unexpected_end, *stop,
                        "unexpected '{% " + stop->name + " %}' with no open block; remove it or add the opening tag");
            }
        }
        return nodes;
    }

private:
    void problem(ir::Severity s, ir::DiagnosticCode code, const Token& t, std::string message) {
        problems_.push_back(Problem{s, t.line, t.col, std::move(message), code});
    }

    Node make(const Token& t, Node::Variant v) {
        Node n;
        n.node = std::move(v);
        n.line = t.line;
        n.col = t.col;
        n.source = t.source;
        std::size_t line_start = source_.rfind('\n', t.offset == 0 ? 0 : t.offset - 1);
        line_start = (line_start == std::string_view::npos || t.offset == 0) ? 0 : line_start + 1;
        std::size_t end = t.offset + t.source.size();
        std::size_t line_end = source_.find('\n', end);
        if (line_end == std::string_view::npos) line_end = source_.size();
        n.own_line = blank_between(source_, line_start, t.offset) && blank_between(source_, end, line_end);
        if (blank_between(source_, line_start, t.offset))
            n.indent = std::string(source_.substr(line_start, t.offset - line_start));
        return n;
    }

    bool in_stops(const std::string& name, std::size_t from_level) const {
        for (std::size_t i = from_level; i < stops_.size(); ++i)
            if (std::find(stops_[i].begin(), stops_[i].end(), name) != stops_[i].end()) return true;
        return false;
    }

    // Parses nodes until a tag named in `stops` (consumed and returned in `stop`) or the end
    // (`stop` null). A closing tag of an outer block also ends it, unconsumed, so that one
    // missing `endif` does not swallow the rest of the post.
    Nodes body(std::vector<std::string> stops, const Token*& stop) {
        stops_.push_back(std::move(stops));
        Nodes nodes;
        stop = nullptr;
        while (pos_ < tokens_.size()) {
            const Token& t = tokens_[pos_];
            if (t.kind == Token::Kind::tag) {
                if (in_stops(t.name, stops_.size() - 1)) {
                    ++pos_;
                    stop = &t;
                    break;
                }
                if (stops_.size() > 1 && in_stops(t.name, 0)) break;  // an outer block's tag
            }
            ++pos_;
            node(t, nodes);
        }
        stops_.pop_back();
        return nodes;
    }

    void unclosed(const Token& open) {
        problem(ir::Severity::error, ir::DiagnosticCode::liquid_unclosed_block, open,
                "'{% " + open.name + " %}' is never closed; add '{% end" + open.name + " %}'");
    }

    void node(const Token& t, Nodes& out) {
        switch (t.kind) {
            case Token::Kind::text:
                out.push_back(make(t, TextNode{t.text, t.raw}));
                return;
            case Token::Kind::error:
                problem(ir::Severity::error, ir::DiagnosticCode::liquid_unclosed_delimiter, t,
                        std::string("'") + t.source + "' is not closed; add '" + (t.source == "{{" ? "}}" : "%}") +
                            "' or write it as {{ '" + t.source + "' }}");
                out.push_back(make(t, TextNode{t.source, false}));
                return;
            case Token::Kind::output: {
                OutputNode o{parse_filtered(t.text, t.line, t.col, problems_)};
                out.push_back(make(t, std::move(o)));
                return;
            }
            case Token::Kind::tag:
                tag(t, out);
                return;
        }
    }

    void tag(const Token& t, Nodes& out) {
        const std::string& name = t.name;
        const std::string& markup = t.text;
        if (name == "raw") {
            problem(ir::Severity::error, ir::DiagnosticCode::liquid_unclosed_raw, t, "'{% raw %}' is never closed; add '{% endraw %}'");
            return;
        }
        if (name == "comment") {
            int depth = 1;
            for (; pos_ < tokens_.size(); ++pos_) {
                const Token& c = tokens_[pos_];
                if (c.kind != Token::Kind::tag) continue;
                if (c.name == "comment") ++depth;
                if (c.name == "endcomment" && --depth == 0) break;
            }
            if (pos_ >= tokens_.size()) unclosed(t);
            else ++pos_;
            return;
        }
        if (name == "#") return;
        if (name == "assign") {
            std::size_t eq = markup.find('=');
            std::string var = markup.substr(0, eq == std::string::npos ? 0 : eq);
            while (!var.empty() && is_space(var.back())) var.pop_back();
            if (eq == std::string::npos || var.empty()) {
                problem(ir::Severity::error, ir::DiagnosticCode::liquid_bad_assign, t, "bad assign '" + t.source + "'; write {% assign name = value %}");
                return;
            }
            AssignNode a{var, parse_filtered(std::string_view(markup).substr(eq + 1), t.line, t.col, problems_)};
            out.push_back(make(t, std::move(a)));
            return;
        }
        if (name == "capture") {
            std::string var = markup;
            if (var.size() >= 2 && (var.front() == '"' || var.front() == '\'')) var = var.substr(1, var.size() - 2);
            const Token* stop = nullptr;
            CaptureNode c{var, body({"endcapture"}, stop)};
            if (!stop) unclosed(t);
            out.push_back(make(t, std::move(c)));
            return;
        }
        if (name == "if" || name == "unless") {
            IfNode n;
            n.unless = name == "unless";
            std::string cond_markup = markup;
            const Token* at = &t;
            bool is_else = false;
            while (true) {
                IfNode::Branch b;
                if (!is_else) {
                    bool ok = true;
                    b.condition = parse_condition(cond_markup, ok);
                    if (!ok) problem(ir::Severity::warning, ir::DiagnosticCode::liquid_partly_parsed, *at, "could not fully parse the condition '" + cond_markup + "'");
                }
                const Token* stop = nullptr;
                b.body = body({"elsif", "else", "end" + name}, stop);
                n.branches.push_back(std::move(b));
                if (!stop) {
                    unclosed(t);
                    break;
                }
                if (stop->name == "end" + name) break;
                if (is_else) {
                    problem(ir::Severity::error, ir::DiagnosticCode::liquid_branch_after_else, *stop,
                            "'{% " + stop->name + " %}' after '{% else %}'");
                }
                is_else = stop->name == "else";
                cond_markup = stop->text;
                at = stop;
            }
            out.push_back(make(t, std::move(n)));
            return;
        }
        if (name == "case") {
            CaseNode n;
            if (!parse_expression(markup, n.subject))
                problem(ir::Severity::warning, ir::DiagnosticCode::liquid_partly_parsed, t, "could not parse the case subject '" + markup + "'");
            const Token* stop = nullptr;
            body({"when", "else", "endcase"}, stop);  // text before the first `when` is dropped
            while (stop && stop->name != "endcase") {
                CaseNode::When w;
                if (stop->name == "when") {
                    ExprParser p(stop->text);
                    do {
                        w.values.push_back(p.expression());
                    } while (p.accept(Lex::Kind::comma) || (p.at_id("or") && (p.take(), true)));
                }
                w.body = body({"when", "else", "endcase"}, stop);
                n.whens.push_back(std::move(w));
            }
            if (!stop) unclosed(t);
            out.push_back(make(t, std::move(n)));
            return;
        }
        if (name == "for") {
            ForNode n;
            ExprParser p(markup);
            bool ok = p.at(Lex::Kind::id);
            if (ok) n.variable = p.take().text;
            ok = ok && p.at_id("in");
            if (ok) p.take();
            n.collection = p.expression();
            while (!p.done()) {
                if (p.at_id("reversed")) {
                    p.take();
                    n.reversed = true;
                } else if ((p.at_id("limit") || p.at_id("offset")) && p.peek(1).kind == Lex::Kind::colon) {
                    std::string key = p.take().text;
                    p.take();
                    (key == "limit" ? n.limit : n.offset) = p.expression();
                } else {
                    ok = false;
                    p.take();
                }
            }
            if (!ok || !p.ok) problem(ir::Severity::warning, ir::DiagnosticCode::liquid_partly_parsed, t, "could not fully parse '{% for " + markup + " %}'");
            const Token* stop = nullptr;
            n.body = body({"else", "endfor"}, stop);
            if (stop && stop->name == "else") n.else_body = body({"endfor"}, stop);
            if (!stop) unclosed(t);
            out.push_back(make(t, std::move(n)));
            return;
        }
        if (name == "break") return out.push_back(make(t, BreakNode{}));
        if (name == "continue") return out.push_back(make(t, ContinueNode{}));
        if (name == "increment" || name == "decrement") {
            return out.push_back(make(t, IncrementNode{markup, name == "decrement"}));
        }
        if (name == "echo") {
            return out.push_back(make(t, OutputNode{parse_filtered(markup, t.line, t.col, problems_)}));
        }
        if (name == "highlight") {
            out.push_back(make(t, highlight(t)));
            return;
        }
        if (name == "post_url" || name == "link") {
            return out.push_back(make(t, LinkNode{name == "post_url", markup}));
        }
        if (name == "include" || name == "include_relative") {
            return out.push_back(make(t, IncludeNode{name == "include_relative", markup}));
        }
        if (name.rfind("end", 0) == 0 || name == "else" || name == "elsif" || name == "when") {
            problem(ir::Severity::error, ir::DiagnosticCode::liquid_unexpected_end, t,
                    "unexpected '{% " + name + " %}' with no open block; remove it");
            return;
        }
        unknown(t, out);
    }

    HighlightNode highlight(const Token& t) {
        // Jekyll's syntax: a language, then `name`, `name=value` or `name="1 2 3"` options.
        // `\s` spelled out as in the ECMAScript original (text_match.h).
        static const RE2 syntax(R"(^([a-zA-Z0-9.+#_-]+))"
                                R"(((?:[\t\n\v\f\r ]+\w+(?:=(?:\w+|"(?:[0-9]+[\t\n\v\f\r ])*[0-9]+"))?)*)$)",
                                byte_pattern_options());
        static const RE2 option(R"re((\w+)(?:=(?:"([^"]*)"|(\w+)))?)re", byte_pattern_options());
        HighlightNode n;
        const std::string& markup = t.text;
        std::string opts;
        if (RE2::FullMatch(markup, syntax, &n.language, &opts)) {
            std::transform(n.language.begin(), n.language.end(), n.language.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            re2::StringPiece rest(opts);
            std::string key, quoted, word;
            // The syntax above allows only these options, so each search finds the next one.
            while (RE2::FindAndConsume(&rest, option, &key, &quoted, &word)) {
                if (key == "linenos") n.line_numbers = true;
                else n.options.emplace_back(key, quoted + word);  // at most one of the two matched
            }
        } else {
            problem(ir::Severity::error, ir::DiagnosticCode::liquid_bad_highlight, t,
                    "bad '{% highlight " + markup + " %}'; write {% highlight LANGUAGE [linenos] %}");
            std::size_t sp = markup.find_first_of(" \t");
            n.language = markup.substr(0, sp);
        }
        const Token* stop = nullptr;
        n.body = body({"endhighlight"}, stop);
        if (!stop) unclosed(t);
        return n;
    }

    void unknown(const Token& t, Nodes& out) {
        // A plugin's block tag has an `end<name>` further on; without one it is a plain tag.
        std::string end_name = "end" + t.name;
        int depth = 1;
        bool has_end = false;
        for (std::size_t i = pos_; i < tokens_.size(); ++i) {
            const Token& c = tokens_[i];
            if (c.kind != Token::Kind::tag) continue;
            if (c.name == t.name) ++depth;
            if (c.name == end_name && --depth == 0) {
                has_end = true;
                break;
            }
        }
        UnknownTagNode n{t.name, t.text, has_end, {}};
        if (has_end) {
            const Token* stop = nullptr;
            n.body = body({end_name}, stop);
            if (!stop) unclosed(t);
        }
        out.push_back(make(t, std::move(n)));
    }

    std::string_view source_;
    std::vector<Token> tokens_;
    std::vector<Problem>& problems_;
    std::size_t pos_ = 0;
    std::vector<std::vector<std::string>> stops_;
};

}  // namespace

Condition parse_condition(std::string_view markup, bool& ok) {
    ExprParser p(markup);
    Condition c;
    while (true) {
        Comparison cmp;
        cmp.left = p.expression();
        if (p.at(Lex::Kind::comparison) || p.at_id("contains")) {
            cmp.op = p.take().text;
            if (cmp.op == "<>") cmp.op = "!=";
            cmp.right = p.expression();
        }
        c.terms.push_back(std::move(cmp));
        if (p.at_id("and") || p.at_id("or")) {
            c.joins.push_back(p.take().text);
            continue;
        }
        break;
    }
    ok = p.ok && p.done();
    return c;
}

FilteredExpr parse_filtered(std::string_view markup, int line, int col, std::vector<Problem>& problems) {
    ExprParser p(markup);
    FilteredExpr f;
    if (!p.at(Lex::Kind::pipe)) f.expr = p.expression();
    // Lax mode ignores anything between the expression and the first filter.
    while (!p.done() && !p.at(Lex::Kind::pipe)) {
        p.ok = false;
        p.take();
    }
    f.filters = p.filters();
    if (!p.ok)
        problems.push_back(Problem{ir::Severity::warning, line, col,
                                   "could not fully parse '" + std::string(markup) + "'; parts of it were ignored",
                                   ir::DiagnosticCode::liquid_partly_parsed});
    return f;
}

bool parse_expression(std::string_view markup, Expr& out) {
    ExprParser p(markup);
    out = p.expression();
    return p.ok && p.done();
}

Nodes parse_template(std::string_view source, std::vector<Problem>& problems) {
    return TemplateParser(source, problems).parse();
}

}  // namespace blogconv::readers::liquid
