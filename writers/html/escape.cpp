#include "writers/html/escape.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace blogconv::writers::html {

namespace {

struct Entity {
    std::string_view name;
    char32_t code;
};

// Kept sorted by name (byte order) for binary search; the unit test checks the order.
constexpr std::array entities = std::to_array<Entity>({
    {"AElig", 198},   {"Aacute", 193},  {"Acirc", 194},   {"Agrave", 192},  {"Alpha", 913},
    {"Aring", 197},   {"Atilde", 195},  {"Auml", 196},    {"Beta", 914},    {"Ccedil", 199},
    {"Chi", 935},     {"Dagger", 8225}, {"Delta", 916},   {"ETH", 208},     {"Eacute", 201},
    {"Ecirc", 202},   {"Egrave", 200},  {"Epsilon", 917}, {"Eta", 919},     {"Euml", 203},
    {"Gamma", 915},   {"Iacute", 205},  {"Icirc", 206},   {"Igrave", 204},  {"Iota", 921},
    {"Iuml", 207},    {"Kappa", 922},   {"Lambda", 923},  {"Mu", 924},      {"Ntilde", 209},
    {"Nu", 925},      {"OElig", 338},   {"Oacute", 211},  {"Ocirc", 212},   {"Ograve", 210},
    {"Omega", 937},   {"Omicron", 927}, {"Oslash", 216},  {"Otilde", 213},  {"Ouml", 214},
    {"Phi", 934},     {"Pi", 928},      {"Prime", 8243},  {"Psi", 936},     {"Rho", 929},
    {"Scaron", 352},  {"Sigma", 931},   {"THORN", 222},   {"Tau", 932},     {"Theta", 920},
    {"Uacute", 218},  {"Ucirc", 219},   {"Ugrave", 217},  {"Upsilon", 933}, {"Uuml", 220},
    {"Xi", 926},      {"Yacute", 221},  {"Yuml", 376},    {"Zeta", 918},    {"aacute", 225},
    {"acirc", 226},   {"acute", 180},   {"aelig", 230},   {"agrave", 224},  {"alpha", 945},
    {"amp", 38},      {"and", 8743},    {"ang", 8736},    {"apos", 39},     {"aring", 229},
    {"asymp", 8776},  {"atilde", 227},  {"auml", 228},    {"bdquo", 8222},  {"beta", 946},
    {"brvbar", 166},  {"bull", 8226},   {"cap", 8745},    {"ccedil", 231},  {"cedil", 184},
    {"cent", 162},    {"check", 10003}, {"chi", 967},     {"circ", 710},    {"clubs", 9827},
    {"copy", 169},    {"crarr", 8629},  {"cup", 8746},    {"curren", 164},  {"dArr", 8659},
    {"dagger", 8224}, {"darr", 8595},   {"deg", 176},     {"delta", 948},   {"diams", 9830},
    {"divide", 247},  {"eacute", 233},  {"ecirc", 234},   {"egrave", 232},  {"empty", 8709},
    {"emsp", 8195},   {"ensp", 8194},   {"epsilon", 949}, {"equiv", 8801},  {"eta", 951},
    {"eth", 240},     {"euml", 235},    {"euro", 8364},   {"exist", 8707},  {"fnof", 402},
    {"forall", 8704}, {"frac12", 189},  {"frac14", 188},  {"frac34", 190},  {"frasl", 8260},
    {"gamma", 947},   {"ge", 8805},     {"gt", 62},       {"hArr", 8660},   {"harr", 8596},
    {"hearts", 9829}, {"hellip", 8230}, {"iacute", 237},  {"icirc", 238},   {"iexcl", 161},
    {"igrave", 236},  {"infin", 8734},  {"int", 8747},    {"iota", 953},    {"iquest", 191},
    {"isin", 8712},   {"iuml", 239},    {"kappa", 954},   {"lArr", 8656},   {"lambda", 955},
    {"lang", 10216},  {"laquo", 171},   {"larr", 8592},   {"lceil", 8968},  {"ldquo", 8220},
    {"le", 8804},     {"lfloor", 8970}, {"lowast", 8727}, {"loz", 9674},    {"lrm", 8206},
    {"lsaquo", 8249}, {"lsquo", 8216},  {"lt", 60},       {"macr", 175},    {"mdash", 8212},
    {"micro", 181},   {"middot", 183},  {"minus", 8722},  {"mu", 956},      {"nabla", 8711},
    {"nbsp", 160},    {"ndash", 8211},  {"ne", 8800},     {"ni", 8715},     {"not", 172},
    {"notin", 8713},  {"nsub", 8836},   {"ntilde", 241},  {"nu", 957},      {"oacute", 243},
    {"ocirc", 244},   {"oelig", 339},   {"ograve", 242},  {"oline", 8254},  {"omega", 969},
    {"omicron", 959}, {"oplus", 8853},  {"or", 8744},     {"ordf", 170},    {"ordm", 186},
    {"oslash", 248},  {"otilde", 245},  {"otimes", 8855}, {"ouml", 246},    {"para", 182},
    {"part", 8706},   {"permil", 8240}, {"perp", 8869},   {"phi", 966},     {"pi", 960},
    {"piv", 982},     {"plusmn", 177},  {"pound", 163},   {"prime", 8242},  {"prod", 8719},
    {"prop", 8733},   {"psi", 968},     {"quot", 34},     {"rArr", 8658},   {"radic", 8730},
    {"rang", 10217},  {"raquo", 187},   {"rarr", 8594},   {"rceil", 8969},  {"rdquo", 8221},
    {"reg", 174},     {"rfloor", 8971}, {"rho", 961},     {"rlm", 8207},    {"rsaquo", 8250},
    {"rsquo", 8217},  {"sbquo", 8218},  {"scaron", 353},  {"sdot", 8901},   {"sect", 167},
    {"shy", 173},     {"sigma", 963},   {"sigmaf", 962},  {"sim", 8764},    {"spades", 9824},
    {"sub", 8834},    {"sube", 8838},   {"sum", 8721},    {"sup", 8835},    {"sup1", 185},
    {"sup2", 178},    {"sup3", 179},    {"supe", 8839},   {"szlig", 223},   {"tau", 964},
    {"there4", 8756}, {"theta", 952},   {"thetasym", 977}, {"thinsp", 8201}, {"thorn", 254},
    {"tilde", 732},   {"times", 215},   {"trade", 8482},  {"uArr", 8657},   {"uacute", 250},
    {"uarr", 8593},   {"ucirc", 251},   {"ugrave", 249},  {"uml", 168},     {"upsih", 978},
    {"upsilon", 965}, {"uuml", 252},    {"weierp", 8472}, {"xi", 958},      {"yacute", 253},
    {"yen", 165},     {"yuml", 255},    {"zeta", 950},    {"zwj", 8205},    {"zwnj", 8204},
});

bool xml_char_allowed(char32_t c) {
    if (c < 0x20) return c == 0x9 || c == 0xA || c == 0xD;
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    return c != 0xFFFE && c != 0xFFFF && c <= 0x10FFFF;
}

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
    // Runs of ordinary bytes are appended whole: a byte at a time was 2% of a writer's run.
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char* entity;
        switch (text[i]) {
            case '&': entity = "&amp;"; break;
            case '<': entity = "&lt;"; break;
            case '>': entity = "&gt;"; break;
            case '"': entity = "&quot;"; break;
            default: continue;
        }
        out.append(text.data() + run, i - run);
        out += entity;
        run = i + 1;
    }
    out.append(text.data() + run, text.size() - run);
}

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_escaped(out, text);
    return out;
}

