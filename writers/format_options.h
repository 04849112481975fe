// The chosen writer's own options (an EpubOptions, a FeedOptions, …) in a holder that does not
// name their type, so that WriterOptions (writers/registry.h) needs no field per writer and adding
// a format touches no shared struct. The writer's registry row makes the holder
// (WriterInfo::make_options), the writer's option table fills it (bind_options in
// writers/option_spec.h), and the row's `write` takes its struct back out.
#pragma once

#include <any>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <utility>

namespace blogconv::writers {

// A holder asked for a struct it does not hold: one writer's options handed to another writer,
// or an option table bound to the wrong struct. A programming error, reported at once: writing
// with defaults instead would drop every option the user gave without a word.
struct FormatOptionsMismatch : std::logic_error {
    using std::logic_error::logic_error;
};

class FormatOptions {
public:
    // Holds nothing: the writer reading it uses its defaults (an embedder that sets no option).
    FormatOptions() = default;

    template <class Options>
    static FormatOptions of(Options options) {
        FormatOptions holder;
        holder.value_ = std::move(options);
        return holder;
    }

    bool empty() const { return !value_.has_value(); }

    // The held struct, to fill or read; FormatOptionsMismatch when the holder is empty or holds
    // another type (an option applied to nothing would be lost).
    template <class Options>
    Options& get() {
        if (auto* held = std::any_cast<Options>(&value_)) return *held;
        throw mismatch(typeid(Options));
    }
    template <class Options>
    const Options& get() const {
        if (const auto* held = std::any_cast<Options>(&value_)) return *held;
        throw mismatch(typeid(Options));
    }

    // What a writer runs with: a copy of the held struct, or its defaults when nothing is held;
    // FormatOptionsMismatch when another type is held.
    template <class Options>
    Options get_or_default() const {
        return empty() ? Options{} : get<Options>();
    }

private:
    FormatOptionsMismatch mismatch(const std::type_info& wanted) const {
        return FormatOptionsMismatch(std::string("writer options: asked for ") + wanted.name() + ", holder has " +
                                     (empty() ? std::string("nothing") : value_.type().name()));
    }

    std::any value_;
};

}  // namespace blogconv::writers
