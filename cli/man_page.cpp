#include "cli/man_page.h"

#include <algorithm>
#include <sstream>

#include "writers/registry.h"

namespace blogconv::cli {

std::string roff_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else out += c;
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
    return out;
}

namespace {

// What the option's value is called: its choices, or CLI11's own type name as --help shows it.
std::string value_name(const CLI::Option& opt, const CommandLine& cl) {
    if (opt.get_type_size() == 0) return "";
    if (!opt.get_lnames().empty()) {
        if (auto it = cl.choices.find(opt.get_lnames().front()); it != cl.choices.end()) {
            std::string s;
            for (const auto& v : it->second) s += (s.empty() ? "" : "|") + v;
            return s;
        }
    }
    std::string type = opt.get_type_name();
    return type.substr(0, type.find(':'));
}

std::string option_heading(const CLI::Option& opt, const CommandLine& cl) {
    std::string s;
    for (const auto& n : opt.get_snames()) s += (s.empty() ? "" : ", ") + std::string("\\fB\\-") + roff_escape(n) + "\\fR";
    for (const auto& n : opt.get_lnames())
        s += (s.empty() ? "" : ", ") + std::string("\\fB\\-\\-") + roff_escape(n) + "\\fR";
    if (std::string v = value_name(opt, cl); !v.empty()) s += " \\fI" + roff_escape(v) + "\\fR";
    return s;
}

// Options of `app` in --help's order, group by group (groups in order of first appearance).
void write_options(std::ostringstream& out, const CLI::App& app, const CommandLine& cl, const char* section_macro) {
    auto options = app.get_options([](const CLI::Option* o) { return o->nonpositional() && !o->get_group().empty(); });
    std::vector<std::string> groups;
    for (const auto* o : options)
        if (std::find(groups.begin(), groups.end(), o->get_group()) == groups.end()) groups.push_back(o->get_group());
    for (const auto& group : groups) {
        if (groups.size() > 1) out << section_macro << ' ' << roff_escape(group) << '\n';
        for (const auto* o : options) {
            if (o->get_group() != group) continue;
            out << ".TP\n" << option_heading(*o, cl) << '\n' << roff_escape(o->get_description()) << '\n';
        }
    }
}

}  // namespace

std::string man_page(const CLI::App& app, const CommandLine& cl) {
    std::ostringstream out;
    out << ".TH BLOGCONV 1 \"\" \"blogconv " << roff_escape(version()) << "\" \"User Commands\"\n";
    out << ".SH NAME\nblogconv \\- " << roff_escape(summary()) << '\n';
    out << ".SH SYNOPSIS\n"
        << ".B blogconv\n\\fISOURCE\\fR... \\fB\\-\\-to\\fR \\fIFORMAT\\fR [\\fB\\-o\\fR \\fIOUTPUT\\fR] "
           "[\\fIOPTIONS\\fR]\n.br\n"
        << ".B blogconv check\n\\fISITE\\fR... [\\fIOPTIONS\\fR]\n.br\n"
        << ".B blogconv \\-\\-list\\-formats\n";
    out << ".SH DESCRIPTION\n"
        << roff_escape("blogconv reads a Jekyll site (_config.yml, front matter, Liquid, kramdown-style Markdown) the "
                       "way jekyll build does, and writes it in another form. SOURCE is a site root (a folder with "
                       "_config.yml and/or _posts/), a folder of posts, or post files.")
        << "\n.PP\n"
        << roff_escape("Problems are reported like a compiler's (file:line:col: error: message, then the source line "
                       "and a caret). One bad post never stops the run: it is reported and skipped, and the others "
                       "are converted. Output is written atomically; an existing file is only replaced with --force.")
        << '\n';
    out << ".SH OPTIONS\n";
    write_options(out, app, cl, ".SS");
    out << ".SH COMMANDS\n";
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        out << ".SS \"blogconv " << roff_escape(sub->get_name()) << "\"\n" << roff_escape(sub->get_description())
            << ".\n";
        write_options(out, *sub, cl, ".SS");
    }
    out << ".SH FORMATS\n" << roff_escape("The values of --to (blogconv --list-formats):") << '\n';
    for (const auto& w : writers::all_writers()) {
        std::string names = w.name;
        for (const auto& a : w.aliases) names += ", " + a;
        out << ".TP\n\\fB" << roff_escape(names) << "\\fR\n" << roff_escape(w.description)
            << (w.writes_folder ? roff_escape(" (writes a folder: name it with -o DIR)") : "") << '\n';
    }
    out << ".SH EXAMPLES\n";
    for (const auto& e : examples()) out << ".TP\n\\fB" << roff_escape(e.command) << "\\fR\n" << roff_escape(e.explanation) << '\n';
    out << ".SH EXIT STATUS\n";
    for (const auto& [code, meaning] : exit_codes()) out << ".TP\n\\fB" << code << "\\fR\n" << roff_escape(meaning) << '\n';
    out << ".SH ENVIRONMENT\n"
        << ".TP\n\\fBSOURCE_DATE_EPOCH\\fR\n"
        << roff_escape("Seconds since 1970: used as \"now\" (which posts are in the future) and as the EPUB's "
                       "modification date, so that builds are reproducible.")
        << "\n.TP\n\\fBNO_COLOR\\fR\n" << roff_escape("When set, diagnostics are never coloured.") << '\n';
    out << ".SH SEE ALSO\n"
        << roff_escape("jekyll(1), hugo(1). The recipes in /usr/share/doc/blogconv/ (epub.md, feeds.md, hugo.md, "
                       "ir-json.md).")
        << '\n';
    return out.str();
}

}  // namespace blogconv::cli
