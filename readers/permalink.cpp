#include "readers/permalink.h"

#include <utf8.h>

#include <cstdint>
#include <iterator>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

namespace blogconv::readers {

namespace {

// One UTF-8 sequence at s[i]: its code point and length (invalid bytes count as one U+FFFD).
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
    auto b = static_cast<unsigned char>(s[i]);
    int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
        len = 1;
        return 0xFFFD;
    }
    char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    len = static_cast<std::size_t>(n);
    return cp;
}

// UTF-8 encoding by utfcpp (Debian's libutfcpp-dev) rather than by hand.
void encode(char32_t cp, std::string& out) { utf8::unchecked::append(static_cast<std::uint32_t>(cp), std::back_inserter(out)); }

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// \p{L}, \p{M} or \p{Nd}, without ICU: ASCII exactly, and beyond ASCII everything except the
// punctuation, symbol and other-number blocks that occur in titles and file names.
bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (in(c, 0x80, 0xBF)) return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7) return false;
    if (in(c, 0x2000, 0x2BFF) || in(c, 0x2E00, 0x2E7F)) return false;
    if (in(c, 0x3000, 0x3004) || in(c, 0x3007, 0x3020) || c == 0x3030 || in(c, 0x3036, 0x303A) ||
        in(c, 0x303D, 0x303F))
        return false;
    if (in(c, 0xE000, 0xF8FF) || in(c, 0xFE10, 0xFE1F) || in(c, 0xFE30, 0xFE6F)) return false;
    if (in(c, 0xFF00, 0xFF0F) || in(c, 0xFF1A, 0xFF20) || in(c, 0xFF3B, 0xFF40) || in(c, 0xFF5B, 0xFF65) ||
        in(c, 0xFFE0, 0xFFFF))
        return false;
    if (in(c, 0x1F000, 0x1FAFF)) return false;
    return true;
}

char32_t lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c < 0x80) return c;
    if (in(c, 0xC0, 0xDE) && c != 0xD7) return c + 0x20;
    if (in(c, 0x100, 0x137) || in(c, 0x14A, 0x177)) return c | 1;
    if (in(c, 0x139, 0x148) || in(c, 0x179, 0x17E)) return (c & 1) ? c + 1 : c;
    if (c == 0x178) return 0xFF;
    if (in(c, 0x391, 0x3A9) && c != 0x3A2) return c + 0x20;
    if (in(c, 0x410, 0x42F)) return c + 0x20;
    if (in(c, 0x400, 0x40F)) return c + 0x50;
    return c;
}

char32_t upper(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c < 0x80) return c;
    if (in(c, 0xE0, 0xFE) && c != 0xF7) return c - 0x20;
    if (in(c, 0x100, 0x137) || in(c, 0x14A, 0x177)) return c & ~char32_t{1};
    if (in(c, 0x139, 0x148) || in(c, 0x179, 0x17E)) return (c & 1) ? c : c - 1;
    if (c == 0xFF) return 0x178;
    if (in(c, 0x3B1, 0x3C9) && c != 0x3C2) return c - 0x20;
    if (in(c, 0x430, 0x44F)) return c - 0x20;
    if (in(c, 0x450, 0x45F)) return c - 0x50;
    return c;
}