namespace {

// The length of the UTF-8 character starting at s[i] (2 to 4; ASCII is the callers' fast path),
// or 0 when the bytes there are not valid UTF-8. `allowed`: whether XML 1.0 allows it.
std::size_t multibyte_at(const unsigned char* s, std::size_t i, std::size_t n, bool& allowed) {
    const unsigned char b = s[i];
    std::size_t len = 0;
    char32_t c = 0;
    if (b < 0x80) {
        len = 1, c = b;
    } else if (b >= 0xC2 && b <= 0xDF) {
        len = 2, c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3, c = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4, c = b & 0x07;
    }
    if (len == 0 || i + len > n) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((s[i + k] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms and out-of-range values are invalid UTF-8 even when the bytes look right.
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF))) return 0;
    allowed = xml_char_allowed(c);
    return len;
}

// Printable ASCII (and DEL, which XML allows): nearly every byte of real text.
bool plain_ascii(unsigned char b) { return b >= 0x20 && b < 0x80; }

}  // namespace

std::string unescape_attribute(std::string_view v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] != '&') {
            out += v[i];
            continue;
        }
        const std::size_t semi = v.find(';', i);
        if (semi == std::string_view::npos || semi - i > 8) {
            out += v[i];
            continue;
        }
        const std::string_view e = v.substr(i + 1, semi - i - 1);
        char c = 0;
        if (e == "amp") c = '&';
        else if (e == "lt") c = '<';
        else if (e == "gt") c = '>';
        else if (e == "quot") c = '"';
        else if (e == "apos" || e == "#39") c = '\'';
        else if (e.size() > 1 && e[0] == '#' && e[1] != 'x') {
            int n = 0;
            for (char d : e.substr(1)) n = (d >= '0' && d <= '9') ? n * 10 + (d - '0') : 1000;
            if (n > 0 && n < 128) c = static_cast<char>(n);
        }
        if (!c) {
            out += v[i];
            continue;
        }
        out += c;
        i = semi;
    }
    return out;
}

