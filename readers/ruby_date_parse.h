// What Ruby's Date._parse finds in a date string, the first half of `Time.parse`, which Jekyll
// calls for every front-matter date that is not a YAML timestamp. A port of its rules (Ruby's
// ext/date/date_parse.c, non-tight parser), one sub-parser at a time, each checked against Ruby's
// own answers in tests/data/ruby-dates.tsv. Ported so far: week days, the time of day with its
// zone, and the European (`8 Sep 2014`), American (`Sep 8, 2014`), ISO (`2014-09-08`), VMS
// (`08-Sep-2014`), slash (`09/08/2014`) and dot (`2014.09.08`) dates
// with Ruby's year/month/day disambiguation (s3e) and two-digit year completion.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace blogconv::readers {

struct RubyDateParts {
    std::optional<long long> year, mon, mday, hour, min, sec;
    std::optional<std::string> zone;  // as written after the time ("+0200", "EST", "UTC+2")
    bool empty() const { return !year && !mon && !mday && !hour && !min && !sec; }
};

RubyDateParts ruby_date_parse(std::string_view text);

}  // namespace blogconv::readers
