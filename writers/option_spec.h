// A writer's command-line options, declared by the writer next to its options struct (pandoc's
// per-writer options). The CLI builds `--help`, the man page, the completions and the parsing
// from these tables, and applies the options the user gave to the chosen writer only: an option
// no table of that writer declares is a usage error, never silently ignored.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "writers/format_options.h"

namespace blogconv::writers {

// What a user's stylesheet (`--css`, `--css-replace`) does with a writer's built-in one.
enum class CssMode {
    extend,   // the built-in stylesheet, then the user's (so it can override single rules)
    replace,  // the user's alone
};

// How the CLI reads an option's value before handing it to `apply`.
enum class OptionKind {
    flag,    // no value; `apply` gets "true"
    text,    // the text as typed
    number,  // a whole number, checked by `apply` (parse_count below)
    choice,  // one of `choices`
    path,    // a file name the writer keeps as a name (an EPUB cover, read through resources)
    file,    // a file the CLI reads: `apply` gets its contents (writers never open files)
};

// One option of one writer, over that writer's options struct.
template <class Options>
struct OptionSpec {
    std::string name;        // the long name without "--", e.g. "toc-depth"
    OptionKind kind = OptionKind::text;
    std::string help;        // one line for --help and the man page
    std::vector<std::string> choices;  // for OptionKind::choice
    // Stores the value into the options; throws OptionError when it is not acceptable.
    void (*apply)(Options&, const std::string& value) = nullptr;
};

// A value an option cannot take; the CLI prints "--NAME VALUE: <what>" and exits 2.
struct OptionError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The value as a non-negative whole number no larger than `max`; else OptionError.
std::uint64_t parse_count(const std::string& value, std::uint64_t max = UINT64_MAX);

// Options several writers share, over any options struct with the same field names, so that
// `--title` or `--css` means one thing whichever format reads it.
template <class O>
OptionSpec<O> title_option() {
    return {"title", OptionKind::text, "Title instead of the site's",
            {}, [](O& o, const std::string& v) { o.title = v; }};
}
template <class O>
std::vector<OptionSpec<O>> book_options() {
    return {
        title_option<O>(),
        {"author", OptionKind::text, "Author instead of the site's", {}, [](O& o, const std::string& v) { o.author = v; }},
        {"lang", OptionKind::text, "Language (BCP 47, e.g. en, es, ar) instead of the site's",
         {}, [](O& o, const std::string& v) { o.lang = v; }},
        {"css", OptionKind::file, "Extra CSS added after the built-in stylesheet", {},
         [](O& o, const std::string& v) {
             o.css = v;
             o.css_mode = CssMode::extend;
         }},
        {"css-replace", OptionKind::file, "CSS that replaces the built-in stylesheet", {},
         [](O& o, const std::string& v) {
             o.css = v;
             o.css_mode = CssMode::replace;
         }},
        {"max-embedded-bytes", OptionKind::number,
         "Most bytes of images embedded into one page or book; images past it show their alt text", {},
         [](O& o, const std::string& v) { o.max_embedded_bytes = parse_count(v); }},
    };
}

// A writer's option as the registry holds it (WriterInfo::options): the same description, and
// `apply` reaching the writer's own struct inside the holder its row makes
// (WriterInfo::make_options). Applied to a holder of another writer's struct it throws
// FormatOptionsMismatch rather than dropping the value.
struct BoundOption {
    std::string name;
    OptionKind kind = OptionKind::text;
    std::string help;
    std::vector<std::string> choices;
    std::function<void(FormatOptions&, const std::string&)> apply;
};

// Binds every option of a writer's table to that writer's struct inside a FormatOptions.
template <class Options>
std::vector<BoundOption> bind_options(const std::vector<OptionSpec<Options>>& table) {
    std::vector<BoundOption> out;
    for (const auto& spec : table) {
        auto apply = spec.apply;
        out.push_back({spec.name, spec.kind, spec.help, spec.choices,
                       [apply](FormatOptions& holder, const std::string& v) { apply(holder.get<Options>(), v); }});
    }
    return out;
}

}  // namespace blogconv::writers
