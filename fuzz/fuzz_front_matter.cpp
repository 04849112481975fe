// Fuzz target: one document file as the site reader sees it, through the file-level checks
// (limits, encoding), the front matter split, the YAML conversion and the body pipeline.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "readers/body_pipeline.h"
#include "readers/front_matter.h"
#include "readers/limits.h"
#include "readers/yaml_value.h"

using namespace blogconv;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<ir::Diagnostic> diagnostics;
    readers::Limits limits;
    if (!readers::check_file_text(text, "fuzz.md", limits, diagnostics)) return 0;
    text = readers::strip_bom(text);
    readers::FrontMatterSplit split = readers::split_front_matter(text);
    ir::Value page;
    if (split.has_front_matter) {
        readers::YamlResult yaml = readers::parse_yaml(split.yaml, "fuzz.md", 1, limits.max_yaml_nodes);
        if (yaml.error) return 0;
        page = yaml.value;
    }
    if (!readers::check_body_text(split.body, "fuzz.md", split.body_first_line, limits, diagnostics)) return 0;
    ir::Value site = ir::Object{};
    readers::BodyContext context;
    // A tenth of the default Liquid budgets: the budget logic is the same at any size, and an
    // input that exhausts the defaults takes over ten seconds under ASan (the smoke's time-out).
    context.limits.max_liquid_steps = 200'000;
    context.limits.max_liquid_bytes = 16 << 20;
    context.path = "fuzz.md";
    context.first_line = split.body_first_line;
    context.site = &site;
    context.page = &page;
    try {
        readers::render_body(split.body, context, diagnostics);
    } catch (const std::exception&) {
        // The site reader reports it and skips the post (e.g. Liquid's step budget).
    }
    return 0;
}
