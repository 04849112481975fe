// Dates as Jekyll reads them: front-matter values, file-name dates, and the site's time zone.
//
// Jekyll's rules (4.3, Psych): an unquoted YAML timestamp without an offset is UTC; every other
// text goes through Ruby's `Time.parse`, which reads a zoneless time as local time in the site's
// zone (date-only values and file-name dates are local midnight). The result is always shown in
// the site's zone, so a written offset changes the shown offset (and possibly the day).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ir/datetime.h"

namespace date {
class time_zone;
}

namespace blogconv::readers {

// The site's zone (`timezone:` in _config.yml); UTC when none.
class SiteZone {
public:
    SiteZone() = default;  // UTC
    // Looks `name` up in the time-zone database; nullopt when it is unknown. "" gives UTC.
    static std::optional<SiteZone> locate(const std::string& name);

    // The instant `utc_seconds`, shown in this zone.
    ir::DateTime at(std::int64_t utc_seconds) const;
    // A wall-clock time in this zone (Ruby's Time.local: a skipped time moves forward).
    ir::DateTime local(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) const;
    const std::string& name() const { return name_; }
    // The zone's abbreviation and offset on the first of `month` in `year` ("CET", 3600); an
    // empty name in UTC without a database zone.
    struct Abbreviation {
        std::string name;
        int offset = 0;
    };
    Abbreviation abbreviation(int year, int month) const;

private:
    const date::time_zone* zone_ = nullptr;
    std::string name_;
};

// A front-matter `date` value. `yaml_timestamp` says it was an unquoted YAML timestamp (Psych made
// it a Time, so a zoneless one is UTC). Accepts the forms Jekyll sites use: `2014-10-01`,
// `2014-10-1 12:00:00`, `2014-10-01T12:00:00Z`, offsets `-0800` / `-08:00` / `+8`, `UTC`/`GMT`
// and US zone abbreviations, fractional seconds, and a stray year before the offset
// (`2023-01-29 18:30:22 2023 -0800`, which Time.parse ignores). nullopt when it is not a date.
std::optional<ir::DateTime> parse_jekyll_date(std::string_view text, bool yaml_timestamp, const SiteZone& zone);

// The date of a `YYYY-MM-DD-slug.ext` file name (`2014-3-3` too): local midnight in the zone.
// nullopt for an impossible date.
std::optional<ir::DateTime> filename_date(int year, int month, int day, const SiteZone& zone);

}  // namespace blogconv::readers
