// The files the fidelity tests share: an oracle's docs.tsv (../shared/oracle/<site>/,
// ../shared/sites/<site>.oracle/) and the lists of explained differences in docs/fidelity.md.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogconv::test {

// docs.tsv rows with rendered content: (source path, content file under the oracle folder).
std::vector<std::pair<std::string, std::string>> oracle_documents(const std::filesystem::path& oracle_site);

// The entries docs/fidelity.md explains for one test: list items "- `<kind>:<key>`" give <key>
// for `kind` ("kramdown", "site"); with an empty `kind`, the items without such a prefix (the
// corpus documents).
std::set<std::string> fidelity_entries(std::string_view kind);

}  // namespace blogconv::test
