#include "writers/html/raw_html.h"

#include <array>
#include <cctype>
#include <vector>

#include <pugixml.hpp>

#include "writers/html/elements.h"
#include "writers/html/escape.h"
#include "writers/html/sanitize.h"

namespace blogconv::writers::html {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The attributes whose URL the writer rewrites (srcset is handled candidate by candidate).
bool rewritten_url_attribute(const std::string& name) { return name == "href" || name == "src" || name == "poster"; }

// A name XML accepts (a conservative subset: ASCII letters, digits, `_`, `-`, `.`, `:`).
bool xml_name(std::string_view s) {
    if (s.empty() || !(is_alpha(s[0]) || s[0] == '_' || s[0] == ':')) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':'))
            return false;
    return true;
}

struct Attribute {
    std::string name;
    std::string value;
    bool has_value = false;
    std::size_t value_begin = 0, value_end = 0;  // the value's bytes in the source (without quotes)
    std::size_t begin = 0, end = 0;              // the whole attribute's bytes in the source
    bool quoted = false;
};

struct Tag {
    bool closing = false;
    std::string name;
    std::vector<Attribute> attributes;
    bool self_closed = false;
    std::size_t end = 0;  // one past '>'
};

// Parses the tag starting at html[pos] == '<'; false when it is not a complete tag.
bool parse_tag(std::string_view html, std::size_t pos, Tag& tag) {
    std::size_t i = pos + 1;
    if (i < html.size() && html[i] == '/') tag.closing = true, ++i;
    if (i >= html.size() || !is_alpha(html[i])) return false;
    const std::size_t name_begin = i;
    while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-' || html[i] == ':'))
        ++i;
    tag.name = std::string(html.substr(name_begin, i - name_begin));
    while (true) {
        while (i < html.size() && is_space(html[i])) ++i;
        if (i >= html.size()) return false;
        if (html[i] == '>') {
            tag.end = i + 1;
            return true;
        }
        if (html[i] == '/' && i + 1 < html.size() && html[i + 1] == '>') {
            tag.self_closed = true;
            tag.end = i + 2;
            return true;
        }
        if (html[i] == '/') {
            ++i;
            continue;
        }
        Attribute a;
        const std::size_t an = i;
        a.begin = i;
        while (i < html.size() && !is_space(html[i]) && html[i] != '>' && html[i] != '=' &&
               !(html[i] == '/' && i + 1 < html.size() && html[i + 1] == '>'))
            ++i;
        a.name = std::string(html.substr(an, i - an));
        std::size_t k = i;
        while (k < html.size() && is_space(html[k])) ++k;
        if (k < html.size() && html[k] == '=') {
            i = k + 1;
            while (i < html.size() && is_space(html[i])) ++i;
            if (i >= html.size()) return false;
            a.has_value = true;
            if (html[i] == '"' || html[i] == '\'') {
                const char q = html[i];
                const auto close = html.find(q, i + 1);
                if (close == std::string_view::npos) return false;
                a.quoted = true;
                a.value_begin = i + 1, a.value_end = close;
                i = close + 1;
            } else {
                a.value_begin = i;
                while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
                a.value_end = i;
            }
            a.value = std::string(html.substr(a.value_begin, a.value_end - a.value_begin));
        }
        a.end = a.has_value ? (a.quoted ? a.value_end + 1 : a.value_end) : an + a.name.size();
        tag.attributes.push_back(std::move(a));
    }
}

std::string rewrite_value(const std::string& name, const std::string& value, const UrlRewrite& rewrite) {
    if (!rewrite) return value;
    if (rewritten_url_attribute(name)) return rewrite(value);
    if (name == "srcset") return rewrite_srcset(value, rewrite);
    return value;
}

// An attribute value made safe inside double quotes in XML (entities are fixed afterwards).
std::string xml_attribute_value(std::string_view v) {
    std::string out;
    for (char c : v) {
        if (c == '"') out += "&quot;";
        else if (c == '<') out += "&lt;";
        else out += c;
    }
    return out;
}

