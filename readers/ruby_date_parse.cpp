#include "readers/ruby_date_parse.h"

#include <re2/re2.h>

#include <cctype>
#include <cstring>

#include "readers/text_match.h"

namespace blogconv::readers {

namespace {

using Piece = re2::StringPiece;

// Ruby's NUMBER is `(?<!\d)\d`; RE2 has no look-behind, so a match that starts right after a
// digit is refused here and the search goes on from the next byte.
bool find_after_non_digit(const RE2& re, const std::string& s, Piece* groups, int n) {
    for (std::size_t from = 0; from <= s.size();) {
        if (!re.Match(Piece(s), from, s.size(), RE2::UNANCHORED, groups, n)) return false;
        const std::size_t at = static_cast<std::size_t>(groups[0].data() - s.data());
        if (at == 0 || !std::isdigit(static_cast<unsigned char>(s[at - 1]))) return true;
        from = at + 1;
    }
    return false;
}

// Replaces the whole match with one space, as Date._parse's `subx` does, so later sub-parsers do
// not see it again.
void blank_out(std::string& s, const Piece& whole) {
    const std::size_t at = static_cast<std::size_t>(whole.data() - s.data());
    // Built anew rather than with replace(), on which GCC 12 gives a false -Wrestrict.
    s = s.substr(0, at) + " " + s.substr(at + whole.size());
}

std::optional<std::string> text_of(const Piece& p) {
    if (!p.data()) return std::nullopt;
    return std::string(p.data(), p.size());
}

long long to_number(std::string_view digits) {
    long long v = 0;
    for (char c : digits) {
        if (v > 1'000'000'000'000LL) return v;  // far out of every range; no overflow
        v = v * 10 + (c - '0');
    }
    return v;
}

int month_number(std::string_view name) {
    static const char* const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    std::string lower;
    for (std::size_t i = 0; i < 3 && i < name.size(); ++i)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    for (int i = 0; i < 12; ++i)
        if (lower == names[i]) return i + 1;
    return 0;
}

bool is_sign(char c) { return c == '-' || c == '+'; }

// Date._parse's s3e: which of three strings is the year, the month and the day, from their
// widths and apostrophes (`'14` is a year), then their numbers. `comp` is cleared when the year
// is written with a sign or more than two digits (it is then not completed to 19xx/20xx).
void s3e(RubyDateParts& out, bool& comp, std::optional<std::string> y, std::optional<std::string> m,
         std::optional<std::string> d) {
    if (y && m && !d) {
        d = m;
        m = y;
        y.reset();
    }
    if (!y) {
        if (d && d->size() > 2) {
            y = d;
            d.reset();
        }
        if (d && !d->empty() && (*d)[0] == '\'') {
            y = d;
            d.reset();
        }
    }
    if (y) {
        std::size_t s = 0;
        while (s < y->size() && !is_sign((*y)[s]) && !std::isdigit(static_cast<unsigned char>((*y)[s]))) ++s;
        if (s < y->size()) {
            const std::size_t bp = s;
            if (is_sign((*y)[s])) ++s;
            while (s < y->size() && std::isdigit(static_cast<unsigned char>((*y)[s]))) ++s;
            if (s < y->size()) {  // more after the digits ("8th"): it was the day
                std::string digits = y->substr(bp, s - bp);
                y = d;
                d = digits;
            }
        }
    }
    if (m && (((*m)[0] == '\'') || m->size() > 2)) {  // us -> be
        std::optional<std::string> oy = y;
        y = m;
        m = d;
        d = oy;
    }
    if (d && !d->empty() && ((*d)[0] == '\'' || d->size() > 2)) std::swap(y, d);
    if (y) {
        std::size_t s = 0;
        while (s < y->size() && !is_sign((*y)[s]) && !std::isdigit(static_cast<unsigned char>((*y)[s]))) ++s;
        if (s < y->size()) {
            bool negative = false;
            if (is_sign((*y)[s])) {
                negative = (*y)[s] == '-';
                comp = false;
                ++s;
            }
            const std::size_t bp = s;
            while (s < y->size() && std::isdigit(static_cast<unsigned char>((*y)[s]))) ++s;
            if (s - bp > 2) comp = false;
            const long long v = to_number(std::string_view(*y).substr(bp, s - bp));
            out.year = negative ? -v : v;
        }
    }
    auto number_in = [](const std::optional<std::string>& t) -> std::optional<long long> {
        if (!t) return std::nullopt;
        std::size_t s = 0;
        while (s < t->size() && !std::isdigit(static_cast<unsigned char>((*t)[s]))) ++s;
        if (s >= t->size()) return std::nullopt;
        const std::size_t bp = s;
        while (s < t->size() && std::isdigit(static_cast<unsigned char>((*t)[s]))) ++s;
        return to_number(std::string_view(*t).substr(bp, s - bp));
    };
    if (auto v = number_in(m)) out.mon = v;
    if (auto v = number_in(d)) out.mday = v;
}

#define BC_ERA "(c(?:e|\\.e\\.)|b(?:ce|\\.c\\.e\\.)|a(?:d|\\.d\\.)|b(?:c|\\.c\\.))"
#define MONTHS "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
#define SPACE "[\\t\\n\\v\\f\\r ]"

bool parse_day(std::string& s) {
    static const RE2 re("\\b(sun|mon|tue|wed|thu|fri|sat)[^-/\\d\\t\\n\\v\\f\\r ]*", byte_pattern_options(true));
    Piece g[2];
    if (!re.Match(Piece(s), 0, s.size(), RE2::UNANCHORED, g, 2)) return false;
    blank_out(s, g[0]);
    return true;
}

bool parse_time(std::string& s, RubyDateParts& out) {
    static const RE2 re("(\\d+" SPACE "*(?:(?::" SPACE "*\\d+(?:" SPACE "*:" SPACE "*\\d+(?:[,.]\\d*)?)?|h(?:" SPACE
                        "*\\d+m?(?:" SPACE "*\\d+s?)?)?)(?:" SPACE "*[ap](?:m\\b|\\.m\\.))?|[ap](?:m\\b|\\.m\\.)))"
                        "(?:" SPACE "*((?:gmt|utc?)?[-+]\\d+(?:[,.:]\\d+(?::\\d+)?)?|[[:alpha:]." SPACE
                        "]+(?:standard|daylight)" SPACE "time\\b|[[:alpha:]]+(?:" SPACE "dst)?\\b))?",
                        byte_pattern_options(true));
    static const RE2 inner("(\\d+)h?(?:" SPACE "*:?" SPACE "*(\\d+)m?(?:" SPACE "*:?" SPACE
                           "*(\\d+)(?:[,.](\\d+))?s?)?)?(?:" SPACE "*([ap])(?:m\\b|\\.m\\.))?",
                           byte_pattern_options(true));
    Piece g[3];
    if (!find_after_non_digit(re, s, g, 3)) return false;
    const std::string time(g[1].data(), g[1].size());
    Piece t[6];
    if (!inner.Match(Piece(time), 0, time.size(), RE2::ANCHOR_START, t, 6)) return false;
    out.hour = to_number(std::string_view(t[1].data(), t[1].size()));
    if (t[2].data()) out.min = to_number(std::string_view(t[2].data(), t[2].size()));
    if (t[3].data()) out.sec = to_number(std::string_view(t[3].data(), t[3].size()));
    if (t[5].data()) {
        *out.hour %= 12;
        if (t[5][0] == 'p' || t[5][0] == 'P') *out.hour += 12;
    }
    if (g[2].data()) out.zone = std::string(g[2].data(), g[2].size());
    blank_out(s, g[0]);
    return true;
}

bool parse_eu(std::string& s, RubyDateParts& out, bool& comp) {
    static const RE2 re("('?\\d+)[^-\\d\\t\\n\\v\\f\\r ]*" SPACE "*" MONTHS "[^-\\d\\t\\n\\v\\f\\r ']*(?:" SPACE "*(?:\\b" BC_ERA
                        ")?" SPACE "*('?-?\\d+(?:(?:st|nd|rd|th)\\b)?))?",
                        byte_pattern_options(true));
    Piece g[5];
    if (!find_after_non_digit(re, s, g, 5)) return false;
    s3e(out, comp, text_of(g[4]), std::to_string(month_number(std::string_view(g[2].data(), g[2].size()))),
        text_of(g[1]));
    blank_out(s, g[0]);
    return true;
}

bool parse_us(std::string& s, RubyDateParts& out, bool& comp) {
    static const RE2 re("\\b" MONTHS "[^-\\d\\t\\n\\v\\f\\r ']*" SPACE "*('?\\d+)[^-\\d\\t\\n\\v\\f\\r ']*(?:" SPACE "*,?" SPACE
                        "*" BC_ERA "?" SPACE "*('?-?\\d+))?",
                        byte_pattern_options(true));
    Piece g[5];
    if (!re.Match(Piece(s), 0, s.size(), RE2::UNANCHORED, g, 5)) return false;
    s3e(out, comp, text_of(g[4]), std::to_string(month_number(std::string_view(g[1].data(), g[1].size()))),
        text_of(g[2]));
    blank_out(s, g[0]);
    return true;
}

// The ISO, slash and dot forms: three numbers in the order written, which s3e sorts out.
bool three_numbers(const RE2& re, std::string& s, RubyDateParts& out, bool& comp) {
    Piece g[4];
    if (!find_after_non_digit(re, s, g, 4)) return false;
    s3e(out, comp, text_of(g[1]), text_of(g[2]), text_of(g[3]));
    blank_out(s, g[0]);
    return true;
}

bool parse_iso(std::string& s, RubyDateParts& out, bool& comp) {
    static const RE2 re("('?[-+]?\\d+)-(\\d+)-('?-?\\d+)", byte_pattern_options());
    return three_numbers(re, s, out, comp);
}

// `08-Sep-2014` (VMS, day first) and `Sep-08-2014` (month first).
bool parse_vms(std::string& s, RubyDateParts& out, bool& comp) {
    static const RE2 day_first("('?-?\\d+)-" MONTHS "[^-/.]*-('?-?\\d+)", byte_pattern_options(true));
    static const RE2 month_first("\\b" MONTHS "[^-/.]*-('?-?\\d+)(?:-('?-?\\d+))?", byte_pattern_options(true));
    Piece g[4];
    if (find_after_non_digit(day_first, s, g, 4)) {
        s3e(out, comp, text_of(g[3]), std::to_string(month_number(std::string_view(g[2].data(), g[2].size()))),
            text_of(g[1]));
    } else if (month_first.Match(Piece(s), 0, s.size(), RE2::UNANCHORED, g, 4)) {
        s3e(out, comp, text_of(g[3]), std::to_string(month_number(std::string_view(g[1].data(), g[1].size()))),
            text_of(g[2]));
    } else {
        return false;
    }
    blank_out(s, g[0]);
    return true;
}

// `2014/09/08`, `09/08/2014`, `9/8/14`: the numbers in the order written, s3e decides.
bool parse_sla(std::string& s, RubyDateParts& out, bool& comp) {
    static const RE2 re("('?-?\\d+)/" SPACE "*('?\\d+)(?:\\D" SPACE "*('?-?\\d+))?", byte_pattern_options(true));
    return three_numbers(re, s, out, comp);
}

// `2014.09.08`, `08.09.2014`.
bool parse_dot(std::string& s, RubyDateParts& out, bool& comp) {
    static const RE2 re("('?-?\\d+)\\." SPACE "*('?\\d+)\\." SPACE "*('?-?\\d+)", byte_pattern_options(true));
    return three_numbers(re, s, out, comp);
}

}  // namespace

RubyDateParts ruby_date_parse(std::string_view text) {
    RubyDateParts out;
    std::string s(text);
    // Date._parse first turns every character outside printable ASCII into a space.
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = ' ';
    bool comp = true;
    parse_day(s);
    parse_time(s, out);
    // The first of Ruby's date forms that matches, in its order (JIS era dates not yet ported).
    parse_eu(s, out, comp) || parse_us(s, out, comp) || parse_iso(s, out, comp) || parse_vms(s, out, comp) ||
        parse_sla(s, out, comp) || parse_dot(s, out, comp);
    // Two-digit years are completed (Time.parse asks for it): 69-99 are 19xx, 0-68 20xx.
    if (comp && out.year && *out.year >= 0 && *out.year <= 99) *out.year += *out.year >= 69 ? 1900 : 2000;
    return out;
}

}  // namespace blogconv::readers
