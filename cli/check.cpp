#include "cli/check.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/clock.h"
#include "cli/diagnostic_printer.h"
#include "readers/registry.h"
#include "writers/registry.h"

namespace fs = std::filesystem;

namespace blogconv::cli {

namespace {

// A writer run only for its diagnostics: the bytes go nowhere.
class NullSink : public writers::Sink {
public:
    void write(const std::string&, std::string_view) override {}
};

}  // namespace

std::string diagnostics_json(const std::vector<ir::Diagnostic>& diagnostics, std::size_t documents) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    std::size_t errors = 0, warnings = 0;
    for (const auto& d : diagnostics) {
        errors += d.severity == ir::Severity::error;
        warnings += d.severity == ir::Severity::warning;
        list.push_back({{"file", d.file},
                        {"line", d.line},
                        {"col", d.col},
                        {"severity", ir::severity_name(d.severity)},
                        {"code", ir::code_name(d.code)},
                        {"message", d.message}});
    }
    nlohmann::ordered_json doc = {
        {"documents", documents}, {"errors", errors}, {"warnings", warnings}, {"diagnostics", list}};
    // Invalid UTF-8 quoted into a message must not make the report itself unreadable.
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

int run_check(const Settings& s, std::ostream& out, std::ostream& err) {
    for (const auto& src : s.sources) {
        std::error_code ec;
        if (!fs::exists(src, ec)) {
            err << src << ": error: no such file or folder\n";
            return exit_fatal;
        }
    }
    readers::ReaderOptions options;
    // Everything a conversion could read: pages too (a Hugo migration or the JSON dump reads them).
    options.pages = true;
    options.drafts = s.drafts;
    options.future = s.future;
    options.unpublished = s.unpublished;
    options.now = now();
    options.jobs = s.jobs;
    options.limits = s.limits;

    ir::Diagnostics diagnostics;
    ir::Site site = readers::find_reader(s.from)->read(s.sources, options, diagnostics);
    if (!s.check_to.empty()) {
        const writers::WriterInfo* writer = writers::find_writer(s.check_to);
        writers::WriterOptions writer_options;
        writer_options.format = writer->make_options();
        std::optional<writers::FolderResources> resources;
        if (!site.root.empty()) {
            resources.emplace(site.root);
            writer_options.resources = &*resources;
        }
        NullSink nowhere;
        writer->write(site, writer_options, nowhere, diagnostics);
    }

    auto items = diagnostics.items();
    std::size_t errors = diagnostics.errors();
    std::size_t warnings = diagnostics.count(ir::Severity::warning);
    if (s.check_format == "json") {
        out << diagnostics_json(items, site.documents.size());
    } else {
        Verbosity verbosity = s.quiet ? Verbosity::quiet : s.verbose ? Verbosity::verbose : Verbosity::normal;
        bool colour = ::isatty(STDERR_FILENO) && !std::getenv("NO_COLOR");
        for (const auto& d : items) print_diagnostic(err, d, verbosity, colour);
        if (!s.quiet) {
            err << "blogconv check: " << site.documents.size() << " document(s) read, " << errors << " error(s), "
                << warnings << " warning(s)\n";
        }
    }
    bool failed = errors > 0 || (s.check_werror && warnings > 0);
    return failed ? exit_some_failed : exit_ok;
}

}  // namespace blogconv::cli
