// convert SITE OUTPUT.xml: reads a Jekyll site with blogconv's reader and writes its Atom feed
// through the writer registry, the way a program embedding blogconv would.
#include <fstream>
#include <iostream>

#include "ir/diagnostic.h"
#include "readers/jekyll_site.h"
#include "writers/registry.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: convert SITE OUTPUT.xml\n";
        return 2;
    }
    namespace bc = blogconv;
    bc::ir::Diagnostics diagnostics;
    bc::readers::ReaderOptions reader_options;
    bc::ir::Site site = bc::readers::read_jekyll_site({argv[1]}, reader_options, diagnostics);

    const bc::writers::WriterInfo* atom = bc::writers::find_writer("atom");
    if (!atom) {
        std::cerr << "convert: this blogconv has no atom writer\n";
        return 2;
    }
    bc::writers::WriterOptions options;
    // The feed's own options at their defaults; its table (atom->options) sets any of them, e.g.
    // find_option(*atom, "title")->apply(options.format, "My feed").
    options.format = atom->make_options();
    // Images and static files are read from the site folder (writers never open files themselves).
    bc::writers::FolderResources resources(site.root);
    options.resources = &resources;
    bc::writers::MemorySink sink;
    atom->write(site, options, sink, diagnostics);

    for (const auto& d : diagnostics.items())
        std::cerr << d.file << ':' << d.line << ": " << bc::ir::severity_name(d.severity) << ": " << d.message << '\n';
    std::ofstream out(argv[2], std::ios::binary);
    out << sink.files[""];
    if (!out) {
        std::cerr << "convert: cannot write " << argv[2] << '\n';
        return 2;
    }
    std::cout << site.documents.size() << " documents, " << diagnostics.errors() << " errors\n";
    return diagnostics.errors() ? 1 : 0;
}
