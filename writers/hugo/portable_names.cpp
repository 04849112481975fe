#include "writers/hugo/portable_names.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace blogconv::writers::hugo {

namespace {

std::string fold(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool forbidden(unsigned char c) {
    return c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == ':' || c == '"' || c == '\\' || c == '|' ||
           c == '?' || c == '*' || c == '/';
}

// Windows' device names, which it refuses as a file name with any extension.
bool device_name(std::string_view stem) {
    static constexpr std::array<std::string_view, 4> plain = {"con", "prn", "aux", "nul"};
    const std::string f = fold(stem);
    for (auto n : plain)
        if (f == n) return true;
    // COM1-9 and LPT1-9, also with the superscript digits ¹ ² ³ Windows treats as digits.
    if (f.size() >= 4 && (f.starts_with("com") || f.starts_with("lpt"))) {
        const std::string_view digit = std::string_view(f).substr(3);
        if (digit.size() == 1 && digit[0] >= '1' && digit[0] <= '9') return true;
        if (digit == "\xc2\xb9" || digit == "\xc2\xb2" || digit == "\xc2\xb3") return true;
    }
    return false;
}

constexpr std::size_t max_component = 200;  // room for a suffix and an extension under 255 bytes

}  // namespace

std::string portable_component(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (char c : name) out += forbidden(static_cast<unsigned char>(c)) ? '-' : c;
    if (out.size() > max_component) {
        std::size_t cut = max_component;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        out.resize(cut);
    }
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
    if (out.empty()) return "_";
    const std::size_t dot = std::min(out.find('.'), out.size());
    if (device_name(std::string_view(out).substr(0, dot))) return out.substr(0, dot) + "-" + out.substr(dot);
    return out;
}

std::string portable_path(std::string_view path) {
    if (path.empty()) return {};
    std::string out;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        if (!out.empty() || start > 0) out += '/';
        out += portable_component(path.substr(start, slash - start));
        start = slash + 1;
    }
    return out;
}

bool PortableNames::taken(const std::string& path) const { return folded_.contains(fold(path)); }

void PortableNames::take(const std::string& path) { folded_.insert(fold(path)); }

}  // namespace blogconv::writers::hugo
