#include "cli/options.h"

#include "cli/version.h"
#include "readers/registry.h"
#include "writers/registry.h"

#include <algorithm>

namespace blogconv::cli {

const std::vector<Example>& examples() {
    static const std::vector<Example> list = {
        {"blogconv posts/ --to epub -o blog.epub", "a book of every post"},
        {"blogconv . --to atom -o _site/feed.xml --force", "the site's Atom feed, in a CI build step"},
        {"blogconv my-site --to hugo -o my-hugo-site", "migrate a Jekyll site to Hugo"},
        {"blogconv samples --to json | less", "the document model, as JSON"},
        {"blogconv check .", "every problem in the site, before a deploy; writes nothing"},
        {"blogconv check . --format json", "the same, for a program to read"},
        {"blogconv --list-formats", "what --to accepts"},
    };
    return list;
}

const std::vector<std::pair<int, std::string>>& exit_codes() {
    static const std::vector<std::pair<int, std::string>> list = {
        {exit_ok, "all good"},
        {exit_some_failed, "some documents had errors (the rest were converted; check: errors were found)"},
        {exit_fatal, "usage or fatal error"},
    };
    return list;
}

const char* summary() {
    return "turn a Jekyll blog into feeds (Atom, RSS, JSON Feed), an EPUB book, one HTML file or a Hugo site";
}

const char* version() { return BLOGCONV_VERSION; }

namespace {

std::string footer_text() {
    std::string s = "Examples:\n";
    for (const auto& e : examples()) {
        std::string line = "  " + e.command;
        line += std::string(line.size() < 51 ? 51 - line.size() : 1, ' ');
        s += line + e.explanation + '\n';
    }
    s += "\nExit codes:";
    for (const auto& [code, meaning] : exit_codes()) s += " " + std::to_string(code) + " " + meaning + ";";
    s.back() = '.';
    return s;
}

}  // namespace

namespace {
// Limits on hostile input: a post past one is reported and skipped (docs/robustness.md).
void add_limit_options(CLI::App& app, readers::Limits& l) {
    auto* g = "Limits (a post past one is reported and skipped)";
    app.add_option("--max-file-size", l.max_file_size, "Largest input file, in bytes")
        ->capture_default_str()->group(g);
    app.add_option("--max-yaml-nodes", l.max_yaml_nodes, "Most YAML nodes in one front matter, aliases expanded")
        ->capture_default_str()->group(g);
    app.add_option("--max-nesting", l.max_nesting, "Deepest nesting of quotes, lists, Liquid blocks and HTML")
        ->capture_default_str()->group(g);
    app.add_option("--max-line-length", l.max_line_length, "Longest line, in bytes")->capture_default_str()->group(g);
    app.add_option("--max-footnotes", l.max_footnotes, "Most footnotes in one document")
        ->capture_default_str()->group(g);
    app.add_option("--max-liquid-steps", l.max_liquid_steps,
                   "Most Liquid steps for one document (nodes rendered, loop turns, range elements)")
        ->capture_default_str()->group(g);
    app.add_option("--max-liquid-bytes", l.max_liquid_bytes,
                   "Most bytes Liquid may make for one document (output and every value made)")
        ->capture_default_str()->group(g);
}
}  // namespace

CommandLine define_command_line(CLI::App& app, Settings& s) {
    CommandLine cl;
    app.description(std::string("blogconv: ") + summary());
    app.footer(footer_text());
    app.get_formatter()->column_width(34);
    app.set_version_flag("--version", std::string("blogconv ") + version(), "Print the version and exit");

    std::vector<std::string> names;
    for (const auto& w : writers::all_writers()) {
        names.push_back(w.name);
        for (const auto& a : w.aliases) names.push_back(a);
    }
    cl.choices["to"] = names;
    std::vector<std::string> reader_names;
    for (const auto& r : readers::all_readers()) {
        reader_names.push_back(r.name);
        for (const auto& a : r.aliases) reader_names.push_back(a);
    }
    cl.choices["from"] = reader_names;
    cl.choices["format"] = {"text", "json"};
    cl.path_options = {"output"};

    app.add_option("SOURCE", s.sources, "A Jekyll site root, a folder of posts, or post files");
    app.add_option("--from", s.from, "Input format (see --list-formats)")
        ->check(CLI::IsMember(reader_names))
        ->capture_default_str();
    app.add_option("-t,--to", s.to, "Output format (see --list-formats)")->check(CLI::IsMember(names));
    app.add_option("-o,--output", s.output,
                   "Output file (or folder for folder formats); '-' or none: standard output");
    app.add_flag("--list-formats", s.list_formats, "List the output formats and exit");
    app.add_flag("--drafts", s.drafts, "Include _drafts/");
    app.add_flag("--future", s.future, "Include posts dated in the future");
    app.add_flag("--unpublished", s.unpublished, "Include posts with `published: false`");
    app.add_option("--limit", s.limit, "Convert only the newest N posts (0 = all)");
    app.add_option("--since", s.since, "Only posts dated on or after YYYY-MM-DD");
    app.add_option("--until", s.until, "Only posts dated on or before YYYY-MM-DD");
    app.add_option("--tag", s.tags, "Only posts with this tag (repeatable)");
    app.add_option("--category", s.categories, "Only posts in this category (repeatable)");
    app.add_option("-j,--jobs", s.jobs, "Worker threads (default: one per core)");
    add_limit_options(app, s.limits);
    // Each writer's own options, from its table (writers/option_spec.h): one command-line option
    // per name, however many writers read it; the help says which.
    const std::string format_group = "Format options (the formats that read each are in brackets)";
    std::vector<std::string> seen;
    for (const auto& w : writers::all_writers()) {
        for (const auto& o : w.options) {
            if (std::find(seen.begin(), seen.end(), o.name) != seen.end()) continue;
            seen.push_back(o.name);
            std::string readers;
            for (const auto& other : writers::all_writers())
                if (writers::find_option(other, o.name)) readers += (readers.empty() ? "" : ", ") + other.name;
            std::string help = o.help + " [" + readers + "]";
            CLI::Option* opt = o.kind == writers::OptionKind::flag
                                   ? app.add_flag("--" + o.name, s.writer_flags[o.name], help)
                                   : app.add_option("--" + o.name, s.writer_values[o.name], help);
            opt->group(format_group);
            if (o.kind == writers::OptionKind::number) opt->type_name("N");
            if (o.kind == writers::OptionKind::file || o.kind == writers::OptionKind::path) opt->type_name("FILE");
            if (o.kind == writers::OptionKind::choice) {
                cl.choices[o.name] = o.choices;
                opt->check(CLI::IsMember(o.choices));
            }
            if (o.kind == writers::OptionKind::file || o.kind == writers::OptionKind::path)
                cl.file_options.push_back(o.name);
        }
    }
    std::string splitting;
    for (const auto& w : writers::all_writers())
        if (w.narrow_feed) splitting += (splitting.empty() ? "" : ", ") + w.name;
    app.add_option("--per-tag", s.per_tag, "Also write one feed per tag into this folder [" + splitting + "]")
        ->group(format_group);
    app.add_option("--per-category", s.per_category,
                   "Also write one feed per category into this folder [" + splitting + "]")
        ->group(format_group);
    app.add_flag("--strict", s.strict, "Write nothing if any document has an error");
    app.add_flag("-f,--force", s.force, "Replace existing output files");
    app.add_flag("-q,--quiet", s.quiet, "Print errors only");
    app.add_flag("-v,--verbose", s.verbose, "Print notes, a summary and where the time went (reading, the writer, the files) too");

    // `check` shares the reading options (and their variables) with a conversion, so that it
    // reads exactly what `blogconv SITE --to …` would.
    CLI::App* check = app.add_subcommand(
        "check", "Read everything (posts, pages, drafts if asked), write nothing, print every diagnostic; "
                 "exit 1 on errors. For CI before a deploy");
    check->add_option("SITE", s.sources, "A Jekyll site root, a folder of posts, or post files")->required();
    check->add_option("--format", s.check_format, "Diagnostics as text (like a compiler) or json")
        ->check(CLI::IsMember(cl.choices["format"]));
    check->add_option("--from", s.from, "Input format (see --list-formats)")
        ->check(CLI::IsMember(reader_names))
        ->capture_default_str();
    check->add_option("-t,--to", s.check_to,
                      "Also run this writer (into nothing) and report its diagnostics too (missing images, …)")
        ->check(CLI::IsMember(names));
    check->add_flag("--warnings-as-errors", s.check_werror, "Exit 1 on warnings too");
    check->add_flag("--drafts", s.drafts, "Include _drafts/");
    check->add_flag("--future", s.future, "Include posts dated in the future");
    check->add_flag("--unpublished", s.unpublished, "Include posts with `published: false`");
    check->add_option("-j,--jobs", s.jobs, "Worker threads (default: one per core)");
    add_limit_options(*check, s.limits);
    check->add_flag("-q,--quiet", s.quiet, "Print errors only");
    check->add_flag("-v,--verbose", s.verbose, "Print notes and a summary too");
    cl.check = check;
    return cl;
}

}  // namespace blogconv::cli
