#include "writers/front_matter/serialize.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace blogconv::writers {

namespace {

std::string format_double(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    std::string s(buf, r.ptr);
    // TOML needs a fraction or exponent to read the number back as a float.
    if (s.find_first_of(".eE") == std::string::npos) s += ".0";
    return s;
}

void append_escaped_char(std::string& out, char c) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += buf;
        } else {
            out += c;
        }
    }
}

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) append_escaped_char(out, c);
    return out + "\"";
}

// ---- TOML --------------------------------------------------------------------------------

std::string toml_string(const std::string& s) {
    if (s.find('\n') == std::string::npos) return quoted(s);
    // Multi-line text stays readable; the newline after `"""` is trimmed by TOML.
    std::string out = "\"\"\"\n";
    for (char c : s) {
        if (c == '\n') out += '\n';
        else append_escaped_char(out, c);
    }
    return out + "\"\"\"";
}

// `where` is the path of the value being written, in DroppedNulls' form, for the nulls it leaves
// out; a child's path is made only for a null or a container (a data file can be large).
class TomlWriter {
public:
    TomlWriter(const SerializeOptions& o, DroppedNulls* dropped) : o_(o), dropped_(dropped) {}

    std::string inline_value(const ir::Value& v, bool top_level_key_is_date, const std::string& where) {
        if (v.is_bool()) return v.as_bool() ? "true" : "false";
        if (v.is_int()) return std::to_string(v.as_int());
        if (v.is_double()) return format_double(v.as_double());
        if (v.is_string()) return top_level_key_is_date ? v.as_string() : toml_string(v.as_string());
        if (v.is_array()) {
            std::string s = "[";
            bool first = true;
            const ir::Array& a = v.as_array();
            for (std::size_t i = 0; i < a.size(); ++i) {
                auto at = [&] { return where + "[" + std::to_string(i) + "]"; };
                if (a[i].is_null()) {
                    drop(at());
                    continue;
                }
                if (!first) s += ", ";
                first = false;
                s += inline_value(a[i], false, is_container(a[i]) ? at() : std::string());
            }
            return s + "]";
        }
        if (v.is_object()) {
            std::string s = "{";
            bool first = true;
            for (const auto& [k, e] : v.as_object()) {
                if (e.is_null()) {
                    drop(where + "." + k);
                    continue;
                }
                s += first ? " " : ", ";
                first = false;
                s += toml_key(k) + " = " + inline_value(e, false, is_container(e) ? where + "." + k : std::string());
            }
            return s + (first ? "}" : " }");
        }
        return "\"\"";
    }

    // Scalars and arrays first, then each non-empty sub-mapping as its own [table]. `path` is the
    // table's TOML name, `where` the same path as DroppedNulls writes it ("" at the top).
    void table(const std::string& path, const std::string& where, const ir::Object& obj, std::string& out, bool top) {
        auto key_path = [&where](const std::string& k) { return where.empty() ? k : where + "." + k; };
        std::string body;
        for (const auto& [k, v] : obj) {
            if (v.is_null()) {
                drop(key_path(k));
                continue;
            }
            if (v.is_object() && !v.as_object().empty()) continue;
            bool date = top && o_.datetime_keys.count(k) && v.is_string();
            body += toml_key(k) + " = " + inline_value(v, date, is_container(v) ? key_path(k) : std::string()) + "\n";
        }
        if (!path.empty() && (!body.empty() || !has_subtables(obj))) {
            if (!out.empty()) out += "\n";
            out += "[" + path + "]\n";
        }
        out += body;
        for (const auto& [k, v] : obj) {
            if (!v.is_object() || v.as_object().empty()) continue;
            table(path.empty() ? toml_key(k) : path + "." + toml_key(k), key_path(k), v.as_object(), out, false);
        }
    }

private:
    static bool is_container(const ir::Value& v) { return v.is_array() || v.is_object(); }
    static bool has_subtables(const ir::Object& obj) {
        for (const auto& [k, v] : obj)
            if (v.is_object() && !v.as_object().empty()) return true;
        return false;
    }
    void drop(std::string where) {
        if (dropped_) dropped_->push_back(std::move(where));
    }
    const SerializeOptions& o_;
    DroppedNulls* dropped_;
};

// ---- YAML --------------------------------------------------------------------------------

bool yaml_plain_ok(const std::string& s) {
    if (s.empty() || s.size() > 200) return false;
    static const char* reserved[] = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"};
    std::string lower;
    for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* r : reserved)
        if (lower == r) return false;
    unsigned char c0 = static_cast<unsigned char>(s[0]);
    if (!(std::isalpha(c0) || c0 >= 0x80 || c0 == '_' || c0 == '/')) return false;
    if (s.back() == ' ') return false;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalnum(u)) continue;
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == '+') continue;
        return false;
    }
    return true;
}

