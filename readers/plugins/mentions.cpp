#include "readers/plugins/mentions.h"

#include <array>

#include "readers/plugins/text_runs.h"

namespace blogconv::readers {

namespace {

// Ruby's \w without the /u flag: ASCII letters, digits and underscore.
bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The lookahead after the name, at `i`: a line end, dots up to a line end or a non-word
// character, or one character that is not a word character nor a dot. A dot is itself a non-word
// character, so two dots always qualify (`@a..b` is a mention); one dot qualifies unless a word
// character follows. The name is taken greedily and never given back (an atomic group), so the
// character at `i` is never a word character or a hyphen.
bool ends_mention(std::string_view t, std::size_t i) {
    if (i == t.size() || t[i] == '\n') return true;
    if (t[i] == '/') return false;
    if (t[i] != '.') return true;
    ++i;
    return i == t.size() || !word_char(t[i]);
}

// MentionFilter::MentionLogins: these names are never links (no info_url is given).
bool reserved(std::string_view name) {
    std::string lower;
    for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    constexpr std::array<std::string_view, 4> names{"mention", "mentions", "mentioned", "mentioning"};
    for (auto n : names)
        if (lower == n) return true;
    return false;
}

void flush(std::string& pending, ir::Inlines& out) {
    if (!pending.empty()) out.push_back(ir::Text{std::move(pending)});
    pending.clear();
}

}  // namespace

std::optional<std::string> mention_base(const ir::Value& site_config, const ir::Value& front_matter) {
    const ir::Value* setting = front_matter.find("jekyll-mentions");
    if (setting && setting->is_bool() && !setting->as_bool()) return std::nullopt;
    if (!setting) setting = site_config.find("jekyll-mentions");
    std::string base = "https://github.com";
    if (setting && setting->is_string()) base = setting->as_string();
    else if (const ir::Value* b = setting && setting->is_object() ? setting->find("base_url") : nullptr; b && b->is_string())
        base = b->as_string();
    return base;
}

std::optional<ir::Inlines> link_mentions(std::string_view text, const std::string& base) {
    if (text.find('@') == std::string_view::npos) return std::nullopt;
    // link_to_mentioned_user: a slash joins base and name unless the base ends in `/` or `~`.
    const std::string prefix = base.ends_with('/') || base.ends_with('~') ? base : base + "/";
    ir::Inlines out;
    std::string pending;
    bool found = false;
    std::size_t i = 0;
    std::size_t last_end = std::string_view::npos;
    while (i < text.size()) {
        // `(?:^|\W)@`: the character before `@` is consumed by the match, so one the previous
        // mention ended with cannot serve again (`@a-@b` links `@a-` only).
        const bool at_line_start = i == 0 || (i != last_end && !word_char(text[i - 1]));
        if (text[i] == '@' && at_line_start && i + 1 < text.size() && word_char(text[i + 1])) {
            std::size_t end = i + 2;
            while (end < text.size() && (word_char(text[end]) || text[end] == '-')) ++end;
            std::string_view name = text.substr(i + 1, end - i - 1);
            if (ends_mention(text, end) && !reserved(name)) {
                flush(pending, out);
                ir::Link link{prefix + std::string(name), "", {ir::Text{"@" + std::string(name)}}, {}, ""};
                link.attr.classes.push_back("user-mention");
                out.push_back(std::move(link));
                found = true;
                i = last_end = end;
                continue;
            }
            // No mention here: skip the name, so a later `@` inside it is not taken for one.
            pending.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        pending += text[i++];
    }
    if (!found) return std::nullopt;
    flush(pending, out);
    return out;
}

void link_mentions(ir::Blocks& body, const std::string& base) {
    rewrite_text_runs(body, false, [&](std::string_view t) { return link_mentions(t, base); });
}

}  // namespace blogconv::readers
