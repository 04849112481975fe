// blogconv-docgen: prints the man page or a shell completion script, built from the very
// option definition the tool parses with (cli/options.cpp). The build runs it; it is not installed.
#include <fstream>
#include <iostream>
#include <string>

#include "cli/completions.h"
#include "cli/man_page.h"
#include "cli/options.h"

using namespace blogconv;

int main(int argc, char** argv) {
    std::string what = argc >= 2 ? argv[1] : "";
    CLI::App app{"", "blogconv"};
    cli::Settings settings;
    cli::CommandLine command_line = cli::define_command_line(app, settings);
    std::string text;
    if (what == "man") text = cli::man_page(app, command_line);
    else if (what == "bash") text = cli::bash_completion(app, command_line);
    else if (what == "zsh") text = cli::zsh_completion(app, command_line);
    else if (what == "fish") text = cli::fish_completion(app, command_line);
    if (text.empty() || argc > 3) {
        std::cerr << "usage: blogconv-docgen man|bash|zsh|fish [OUTPUT_FILE]\n";
        return 2;
    }
    if (argc == 2) {
        std::cout << text;
        return std::cout.good() ? 0 : 1;
    }
    std::ofstream out(argv[2], std::ios::binary);
    out << text;
    return out.good() ? 0 : 1;
}
