// Liquid's standard filters and the ones Jekyll adds, as Liquid 5.4 / Jekyll 4.3 define them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readers/liquid/value.h"

namespace blogconv::readers::liquid {

// What a filter may need besides its arguments.
struct FilterEnvironment {
    const ir::Value* site = nullptr;  // for relative_url / absolute_url (url, baseurl)
};

// Applies filter `name` to `input`. Returns nothing when no such filter exists (the caller
// warns and, as Liquid's lax mode does, keeps the input).
std::optional<Value> apply_filter(std::string_view name, const Value& input, const std::vector<Value>& args,
                                  const std::vector<std::pair<std::string, Value>>& keyword_args,
                                  const FilterEnvironment& env);

// The date filters' parser: ISO 8601 / Jekyll's "YYYY-MM-DD HH:MM:SS +ZZZZ" strings and epoch
// numbers. Seconds since the epoch plus the offset the date was written in.
struct ParsedDate {
    long long utc_seconds = 0;
    int offset_seconds = 0;
};
std::optional<ParsedDate> parse_date(const ir::Value& v);
// Ruby's strftime, the conversions Liquid templates use (%Y %m %d %e %b %B %a %A %H %I %M %S
// %p %y %j %z %:z %Z %s %%, with the `-` no-padding flag).
std::string format_date(const ParsedDate& d, std::string_view format);

// Jekyll's Utils.slugify in its "default", "raw", "pretty", "ascii" and "none" modes.
std::string slugify(std::string_view text, std::string_view mode = "default");

}  // namespace blogconv::readers::liquid
