#include "writers/option_spec.h"

#include <charconv>

namespace blogconv::writers {

std::uint64_t parse_count(const std::string& value, std::uint64_t max) {
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || value.empty())
        throw OptionError("expected a whole number");
    if (n > max) throw OptionError("at most " + std::to_string(max));
    return n;
}

}  // namespace blogconv::writers
