#include "readers/plugins/jemoji.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "readers/plugins/text_runs.h"

namespace blogconv::readers {

namespace {

struct EmojiName {
    std::string_view alias;
    std::string_view emoji;
};

constexpr EmojiName table[] = {
#include "readers/plugins/emoji_table.inc"
};

}  // namespace

std::optional<std::string_view> emoji_for(std::string_view alias) {
    auto it = std::lower_bound(std::begin(table), std::end(table), alias,
                               [](const EmojiName& e, std::string_view a) { return e.alias < a; });
    if (it == std::end(table) || it->alias != alias) return std::nullopt;
    return it->emoji;
}

std::optional<ir::Inlines> replace_emoji(std::string_view text) {
    // The filter's pattern is `:(alias|alias|…):`; no alias holds a colon, so a match is a colon,
    // an alias, and the very next colon. Both colons are consumed: `:a:b:` can match `:a:` only.
    std::string out;
    bool found = false;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ':') {
            std::size_t close = text.find(':', i + 1);
            if (close != std::string_view::npos)
                if (auto emoji = emoji_for(text.substr(i + 1, close - i - 1))) {
                    out += *emoji;
                    found = true;
                    i = close + 1;
                    continue;
                }
        }
        out += text[i++];
    }
    if (!found) return std::nullopt;
    return ir::Inlines{ir::Text{std::move(out)}};
}

void replace_emoji(ir::Blocks& body) { rewrite_text_runs(body, true, [](std::string_view t) { return replace_emoji(t); }); }

}  // namespace blogconv::readers
