#include "readers/plugins/plugin_urls.h"

#include <cctype>

namespace blogconv::readers {

bool has_scheme(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '+' || s[i] == '-' || s[i] == '.'))
        ++i;
    return i > 0 && i < s.size() && s[i] == ':' && std::isalpha(static_cast<unsigned char>(s[0]));
}

}  // namespace blogconv::readers