std::string xml_clean(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::string out;
    std::size_t run = 0;  // start of the bytes kept as they are, not yet appended
    std::size_t i = 0;
    while (i < n) {
        if (plain_ascii(s[i])) {
            ++i;
            continue;
        }
        bool allowed = false;
        const std::size_t len = multibyte_at(s, i, n, allowed);
        if (len != 0 && allowed) {
            i += len;
            continue;
        }
        if (out.empty()) out.reserve(n);
        out.append(text.data() + run, i - run);
        if (len == 0) out += "\xEF\xBF\xBD";  // one replacement character per bad byte
        i += len == 0 ? 1 : len;
        run = i;
    }
    if (run == 0) return std::string(text);
    out.append(text.data() + run, n - run);
    return out;
}

void append_clean_escaped(std::string& out, std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t i = 0; i < text.size();) {
        if (plain_ascii(s[i])) {
            ++i;
            continue;
        }
        bool allowed = false;
        const std::size_t len = multibyte_at(s, i, text.size(), allowed);
        if (len == 0 || !allowed) {
            append_escaped(out, xml_clean(text));
            return;
        }
        i += len;
    }
    append_escaped(out, text);  // already clean: no copy
}

char32_t named_entity(std::string_view name) {
    auto it = std::lower_bound(entities.begin(), entities.end(), name,
                               [](const Entity& e, std::string_view n) { return e.name < n; });
    return it != entities.end() && it->name == name ? it->code : 0;
}

std::string xml_entities(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] != '&') {
            out += html[i];
            continue;
        }
        std::size_t j = i + 1;
        if (j < html.size() && html[j] == '#') {
            ++j;
            const bool hex = j < html.size() && (html[j] == 'x' || html[j] == 'X');
            if (hex) ++j;
            std::uint32_t value = 0;
            std::size_t digits = 0;
            while (j < html.size() && digits < 8) {
                const char c = html[j];
                int d = -1;
                if (c >= '0' && c <= '9') d = c - '0';
                else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
                if (d < 0) break;
                value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
                ++digits, ++j;
            }
            if (digits > 0 && j < html.size() && html[j] == ';') {
                if (xml_char_allowed(value)) out.append(html.substr(i, j + 1 - i));
                else out += "&#65533;";
                i = j;
                continue;
            }
            out += "&amp;";
            continue;
        }
        while (j < html.size() && is_alnum(html[j]) && j - i <= 32) ++j;
        if (j < html.size() && html[j] == ';' && j > i + 1) {
            const std::string_view name = html.substr(i + 1, j - i - 1);
            if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
                out.append(html.substr(i, j + 1 - i));
                i = j;
                continue;
            }
            if (const char32_t c = named_entity(name)) {
                out += "&#" + std::to_string(static_cast<std::uint32_t>(c)) + ";";
                i = j;
                continue;
            }
        }
        out += "&amp;";
    }
    return out;
}

}  // namespace blogconv::writers::html