std::string yaml_scalar(const ir::Value& v, bool date) {
    if (v.is_null()) return "null";
    if (v.is_bool()) return v.as_bool() ? "true" : "false";
    if (v.is_int()) return std::to_string(v.as_int());
    if (v.is_double()) {
        double d = v.as_double();
        if (std::isnan(d)) return ".nan";
        if (std::isinf(d)) return d > 0 ? ".inf" : "-.inf";
        return format_double(d);
    }
    if (v.is_string()) return date || yaml_plain_ok(v.as_string()) ? v.as_string() : quoted(v.as_string());
    return "null";
}

std::string yaml_key(const std::string& k) { return yaml_plain_ok(k) && k.find(' ') == std::string::npos ? k : quoted(k); }

bool scalar_array(const ir::Array& a) {
    for (const auto& e : a)
        if (e.is_array() || e.is_object()) return false;
    return true;
}

void yaml_value_after_key(const ir::Value& v, int indent, std::string& out, bool date);

void yaml_mapping(const ir::Object& obj, int indent, std::string& out, const std::set<std::string>* dates) {
    std::string pad(static_cast<std::size_t>(indent), ' ');
    for (const auto& [k, v] : obj) {
        out += pad + yaml_key(k) + ":";
        yaml_value_after_key(v, indent, out, dates && dates->count(k) && v.is_string());
    }
}

void yaml_sequence(const ir::Array& arr, int indent, std::string& out) {
    std::string pad(static_cast<std::size_t>(indent), ' ');
    for (const auto& e : arr) {
        if (e.is_object() && !e.as_object().empty()) {
            std::string inner;
            yaml_mapping(e.as_object(), indent + 2, inner, nullptr);
            // The first key goes on the dash's line.
            out += pad + "- " + inner.substr(static_cast<std::size_t>(indent) + 2);
        } else if (e.is_array() && !e.as_array().empty()) {
            out += pad + "-\n";
            yaml_sequence(e.as_array(), indent + 2, out);
        } else {
            out += pad + "-";
            yaml_value_after_key(e, indent, out, false);
        }
    }
}

void yaml_value_after_key(const ir::Value& v, int indent, std::string& out, bool date) {
    if (v.is_object()) {
        if (v.as_object().empty()) {
            out += " {}\n";
            return;
        }
        out += "\n";
        yaml_mapping(v.as_object(), indent + 2, out, nullptr);
    } else if (v.is_array()) {
        const auto& a = v.as_array();
        if (a.empty()) {
            out += " []\n";
        } else if (scalar_array(a)) {
            std::string s = " [";
            for (std::size_t i = 0; i < a.size(); ++i) s += (i ? ", " : "") + (a[i].is_string() ? quoted(a[i].as_string()) : yaml_scalar(a[i], false));
            out += s + "]\n";
        } else {
            out += "\n";
            yaml_sequence(a, indent + 2, out);
        }
    } else {
        out += " " + yaml_scalar(v, date) + "\n";
    }
}

// ---- JSON --------------------------------------------------------------------------------

nlohmann::ordered_json to_json(const ir::Value& v) {
    if (v.is_null()) return nullptr;
    if (v.is_bool()) return v.as_bool();
    if (v.is_int()) return v.as_int();
    if (v.is_double()) return v.as_double();
    if (v.is_string()) return v.as_string();
    if (v.is_array()) {
        auto j = nlohmann::ordered_json::array();
        for (const auto& e : v.as_array()) j.push_back(to_json(e));
        return j;
    }
    auto j = nlohmann::ordered_json::object();
    for (const auto& [k, e] : v.as_object()) j[k] = to_json(e);
    return j;
}

}  // namespace

std::string toml_key(const std::string& key) {
    bool bare = !key.empty();
    for (char c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) && c != '_' &&
            c != '-')
            bare = false;
    return bare ? key : quoted(key);
}

std::string serialize_mapping(const ir::Object& object, const SerializeOptions& options, DroppedNulls* dropped_nulls) {
    switch (options.format) {
    case FrontMatterFormat::toml: {
        std::string out;
        TomlWriter(options, dropped_nulls).table("", "", object, out, true);
        return out;
    }
    case FrontMatterFormat::yaml: {
        std::string out;
        yaml_mapping(object, 0, out, &options.datetime_keys);
        return out;
    }
    case FrontMatterFormat::json:
        return to_json(ir::Value(object)).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
               "\n";
    }
    return "";
}

std::string front_matter_block(const ir::Object& object, const SerializeOptions& options,
                               DroppedNulls* dropped_nulls) {
    std::string body = serialize_mapping(object, options, dropped_nulls);
    switch (options.format) {
    case FrontMatterFormat::toml: return "+++\n" + body + "+++\n";
    case FrontMatterFormat::yaml: return "---\n" + body + "---\n";
    case FrontMatterFormat::json: return body;
    }
    return body;
}

std::string dropped_nulls_message(const DroppedNulls& dropped) {
    std::string keys;
    for (const auto& k : dropped) keys += (keys.empty() ? "" : ", ") + k;
    return "TOML has no null; dropped front-matter keys: " + keys;
}

}  // namespace blogconv::writers
