// Fuzz target: the Liquid pass alone, with a small page and site to look things up in, after the
// body checks the site reader makes first (the Liquid parser recurses once per nested block tag).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>
#include <vector>

#include "readers/limits.h"
#include "readers/liquid/liquid.h"

using namespace blogconv;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    static const ir::Value site = [] {
        ir::Value v = ir::Object{};
        v.set("title", ir::Value("Fuzz"));
        v.set("url", ir::Value("https://example.org"));
        return v;
    }();
    static const ir::Value page = [] {
        ir::Value v = ir::Object{};
        v.set("title", ir::Value("A post"));
        ir::Array tags{ir::Value("a"), ir::Value("b")};
        v.set("tags", ir::Value(tags));
        return v;
    }();
    std::vector<ir::Diagnostic> diagnostics;
    if (!readers::check_body_text(text, "fuzz.md", 1, readers::Limits{}, diagnostics)) return 0;
    readers::BodyContext context;
    // A tenth of the default Liquid budgets: the budget logic is the same at any size, and an
    // input that exhausts the defaults takes over ten seconds under ASan (the smoke's time-out).
    context.limits.max_liquid_steps = 200'000;
    context.limits.max_liquid_bytes = 16 << 20;
    context.path = "fuzz.md";
    context.site = &site;
    context.page = &page;
    readers::Placeholders placeholders;
    try {
        readers::render_liquid(text, context, placeholders, diagnostics);
    } catch (const std::exception&) {
        // The site reader reports it and skips the post (e.g. Liquid's step budget).
    }
    return 0;
}
