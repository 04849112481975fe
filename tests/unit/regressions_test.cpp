// Inputs the fuzzers (fuzz/) found that crashed, hung or overflowed the stack, kept so that the
// fix stays. Each case names the target that found it and what went wrong.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "readers/body_pipeline.h"
#include "readers/front_matter.h"
#include "readers/limits.h"
#include "readers/yaml_value.h"

using namespace blogconv;

namespace {

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("fuzz_front_matter: an alias inside the node it names (a YAML cycle) is an error, not a stack overflow") {
    // Found by fuzz_front_matter: yaml-cpp turns `&b [*b]` into a cyclic node graph.
    const std::string inputs[] = {
        "---\na[X]: &a [x, x, x]\nb: &b [*a, {::nomarkdown}, *b]\n---\nbody\n",
        "---\nb: &b {k: *b}\n---\n",
        "---\n" + repeat("[", 300) + repeat("]", 300) + "\n---\n",
    };
    for (const auto& text : inputs) {
        CAPTURE(text);
        auto split = readers::split_front_matter(text);
        REQUIRE(split.has_front_matter);
        auto y = readers::parse_yaml(split.yaml, "p.md");
        REQUIRE(y.error.has_value());
        CHECK(y.value.is_null());
    }
}

TEST_CASE("fuzz_liquid / fuzz_writers: deep Liquid blocks, parentheses and HTML are refused before parsing") {
    // Found while measuring for the fuzz targets: the Liquid parser recurses per block tag and per
    // parenthesis, the HTML pass per element; 10,000 levels overflowed the stack.
    const std::string inputs[] = {
        repeat("{% if a %}", 10000) + repeat("{% endif %}", 10000),
        repeat("{% for a in b %}", 10000) + repeat("{% endfor %}", 10000),
        repeat("{% capture a %}", 10000) + repeat("{% endcapture %}", 10000),
        "{{ " + repeat("(", 10000) + "a" + repeat(")", 10000) + " }}",
        repeat("<div>", 10000) + repeat("</div>", 10000),
        "a " + repeat("<span>", 10000) + repeat("</span>", 10000),
    };
    for (const auto& text : inputs) {
        std::vector<ir::Diagnostic> diags;
        CHECK_FALSE(readers::check_body_text(text, "p.md", 1, readers::Limits{}, diags));
        REQUIRE(diags.size() == 1);
        CHECK(diags[0].message.find("--max-nesting") != std::string::npos);
    }
}

TEST_CASE("fuzz_writers: deep emphasis and link nesting render without overflowing the stack") {
    // cmark-gfm keeps these flat enough; they must get through the whole body pipeline.
    const std::string inputs[] = {repeat("*a **b ", 2000), repeat("[", 2000) + "x" + repeat("](u)", 2000)};
    for (const auto& text : inputs) {
        std::vector<ir::Diagnostic> diags;
        REQUIRE(readers::check_body_text(text, "p.md", 1, readers::Limits{}, diags));
        ir::Value site = ir::Object{};
        ir::Value page = ir::Object{};
        readers::BodyContext context;
        context.site = &site;
        context.page = &page;
        auto rendered = readers::render_body(text, context, diags);
        CHECK_FALSE(rendered.body.empty());
    }
}

TEST_CASE("fuzz_front_matter / fuzz_liquid: nested loops stop at the Liquid budget") {
    // Found by both targets (timeouts): unclosed `{% for %}` tags nest the rest of the post, and
    // each level multiplies the work. Seven levels over ten items is ten million renders.
    std::string text;
    for (int i = 0; i < 7; ++i) text += "{% for x in (1..10) %}{{ x }} ";
    for (int i = 0; i < 7; ++i) text += "{% endfor %}";
    ir::Value site = ir::Object{};
    ir::Value page = ir::Object{};
    readers::BodyContext context;
    context.site = &site;
    context.page = &page;
    std::vector<ir::Diagnostic> diags;
    readers::render_body(text, context, diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].severity == ir::Severity::error);
    CHECK(diags[0].message.find("(--max-liquid-steps); skipped") != std::string::npos);
}
