#include "readers/yaml_value.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <sstream>

#include "readers/text_match.h"

namespace blogconv::readers {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

// Psych's INTEGER, minus the comma and underscore separators it strips before converting.
std::optional<std::int64_t> parse_int(const std::string& s) {
    static const RE2 re(
        R"(^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$)",
        byte_pattern_options());
    // Most scalars are words: what the pattern cannot start with is turned away first.
    if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-' || s[0] == '+')) return std::nullopt;
    if (!RE2::FullMatch(s, re)) return std::nullopt;
    std::string t;
    for (char c : s)
        if (c != '_' && c != ',') t += c;
    bool neg = false;
    std::size_t i = 0;
    if (t[i] == '+' || t[i] == '-') neg = t[i++] == '-';
    int base = 10;
    if (t.compare(i, 2, "0b") == 0) base = 2, i += 2;
    else if (t.compare(i, 2, "0x") == 0) base = 16, i += 2;
    else if (t.size() - i > 1 && t[i] == '0') base = 8, i += 1;
    try {
        std::size_t used = 0;
        long long v = std::stoll(t.substr(i), &used, base);
        return neg ? -v : v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<double> parse_float(const std::string& s) {
    static const RE2 re(
        R"(^(?:[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$)",
        byte_pattern_options());
    if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-' || s[0] == '+' || s[0] == '.'))
        return std::nullopt;
    if (!RE2::FullMatch(s, re)) return std::nullopt;
    if (s == "." || s == "+." || s == "-.") return std::nullopt;
    if (iequals(s, ".inf") || iequals(s, "+.inf")) return std::numeric_limits<double>::infinity();
    if (iequals(s, "-.inf")) return -std::numeric_limits<double>::infinity();
    if (iequals(s, ".nan")) return std::nan("");
    std::string t;
    for (char c : s)
        if (c != '_' && c != ',') t += c;
    std::istringstream in(t);
    in.imbue(std::locale::classic());
    double d = 0;
    in >> d;
    return d;
}

// Thrown when the document expands past the node limit or nests too deep; caught in parse_yaml.
struct TooManyNodes {};
struct TooDeep {};

// Deeper than any real front matter, shallow enough for the stack. An alias inside the node it
// names (`b: &b [*b]`) makes yaml-cpp build a cycle, which only this stops.
constexpr int max_yaml_depth = 200;

struct Converter {
    std::size_t max_nodes = 0;
    std::size_t nodes = 0;
    int depth = 0;

    ir::Value convert(const YAML::Node& n) {
        if (++nodes > max_nodes) throw TooManyNodes{};
        if (depth >= max_yaml_depth) throw TooDeep{};
        ++depth;
        ir::Value v = convert_node(n);
        --depth;
        return v;
    }

    // Psych's merge key (ToRuby#revive_hash): a mapping's keys are set into `obj` in order, a
    // list of mappings merges with the earlier ones winning. False (the caller keeps a plain
    // `<<` key) when the value is neither, or the list holds something other than mappings.
    static bool merge(ir::Value& obj, const ir::Value& value) {
        if (value.is_object()) {
            for (const auto& [k, v] : value.as_object()) obj.set(k, v);
            return true;
        }
        if (!value.is_array()) return false;
        for (const auto& item : value.as_array())
            if (!item.is_object()) return false;
        ir::Value merged = ir::Object{};
        for (auto it = value.as_array().rbegin(); it != value.as_array().rend(); ++it)
            for (const auto& [k, v] : it->as_object()) merged.set(k, v);
        for (const auto& [k, v] : merged.as_object()) obj.set(k, v);
        return true;
    }

    ir::Value convert_node(const YAML::Node& n) {
        switch (n.Type()) {
            case YAML::NodeType::Undefined:
            case YAML::NodeType::Null:
                return {};
            case YAML::NodeType::Scalar: {
                const std::string& s = n.Scalar();
                if (n.Tag() == "!") return s;  // quoted (or block) scalar: always a string
                return resolve_plain_scalar(s);
            }
            case YAML::NodeType::Sequence: {
                ir::Array a;
                for (const auto& item : n) a.push_back(convert(item));
                return a;
            }
            case YAML::NodeType::Map: {
                ir::Value obj = ir::Object{};
                for (const auto& kv : n) {
                    std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
                    ir::Value value = convert(kv.second);
                    if (key == "<<" && kv.first.Tag() != "tag:yaml.org,2002:str" && merge(obj, value)) continue;
                    // A later duplicate key replaces the earlier value in place, as in Psych.
                    obj.set(key, std::move(value));
                }
                return obj;
            }
        }
        return {};
    }
};

}  // namespace

bool is_yaml_timestamp(std::string_view text) {
    static const RE2 date_re(R"(^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$)", byte_pattern_options());
    // `\s` spelled out as in the ECMAScript original (text_match.h).
    static const RE2 time_re(R"(^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[\t\n\v\f\r ]+)\d{1,2}:\d\d:\d\d(?:\.\d*)?)"
                             R"((?:[\t\n\v\f\r ]*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$)",
                             byte_pattern_options());
    // Both start with a digit (or the sign of a year): most values are turned away before the regex.
    if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '-')) return false;
    const re2::StringPiece s(text.data(), text.size());
    return RE2::FullMatch(s, date_re) || RE2::FullMatch(s, time_re);
}

