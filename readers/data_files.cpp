#include "readers/data_files.h"

#include <sstream>

#include "readers/yaml_value.h"

namespace blogconv::readers {

namespace {

std::vector<std::string> split_row(const std::string& line, char separator) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char ch = line[i];
        if (quoted) {
            if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') cell += '"', ++i;
            else if (ch == '"') quoted = false;
            else cell += ch;
        } else if (ch == '"') {
            quoted = true;
        } else if (ch == separator) {
            cells.push_back(cell);
            cell.clear();
        } else if (ch != '\r') {
            cell += ch;
        }
    }
    cells.push_back(cell);
    return cells;
}

}  // namespace

ir::Array parse_delimited(std::string_view text, char separator) {
    std::istringstream lines{std::string(text)};
    std::string line;
    std::vector<std::string> header;
    ir::Array rows;
    while (std::getline(lines, line)) {
        if (line.empty() || line == "\r") continue;
        auto cells = split_row(line, separator);
        if (header.empty()) {
            header = cells;
            continue;
        }
        ir::Value row = ir::Object{};
        for (std::size_t i = 0; i < header.size(); ++i) row.set(header[i], i < cells.size() ? cells[i] : "");
        rows.push_back(row);
    }
    return rows;
}

std::optional<ir::Value> parse_data_file(std::string_view text, const std::string& extension,
                                         const std::string& display, const std::string& key, const Limits& limits,
                                         std::vector<ir::Diagnostic>& diagnostics) {
    if (extension == ".yml" || extension == ".yaml" || extension == ".json") {
        YamlResult y = parse_yaml(text, display, 1, limits.max_yaml_nodes);
        if (y.error) {
            y.error->severity = ir::Severity::warning;
            y.error->message += " (site.data." + key + " left empty)";
            diagnostics.push_back(*y.error);
            return std::nullopt;
        }
        return y.value;
    }
    if (extension == ".csv") return ir::Value(parse_delimited(text, ','));
    if (extension == ".tsv") return ir::Value(parse_delimited(text, '\t'));
    return std::nullopt;
}

}  // namespace blogconv::readers
