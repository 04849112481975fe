// blogconv: the command-line tool. It owns everything the library does not: arguments, the
// file system, the clock, printing diagnostics and the exit code.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <deque>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/check.h"
#include "cli/clock.h"
#include "cli/diagnostic_printer.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/split_feeds.h"
#include "cli/terminal_text.h"
#include "cli/writer_options.h"
#include "ir/select.h"
#include "readers/registry.h"
#include "writers/registry.h"

namespace fs = std::filesystem;
using namespace blogconv;
using cli::exit_fatal;
using cli::exit_ok;
using cli::exit_some_failed;

namespace {

// "YYYY-MM-DD" (optionally with "Thh:mm:ss") read as UTC; `end_of_day` moves a bare date to 23:59:59.
std::optional<ir::DateTime> parse_cli_date(const std::string& s, bool end_of_day) {
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
    char tail = 0;
    int n = std::sscanf(s.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &m, &d, &tail, &hh, &mm, &ss);
    if (n < 3 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    if (n == 3 && end_of_day) {
        hh = 23;
        mm = 59;
        ss = 59;
    }
    return ir::DateTime{ir::civil_to_epoch(y, m, d, hh, mm, ss), 0};
}

// Ends a finished run without destroying what it built. Freeing the model and the buffered
// output of 10,000 posts is a tenth of the run (0.2 s measured with -v on the benchmark); the
// kernel takes the memory back at once. Every file is written and closed by then; the streams are
// flushed here. Sanitizer builds return normally, so that LeakSanitizer still checks the run.
[[noreturn]] void finish_run(int code) {
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(code);
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"", "blogconv"};
    cli::Settings settings;
    cli::CommandLine command_line = cli::define_command_line(app, settings);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_fatal;
    }
    if (command_line.check->parsed()) return cli::run_check(settings, std::cout, std::cerr);

    // The conversion below reads the settings by their short names.
    auto& sources = settings.sources;
    auto& to = settings.to;
    auto& output = settings.output;
    auto& list_formats = settings.list_formats;
    auto& drafts = settings.drafts;
    auto& future = settings.future;
    auto& unpublished = settings.unpublished;
    auto& strict = settings.strict;
    auto& force = settings.force;
    auto& quiet = settings.quiet;
    auto& verbose = settings.verbose;
    auto& limit = settings.limit;
    auto& since = settings.since;
    auto& until = settings.until;
    auto& tags = settings.tags;
    auto& categories = settings.categories;
    auto& jobs = settings.jobs;
    writers::WriterOptions writer_options;

    if (list_formats) {
        auto row = [](const std::string& name, const std::vector<std::string>& aliases, const std::string& what) {
            std::string line = name;
            for (const auto& a : aliases) line += ", " + a;
            std::cout << line << std::string(line.size() < 22 ? 22 - line.size() : 1, ' ') << what << '\n';
        };
        std::cout << "Input formats (--from):\n";
        for (const auto& r : readers::all_readers()) row(r.name, r.aliases, r.description);
        std::cout << "\nOutput formats (--to):\n";
        for (const auto& w : writers::all_writers()) row(w.name, w.aliases, w.description);
        return exit_ok;
    }
    if (sources.empty()) {
        std::cerr << "blogconv: error: no SOURCE given; name a Jekyll site folder, e.g. `blogconv samples --to json`\n";
        return exit_fatal;
    }
    if (to.empty()) {
        std::cerr << "blogconv: error: no output format; pass --to FORMAT (see --list-formats)\n";
        return exit_fatal;
    }
    const writers::WriterInfo* writer = writers::find_writer(to);
    if (writer->writes_folder && (output.empty() || output == "-")) {
        std::cerr << "blogconv: error: --to " << writer->name << " writes a folder; name it with -o DIR\n";
        return exit_fatal;
    }
    if (output.empty()) output = "-";

    cli::Verbosity verbosity = quiet ? cli::Verbosity::quiet : verbose ? cli::Verbosity::verbose : cli::Verbosity::normal;
    bool colour = ::isatty(STDERR_FILENO) && !std::getenv("NO_COLOR");

