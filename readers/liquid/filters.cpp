#include "readers/liquid/filters.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>
#include <unordered_map>

#include "ir/datetime.h"
#include "readers/markdown/markdown.h"
#include "readers/text_match.h"

namespace blogconv::readers::liquid {

namespace {

using Args = std::vector<Value>;
using KwArgs = std::vector<std::pair<std::string, Value>>;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string str(const Value& v) { return to_output(v.get()); }
std::string arg_str(const Args& a, std::size_t i, std::string fallback = "") {
    return i < a.size() ? str(a[i]) : fallback;
}
long long arg_int(const Args& a, std::size_t i, long long fallback) {
    if (i >= a.size() || a[i]->is_null()) return fallback;
    return static_cast<long long>(to_number(a[i].get()));
}

// Ruby's downcase/upcase are Unicode-aware; this covers ASCII, Latin-1 and basic Cyrillic,
// which is what the sites we read write in titles and slugs.
std::string change_case(std::string_view in, bool upper) {
    std::string out(in);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c < 0x80) {
            out[i] = static_cast<char>(upper ? std::toupper(c) : std::tolower(c));
            continue;
        }
        if (i + 1 >= out.size()) break;
        auto d = static_cast<unsigned char>(out[i + 1]);
        if (c == 0xC3 && d != 0x97 && d != 0xB7) {  // Latin-1: U+00C0-00DE <-> U+00E0-00FE
            if (!upper && d >= 0x80 && d <= 0x9E) out[i + 1] = static_cast<char>(d + 0x20);
            if (upper && d >= 0xA0 && d <= 0xBE) out[i + 1] = static_cast<char>(d - 0x20);
        } else if (!upper && c == 0xD0 && d >= 0x90 && d <= 0x9F) {  // Cyrillic А-П -> а-п
            out[i + 1] = static_cast<char>(d + 0x20);
        } else if (!upper && c == 0xD0 && d >= 0xA0 && d <= 0xAF) {  // Р-Я -> р-я
            out[i] = static_cast<char>(0xD1);
            out[i + 1] = static_cast<char>(d - 0x20);
        } else if (upper && c == 0xD0 && d >= 0xB0 && d <= 0xBF) {
            out[i + 1] = static_cast<char>(d - 0x20);
        } else if (upper && c == 0xD1 && d >= 0x80 && d <= 0x8F) {
            out[i] = static_cast<char>(0xD0);
            out[i + 1] = static_cast<char>(d + 0x20);
        }
        ++i;
    }
    return out;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}
// The byte offset of code point `chars` in `s`.
std::size_t utf8_offset(std::string_view s, std::size_t chars) {
    std::size_t i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (chars == 0) return i;
            --chars;
        }
    }
    return s.size();
}

