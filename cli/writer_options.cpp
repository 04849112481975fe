#include "cli/writer_options.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace blogconv::cli {

namespace {

bool read_whole(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return !in.bad();
}

// "epub, html, html-split": the writers whose tables hold `name`.
std::string readers_of(const std::string& name) {
    std::string out;
    for (const auto& w : writers::all_writers())
        if (writers::find_option(w, name)) out += (out.empty() ? "" : ", ") + w.name;
    return out;
}

}  // namespace

bool apply_writer_options(const CLI::App& app, const Settings& settings, const writers::WriterInfo& writer,
                          writers::WriterOptions& options, std::ostream& err) {
    // Table order, so that of --css and --css-replace given together the later in the table wins,
    // whatever the order on the command line (as before the tables).
    std::vector<std::string> given;
    for (const auto& w : writers::all_writers())
        for (const auto& o : w.options)
            if (std::find(given.begin(), given.end(), o.name) == given.end() && app.count("--" + o.name) > 0)
                given.push_back(o.name);
    bool ok = true;
    for (const auto& name : given) {
        const auto* option = writers::find_option(writer, name);
        if (!option) {
            err << "blogconv: error: --" << name << " does not apply to --to " << writer.name << "; it is read by "
                << readers_of(name) << '\n';
            ok = false;
            continue;
        }
        const std::string typed = option->kind == writers::OptionKind::flag ? "" : settings.writer_values.at(name);
        std::string value = option->kind == writers::OptionKind::flag ? "true" : typed;
        if (option->kind == writers::OptionKind::file) {
            std::string path = value;
            if (!read_whole(path, value)) {
                err << path << ": error: cannot read the file given to --" << name << '\n';
                ok = false;
                continue;
            }
        }
        try {
            option->apply(options.format, value);
        } catch (const writers::OptionError& e) {
            err << "blogconv: error: --" << name << ' ' << typed << ": " << e.what() << '\n';
            ok = false;
        }
    }
    return ok;
}

}  // namespace blogconv::cli
