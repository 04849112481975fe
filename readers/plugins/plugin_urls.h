// The URL tests the plugins share. (writers/site_urls.h has the same scheme test; readers cannot
// link writers, and moving it into ir/ is left to the URL module the style guide asks for.)
#pragma once

#include <string_view>

namespace blogconv::readers {

// Addressable's `absolute?`: the URL starts with a scheme (a letter, then letters, digits, `+`,
// `-` or `.`, then `:`), as "https:" and "mailto:" do.
bool has_scheme(std::string_view url);

}  // namespace blogconv::readers
