#include "readers/jekyll_dates.h"

#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <chrono>

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

std::optional<ir::DateTime> filename_date(int year, int month, int day, const SiteZone& zone) {
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    return zone.local(year, month, day);
}

std::optional<ir::DateTime> parse_jekyll_date(std::string_view text, bool yaml_timestamp, const SiteZone& zone) {
    // `\s` spelled out as in the ECMAScript original (text_match.h).
    static const RE2 head(R"(^[\t\n\v\f\r ]*(-?\d{4})-(\d{1,2})-(\d{1,2}))"
                          R"((?:(?:[Tt]|[\t\n\v\f\r ]+)(\d{1,2}):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?)",
                          byte_pattern_options());
    re2::StringPiece m[7];  // the whole match, then year, month, day, hour, minute, second
    if (!head.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::ANCHOR_START, m, 7))
        return std::nullopt;
    auto num = [&](int i) { return m[i].data() ? std::stoi(std::string(m[i].data(), m[i].size())) : 0; };
    int year = num(1), month = num(2), day = num(3);
    int hour = num(4);
    int minute = num(5);
    int second = num(6);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60)
        return std::nullopt;

    // What follows: an offset or zone name, possibly after a stray year (Time.parse skips it).
    std::string rest(text.substr(m[0].size()));
    std::optional<int> offset;
    std::size_t i = 0;
    while (i < rest.size()) {
        while (i < rest.size() && std::isspace(static_cast<unsigned char>(rest[i]))) ++i;
        if (i >= rest.size()) break;
        std::size_t j = i;
        // An offset can follow the time without a space (`12:00:00-0800`); split there.
        if (rest[i] == '+' || rest[i] == '-') {
            ++j;
            while (j < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[j])) || rest[j] == ':')) ++j;
        } else {
            while (j < rest.size() && !std::isspace(static_cast<unsigned char>(rest[j])) && rest[j] != '+' &&
                   rest[j] != '-')
                ++j;
        }
        std::string token = rest.substr(i, j - i);
        i = j;
        if (auto o = numeric_offset(token)) {
            offset = o;
        } else if (auto a = abbreviation_offset(token)) {
            offset = a;
        } else if (token.size() == 4 && std::all_of(token.begin(), token.end(), [](char c) {
                       return std::isdigit(static_cast<unsigned char>(c));
                   })) {
            continue;  // the stray year of `2023-01-29 18:30:22 2023 -0800`
        } else {
            return std::nullopt;
        }
    }

    std::int64_t wall = ir::civil_to_epoch(year, month, day, hour, minute, second);
    if (offset) return zone.at(wall - *offset);
    // Psych made a zoneless timestamp with a time of day a UTC Time; a Date (no time) and any
    // text Time.parse reads are local.
    if (yaml_timestamp && m[4].data()) return zone.at(wall);
    return zone.local(year, month, day, hour, minute, second);
}

}  // namespace blogconv::readers