// url_allowed for one attribute value; a srcset is allowed when each of its URLs is.
bool sanitized_url_allowed(const std::string& element, const std::string& attribute, const std::string& value) {
    if (attribute != "srcset") return url_allowed(element, attribute, value);
    bool all = true;
    rewrite_srcset(value, [&](const std::string& u) {
        if (!url_allowed(element, attribute, u)) all = false;
        return u;
    });
    return all;
}

// The rewritten value of an attribute, when it is as safe as the value the sanitizer already let
// through: a rewrite builds URLs from the site's own settings (`url:` in _config.yml), which are
// input too. Otherwise the value stays as written.
std::string checked_rewrite(const std::string& element, const std::string& name, const std::string& value,
                            const UrlRewrite& rewrite, bool sanitize) {
    std::string v = rewrite_value(name, value, rewrite);
    if (sanitize && v != value && !sanitized_url_allowed(element, name, v)) return value;
    return v;
}

// How a refused URL is named in the warning: by its scheme ("javascript: URL") when that is
// plain letters, else generically (the text itself may be anything).
std::string url_scheme_name(std::string_view url) {
    std::string scheme;
    for (char ch : url) {
        if (ch == ':') break;
        if (std::isalpha(static_cast<unsigned char>(ch))) scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        else if (!(ch == ' ' || ch == '\t')) return "a URL that could run code";
        if (scheme.size() > 20) return "a URL that could run code";
    }
    return scheme.empty() ? "a URL that could run code" : scheme + ": URL";
}

// After the start tag of an element whose content an HTML parser reads as text (script, style,
// title, xmp, iframe): that content up to the element's end tag, with every `<` escaped. In
// HTML the parser would not see tags there, yet inside <svg> the same <style> or <title> holds
// markup; escaped, the content is text either way, so no tag the sanitizer did not check can
// appear (the mutation-XSS of sanitizers that disagree with the parser about such content).
// Returns where scanning goes on.
std::size_t raw_text_content(std::string_view html, std::size_t from, const std::string& name, const Tag& tag,
                             std::string& out) {
    static constexpr std::array<std::string_view, 5> raw_text = {"script", "style", "title", "xmp", "iframe"};
    if (tag.closing || tag.self_closed) return from;
    bool is_raw = false;
    for (auto n : raw_text) is_raw = is_raw || n == name;
    if (!is_raw) return from;
    std::size_t end = from;
    for (; end < html.size(); ++end) {
        if (html[end] != '<' || end + 2 + name.size() > html.size() || html[end + 1] != '/') continue;
        if (lower(html.substr(end + 2, name.size())) != name) continue;
        const std::size_t after = end + 2 + name.size();
        if (after == html.size() || is_space(html[after]) || html[after] == '/' || html[after] == '>') break;
    }
    for (std::size_t k = from; k < end; ++k) {
        if (html[k] == '<') out += "&lt;";
        else out += html[k];
    }
    return end;
}

}  // namespace

std::string rewrite_srcset(std::string_view srcset, const UrlRewrite& rewrite) {
    std::string out;
    std::size_t i = 0;
    while (i < srcset.size()) {
        const std::size_t start = i;
        while (i < srcset.size() && is_space(srcset[i])) ++i;
        out.append(srcset.substr(start, i - start));
        const std::size_t url_begin = i;
        while (i < srcset.size() && !is_space(srcset[i])) ++i;
        std::string url(srcset.substr(url_begin, i - url_begin));
        // A URL may itself end with the candidate separator when no descriptor follows.
        bool trailing_comma = !url.empty() && url.back() == ',';
        if (trailing_comma) url.pop_back();
        if (!url.empty()) out += rewrite(url);
        if (trailing_comma) {
            out += ',';
            continue;
        }
        const std::size_t rest = i;
        while (i < srcset.size() && srcset[i] != ',') ++i;
        if (i < srcset.size()) ++i;
        out.append(srcset.substr(rest, i - rest));
    }
    return out;
}

