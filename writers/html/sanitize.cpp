#include "writers/html/sanitize.h"

#include <cctype>
#include <cstdint>
#include <unordered_set>

namespace blogconv::writers::html {

namespace {

using Names = std::unordered_set<std::string_view>;

// What blog posts hold: text structure, tables, media with controls, embeds (the writers turn
// iframes into links), and the HTML 4 presentational elements old posts use. <script> and
// <style> pass here because each writer already has a rule for them: both writers drop inline
// scripts and make a script's src a link; the EPUB drops <style>, the page's CSP confines it.
// (Their content, like that of <title>, <xmp> and <iframe>, is escaped: see raw_html.cpp.)
// <noscript> goes, its content stays: neither the page nor the book runs scripts, and a parser
// with scripting on would read that content as text while we checked it as markup.
const Names& html_elements() {
    static const Names names = {
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo", "big",
        "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del",
        "details", "dfn", "dir", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "iframe", "img", "ins", "kbd", "label", "li",
        "listing", "main", "map", "mark", "marquee", "menu", "meter", "nav", "nobr", "ol", "p",
        "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section",
        "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp"};
    return names;
}

// Inline SVG drawings, without what runs or loads (<script>, <foreignObject>) and without the
// animation elements, which can set any attribute (`<set attributeName="href" to="javascript:…">`).
const Names& svg_elements() {
    static const Names names = {
        "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan",
        "textpath", "defs", "use", "symbol", "marker", "lineargradient", "radialgradient", "stop", "clippath",
        "mask", "pattern", "image", "desc", "metadata", "switch", "view", "filter", "feblend", "fecolormatrix",
        "fecomponenttransfer", "fecomposite", "feconvolvematrix", "fediffuselighting", "fedisplacementmap",
        "fedistantlight", "fedropshadow", "feflood", "fefunca", "fefuncb", "fefuncg", "fefuncr",
        "fegaussianblur", "feimage", "femerge", "femergenode", "femorphology", "feoffset", "fepointlight",
        "fespecularlighting", "fespotlight", "fetile", "feturbulence"};
    return names;
}

const Names& math_elements() {
    static const Names names = {
        "math", "mi", "mo", "mn", "ms", "mtext", "mrow", "msup", "msub", "msubsup", "mfrac", "msqrt", "mroot",
        "mtable", "mtr", "mtd", "mlabeledtr", "mover", "munder", "munderover", "mspace", "mstyle", "semantics",
        "annotation", "mpadded", "mphantom", "menclose", "mfenced", "merror", "mmultiscripts", "mprescripts",
        "none", "maligngroup", "malignmark"};
    return names;
}

// Elements that act on the page or book, or collect input: their tags go. Listed (not just "not
// allowed") so that they are reported and never mistaken for prose like `<datadir>`.
const Names& dropped_elements() {
    static const Names names = {
        "meta", "base", "link", "form", "input", "button", "select", "option", "optgroup", "textarea",
        "datalist", "fieldset", "legend", "output", "keygen", "isindex", "object", "embed", "applet", "param",
        "frame", "frameset", "noframes", "portal", "fencedframe", "html", "head", "body", "template", "slot",
        "dialog", "plaintext", "menuitem", "noscript", "noembed", "canvas", "foreignobject", "animate", "animatemotion",
        "animatetransform", "set", "annotation-xml", "discard", "handler", "listener"};
    return names;
}

const Names& global_attributes() {
    static const Names names = {"id",  "class", "style", "title", "lang", "xml:lang", "dir", "hidden", "role",
                                "translate", "epub:type", "xmlns", "xmlns:xlink", "xmlns:epub", "width",
                                "height", "align", "valign", "bgcolor", "border", "nowrap"};
    return names;
}

// Attributes for one element beyond the global ones.
bool element_attribute(std::string_view e, std::string_view a) {
    struct Rule {
        std::string_view element;
        Names attributes;
    };
    static const std::vector<Rule> rules = {
        {"a", {"href", "target", "rel", "hreflang", "download", "type", "name", "referrerpolicy"}},
        {"area", {"href", "alt", "shape", "coords", "target", "rel"}},
        {"img", {"src", "alt", "srcset", "sizes", "loading", "decoding", "usemap", "ismap"}},
        {"source", {"src", "srcset", "type", "media", "sizes"}},
        {"video", {"src", "poster", "controls", "loop", "muted", "autoplay", "playsinline", "preload"}},
        {"audio", {"src", "controls", "loop", "muted", "autoplay", "preload"}},
        {"track", {"src", "kind", "srclang", "label", "default"}},
        // No srcdoc (a whole document in an attribute) and no name (a target to navigate).
        {"iframe", {"src", "allow", "allowfullscreen", "frameborder", "loading", "referrerpolicy", "scrolling",
                    "sandbox"}},
        {"td", {"colspan", "rowspan", "headers"}},
        {"th", {"colspan", "rowspan", "headers", "scope", "abbr"}},
        {"table", {"cellpadding", "cellspacing", "summary", "frame", "rules"}},
        {"col", {"span"}},
        {"colgroup", {"span"}},
        {"ol", {"start", "reversed", "type"}},
        {"ul", {"type"}},
        {"li", {"value", "type"}},
        {"time", {"datetime"}},
        {"ins", {"cite", "datetime"}},
        {"del", {"cite", "datetime"}},
        {"blockquote", {"cite"}},
        {"q", {"cite"}},
        {"details", {"open"}},
        {"data", {"value"}},
        {"meter", {"value", "min", "max", "low", "high", "optimum"}},
        {"progress", {"value", "max"}},
        {"label", {"for"}},
        {"map", {"name"}},
        {"font", {"color", "face", "size"}},
        {"script", {"src", "type", "async", "defer"}},
        {"style", {"media", "type"}},
        {"pre", {"lang"}},
        {"code", {"lang"}},
    };
    for (const auto& r : rules)
        if (r.element == e) return r.attributes.contains(a);
    return false;
}

// Presentation attributes of SVG: geometry, paint, text, gradients, filters. href/xlink:href are
// URL-checked like any other.
const Names& svg_attributes() {
    static const Names names = {
        "viewbox", "preserveaspectratio", "version", "d", "fill", "fill-opacity", "fill-rule", "stroke",
        "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset",
        "stroke-opacity", "stroke-miterlimit", "opacity", "transform", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy",
        "r", "rx", "ry", "dx", "dy", "fx", "fy", "fr", "points", "pathlength", "font-family", "font-size",
        "font-weight", "font-style", "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
        "letter-spacing", "word-spacing", "text-decoration", "textlength", "lengthadjust", "writing-mode",
        "clip-path", "clip-rule", "clippathunits", "mask", "maskunits", "maskcontentunits", "marker-start",
        "marker-mid", "marker-end", "markerwidth", "markerheight", "markerunits", "refx", "refy", "orient",
        "gradientunits", "gradienttransform", "spreadmethod", "offset", "stop-color", "stop-opacity",
        "patternunits", "patterncontentunits", "patterntransform", "filter", "filterunits", "primitiveunits",
        "flood-color", "flood-opacity", "lighting-color", "stddeviation", "in", "in2", "result", "mode",
        "operator", "k1", "k2", "k3", "k4", "values", "type", "tablevalues", "slope", "intercept", "amplitude",
        "exponent", "scale", "xchannelselector", "ychannelselector", "basefrequency", "numoctaves", "seed",
        "stitchtiles", "radius", "kernelmatrix", "order", "divisor", "bias", "targetx", "targety", "edgemode",
        "surfacescale", "diffuseconstant", "specularconstant", "specularexponent", "azimuth", "elevation",
        "pointsatx", "pointsaty", "pointsatz", "limitingconeangle", "z", "vector-effect", "shape-rendering",
        "text-rendering", "image-rendering", "color", "visibility", "display", "overflow", "href", "xlink:href",
        "xlink:title", "focusable", "requiredfeatures", "systemlanguage"};
    return names;
}

const Names& math_attributes() {
    static const Names names = {
        "display", "displaystyle", "mathvariant", "mathsize", "mathcolor", "mathbackground", "open", "close",
        "separators", "fence", "separator", "stretchy", "symmetric", "largeop", "movablelimits", "accent",
        "accentunder", "linethickness", "columnalign", "rowalign", "columnspan", "rowspan", "columnlines",
        "rowlines", "columnspacing", "rowspacing", "frame", "framespacing", "equalrows", "equalcolumns", "encoding",
        "scriptlevel", "lspace", "rspace", "notation", "depth", "voffset", "form", "minsize", "maxsize",
        "alttext", "altimg"};
    return names;
}

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The URL as a browser sees it, far enough to read its scheme: numeric character references and
// the named ones that spell a colon, tab or newline decoded; tab, CR and LF removed anywhere
// (the URL parser ignores them); leading spaces and control characters removed. An `&` left in
// the result is a reference this function does not decode.
std::string browser_view(std::string_view v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        char c = v[i];
        if (c == '&') {
            std::size_t j = i + 1;
            std::uint32_t code = 0;
            bool decoded = false;
            if (j < v.size() && v[j] == '#') {
                ++j;
                const bool hex = j < v.size() && (v[j] == 'x' || v[j] == 'X');
                if (hex) ++j;
                const std::size_t digits = j;
                while (j < v.size() && (hex ? std::isxdigit(static_cast<unsigned char>(v[j]))
                                            : std::isdigit(static_cast<unsigned char>(v[j])))) {
                    if (code < 0x110000)
                        code = code * (hex ? 16 : 10) +
                               static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(v[j]))
                                                              ? v[j] - '0'
                                                              : (std::tolower(static_cast<unsigned char>(v[j])) - 'a' + 10));
                    ++j;
                }
                decoded = j > digits;
            } else {
                std::string name;
                while (j < v.size() && std::isalnum(static_cast<unsigned char>(v[j])) && name.size() < 10)
                    name += static_cast<char>(std::tolower(static_cast<unsigned char>(v[j++])));
                if (name == "colon") code = ':', decoded = true;
                else if (name == "tab") code = '\t', decoded = true;
                else if (name == "newline") code = '\n', decoded = true;
            }
            if (decoded) {
                if (j < v.size() && v[j] == ';') ++j;
                i = j - 1;
                // Anything past ASCII cannot be part of a scheme; keep a placeholder that is not one.
                c = code < 0x80 ? static_cast<char>(code) : '\x7f';
            }
        }
        if (c == '\t' || c == '\n' || c == '\r') continue;
        if (out.empty() && (static_cast<unsigned char>(c) <= 0x20)) continue;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace

ElementRule element_rule(std::string_view e) {
    if (html_elements().contains(e) || svg_elements().contains(e) || math_elements().contains(e))
        return ElementRule::keep;
    if (dropped_elements().contains(e)) return ElementRule::drop;
    // A custom element (`<swiper-slide>`) or a namespaced one (Word's `<o:p>`) does nothing
    // without a script, which neither the page nor the book runs; its attributes are held to the
    // global ones like any element's.
    if (e.find('-') != std::string_view::npos || e.find(':') != std::string_view::npos) return ElementRule::keep;
    return ElementRule::as_text;
}

bool attribute_allowed(std::string_view e, std::string_view a) {
    if (a.starts_with("on")) return false;  // every event handler, present and future
    if (a.starts_with("aria-") || a.starts_with("data-")) return a.size() > 5;
    if (global_attributes().contains(a) || element_attribute(e, a)) return true;
    if (svg_elements().contains(e) && svg_attributes().contains(a)) return true;
    if (math_elements().contains(e) && math_attributes().contains(a)) return true;
    return false;
}

bool is_url_attribute(std::string_view a) {
    return a == "href" || a == "src" || a == "poster" || a == "cite" || a == "xlink:href" || a == "srcset";
}

bool url_allowed(std::string_view element, std::string_view attribute, std::string_view url) {
    const std::string v = browser_view(url);
    const std::size_t end = v.find_first_of("/?#");
    const std::size_t colon = v.find(':');
    if (colon == std::string::npos || (end != std::string::npos && end < colon)) {
        // No scheme. An undecoded reference or a control character before the first colon could
        // still spell one to some parser: refused rather than guessed.
        if (colon == std::string::npos) return true;
        for (std::size_t i = 0; i < colon; ++i)
            if (v[i] == '&') return false;
        return true;
    }
    const std::string_view scheme = std::string_view(v).substr(0, colon);
    bool scheme_chars = !scheme.empty() && is_alpha(scheme[0]);
    for (char c : scheme)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) scheme_chars = false;
    if (!scheme_chars) {
        // `a b:c` is a relative path to a browser; `java&x;script:` is not decided here.
        for (char c : scheme)
            if (c == '&' || static_cast<unsigned char>(c) < 0x20 || c == '\x7f') return false;
        return true;
    }
    static const Names navigating = {"http", "https", "mailto", "tel", "ftp", "sms", "xmpp", "irc", "ircs",
                                     "news", "nntp", "geo", "urn", "magnet", "ssh", "git"};
    if (navigating.contains(scheme)) return true;
    if (scheme == "data")
        return (element == "img" || element == "source") && (attribute == "src" || attribute == "srcset") &&
               v.starts_with("data:image/");
    return false;
}

std::string removed_message(const std::set<std::string>& removed, std::string_view where) {
    std::string list;
    for (const auto& r : removed) list += (list.empty() ? "" : ", ") + r;
    return "removed from the post's HTML: " + list + " (the " + std::string(where) +
           " must not run code, redirect, re-base links or collect input for a post)";
}

}  // namespace blogconv::writers::html
