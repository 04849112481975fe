#include "cli/clock.h"

#include <chrono>
#include <cstdlib>

namespace blogconv::cli {

std::optional<std::int64_t> source_date_epoch() {
    const char* sde = std::getenv("SOURCE_DATE_EPOCH");
    if (!sde || !*sde) return std::nullopt;
    char* end = nullptr;
    long long v = std::strtoll(sde, &end, 10);
    if (!end || *end != '\0') return std::nullopt;
    return v;
}

ir::DateTime now() {
    if (auto sde = source_date_epoch()) return ir::DateTime{*sde, 0};
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    return ir::DateTime{secs.count(), 0};
}

}  // namespace blogconv::cli