ir::Value resolve_plain_scalar(const std::string& s) {
    if (s.empty() || s == "~" || iequals(s, "null")) return {};
    if (iequals(s, "true") || iequals(s, "yes") || iequals(s, "on")) return true;
    if (iequals(s, "false") || iequals(s, "no") || iequals(s, "off")) return false;
    if (auto i = parse_int(s)) return *i;
    if (auto d = parse_float(s)) return *d;
    return s;
}

YamlResult parse_yaml(std::string_view text, const std::string& path, int first_line, std::size_t max_nodes) {
    YamlResult result;
    YAML::Node root;
    // yaml-cpp takes a quoted scalar left open at the end of the text (`title: "unclosed` and a
    // line break) for one that runs to the end, where Ruby's Psych, and so Jekyll, refuses the
    // file. A document end marker after the text makes the open quote an error: the marker may
    // not stand inside a quoted scalar. A closed document is unchanged by it.
    std::string source(text);
    if (!source.empty() && source.back() != '\n') source += '\n';
    const auto text_lines = static_cast<int>(std::count(source.begin(), source.end(), '\n'));
    source += "...\n";
    try {
        root = YAML::Load(source);
    } catch (const YAML::Exception& e) {
        ir::Diagnostic d(ir::DiagnosticCode::yaml_invalid, ir::Severity::error, path,
                         e.mark.is_null() ? first_line : first_line + e.mark.line,
                         e.mark.is_null() ? 0 : e.mark.column + 1, "invalid YAML front matter: " + e.msg);
        // At the end marker we added: the only scalar it can be inside is a quoted one.
        if (!e.mark.is_null() && e.mark.line >= text_lines && e.msg == YAML::ErrorMsg::DOC_IN_SCALAR)
            d.message = "invalid YAML front matter: a quoted value is never closed (a \" or ' with no end)";
        // The offending line, for the caret display.
        if (!e.mark.is_null()) {
            std::size_t pos = 0;
            for (int l = 0; l < e.mark.line && pos != std::string_view::npos; ++l) {
                pos = text.find('\n', pos);
                if (pos != std::string_view::npos) ++pos;
            }
            if (pos != std::string_view::npos && pos <= text.size()) {
                std::size_t end = text.find('\n', pos);
                std::string line(text.substr(pos, end == std::string_view::npos ? end : end - pos));
                if (!line.empty() && line.back() == '\r') line.pop_back();
                d.source_line = line;
            }
        }
        result.error = d;
        return result;
    }
    Converter c;
    c.max_nodes = max_nodes;
    try {
        result.value = c.convert(root);
    } catch (const TooManyNodes&) {
        result.error = ir::Diagnostic(
            ir::DiagnosticCode::limit_yaml_nodes, ir::Severity::error, path, first_line, 0,
            "the YAML expands to more than " + std::to_string(max_nodes) +
                " values (aliases of aliases, a \"billion laughs\"?); raise --max-yaml-nodes if it is genuine");
        return result;
    } catch (const TooDeep&) {
        result.error = ir::Diagnostic(ir::DiagnosticCode::limit_yaml_depth, ir::Severity::error, path, first_line, 0,
                                      "the YAML nests more than " + std::to_string(max_yaml_depth) +
                                          " levels deep (or an alias refers to the node that holds it)");
        return result;
    }
    if (root.IsMap()) {
        for (const auto& kv : root) {
            if (kv.first.IsScalar() && kv.second.IsScalar() && kv.second.Tag() != "!" &&
                is_yaml_timestamp(kv.second.Scalar()))
                result.plain_timestamp_keys.insert(kv.first.Scalar());
        }
    }
    return result;
}

}  // namespace blogconv::readers
