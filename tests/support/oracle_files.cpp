#include "tests/support/oracle_files.h"

#include <sstream>

#include "tests/test_support.h"

namespace blogconv::test {

std::vector<std::pair<std::string, std::string>> oracle_documents(const std::filesystem::path& oracle_site) {
    std::vector<std::pair<std::string, std::string>> out;
    std::istringstream in(read_file(oracle_site / "docs.tsv"));
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> cols;
        std::size_t s = 0;
        for (;;) {
            const auto tab = line.find('\t', s);
            cols.push_back(line.substr(s, tab == std::string::npos ? std::string::npos : tab - s));
            if (tab == std::string::npos) break;
            s = tab + 1;
        }
        if (cols.size() < 11 || cols[10] == "-") continue;
        out.emplace_back(cols[0], cols[10]);
    }
    return out;
}

std::set<std::string> fidelity_entries(std::string_view kind) {
    static constexpr std::string_view kinds[] = {"kramdown:", "site:"};
    std::set<std::string> out;
    std::istringstream in(read_file(source_dir() / "docs" / "fidelity.md"));
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("- `", 0) != 0) continue;
        const auto e = line.find('`', 3);
        if (e == std::string::npos) continue;
        std::string entry = line.substr(3, e - 3);
        std::string_view entry_kind;
        for (std::string_view k : kinds)
            if (entry.rfind(k, 0) == 0) entry_kind = k.substr(0, k.size() - 1);
        if (entry_kind != kind) continue;
        out.insert(kind.empty() ? entry : entry.substr(kind.size() + 1));
    }
    return out;
}

}  // namespace blogconv::test
