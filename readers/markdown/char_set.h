// A set of bytes to scan text for.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace blogconv::readers::markdown {

// One table look-up per byte of text: string_view::find_first_of(const char*) instead runs
// memchr over the set for every byte, which was ~3% of a reader run on the hot scans.
class CharSet {
public:
    constexpr explicit CharSet(std::string_view chars) {
        for (char c : chars) member_[static_cast<unsigned char>(c)] = true;
    }
    // The first position at or after `from` holding a byte of the set, or npos.
    std::size_t find_in(std::string_view text, std::size_t from = 0) const {
        for (std::size_t i = from; i < text.size(); ++i)
            if (member_[static_cast<unsigned char>(text[i])]) return i;
        return std::string_view::npos;
    }

private:
    std::array<bool, 256> member_{};
};

}  // namespace blogconv::readers::markdown
