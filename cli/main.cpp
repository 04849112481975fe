// blogconv: the command-line tool. It owns everything the library does not: arguments, the
// file system, the clock, printing diagnostics and the exit code.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/diagnostic_printer.h"
#include "cli/output.h"
#include "ir/select.h"
#include "readers/jekyll_site.h"
#include "writers/registry.h"

namespace fs = std::filesystem;
using namespace blogconv;

namespace {

// Documented exit codes (README, --help).
constexpr int exit_ok = 0;            // everything converted
constexpr int exit_some_failed = 1;   // output written, but some documents had errors (or --strict refused)
constexpr int exit_fatal = 2;         // usage error, unreadable input or output that could not be written

const char* const examples = R"(Examples:
  blogconv posts/ --to epub -o blog.epub           a book of every post
  blogconv . --to atom -o _site/feed.xml --force   the site's Atom feed, in a CI build step
  blogconv my-site --to hugo -o my-hugo-site       migrate a Jekyll site to Hugo
  blogconv samples --to json | less                the document model, as JSON
  blogconv --list-formats                          what --to accepts

Exit codes: 0 all good; 1 some documents had errors (the rest were converted); 2 usage or fatal error.)";

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

// "Now" for the future-post rule: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock.
ir::DateTime now() {
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
        char* end = nullptr;
        long long v = std::strtoll(sde, &end, 10);
        if (end && *end == '\0') return ir::DateTime{v, 0};
    }
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    return ir::DateTime{secs.count(), 0};
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"blogconv: turn a Jekyll blog into feeds (Atom, RSS, JSON Feed), an EPUB book, one HTML file or a "
                 "Hugo site",
                 "blogconv"};
    app.footer(examples);
    app.get_formatter()->column_width(34);

    std::vector<std::string> sources;
    std::string to;
    std::string output;
    bool list_formats = false, drafts = false, future = false, unpublished = false, strict = false, force = false;
    bool quiet = false, verbose = false;
    std::size_t limit = 0;
    std::string since, until;
    std::vector<std::string> tags, categories;
    unsigned jobs = 0;
    writers::WriterOptions writer_options;
    std::string site_url, title;
    bool excerpt_only = false;
    std::string author, lang, cover, css_file, css_replace_file, order = "oldest", book_id, front_matter = "toml";
    std::string single, template_file, theme = "auto";
    int toc_depth = 1;
    std::optional<std::size_t> feed_limit;

    std::vector<std::string> names;
    for (const auto& w : writers::all_writers()) {
        names.push_back(w.name);
        for (const auto& a : w.aliases) names.push_back(a);
    }

    app.add_option("SOURCE", sources, "A Jekyll site root, a folder of posts, or post files");
    app.add_option("-t,--to", to, "Output format (see --list-formats)")->check(CLI::IsMember(names));
    app.add_option("-o,--output", output, "Output file (or folder for folder formats); '-' or none: standard output");
    app.add_flag("--list-formats", list_formats, "List the output formats and exit");
    app.add_flag("--drafts", drafts, "Include _drafts/");
    app.add_flag("--future", future, "Include posts dated in the future");
    app.add_flag("--unpublished", unpublished, "Include posts with `published: false`");
    app.add_option("--limit", limit, "Convert only the newest N posts (0 = all)");
    app.add_option("--since", since, "Only posts dated on or after YYYY-MM-DD");
    app.add_option("--until", until, "Only posts dated on or before YYYY-MM-DD");
    app.add_option("--tag", tags, "Only posts with this tag (repeatable)");
    app.add_option("--category", categories, "Only posts in this category (repeatable)");
    app.add_option("-j,--jobs", jobs, "Worker threads (default: one per core)");
    auto* feeds = "Feeds (atom, rss, json-feed)";
    app.add_option("--site-url", site_url, "Absolute site URL for feeds, instead of _config.yml's url")->group(feeds);
    app.add_option("--title", title, "Title instead of the site's")->group(feeds);
    app.add_flag("--excerpt-only", excerpt_only, "Feeds: only the excerpt, no full content")->group(feeds);
    auto* book = "EPUB and HTML";
    app.add_option("--author", author, "Author instead of the site's")->group(book);
    app.add_option("--lang", lang, "Language (BCP 47, e.g. en, es, ar) instead of the site's")->group(book);
    app.add_option("--cover", cover, "EPUB cover image (PNG, JPEG, GIF or SVG)")->group(book);
    app.add_option("--css", css_file, "Extra CSS added after the built-in stylesheet")->group(book);
    app.add_option("--css-replace", css_replace_file, "CSS that replaces the built-in stylesheet")->group(book);
    app.add_option("--order", order, "EPUB chapter order: oldest (default) or newest")
        ->check(CLI::IsMember({"oldest", "newest"}))
        ->group(book);
    app.add_option("--toc-depth", toc_depth, "EPUB table of contents depth: 1 = posts, 2 = also their headings")
        ->check(CLI::Range(1, 6))
        ->group(book);
    app.add_option("--id", book_id, "EPUB dc:identifier (default: a UUID derived from the site)")->group(book);
    app.add_option("--single", single, "HTML: one post alone (its source path or slug)")->group(book);
    app.add_option("--template", template_file, "HTML: your own page template (docs/html-template.md)")->group(book);
    app.add_option("--theme", theme, "HTML colours: auto (follows the system), light or dark")
        ->check(CLI::IsMember({"auto", "light", "dark"}))
        ->group(book);
    app.add_option("--front-matter", front_matter, "Hugo front matter format: toml (default), yaml or json")
        ->check(CLI::IsMember({"toml", "yaml", "json"}))
        ->group("Hugo");
    app.add_flag("--strict", strict, "Write nothing if any document has an error");
    app.add_flag("-f,--force", force, "Replace existing output files");
    app.add_flag("-q,--quiet", quiet, "Print errors only");
    app.add_flag("-v,--verbose", verbose, "Print notes and a summary too");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_fatal;
    }

    if (list_formats) {
        for (const auto& w : writers::all_writers()) {
            std::string line = w.name;
            for (const auto& a : w.aliases) line += ", " + a;
            std::cout << line << std::string(line.size() < 20 ? 20 - line.size() : 1, ' ') << w.description << '\n';
        }
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

    cli::install_signal_cleanup();

    // Feeds take the newest --limit posts themselves (default 10, as jekyll-feed): the shared
    // selection must not cut first.
    bool is_feed = writer->name == "atom" || writer->name == "rss" || writer->name == "json-feed";
    if (is_feed) {
        if (limit) feed_limit = limit;
        selection.limit = 0;
        selection.posts_only = true;
        writer_options.feed.limit = feed_limit;
        if (excerpt_only) writer_options.feed.excerpt_only = true;
        writer_options.feed.site_url = site_url;
        writer_options.feed.title = title;
    }

    // Files named on the command line are read here: writers never open files.
    auto slurp = [](const std::string& path, std::string& out) {
        std::ifstream in(path, std::ios::binary);
        if (!in) return false;
        std::ostringstream ss;
        ss << in.rdbuf();
        out = ss.str();
        return true;
    };
    {
        writers::EpubOptions& e = writer_options.epub;
        e.title = title;
        e.author = author;
        e.lang = lang;
        e.cover_image = cover;
        e.order = order == "newest" ? writers::EpubOrder::newest : writers::EpubOrder::oldest;
        e.toc_depth = toc_depth;
        e.identifier = book_id;
        writers::StandaloneOptions& h = writer_options.html;
        h.title = title;
        h.single = single;
        h.theme = theme == "light" ? writers::StandaloneTheme::light
                  : theme == "dark" ? writers::StandaloneTheme::dark
                                    : writers::StandaloneTheme::automatic;
        for (const auto& [file, replace] : {std::pair{css_file, false}, std::pair{css_replace_file, true}}) {
            if (file.empty()) continue;
            std::string css;
            if (!slurp(file, css)) {
                std::cerr << file << ": error: cannot read the CSS file\n";
                return exit_fatal;
            }
            e.css = css;
            e.css_mode = replace ? writers::EpubCssMode::replace : writers::EpubCssMode::extend;
            h.css = css;
        }
        if (!template_file.empty() && !slurp(template_file, h.template_text)) {
            std::cerr << template_file << ": error: cannot read the template file\n";
            return exit_fatal;
        }
        if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
            char* end = nullptr;
            long long v = std::strtoll(sde, &end, 10);
            if (end && *end == '\0') e.modified = v;
        }
        writer_options.hugo.front_matter = front_matter == "yaml"   ? writers::FrontMatterFormat::yaml
                                           : front_matter == "json" ? writers::FrontMatterFormat::json
                                                                    : writers::FrontMatterFormat::toml;
    }

    readers::ReaderOptions reader_options;
    // Pages go where a whole site goes (the dump and the migration); a book or feed is posts.
    reader_options.pages = writer->name == "json" || writer->name == "hugo";
    reader_options.drafts = drafts;
    reader_options.future = future;
    reader_options.unpublished = unpublished;
    reader_options.now = now();
    reader_options.jobs = jobs;

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
    ir::Site site = readers::read_jekyll_site(sources, reader_options, diagnostics);
    ir::select_documents(site, selection);

    std::optional<writers::FolderResources> resources;
    if (!site.root.empty()) {
        resources.emplace(site.root);
        writer_options.resources = &*resources;
    }
    writers::MemorySink buffered;
    writer->write(site, writer_options, buffered, diagnostics);

    for (const auto& d : diagnostics.items()) cli::print_diagnostic(std::cerr, d, verbosity, colour);
    std::size_t errors = diagnostics.errors();
    std::size_t warnings = diagnostics.count(ir::Severity::warning);

    if (strict && errors > 0) {
        std::cerr << "blogconv: " << errors << " error(s); --strict: nothing written\n";
        return exit_some_failed;
    }
    try {
        cli::FileSink sink(output, writer->writes_folder, force);
        std::vector<std::string> paths;
        for (const auto& entry : buffered.files) paths.push_back(entry.first);
        sink.preflight(paths);
        for (const auto& [path, bytes] : buffered.files) sink.write(path, bytes);
    } catch (const std::exception& e) {
        std::cerr << "blogconv: error: " << e.what() << '\n';
        return exit_fatal;
    }
    if (verbosity == cli::Verbosity::verbose || (errors > 0 && verbosity != cli::Verbosity::quiet)) {
        std::cerr << "blogconv: " << site.documents.size() << " document(s) converted, " << errors << " error(s), "
                  << warnings << " warning(s)\n";
    }
    return errors > 0 ? exit_some_failed : exit_ok;
}