    ir::Selection selection;
    selection.tags = tags;
    selection.categories = categories;
    selection.limit = limit;
    if (!since.empty() && !(selection.since = parse_cli_date(since, false))) {
        std::cerr << "blogconv: error: --since " << since << ": expected a date like 2024-01-31\n";
        return exit_fatal;
    }
    if (!until.empty() && !(selection.until = parse_cli_date(until, true))) {
        std::cerr << "blogconv: error: --until " << until << ": expected a date like 2024-12-31\n";
        return exit_fatal;
    }

    for (const auto& s : sources) {
        std::error_code ec;
        if (!fs::exists(s, ec)) {
            std::cerr << s << ": error: no such file or folder\n";
            return exit_fatal;
        }
    }

    // Before anything is read: an output that is, or holds, a source would be written over it.
    for (const std::string* o : {&output, &settings.per_tag, &settings.per_category}) {
        if (o->empty() || *o == "-") continue;
        try {
            cli::refuse_output_over_source(*o, sources);
        } catch (const cli::OutputError& e) {
            std::cerr << "blogconv: error: " << cli::terminal_safe(e.what()) << '\n';
            return exit_fatal;
        }
    }

    cli::install_signal_cleanup();

    // A feed takes the newest --limit posts itself (default 10, as jekyll-feed): the shared
    // selection must not cut first.
    if (writer->picks_newest) {
        if (limit) writer_options.limit = limit;
        selection.limit = 0;
        selection.posts_only = true;
    }
    // The writer's own options at their defaults, then the ones the user gave, by its table.
    writer_options.format = writer->make_options();
    writer_options.jobs = jobs;
    writer_options.source_date_epoch = cli::source_date_epoch();
    if (!cli::apply_writer_options(app, settings, *writer, writer_options, std::cerr)) return exit_fatal;

    readers::ReaderOptions reader_options;
    // Pages go where a whole site goes (the dump and the migration); a book or feed is posts.
    reader_options.pages = writer->reads_pages;
    // A migration keeps everything the site holds: drafts and unpublished posts become
    // `draft = true`, future posts keep their date (Hugo, like Jekyll, builds them later).
    reader_options.drafts = drafts || writer->keeps_drafts;
    reader_options.future = future || writer->keeps_drafts;
    reader_options.unpublished = unpublished || writer->keeps_drafts;
    reader_options.now = cli::now();
    reader_options.jobs = jobs;
    reader_options.limits = settings.limits;
    // A second `blogconv site --to hugo -o site/out` must not read site/out back as pages.
    reader_options.skip_paths = {output};