bool pretty_extra(char32_t c) {
    static constexpr std::string_view extra = "._~!$&'()+,;=@";
    return c < 0x80 && extra.find(static_cast<char>(c)) != std::string_view::npos;
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Addressable's character classes, for the three parts a placeholder value can have.
bool keep_in_path(unsigned char c) {
    if (std::isalnum(c)) return true;
    static constexpr std::string_view set = "-._~!$&'()*+,;=:@/";
    return set.find(static_cast<char>(c)) != std::string_view::npos;
}
bool keep_in_query(unsigned char c) { return keep_in_path(c) || c == '?'; }

void percent_encode(std::string_view s, bool (*keep)(unsigned char), std::string& out) {
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x80 && keep(c)) {
            out += ch;
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
}

// ISO 8601 week-numbering year and week of a civil date.
void iso_week(const ir::CivilTime& c, int& year, int& week) {
    int wday = c.weekday == 0 ? 7 : c.weekday;  // Monday = 1
    int w = (c.yday - wday + 10) / 7;
    year = c.year;
    auto weeks_in = [](int y) {
        auto dow = [](int yy) {  // weekday of Dec 31 of yy, Monday = 1
            std::int64_t d = ir::days_from_civil(yy, 12, 31);
            int wd = static_cast<int>(((d % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
            return wd == 0 ? 7 : wd;
        };
        return (dow(y) == 4 || dow(y - 1) == 3) ? 53 : 52;
    };
    if (w < 1) {
        year = c.year - 1;
        w = weeks_in(year);
    } else if (w > weeks_in(c.year)) {
        year = c.year + 1;
        w = 1;
    }
    week = w;
}

std::string two(int v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::optional<std::string> placeholder(const std::string& key, const UrlPlaceholders& p) {
    static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    static const char* const days[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    if (key == "collection") return p.collection;
    if (key == "path") return p.path;
    if (key == "output_ext") return p.output_ext;
    if (key == "name") return slugify(p.basename);
    if (key == "basename") return p.basename;  // pages (Page#url_placeholders)
    if (key == "title") return slugify(p.slug.empty() ? p.basename : p.slug, SlugMode::pretty, true);
    if (key == "slug") return slugify(p.slug.empty() ? p.basename : p.slug);
    if (key == "categories" || key == "slugified_categories") {
        std::vector<std::string> seen;
        for (const auto& c : p.categories) {
            std::string v = key == "categories" ? to_lower(c) : slugify(c);
            if (std::find(seen.begin(), seen.end(), v) == seen.end()) seen.push_back(v);
        }
        std::string out;
        for (std::size_t i = 0; i < seen.size(); ++i) out += (i ? "/" : "") + seen[i];
        return out;
    }
    ir::CivilTime c = p.date ? ir::to_civil(*p.date) : ir::CivilTime{};
    char buf[16];
    if (key == "year") return std::to_string(c.year);
    if (key == "month") return two(c.month);
    if (key == "day") return two(c.day);
    if (key == "hour") return two(c.hour);
    if (key == "minute") return two(c.minute);
    if (key == "second") return two(c.second);
    if (key == "i_day") return std::to_string(c.day);
    if (key == "i_month") return std::to_string(c.month);
    if (key == "short_month") return std::string(months[c.month - 1]).substr(0, 3);
    if (key == "long_month") return months[c.month - 1];
    if (key == "short_year") return two(((c.year % 100) + 100) % 100);
    if (key == "short_day") return std::string(days[c.weekday]).substr(0, 3);
    if (key == "long_day") return days[c.weekday];
    if (key == "w_day") return std::to_string(c.weekday == 0 ? 7 : c.weekday);
    if (key == "y_day") {
        std::snprintf(buf, sizeof buf, "%03d", c.yday);
        return buf;
    }
    if (key == "w_year" || key == "week") {
        int y = 0, w = 0;
        iso_week(c, y, w);
        return key == "week" ? two(w) : std::to_string(y);
    }
    return std::nullopt;
}

}  // namespace

std::string style_to_permalink(const std::string& style) {
    if (style == "none") return "/:categories/:title:output_ext";
    if (style == "date") return "/:categories/:year/:month/:day/:title:output_ext";
    if (style == "ordinal") return "/:categories/:year/:y_day/:title:output_ext";
    if (style == "pretty") return "/:categories/:year/:month/:day/:title/";
    if (style == "weekdate") return "/:categories/:year/W:week/:short_day/:title:output_ext";
    return style;
}

std::string collection_default_template(const std::string& style) {
    std::string t = "/:collection/:path";
    if (style == "pretty") return t + "/";
    if (style == "date" || style == "ordinal" || style == "none") return t + ":output_ext";
    if (style.ends_with("/")) t += "/";
    if (style.ends_with(":output_ext")) t += ":output_ext";
    return t;
}

std::string to_lower(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 1;
        char32_t cp = decode(text, i, len);
        if (cp == 0xFFFD && len == 1) out += text[i];
        else encode(lower(cp), out);
        i += len;
    }
    return out;
}

std::string slugify(std::string_view text, SlugMode mode, bool cased) {
    std::string out;
    bool in_run = false;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 1;
        char32_t cp = decode(text, i, len);
        bool replace = false;
        switch (mode) {
            case SlugMode::raw: replace = is_space(cp); break;
            case SlugMode::default_mode: replace = !is_word_char(cp); break;
            case SlugMode::pretty: replace = !is_word_char(cp) && !pretty_extra(cp); break;
            case SlugMode::ascii: replace = !(cp < 0x80 && std::isalnum(static_cast<int>(cp))); break;
        }
        if (replace) {
            if (!in_run) out += '-';
            in_run = true;
        } else {
            out.append(text.substr(i, len));
            in_run = false;
        }
        i += len;
    }
    // Ruby's gsub(/^-|-$/): one dash at the start and one at the end (of the string or a line).
    if (!out.empty() && out.front() == '-') out.erase(0, 1);
    if (!out.empty() && out.back() == '-') out.pop_back();
    return cased ? out : to_lower(out);
}

std::string titleize_slug(std::string_view slug) {
    std::string out;
    std::size_t start = 0;
    bool first_word = true;
    // Ruby's split("-") drops trailing empty fields; join(" ") keeps inner empty ones.
    std::string_view s = slug;
    while (!s.empty() && s.back() == '-') s.remove_suffix(1);
    if (s.empty()) return "";
    while (start <= s.size()) {
        std::size_t dash = s.find('-', start);
        std::string_view word = s.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start);
        if (!first_word) out += ' ';
        first_word = false;
        for (std::size_t i = 0; i < word.size();) {
            std::size_t len = 1;
            char32_t cp = decode(word, i, len);
            if (cp == 0xFFFD && len == 1) out += word[i];
            else encode(i == 0 ? upper(cp) : lower(cp), out);
            i += len;
        }
        if (dash == std::string_view::npos) break;
        start = dash + 1;
    }
    return out;
}

std::string escape_path(std::string_view value) {
    // Already safe (letters, digits, `.`, `/`, `-`): nothing to encode, the common case.
    auto safe = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '/' ||
               c == '-';
    };
    std::string v(value);
    if (std::all_of(v.begin(), v.end(), safe)) return v;
    std::string out;
    std::size_t q = v.find_first_of("?#");
    percent_encode(std::string_view(v).substr(0, q), keep_in_path, out);
    if (q != std::string::npos) {
        if (v[q] == '?') {
            std::size_t f = v.find('#', q + 1);
            out += '?';
            percent_encode(std::string_view(v).substr(q + 1, f == std::string::npos ? f : f - q - 1), keep_in_query,
                           out);
            q = f;
        }
        if (q != std::string::npos) {
            out += '#';
            percent_encode(std::string_view(v).substr(q + 1), keep_in_query, out);
        }
    }
    // Jekyll then turns the first `#` (the fragment mark Addressable kept) into %23.
    if (auto h = out.find('#'); h != std::string::npos) out.replace(h, 1, "%23");
    return out;
}

std::string sanitize_url(std::string_view url) {
    std::string s = "/" + std::string(url);
    std::string a;
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, 2, "..") == 0) {
            a += '/';
            i += 2;
        } else {
            a += s[i++];
        }
    }
    std::string b;
    for (std::size_t i = 0; i < a.size();) {
        if (a.compare(i, 2, "./") == 0) {
            i += 2;
        } else {
            b += a[i++];
        }
    }
    std::string c;
    for (char ch : b)
        if (!(ch == '/' && !c.empty() && c.back() == '/')) c += ch;
    return c;
}

