// Every private-use code point the reader puts into text between its passes (Liquid, the kramdown
// pre-pass, cmark-gfm, the post-pass), in one place, so that no two passes pick the same one.
// Each stands for something a later pass must recognise and always removes.
#pragma once

#include <string_view>

namespace blogconv::readers::private_use {

inline constexpr std::string_view placeholder_open = "\xEE\x80\x80";    // U+E000 placeholders.h: a node's token starts
inline constexpr std::string_view placeholder_close = "\xEE\x80\x81";   // U+E001 … and ends
inline constexpr std::string_view marker_open = "\xEE\x80\x82";         // U+E002 kramdown_prepass.h: a marker starts
inline constexpr std::string_view marker_close = "\xEE\x80\x83";        // U+E003 … and ends
inline constexpr std::string_view headless_cell = "\xEE\x80\x84";       // U+E004 kramdown_table.h: a stand-in header row
inline constexpr std::string_view literal_mark = "\xEE\x80\x85";        // U+E005 smart_quotes.h: an escaped character
inline constexpr std::string_view definition_sentinel = "\xEE\x80\x86"; // U+E006 definition_lists.h: a definition's marker
inline constexpr std::string_view star_stand_in = "\xEE\x80\x90";       // U+E010 kramdown_emphasis.h: `*`
inline constexpr std::string_view underscore_stand_in = "\xEE\x80\x91"; // U+E011 kramdown_emphasis.h: `_`

}  // namespace blogconv::readers::private_use
