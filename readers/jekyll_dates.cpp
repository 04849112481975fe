#include "readers/jekyll_dates.h"

#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <chrono>

#include "readers/ruby_date_parse.h"
#include "readers/text_match.h"

namespace blogconv::readers {

namespace {

// Zone abbreviations Ruby's Date._parse knows and sites actually write.
std::optional<int> abbreviation_offset(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    struct Abbr {
        const char* name;
        int hours;
    };
    static const Abbr table[] = {{"Z", 0},    {"UTC", 0},  {"GMT", 0},  {"UT", 0},   {"EST", -5}, {"EDT", -4},
                                 {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
    for (const auto& a : table)
        if (s == a.name) return a.hours * 3600;
    return std::nullopt;
}

std::optional<int> numeric_offset(const std::string& s) {
    static const RE2 re(R"(^([-+])(\d{1,2})(?::?(\d\d))?$)", byte_pattern_options());
    std::string sign, hours, minutes;
    if (!RE2::FullMatch(s, re, &sign, &hours, &minutes)) return std::nullopt;
    int h = std::stoi(hours);
    int mi = minutes.empty() ? 0 : std::stoi(minutes);
    if (h > 23 || mi > 59) return std::nullopt;
    int off = h * 3600 + mi * 60;
    return sign == "-" ? -off : off;
}

}  // namespace

std::optional<SiteZone> SiteZone::locate(const std::string& name) {
    SiteZone z;
    if (name.empty() || name == "UTC" || name == "Etc/UTC") {
        z.name_ = name;
        return z;
    }
    try {
        z.zone_ = date::locate_zone(name);
        z.name_ = name;
        return z;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

ir::DateTime SiteZone::at(std::int64_t utc_seconds) const {
    ir::DateTime t;
    t.utc_seconds = utc_seconds;
    if (zone_) {
        auto info = zone_->get_info(date::sys_seconds{std::chrono::seconds{utc_seconds}});
        t.offset_seconds = static_cast<std::int32_t>(info.offset.count());
    }
    return t;
}

ir::DateTime SiteZone::local(int year, int month, int day, int hour, int minute, int second) const {
    std::int64_t wall = ir::civil_to_epoch(year, month, day, hour, minute, second);
    if (!zone_) return at(wall);
    date::local_seconds ls{std::chrono::seconds{wall}};
    auto info = zone_->get_info(ls);
    std::int64_t utc = 0;
    switch (info.result) {
        case date::local_info::unique:
        case date::local_info::ambiguous:  // Ruby takes the first (earlier) of the two
            utc = wall - info.first.offset.count();
            break;
        case date::local_info::nonexistent:  // in a gap: Ruby keeps the wall offset before it
            utc = wall - info.first.offset.count();
            break;
    }
    return at(utc);
}

SiteZone::Abbreviation SiteZone::abbreviation(int year, int month) const {
    if (!zone_) return {name_.empty() ? std::string() : std::string("UTC"), 0};
    const std::int64_t wall = ir::civil_to_epoch(year, month, 1);
    auto info = zone_->get_info(date::sys_seconds{std::chrono::seconds{wall}});
    return {info.abbrev, static_cast<int>(info.offset.count())};
}

std::optional<ir::DateTime> filename_date(int year, int month, int day, const SiteZone& zone) {
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    return zone.local(year, month, day);
}

namespace {

// Psych's timestamp (an unquoted YAML value that is a Time): ISO date, optional time, offset
// `Z`, `+8`, `-08:00` or a zone abbreviation. A zoneless one with a time of day is UTC.
std::optional<ir::DateTime> psych_timestamp(std::string_view text, const SiteZone& zone) {
    static const RE2 head(R"(^[\t\n\v\f\r ]*(-?\d{4})-(\d{1,2})-(\d{1,2}))"
                          R"((?:(?:[Tt]|[\t\n\v\f\r ]+)(\d{1,2}):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?)",
                          byte_pattern_options());
    re2::StringPiece m[7];  // the whole match, then year, month, day, hour, minute, second
    if (!head.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::ANCHOR_START, m, 7))
        return std::nullopt;
    auto num = [&](int i) { return m[i].data() ? std::stoi(std::string(m[i].data(), m[i].size())) : 0; };
    int year = num(1), month = num(2), day = num(3), hour = num(4), minute = num(5), second = num(6);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60)
        return std::nullopt;
    std::string rest(text.substr(m[0].size()));
    rest.erase(0, rest.find_first_not_of(" \t"));
    while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) rest.pop_back();
    std::optional<int> offset;
    if (!rest.empty()) {
        offset = numeric_offset(rest);
        if (!offset) offset = abbreviation_offset(rest);
        if (!offset) return std::nullopt;
    }
    std::int64_t wall = ir::civil_to_epoch(year, month, day, hour, minute, second);
    if (offset) return zone.at(wall - *offset);
    if (m[4].data()) return zone.at(wall);
    return zone.local(year, month, day);
}

// Ruby's Time.zone_offset: `+HH:MM`, `+HHMM`, `+HH:MM:SS`, `+HH`, the abbreviations of its
// ZoneOffset table (military letters included), or the site zone's own abbreviation in
// January or July of `year`. Anything else (`+5`, `UTC+2`, `CEST` outside Europe) is no zone,
// and the time is local.
std::optional<int> ruby_zone_offset(std::string zone, int year, const SiteZone& site) {
    for (auto& c : zone) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    static const RE2 full(R"(^([-+])(\d\d)(:?)(\d\d)(?::?(\d\d))?$)", byte_pattern_options());
    static const RE2 hours(R"(^([-+])(\d\d)$)", byte_pattern_options());
    std::string sign, h, colon, mi, se;
    if (RE2::FullMatch(zone, full, &sign, &h, &colon, &mi, &se)) {
        // `+HH:MMSS` and `+HHMM:SS` are not the form: the separators must agree.
        if (!se.empty() && zone.find(':', 6) != std::string::npos && colon.empty()) return std::nullopt;
        if (!se.empty() && !colon.empty() && zone.size() != 9) return std::nullopt;
        int off = (std::stoi(h) * 60 + std::stoi(mi)) * 60 + (se.empty() ? 0 : std::stoi(se));
        return sign == "-" ? -off : off;
    }
    if (RE2::FullMatch(zone, hours, &sign, &h)) return (sign == "-" ? -1 : 1) * std::stoi(h) * 3600;
    if (auto a = abbreviation_offset(zone)) return a;
    if (zone.size() == 1 && zone[0] >= 'A' && zone[0] <= 'Y' && zone[0] != 'J') {
        const char c = zone[0];
        const int hours_east = c <= 'I' ? c - 'A' + 1 : c <= 'M' ? c - 'K' + 10 : -(c - 'N' + 1);
        return hours_east * 3600;
    }
    for (int month : {1, 7}) {
        const SiteZone::Abbreviation a = site.abbreviation(year, month);
        std::string name = a.name;
        for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (!name.empty() && name == zone) return a.offset;
    }
    return std::nullopt;
}

}  // namespace

std::optional<ir::DateTime> parse_jekyll_date(std::string_view text, bool yaml_timestamp, const SiteZone& zone) {
    if (yaml_timestamp) return psych_timestamp(text, zone);
    // Time.parse: Date._parse's parts, then make_time. With a year, missing parts are their
    // least (month 1, day 1, 00:00:00); without one Ruby takes them from the day the site is
    // built, which no reproducible conversion can do: refused as a date.
    // Ruby's date library refuses a string over 128 characters before parsing it (its guard
    // against slow patterns, date 3.2.1): so does Jekyll, and so do we, which also bounds the work.
    if (text.size() > 128) return std::nullopt;
    const RubyDateParts p = ruby_date_parse(text);
    if (p.empty() || !p.year) return std::nullopt;
    const long long year = *p.year, month = p.mon.value_or(1), day = p.mday.value_or(1);
    const long long hour = p.hour.value_or(0), minute = p.min.value_or(0), second = p.sec.value_or(0);
    // Time.local's ranges; a day past the month's end rolls into the next month, 24:00 into
    // the next day, second 60 into the next minute.
    if (year < -999999 || year > 999999 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 ||
        minute > 59 || second > 60 || (hour == 24 && (minute > 0 || second > 0)))
        return std::nullopt;
    std::optional<int> offset;
    if (p.zone) offset = ruby_zone_offset(*p.zone, static_cast<int>(year), zone);
    if (offset && (*offset <= -86400 || *offset >= 86400)) return std::nullopt;  // Ruby: offset out of range
    const auto y = static_cast<int>(year), mo = static_cast<int>(month), d = static_cast<int>(day);
    const auto h = static_cast<int>(hour), mi = static_cast<int>(minute), se = static_cast<int>(second);
    if (offset) return zone.at(ir::civil_to_epoch(y, mo, d, h, mi, se) - *offset);
    return zone.local(y, mo, d, h, mi, se);
}

}  // namespace blogconv::readers
