// The one place the CLI reads the time, so that SOURCE_DATE_EPOCH makes every run reproducible.
#pragma once

#include <cstdint>
#include <optional>

#include "ir/datetime.h"

namespace blogconv::cli {

// SOURCE_DATE_EPOCH when it is set to a whole number of seconds, else nothing.
std::optional<std::int64_t> source_date_epoch();

// "Now" for the future-post rule: SOURCE_DATE_EPOCH when set, else the system clock.
ir::DateTime now();

}  // namespace blogconv::cli