std::string replace_all(std::string s, std::string_view from, std::string_view to, bool first_only = false) {
    if (from.empty()) return s;
    std::size_t p = 0;
    while ((p = s.find(from, p)) != std::string::npos) {
        s.replace(p, from.size(), to);
        p += to.size();
        if (first_only) break;
    }
    return s;
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string percent_encode(std::string_view s, std::string_view keep, bool space_plus) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || keep.find(ch) != std::string_view::npos) {
            out += ch;
        } else if (ch == ' ' && space_plus) {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::vector<std::string> split_whitespace(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        std::size_t j = i;
        while (j < s.size() && !is_space(s[j])) ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

// Ruby's String#split with a string pattern: " " splits on runs of white space, "" into
// characters, and trailing empty fields are dropped.
ir::Array ruby_split(std::string_view s, std::string_view pattern) {
    ir::Array out;
    if (pattern == " ") {
        for (auto& w : split_whitespace(s)) out.emplace_back(w);
        return out;
    }
    if (pattern.empty()) {
        for (std::size_t i = 0; i < s.size();) {
            std::size_t j = utf8_offset(s.substr(i), 1);
            out.emplace_back(std::string(s.substr(i, j == 0 ? 1 : j)));
            i += j == 0 ? 1 : j;
        }
        return out;
    }
    std::size_t p = 0;
    while (true) {
        std::size_t q = s.find(pattern, p);
        if (q == std::string_view::npos) {
            out.emplace_back(std::string(s.substr(p)));
            break;
        }
        out.emplace_back(std::string(s.substr(p, q - p)));
        p = q + pattern.size();
    }
    while (!out.empty() && out.back().as_string().empty()) out.pop_back();
    return out;
}

// CGI.unescape, which Liquid's url_decode calls: `+` is a space, `%XX` a byte; a `%` without two
// hex digits stays as it is.
std::string cgi_unescape(std::string_view in) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size() && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
            out += static_cast<char>(hex(in[i + 1]) * 16 + hex(in[i + 2]));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

// Liquid's replace_last: the last occurrence only.
std::string replace_last(std::string s, std::string_view from, std::string_view to) {
    const auto at = s.rfind(from);
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

ir::Array to_array(const ir::Value& v) {
    if (v.is_array()) return v.as_array();
    if (v.is_null()) return {};
    return ir::Array{v};
}

void json_string(std::string& out, std::string_view s) {
    out += '"';
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

void to_json(std::string& out, const ir::Value& v) {
    if (v.is_null()) out += "null";
    else if (v.is_bool()) out += v.as_bool() ? "true" : "false";
    else if (v.is_int()) out += std::to_string(v.as_int());
    else if (v.is_double()) out += float_to_s(v.as_double());
    else if (v.is_string()) json_string(out, v.as_string());
    else if (v.is_array()) {
        out += '[';
        bool first = true;
        for (const auto& e : v.as_array()) {
            if (!first) out += ',';
            first = false;
            to_json(out, e);
        }
        out += ']';
    } else {
        out += '{';
        bool first = true;
        for (const auto& [k, e] : v.as_object()) {
            if (!first) out += ',';
            first = false;
            json_string(out, k);
            out += ':';
            to_json(out, e);
        }
        out += '}';
    }
}

bool is_absolute_url(std::string_view s) {
    std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        char c = s[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
    }
    return true;
}

std::string leading_slash(std::string s) { return s.empty() || s[0] == '/' ? s : "/" + s; }

std::string config(const FilterEnvironment& env, std::string_view key) {
    if (!env.site) return {};
    const ir::Value* v = env.site->find(key);
    return v ? to_output(*v) : std::string();
}

std::string relative_url(const FilterEnvironment& env, const std::string& input) {
    if (is_absolute_url(input)) return input;
    return leading_slash(config(env, "baseurl")) + leading_slash(input);
}

Value number(double d, bool as_int) {
    if (as_int) return Value(ir::Value(static_cast<std::int64_t>(d)));
    return Value(ir::Value(d));
}

bool both_ints(const Value& a, const Value& b) {
    auto intish = [](const ir::Value& v) {
        if (v.is_int()) return true;
        if (v.is_string()) return v.as_string().find('.') == std::string::npos;
        return !v.is_double();
    };
    return intish(a.get()) && intish(b.get());
}

const ir::Value* property(const ir::Value& item, std::string_view key) {
    return item.is_object() ? item.find(key) : nullptr;
}

// Jekyll's item_property: a dotted path through the item, the value then read by
// parse_sort_input (text that looks like an integer or a decimal becomes that number).
ir::Value jekyll_item_property(const ir::Value& item, const std::string& path) {
    const ir::Value* at = &item;
    std::size_t from = 0;
    for (;;) {
        const auto dot = path.find('.', from);
        at = property(*at, std::string_view(path).substr(from, dot == std::string::npos ? std::string::npos : dot - from));
        if (!at) return {};
        if (dot == std::string::npos) break;
        from = dot + 1;
    }
    if (at->is_array() || at->is_object() || at->is_null() || at->is_bool()) return *at;
    static const RE2 integer_like(R"(^[\t\n\v\f\r ]*-?\d+[\t\n\v\f\r ]*$)", byte_pattern_options());
    static const RE2 float_like(R"(^[\t\n\v\f\r ]*-?(?:\d+\.?\d*|\.\d+)[\t\n\v\f\r ]*$)", byte_pattern_options());
    const std::string text = to_output(*at);
    if (RE2::FullMatch(text, integer_like)) return ir::Value(static_cast<std::int64_t>(to_number(ir::Value(text))));
    if (RE2::FullMatch(text, float_like)) return ir::Value(to_number(ir::Value(text)));
    return *at;
}

// Jekyll's compare_property_vs_target, for where and find.
bool jekyll_property_matches(const ir::Value& prop, const ir::Value& target) {
    if (target.is_null()) return prop.is_null();
    const std::string want = to_output(target);
    if (prop.is_string()) return prop.as_string() == want;
    if (prop.is_array())
        return std::any_of(prop.as_array().begin(), prop.as_array().end(),
                           [&](const ir::Value& e) { return to_output(e) == want; });
    if (prop.is_null() || prop.is_object()) return false;
    return to_output(prop) == want;
}

// The items where and find search: a mapping's values, a list itself; nullopt for anything
// else, or when the target is a list or mapping (Jekyll then returns the input unchanged).
std::optional<ir::Array> jekyll_searchable(const Value& in, const Args& a) {
    if (a.empty() || (a.size() > 1 && (a[1]->is_array() || a[1]->is_object()))) return std::nullopt;
    if (in->is_array()) return in->as_array();
    if (!in->is_object()) return std::nullopt;
    ir::Array items;
    for (const auto& [k, v] : in->as_object()) items.push_back(v);
    return items;
}

// Sorts with nil last, as Liquid's sort does for properties.
ir::Array sorted(ir::Array a, const std::string& key, bool natural) {
    auto sort_key = [&](const ir::Value& v) -> const ir::Value* { return key.empty() ? &v : property(v, key); };
    std::stable_sort(a.begin(), a.end(), [&](const ir::Value& x, const ir::Value& y) {
        const ir::Value* kx = sort_key(x);
        const ir::Value* ky = sort_key(y);
        bool nx = !kx || kx->is_null(), ny = !ky || ky->is_null();
        if (nx || ny) return !nx && ny;
        if (natural && kx->is_string() && ky->is_string()) {
            std::string a1 = kx->as_string(), b1 = ky->as_string();
            for (auto& c : a1) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            for (auto& c : b1) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return a1 < b1;
        }
        auto c = compare(*kx, *ky);
        if (c) return *c < 0;
        return to_output(*kx) < to_output(*ky);
    });
    return a;
}

std::string strip_html(std::string s) {
    static const RE2 scripts(R"(<script[\s\S]*?</script>|<!--[\s\S]*?-->|<style[\s\S]*?</style>)",
                             byte_pattern_options(true));
    static const RE2 tags(R"(<[\s\S]*?>)", byte_pattern_options());
    RE2::GlobalReplace(&s, scripts, "");
    RE2::GlobalReplace(&s, tags, "");
    return s;
}

// Liquid's escape_once: every '&' that does not start an entity (/&(?!([a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)/)
// becomes "&amp;". RE2 has no lookahead, so this scans: each '&' looks at the run after it, and
// runs hold no '&', so the whole text is read about twice.
std::string escape_bare_ampersands(std::string_view s) {
    auto entity_at = [&](std::size_t i) {  // i: just after the '&'
        auto run = [&](std::size_t from, auto is_part) {
            std::size_t j = from;
            while (j < s.size() && is_part(static_cast<unsigned char>(s[j]))) ++j;
            return j > from && j < s.size() && s[j] == ';';
        };
        auto letter = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
        auto digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
        auto hex = [](unsigned char c) { return std::isxdigit(c) != 0; };
        if (run(i, letter)) return true;
        if (i >= s.size() || s[i] != '#') return false;
        if (run(i + 1, digit)) return true;
        return i + 1 < s.size() && s[i + 1] == 'x' && run(i + 2, hex);
    };
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        out += s[i];
        if (s[i] == '&' && !entity_at(i + 1)) out += "amp;";
    }
    return out;
}

using FilterFn = std::function<Value(const Value&, const Args&, const KwArgs&, const FilterEnvironment&)>;

Value s(std::string v) { return Value(ir::Value(std::move(v))); }

Value date_filter(const Value& in, const std::string& format) {
    if (format.empty()) return in;
    if (in->is_string() && in->as_string().empty()) return in;
    auto d = parse_date(in.get());
    if (!d) return in;
    return s(format_date(*d, format));
}

std::string ordinal_suffix(int day) {
    if (day % 100 >= 11 && day % 100 <= 13) return "th";
    switch (day % 10) {
        case 1: return "st";
        case 2: return "nd";
        case 3: return "rd";
        default: return "th";
    }
}

// Jekyll's date_to_string / date_to_long_string with the optional "ordinal" and "US" style.
Value jekyll_date(const Value& in, const Args& a, bool long_month) {
    auto d = parse_date(in.get());
    if (!d) return in;
    std::string month = long_month ? "%B" : "%b";
    if (arg_str(a, 0) == "ordinal") {
        ir::CivilTime c = ir::to_civil(ir::DateTime{d->utc_seconds, d->offset_seconds});
        std::string day = std::to_string(c.day) + ordinal_suffix(c.day);
        if (arg_str(a, 1) == "US") return s(format_date(*d, month + " ") + day + format_date(*d, ", %Y"));
        return s(day + format_date(*d, " " + month + " %Y"));
    }
    return s(format_date(*d, "%d " + month + " %Y"));
}

const std::unordered_map<std::string_view, FilterFn>& table() {
    static const std::unordered_map<std::string_view, FilterFn> filters = {
        {"relative_url", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment& env) {
             return in->is_null() ? in : s(relative_url(env, str(in)));
         }},
        {"absolute_url", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment& env) {
             if (in->is_null()) return in;
             std::string input = str(in);
             if (is_absolute_url(input)) return s(input);
             return s(config(env, "url") + relative_url(env, input));
         }},
        {"markdownify", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return s(markdown_to_html(str(in)));
         }},
        {"strip_html", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return s(strip_html(str(in)));
         }},
        {"xml_escape", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return in->is_null() ? in : s(html_escape(str(in)));
         }},
        {"escape", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return in->is_null() ? in : s(html_escape(str(in)));
         }},
        {"escape_once", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             std::string t = escape_bare_ampersands(str(in));
             t = replace_all(t, "<", "&lt;");
             t = replace_all(t, ">", "&gt;");
             t = replace_all(t, "\"", "&quot;");
             return s(replace_all(t, "'", "&#39;"));
         }},
        {"cgi_escape", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return s(percent_encode(str(in), "_.-~", true));
         }},
        {"url_encode", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return in->is_null() ? in : s(percent_encode(str(in), "_.-~", true));
         }},
        {"uri_escape", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return s(percent_encode(str(in), "-_.~!*'();:@&=+$,/?#[]%", false));
         }},
        {"slugify", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return in->is_null() ? in : s(slugify(str(in), arg_str(a, 0, "default")));
         }},
        {"date", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return date_filter(in, arg_str(a, 0));
         }},
        {"date_to_string", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return jekyll_date(in, a, false);
         }},
        {"date_to_long_string", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return jekyll_date(in, a, true);
         }},
        {"date_to_xmlschema", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return date_filter(in, "%Y-%m-%dT%H:%M:%S%:z");
         }},
        {"date_to_rfc822", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return date_filter(in, "%a, %d %b %Y %H:%M:%S %z");
         }},
        {"split", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return Value(ir::Value(ruby_split(str(in), arg_str(a, 0))));
         }},
        {"join", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             if (!in->is_array()) return s(str(in));
             std::string glue = arg_str(a, 0, " "), out;
             bool first = true;
             for (const auto& e : in->as_array()) {
                 if (!first) out += glue;
                 first = false;
                 out += to_output(e);
             }
             return s(out);
         }},
        {"size", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             if (in->is_string()) return Value(ir::Value(static_cast<std::int64_t>(utf8_length(in->as_string()))));
             if (in->is_array() || in->is_object()) return in.member("size");
             return Value(ir::Value(0));
         }},
        {"first", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) { return in.at(0); }},
        {"last", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) { return in.at(-1); }},
        {"downcase", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return s(change_case(str(in), false));
         }},
        {"upcase", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return s(change_case(str(in), true));
         }},
        {"capitalize", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             std::string t = str(in);
             for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
             if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
             return s(t);
         }},
        {"strip", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             std::string t = str(in);
             std::size_t b = 0, e = t.size();
             while (b < e && is_space(t[b])) ++b;
             while (e > b && is_space(t[e - 1])) --e;
             return s(t.substr(b, e - b));
         }},
        {"lstrip", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             std::string t = str(in);
             std::size_t b = 0;
             while (b < t.size() && is_space(t[b])) ++b;
             return s(t.substr(b));
         }},
        {"rstrip", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             std::string t = str(in);
             while (!t.empty() && is_space(t.back())) t.pop_back();
             return s(t);
         }},
        {"strip_newlines", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             std::string t = str(in);
             t.erase(std::remove_if(t.begin(), t.end(), [](char c) { return c == '\n' || c == '\r'; }), t.end());
             return s(t);
         }},
        {"newline_to_br", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return s(replace_all(replace_all(str(in), "\r\n", "\n"), "\n", "<br />\n"));
         }},
        {"normalize_whitespace", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             std::string out;
             for (const auto& w : split_whitespace(str(in))) out += (out.empty() ? "" : " ") + w;
             return s(out);
         }},
        {"append", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return s(str(in) + arg_str(a, 0));
         }},
        {"prepend", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return s(arg_str(a, 0) + str(in));
         }},
        {"replace", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return s(replace_all(str(in), arg_str(a, 0), arg_str(a, 1)));
         }},
        {"replace_first", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return s(replace_all(str(in), arg_str(a, 0), arg_str(a, 1), true));
         }},
        {"remove", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return s(replace_all(str(in), arg_str(a, 0), ""));
         }},
        {"remove_first", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return s(replace_all(str(in), arg_str(a, 0), "", true));
         }},
        {"replace_last", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return s(replace_last(str(in), arg_str(a, 0), arg_str(a, 1)));
         }},
        {"remove_last", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return s(replace_last(str(in), arg_str(a, 0), ""));
         }},
        {"url_decode", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return in->is_null() ? in : s(cgi_unescape(str(in)));
         }},
        // Jekyll's array filters copy the array; anything else passes through unchanged.
        {"pop", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             if (!in->is_array()) return in;
             ir::Array out = in->as_array();
             const auto n = static_cast<std::size_t>(std::clamp<long long>(arg_int(a, 0, 1), 0,
                                                                            static_cast<long long>(out.size())));
             out.resize(out.size() - n);
             return Value(ir::Value(std::move(out)));
         }},
        {"shift", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             if (!in->is_array()) return in;
             ir::Array out = in->as_array();
             const auto n = std::clamp<long long>(arg_int(a, 0, 1), 0, static_cast<long long>(out.size()));
             out.erase(out.begin(), out.begin() + n);
             return Value(ir::Value(std::move(out)));
         }},
        {"unshift", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             if (!in->is_array()) return in;
             ir::Array out = in->as_array();
             out.insert(out.begin(), a.empty() ? ir::Value() : a[0].get());
             return Value(ir::Value(std::move(out)));
         }},
        {"to_integer", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             if (in->is_bool()) return Value(ir::Value(std::int64_t{in->as_bool() ? 1 : 0}));
             return number(std::trunc(to_number(in.get())), true);
         }},
        {"default", [](const Value& in, const Args& a, const KwArgs& kw, const FilterEnvironment&) {
             bool allow_false = false;
             for (const auto& [k, v] : kw)
                 if (k == "allow_false") allow_false = truthy(v.get());
             bool use_default = in->is_null() || is_empty(in.get()) ||
                                (in->is_bool() && !in->as_bool() && !allow_false);
             return use_default ? (a.empty() ? s("") : a[0]) : in;
         }},
        {"where", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             const auto items = jekyll_searchable(in, a);
             if (!items) return in;
             const std::string key = arg_str(a, 0);
             const ir::Value target = a.size() > 1 ? a[1].get() : ir::Value();
             ir::Array out;
             for (const auto& item : *items)
                 if (jekyll_property_matches(jekyll_item_property(item, key), target)) out.push_back(item);
             return Value(ir::Value(std::move(out)));
         }},
        {"find", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             const auto items = jekyll_searchable(in, a);
             if (!items) return in;
             const std::string key = arg_str(a, 0);
             const ir::Value target = a.size() > 1 ? a[1].get() : ir::Value();
             for (const auto& item : *items)
                 if (jekyll_property_matches(jekyll_item_property(item, key), target)) return Value(item);
             return Value();
         }},
        {"sort", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return Value(ir::Value(sorted(to_array(in.get()), arg_str(a, 0), false)));
         }},
        {"sort_natural", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             return Value(ir::Value(sorted(to_array(in.get()), arg_str(a, 0), true)));
         }},
        {"map", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             ir::Array out;
             std::string key = arg_str(a, 0);
             for (const auto& item : to_array(in.get())) {
                 const ir::Value* p = property(item, key);
                 out.push_back(p ? *p : ir::Value());
             }
             return Value(ir::Value(std::move(out)));
         }},
        {"reverse", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             ir::Array a = to_array(in.get());
             std::reverse(a.begin(), a.end());
             return Value(ir::Value(std::move(a)));
         }},
        {"uniq", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             ir::Array out;
             for (const auto& e : to_array(in.get()))
                 if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
             return Value(ir::Value(std::move(out)));
         }},
        {"compact", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             ir::Array out;
             for (const auto& e : to_array(in.get()))
                 if (!e.is_null()) out.push_back(e);
             return Value(ir::Value(std::move(out)));
         }},
        {"concat", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             ir::Array out = to_array(in.get());
             if (!a.empty())
                 for (const auto& e : to_array(a[0].get())) out.push_back(e);
             return Value(ir::Value(std::move(out)));
         }},
        {"push", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             if (!in->is_array()) return in;
             ir::Array out = in->as_array();
             if (!a.empty()) out.push_back(a[0].get());
             return Value(ir::Value(std::move(out)));
         }},
        {"jsonify", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             std::string out;
             to_json(out, in.get());
             return s(out);
         }},
        {"number_of_words", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return Value(ir::Value(static_cast<std::int64_t>(split_whitespace(str(in)).size())));
         }},
        {"truncate", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             if (in->is_null()) return in;
             std::string t = str(in);
             long long length = arg_int(a, 0, 50);
             std::string ellipsis = arg_str(a, 1, "...");
             long long keep = std::max(0LL, length - static_cast<long long>(utf8_length(ellipsis)));
             if (static_cast<long long>(utf8_length(t)) <= length) return s(t);
             return s(t.substr(0, utf8_offset(t, static_cast<std::size_t>(keep))) + ellipsis);
         }},
        {"truncatewords", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             if (in->is_null()) return in;
             std::string t = str(in);
             long long words = std::max(1LL, arg_int(a, 0, 15));
             std::string ellipsis = arg_str(a, 1, "...");
             auto list = split_whitespace(t);
             if (static_cast<long long>(list.size()) <= words) return s(t);
             std::string out;
             for (long long i = 0; i < words; ++i) out += (i ? " " : "") + list[static_cast<std::size_t>(i)];
             return s(out + ellipsis);
         }},
        {"slice", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             long long start = arg_int(a, 0, 0), len = arg_int(a, 1, 1);
             if (in->is_array()) {
                 const auto& arr = in->as_array();
                 auto n = static_cast<long long>(arr.size());
                 if (start < 0) start += n;
                 ir::Array out;
                 for (long long i = std::max(0LL, start); i < std::min(n, start + len); ++i)
                     out.push_back(arr[static_cast<std::size_t>(i)]);
                 return Value(ir::Value(std::move(out)));
             }
             std::string t = str(in);
             auto n = static_cast<long long>(utf8_length(t));
             if (start < 0) start += n;
             if (start < 0 || start > n) return s("");
             std::size_t b = utf8_offset(t, static_cast<std::size_t>(start));
             std::size_t e = utf8_offset(t, static_cast<std::size_t>(std::min(n, start + len)));
             return s(t.substr(b, e - b));
         }},
        {"array_to_sentence_string", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             ir::Array arr = to_array(in.get());
             std::string conn = arg_str(a, 0, "and");
             if (arr.empty()) return s("");
             if (arr.size() == 1) return s(to_output(arr[0]));
             if (arr.size() == 2) return s(to_output(arr[0]) + " " + conn + " " + to_output(arr[1]));
             std::string out;
             for (std::size_t i = 0; i + 1 < arr.size(); ++i) out += to_output(arr[i]) + ", ";
             return s(out + conn + " " + to_output(arr.back()));
         }},
        {"plus", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             Value b = a.empty() ? Value() : a[0];
             return number(to_number(in.get()) + to_number(b.get()), both_ints(in, b));
         }},
        {"minus", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             Value b = a.empty() ? Value() : a[0];
             return number(to_number(in.get()) - to_number(b.get()), both_ints(in, b));
         }},
        {"times", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             Value b = a.empty() ? Value() : a[0];
             return number(to_number(in.get()) * to_number(b.get()), both_ints(in, b));
         }},
        {"divided_by", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             Value b = a.empty() ? Value() : a[0];
             double d = to_number(b.get());
             if (d == 0) return in;
             double q = to_number(in.get()) / d;
             return both_ints(in, b) ? number(std::floor(q), true) : number(q, false);
         }},
        {"modulo", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             Value b = a.empty() ? Value() : a[0];
             double d = to_number(b.get());
             if (d == 0) return in;
             double x = to_number(in.get());
             return number(x - d * std::floor(x / d), both_ints(in, b));
         }},
        // Liquid's at_least/at_most: the larger/smaller of two numbers, an integer when the
        // chosen one is.
        {"at_least", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             Value b = a.empty() ? Value() : a[0];
             const double x = to_number(in.get()), y = to_number(b.get());
             return y > x ? number(y, both_ints(b, b)) : number(x, both_ints(in, in));
         }},
        {"at_most", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             Value b = a.empty() ? Value() : a[0];
             const double x = to_number(in.get()), y = to_number(b.get());
             return y < x ? number(y, both_ints(b, b)) : number(x, both_ints(in, in));
         }},
        {"abs", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return number(std::fabs(to_number(in.get())), !in->is_double());
         }},
        {"round", [](const Value& in, const Args& a, const KwArgs&, const FilterEnvironment&) {
             long long digits = arg_int(a, 0, 0);
             double f = std::pow(10.0, static_cast<double>(digits));
             double r = std::round(to_number(in.get()) * f) / f;
             return number(r, digits == 0);
         }},
        {"ceil", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return number(std::ceil(to_number(in.get())), true);
         }},
        {"floor", [](const Value& in, const Args&, const KwArgs&, const FilterEnvironment&) {
             return number(std::floor(to_number(in.get())), true);
         }},
    };
    return filters;
}

}  // namespace

