// An instant together with the UTC offset it is shown in: what a post's date is.
//
// Jekyll shows every date in the site's zone (its `timezone:` or UTC), and feeds and Hugo need
// that offset kept. Pure arithmetic on the proleptic Gregorian calendar; the time-zone database
// is the reader's business (readers/ uses date/tz.h), not the IR's.
#pragma once

#include <cstdint>
#include <string>

namespace blogconv::ir {

struct DateTime {
    std::int64_t utc_seconds = 0;    // seconds since 1970-01-01T00:00:00Z
    std::int32_t offset_seconds = 0; // local time = utc_seconds + offset_seconds
    bool operator==(const DateTime&) const = default;
    auto operator<=>(const DateTime& o) const { return utc_seconds <=> o.utc_seconds; }
};

// Broken-down local time of a DateTime.
struct CivilTime {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
    int weekday = 4;   // 0 = Sunday
    int yday = 1;      // day of the year, 1-based
};

CivilTime to_civil(const DateTime& t);
// Seconds since the epoch of a civil date-time read as UTC.
std::int64_t civil_to_epoch(int year, int month, int day, int hour = 0, int minute = 0, int second = 0);
// Days since the epoch of a civil date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(int year, int month, int day);

// 2018-03-03T00:00:00+01:00 (RFC 3339; "Z" never used, the offset is always written).
std::string format_rfc3339(const DateTime& t);
// Sat, 03 Mar 2018 00:00:00 +0100 (RFC 822 as updated by RFC 1123, what RSS 2.0 wants).
std::string format_rfc822(const DateTime& t);
// 2018-03-03
std::string format_ymd(const DateTime& t);

}  // namespace blogconv::ir