namespace {

// What a tag offers to a TagHook: its kept attributes as text (`values`: each one's value after
// URL rewriting).
RawTag raw_tag(const Tag& tag, const std::string& name, const std::vector<const Attribute*>& kept,
               const std::vector<std::string>& values, std::string written) {
    RawTag t;
    t.name = name;
    t.closing = tag.closing;
    if (!tag.closing) {
        for (std::size_t k = 0; k < kept.size(); ++k) {
            const Attribute* a = kept[k];
            // A rewritten value is text already; one left as written may hold references.
            const bool rewritten = a->has_value && values[k] != a->value;
            t.attributes.emplace_back(lower(a->name), rewritten ? values[k] : unescape_attribute(values[k]));
        }
    }
    t.self_closing = !tag.closing && (tag.self_closed || is_void_element(name));
    t.written = std::move(written);
    return t;
}

// The one scan behind transform_raw_html and append_raw_html. `state` only in HTML syntax:
// XHTML output is rewritten as a whole at the end, so offsets into it do not last (and `hook`
// cannot swallow there).
void scan(std::string& out, std::string_view html, bool xhtml, const UrlRewrite& rewrite, const RemovedFn* sanitize,
          const TagHook* hook, RawHtmlState* state) {
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c != '<') {
            out += c;
            ++i;
            continue;
        }
        if (html.substr(i, 4) == "<!--") {
            auto close = html.find("-->", i + 4);
            const std::size_t end = close == std::string_view::npos ? html.size() : close + 3;
            // Sanitizing, comments go: a browser ends one earlier than `-->` in cases (`<!-->`,
            // `--!>`) and would read what follows as markup that was never checked.
            if (!sanitize) out.append(html.substr(i, end - i));
            i = end;
            continue;
        }
        if (html.substr(i, 2) == "<!" || html.substr(i, 2) == "<?") {
            auto close = html.find('>', i);
            const std::size_t end = close == std::string_view::npos ? html.size() : close + 1;
            if (!sanitize) out.append(html.substr(i, end - i));  // a doctype or bogus comment: goes too
            i = end;
            continue;
        }
        Tag tag;
        if (!parse_tag(html, i, tag)) {
            // Sanitizing, a `<` that starts no tag here must not start one in a browser either.
            out += xhtml || sanitize ? "&lt;" : "<";
            ++i;
            continue;
        }
        const std::string name = lower(tag.name);
        // Which attributes stay, and whether the tag stays at all.
        std::vector<const Attribute*> kept;
        kept.reserve(tag.attributes.size());
        bool removed_any = false;
        if (sanitize) {
            const ElementRule rule = element_rule(name);
            if (rule == ElementRule::as_text) {
                out += "&lt;";
                ++i;
                continue;
            }
            if (rule == ElementRule::drop) {
                (*sanitize)("<" + name + ">");
                i = tag.end;
                continue;
            }
            for (const auto& a : tag.attributes) {
                const std::string an = lower(a.name);
                if (tag.closing) {  // a browser ignores attributes on an end tag; so do we
                    removed_any = true;
                    continue;
                }
                if (!attribute_allowed(name, an)) {
                    (*sanitize)(xml_name(an) ? an + "=" : std::string("an attribute a browser would misread"));
                    removed_any = true;
                    continue;
                }
                if (a.has_value && html::is_url_attribute(an) && !sanitized_url_allowed(name, an, a.value)) {
                    (*sanitize)(url_scheme_name(a.value));
                    removed_any = true;
                    continue;
                }
                kept.push_back(&a);
            }
        } else {
            for (const auto& a : tag.attributes) kept.push_back(&a);
        }
        if (!xhtml) {
            // Each kept attribute's value with its URL rewritten, once.
            std::vector<std::string> values;
            values.reserve(kept.size());
            for (const Attribute* a : kept)
                values.push_back(a->has_value ? checked_rewrite(name, lower(a->name), a->value, rewrite, sanitize != nullptr)
                                              : a->value);
            std::string written;
            if (!removed_any) {  // then every attribute is kept: kept[k] is &tag.attributes[k]
                std::size_t copied = i;
                for (std::size_t k = 0; k < kept.size(); ++k) {
                    const Attribute& a = *kept[k];
                    const std::string& v = values[k];
                    if (!a.has_value || v == a.value) continue;
                    // The whole value, quotes and all, is written anew and escaped: a rewritten URL
                    // holds the site's `url:`, which may hold a quote.
                    written.append(html.substr(copied, (a.quoted ? a.value_begin - 1 : a.value_begin) - copied));
                    written += "\"" + escape(v) + "\"";
                    copied = a.quoted ? a.value_end + 1 : a.value_end;
                }
                written.append(html.substr(copied, tag.end - copied));
            } else {
                // Something was removed: the tag is rebuilt from what stays, each kept attribute as
                // it was written (or with its rewritten URL).
                written += tag.closing ? "</" : "<";
                written += tag.name;
                for (std::size_t k = 0; k < kept.size(); ++k) {
                    const Attribute* a = kept[k];
                    const std::string& v = values[k];
                    written += ' ';
                    if (a->has_value && v != a->value) written += a->name + "=\"" + escape(v) + "\"";
                    else written.append(html.substr(a->begin, a->end - a->begin));
                }
                written += tag.self_closed ? " />" : ">";
            }
            i = tag.end;
            if (hook && state && tag.closing && name == state->swallowing) {
                // The end of an element the hook replaced: its content goes with it.
                if (state->swallow_from <= out.size()) out.resize(state->swallow_from);
                state->swallowing.clear();
                continue;
            }
            if (hook && state) {
                bool swallow = false;
                auto replacement =
                    (*hook)(raw_tag(tag, name, kept, values, written), swallow);
                out += replacement ? *replacement : written;
                if (swallow && !tag.closing && !tag.self_closed && !is_void_element(name)) {
                    state->swallowing = name;
                    state->swallow_from = out.size();
                }
            } else {
                out += written;
            }
            if (sanitize) i = raw_text_content(html, i, name, tag, out);
            continue;
        }
        if (tag.closing && is_void_element(name)) {  // `</br>`: the element was already closed
            i = tag.end;
            continue;
        }
        // What stays of the attributes: a name XML rejects (`@click`, a stray quote) cannot be
        // written, and dropping it keeps the element, which matters more than one framework
        // attribute. A boolean attribute gets its name as value.
        std::vector<const Attribute*> written_attributes;
        std::vector<std::string> values;
        if (!tag.closing) {
            for (const Attribute* a : kept) {
                if (!xml_name(a->name)) continue;
                written_attributes.push_back(a);
                values.push_back(a->has_value ? checked_rewrite(name, lower(a->name), a->value, rewrite, sanitize != nullptr)
                                              : a->name);
            }
        }
        std::string written = tag.closing ? "</" : "<";
        written += tag.name;
        for (std::size_t k = 0; k < written_attributes.size(); ++k) {
            written += ' ';
            written += written_attributes[k]->name;
            written += "=\"";
            written += xml_attribute_value(values[k]);
            written += '"';
        }
        if (!tag.closing && (tag.self_closed || is_void_element(name))) written += " /";
        written += '>';
        i = tag.end;
        if (hook) {
            bool swallow = false;  // not possible here (see above)
            auto replacement = (*hook)(raw_tag(tag, name, written_attributes, values, written), swallow);
            out += replacement ? *replacement : written;
        } else {
            out += written;
        }
    }
}

}  // namespace

std::string transform_raw_html(std::string_view html, bool xhtml, const UrlRewrite& rewrite,
                               const RemovedFn* sanitize, const TagHook* hook) {
    std::string out;
    out.reserve(html.size() + 16);
    scan(out, html, xhtml, rewrite, sanitize, xhtml && hook && *hook ? hook : nullptr, nullptr);
    return xhtml ? xml_entities(xml_clean(out)) : out;
}

void append_raw_html(std::string& out, std::string_view html, const UrlRewrite& rewrite, const RemovedFn* sanitize,
                     const TagHook& hook, RawHtmlState& state) {
    scan(out, html, false, rewrite, sanitize, hook ? &hook : nullptr, &state);
}

bool well_formed_xml_fragment(std::string_view fragment) {
    std::string wrapped = "<r>";
    wrapped += fragment;
    wrapped += "</r>";
    pugi::xml_document doc;
    const auto result = doc.load_buffer(wrapped.data(), wrapped.size(), pugi::parse_default, pugi::encoding_utf8);
    return static_cast<bool>(result);
}

}  // namespace blogconv::writers::html