    // A progress bar on stderr, only for a terminal and only when the work is long enough to
    // want one (it is drawn after the first half second).
    bool show_progress = ::isatty(STDERR_FILENO) && verbosity != cli::Verbosity::quiet;
    auto started = std::chrono::steady_clock::now();
    bool drew = false;
    if (show_progress) {
        reader_options.progress = [&](std::size_t done, std::size_t total) {
            if (std::chrono::steady_clock::now() - started < std::chrono::milliseconds(500) && done < total) return;
            if (!drew && done == total) return;
            drew = true;
            int width = 30;
            int filled = total ? static_cast<int>(done * width / total) : width;
            std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] " << done << '/'
                      << total << " documents" << (done == total ? "\n" : "") << std::flush;
        };
    }

    ir::Diagnostics diagnostics;
    // -v says where the time went (the benchmark's first question): reading, the writer, the files.
    using Clock = std::chrono::steady_clock;
    const Clock::time_point read_start = Clock::now();
    ir::Site site = readers::find_reader(settings.from)->read(sources, reader_options, diagnostics);
    const Clock::time_point write_start = Clock::now();
    ir::select_documents(site, selection);

    std::optional<writers::FolderResources> resources;
    if (!site.root.empty()) {
        resources.emplace(site.root);
        writer_options.resources = &*resources;
    }
    cli::BufferedSink buffered;
    writer->write(site, writer_options, buffered, diagnostics);
    const Clock::time_point files_start = Clock::now();
    // --per-tag / --per-category: more feeds, each into its own folder.
    // Each with where it goes: --per-tag DIR is placed as -o is; jekyll-feed's folders are placed
    // below the main feed's root, so that a link at `feed/` is refused, not followed.
    std::vector<std::pair<std::function<cli::OutputPlace()>, writers::MemorySink>> split_outputs;
    for (const auto& [given_dir, tagged] : {std::pair{settings.per_tag, true}, std::pair{settings.per_category, false}}) {
        // Plain copies: clang before 16 cannot capture structured bindings in a lambda.
        std::string dir = given_dir;
        const bool by_tag = tagged;
        std::vector<std::string> only;
        std::function<cli::OutputPlace()> place = [dir, &sources] { return cli::place_output(dir, sources); };
        if (dir.empty() && writer->narrow_feed && output != "-") {
            // `_config.yml`'s `feed: categories:` / `feed: tags:` (jekyll-feed): the extra feeds go
            // where jekyll-feed puts them, beside the main feed (feed/<name>.xml, feed/by_tag/…).
            only = cli::configured_split_feeds(site, by_tag);
            if (only.empty()) continue;
            place = [&output, &sources, by_tag] {
                cli::OutputPlace p = cli::place_output(output, sources);
                std::string parent = cli::split_parent(p.below).first;
                p.below = (parent.empty() ? "" : parent + "/") + (by_tag ? "feed/by_tag" : "feed");
                return p;
            };
            dir = "feed";
        }
        if (dir.empty()) continue;
        if (!writer->narrow_feed) {
            std::cerr << "blogconv: error: --per-tag and --per-category do not apply to --to " << writer->name
                      << " (see --help)\n";
            return exit_fatal;
        }
        split_outputs.emplace_back(place, writers::MemorySink{});
        cli::write_split_feeds(site, *writer, writer_options, by_tag, split_outputs.back().second, diagnostics, only);
    }

    for (const auto& d : diagnostics.items()) cli::print_diagnostic(std::cerr, d, verbosity, colour);
    std::size_t errors = diagnostics.errors();
    std::size_t warnings = diagnostics.count(ir::Severity::warning);

    if (strict && errors > 0) {
        std::cerr << "blogconv: " << errors << " error(s); --strict: nothing written\n";
        return exit_some_failed;
    }
    try {
        cli::FileSink sink = output == "-"
                                 ? cli::FileSink()
                                 : cli::FileSink(cli::place_output(output, sources), writer->writes_folder, force);
        std::vector<std::string> paths;
        for (const auto& entry : buffered.files) paths.push_back(entry.first);
        sink.preflight(paths);
        std::vector<cli::FileSink> folders;
        for (const auto& [place, files] : split_outputs) {
            folders.emplace_back(place(), true, force);
            std::vector<std::string> names;
            for (const auto& entry : files.files) names.push_back(entry.first);
            folders.back().preflight(names);
        }
        std::vector<std::pair<std::string, std::string_view>> whole;  // files given in one piece
        std::deque<std::string> joined;  // a folder's files given in parts (a deque: views stay valid)
        for (auto& [path, parts] : buffered.files) {
            if (parts.size() == 1) {
                whole.emplace_back(path, parts.front());
            } else if (writer->writes_folder) {
                // One write_all for the whole folder, which may then be built aside and renamed in.
                std::string& j = joined.emplace_back();
                for (auto& p : parts) j += p;
                whole.emplace_back(path, j);
            } else {
                sink.write_parts(path, std::move(parts));
            }
        }
        sink.write_all(whole, jobs);
        for (std::size_t i = 0; i < split_outputs.size(); ++i)
            for (const auto& [path, bytes] : split_outputs[i].second.files) folders[i].write(path, bytes);
    } catch (const std::exception& e) {
        std::cerr << "blogconv: error: " << cli::terminal_safe(e.what()) << '\n';
        return exit_fatal;
    }
    if (verbosity == cli::Verbosity::verbose) {
        auto seconds = [](Clock::time_point a, Clock::time_point b) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.2f s", std::chrono::duration<double>(b - a).count());
            return std::string(buf);
        };
        std::cerr << "blogconv: read " << seconds(read_start, write_start) << ", " << writer->name << ' '
                  << seconds(write_start, files_start) << ", files " << seconds(files_start, Clock::now()) << '\n';
    }
    if (verbosity == cli::Verbosity::verbose || (errors > 0 && verbosity != cli::Verbosity::quiet)) {
        std::cerr << "blogconv: " << site.documents.size() << " document(s) converted, " << errors << " error(s), "
                  << warnings << " warning(s)\n";
    }
    const int code = errors > 0 ? exit_some_failed : exit_ok;
    if (!sanitized) finish_run(code);
    return code;
}
