// The stylesheet every book carries unless --css replaces it.
#pragma once

#include <string_view>

namespace blogconv::writers::epub {

// Made for e-ink and phones: the reading system's font and size, code that wraps, images and
// tables that never overflow the page, no colours that vanish in greyscale.
extern const std::string_view default_style;

}  // namespace blogconv::writers::epub