std::optional<std::string> expand_permalink(std::string_view tmpl, const UrlPlaceholders& p, std::string* error) {
    std::string out;
    for (std::size_t i = 0; i < tmpl.size();) {
        if (tmpl[i] != ':') {
            out += tmpl[i++];
            continue;
        }
        std::size_t j = i + 1;
        while (j < tmpl.size() && ((tmpl[j] >= 'a' && tmpl[j] <= 'z') || tmpl[j] == '_')) ++j;
        if (j == i + 1) {
            out += tmpl[i++];
            continue;
        }
        std::string name(tmpl.substr(i + 1, j - i - 1));
        // `:title_` means `:title` followed by `_` (Jekyll tries the name without one `_`).
        std::string key = name;
        std::optional<std::string> value = placeholder(key, p);
        if (!value && name.ends_with("_")) {
            key = name.substr(0, name.size() - 1);
            value = placeholder(key, p);
        }
        if (!value) {
            if (error) *error = "the permalink template has no placeholder :" + name;
            return std::nullopt;
        }
        out += escape_path(*value);
        out += name.substr(key.size());
        i = j;
    }
    return out;
}

std::optional<std::string> document_url(const std::string& tmpl, const std::optional<std::string>& permalink,
                                        const UrlPlaceholders& p, std::string* error) {
    auto url = expand_permalink(permalink ? *permalink : tmpl, p, error);
    if (!url) return std::nullopt;
    return sanitize_url(*url);
}

}  // namespace blogconv::readers