std::optional<Value> apply_filter(std::string_view name, const Value& input, const Args& args, const KwArgs& kw,
                                  const FilterEnvironment& env) {
    const auto& t = table();
    auto it = t.find(name);
    if (it == t.end()) return std::nullopt;
    return it->second(input, args, kw, env);
}

std::optional<ParsedDate> parse_date(const ir::Value& v) {
    if (v.is_int()) return ParsedDate{v.as_int(), 0};
    if (v.is_double()) return ParsedDate{static_cast<long long>(v.as_double()), 0};
    if (!v.is_string()) return std::nullopt;
    const std::string& t = v.as_string();
    if (!t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return ParsedDate{std::stoll(t), 0};
    // `\s` spelled out as in the ECMAScript original (text_match.h).
    static const RE2 re(R"(^[\t\n\v\f\r ]*(\d{4})-(\d{1,2})-(\d{1,2}))"
                        R"((?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?)"
                        R"([\t\n\v\f\r ]*(Z|UTC|[+-]\d{2}:?\d{2})?[\t\n\v\f\r ]*$)",
                        byte_pattern_options());
    re2::StringPiece m[8];  // the whole match, year, month, day, hour, minute, second, zone
    if (!re.Match(t, 0, t.size(), RE2::ANCHOR_BOTH, m, 8)) return std::nullopt;
    auto group = [&](int i) { return std::string(m[i].data(), m[i].size()); };
    auto num = [&](int i) { return m[i].data() ? std::stoi(group(i)) : 0; };
    int offset = 0;
    if (m[7].data() && m[7][0] != 'Z' && m[7][0] != 'U') {
        std::string z = group(7);
        z.erase(std::remove(z.begin(), z.end(), ':'), z.end());
        offset = (std::stoi(z.substr(1, 2)) * 3600 + std::stoi(z.substr(3, 2)) * 60) * (z[0] == '-' ? -1 : 1);
    }
    long long local = ir::civil_to_epoch(num(1), num(2), num(3), num(4), num(5), num(6));
    return ParsedDate{local - offset, offset};
}

std::string format_date(const ParsedDate& d, std::string_view format) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    static const char* days[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    ir::CivilTime c = ir::to_civil(ir::DateTime{d.utc_seconds, d.offset_seconds});
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 >= format.size()) {
            out += format[i];
            continue;
        }
        char conv = format[++i];
        bool no_pad = false;
        if (conv == '-' && i + 1 < format.size()) {
            no_pad = true;
            conv = format[++i];
        }
        auto num = [&](int v, int width, char pad = '0') {
            std::string n = std::to_string(v);
            if (!no_pad)
                while (static_cast<int>(n.size()) < width) n.insert(n.begin(), pad);
            out += n;
        };
        auto zone = [&](bool colon) {
            int off = d.offset_seconds;
            out += off < 0 ? '-' : '+';
            off = std::abs(off);
            char buf[8];
            std::snprintf(buf, sizeof buf, colon ? "%02d:%02d" : "%02d%02d", off / 3600, off % 3600 / 60);
            out += buf;
        };
        switch (conv) {
            case 'Y': out += std::to_string(c.year); break;
            case 'C': num(c.year / 100, 2); break;
            case 'y': num(c.year % 100, 2); break;
            case 'm': num(c.month, 2); break;
            case 'd': num(c.day, 2); break;
            case 'e': num(c.day, 2, ' '); break;
            case 'j': num(c.yday, 3); break;
            case 'H': num(c.hour, 2); break;
            case 'k': num(c.hour, 2, ' '); break;
            case 'I': num(c.hour % 12 == 0 ? 12 : c.hour % 12, 2); break;
            case 'l': num(c.hour % 12 == 0 ? 12 : c.hour % 12, 2, ' '); break;
            case 'M': num(c.minute, 2); break;
            case 'S': num(c.second, 2); break;
            case 'p': out += c.hour < 12 ? "AM" : "PM"; break;
            case 'P': out += c.hour < 12 ? "am" : "pm"; break;
            case 'b':
            case 'h': out += std::string(months[c.month - 1]).substr(0, 3); break;
            case 'B': out += months[c.month - 1]; break;
            case 'a': out += std::string(days[c.weekday]).substr(0, 3); break;
            case 'A': out += days[c.weekday]; break;
            case 'u': out += std::to_string(c.weekday == 0 ? 7 : c.weekday); break;
            case 'w': out += std::to_string(c.weekday); break;
            case 's': out += std::to_string(d.utc_seconds); break;
            case 'z': zone(false); break;
            case 'Z': if (d.offset_seconds == 0) out += "UTC"; else zone(false); break;
            case 'F': out += format_date(d, "%Y-%m-%d"); break;
            case 'T': out += format_date(d, "%H:%M:%S"); break;
            case 'D': out += format_date(d, "%m/%d/%y"); break;
            // Ruby's strftime: %c is "%a %b %e %H:%M:%S %Y", %x and %X the date and time parts.
            case 'c': out += format_date(d, "%a %b %e %H:%M:%S %Y"); break;
            case 'x': out += format_date(d, "%m/%d/%y"); break;
            case 'X': out += format_date(d, "%H:%M:%S"); break;
            case 'R': out += format_date(d, "%H:%M"); break;
            case '%': out += '%'; break;
            case ':':
                if (i + 1 < format.size() && format[i + 1] == 'z') {
                    ++i;
                    zone(true);
                    break;
                }
                [[fallthrough]];
            default:
                out += '%';
                out += conv;
        }
    }
    return out;
}

std::string slugify(std::string_view text, std::string_view mode) {
    if (mode == "none") return std::string(text);
    auto keep = [&](unsigned char c) {
        if (c >= 0x80) return mode != "ascii";  // letters of other scripts stay, as \p{L} keeps them
        if (std::isalnum(c)) return true;
        if (mode == "raw") return !std::isspace(c);
        if (mode == "pretty") return std::string_view("._~!$&'()+,;=@").find(static_cast<char>(c)) != std::string_view::npos;
        return false;
    };
    std::string lower = change_case(text, false);
    std::string out;
    bool dash = false;
    for (char ch : lower) {
        auto c = static_cast<unsigned char>(ch);
        if (keep(c)) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += static_cast<char>(c);
        } else {
            dash = true;
        }
    }
    return out;
}

}  // namespace blogconv::readers::liquid
