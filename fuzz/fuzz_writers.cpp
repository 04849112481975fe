// Fuzz target: reader output fed to every writer in the registry (JSON, feeds, EPUB, HTML, Hugo)
// through a MemorySink. The input is one post's body; its first line is the title.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "readers/body_pipeline.h"
#include "readers/limits.h"
#include "writers/registry.h"

using namespace blogconv;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<ir::Diagnostic> diagnostics;
    readers::Limits limits;
    if (!readers::check_file_text(text, "fuzz.md", limits, diagnostics)) return 0;
    if (!readers::check_body_text(text, "fuzz.md", 1, limits, diagnostics)) return 0;
    std::size_t eol = text.find('\n');
    std::string title(text.substr(0, eol == std::string_view::npos ? 0 : eol));

    ir::Value site_value = ir::Object{};
    ir::Value page = ir::Object{};
    page.set("title", ir::Value(title));
    readers::BodyContext context;
    // A tenth of the default Liquid budgets: the budget logic is the same at any size, and an
    // input that exhausts the defaults takes over ten seconds under ASan (the smoke's time-out).
    context.limits.max_liquid_steps = 200'000;
    context.limits.max_liquid_bytes = 16 << 20;
    context.path = "_posts/2020-01-02-fuzz.md";
    context.site = &site_value;
    context.page = &page;
    readers::RenderedBody rendered;
    try {
        rendered = readers::render_body(text, context, diagnostics);
    } catch (const std::exception&) {
        return 0;  // the site reader reports it and skips the post (e.g. Liquid's step budget)
    }

    ir::Site site;
    site.title = "Fuzz";
    site.url = "https://example.org";
    site.config = ir::Object{};
    site.data = ir::Object{};
    ir::Document doc;
    doc.source_path = context.path;
    doc.collection = "posts";
    doc.title = title;
    doc.slug = "fuzz";
    doc.url = "/2020/01/02/fuzz.html";
    doc.input_format = "markdown";
    doc.tags = {title.substr(0, 8)};
    doc.body = std::move(rendered.body);
    doc.excerpt = std::move(rendered.excerpt);
    doc.front_matter = page;
    site.documents.push_back(doc);
    doc.url = "/2020/01/03/fuzz-2.html";
    doc.slug = "fuzz-2";
    doc.source_path = "_posts/2020-01-03-fuzz-2.md";
    site.documents.push_back(std::move(doc));

    writers::MemoryResources resources;
    resources.files["images/a.png"] = std::string("\x89PNG\r\n\x1a\n", 8);
    writers::WriterOptions options;
    options.resources = &resources;
    for (const writers::WriterInfo& w : writers::all_writers()) {
        writers::MemorySink sink;
        ir::Diagnostics d;
        options.format = w.make_options();
        w.write(site, options, sink, d);
    }
    return 0;
}
