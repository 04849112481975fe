// Pattern matching over input text: RE2, set up to match byte for byte as the patterns were
// written.
//
// Why not the C++ standard library's regular expressions: libstdc++ matches by backtracking and
// recurses once per character a repetition consumes, so a 50 KB number in front matter, a long
// tag for `strip_html` or a long tag argument overflowed the stack and killed the whole run, not
// just one post (issue 18). RE2 runs an automaton instead: time linear in the text, no recursion,
// bounded memory. Where a pattern needs what RE2 lacks (lookahead) or a loop reads plainer, the
// reader uses a small hand-written scanner. tests/unit/regex_free_test.cpp fails if the standard
// header comes back anywhere under readers/, writers/, ir/ or cli/.
//
// Writing patterns for RE2 here: compile each once (a function-local `static const RE2`; RE2 is
// thread-safe for matching), and spell out what differs from the ECMAScript grammar the old
// patterns used: `\s` is `[\t\n\v\f\r ]` (RE2's `\s` lacks `\v`) and `.` is `[^\n\r]` (RE2's `.`
// matches `\r`). A capture that took no part in the match has a null data(); one that matched
// nothing has a non-null, empty one.
#pragma once

#include <re2/re2.h>

namespace blogconv::readers {

// Options for every pattern over input: Latin-1, so that each byte is one character as it was
// for a `char` regex (an invalid UTF-8 byte never makes a match fail) and the text is not
// validated first.
inline RE2::Options byte_pattern_options(bool case_insensitive = false) {
    RE2::Options o;
    o.set_encoding(RE2::Options::EncodingLatin1);
    o.set_case_sensitive(!case_insensitive);
    return o;
}

}  // namespace blogconv::readers
