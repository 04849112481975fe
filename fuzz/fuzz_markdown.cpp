// Fuzz target: the Markdown reader (kramdown pre-pass, cmark-gfm, IR post-pass), after the same
// cheap body checks the site reader makes (deep nesting is refused there, not here).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "readers/limits.h"
#include "readers/markdown/markdown.h"

using namespace blogconv;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<ir::Diagnostic> diagnostics;
    readers::Limits limits;
    if (!readers::check_body_text(text, "fuzz.md", 1, limits, diagnostics)) return 0;
    readers::MarkdownOptions options;
    options.path = "fuzz.md";
    options.input = size % 2 ? readers::MarkdownInput::gfm : readers::MarkdownInput::kramdown;
    readers::Placeholders placeholders;
    readers::parse_markdown(text, options, placeholders, diagnostics);
    return 0;
}
