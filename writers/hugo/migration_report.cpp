#include "writers/hugo/migration_report.h"

#include <algorithm>

namespace blogconv::writers::hugo {

void MigrationReport::count(const std::string& name, int n) {
    for (auto& [k, v] : counts) {
        if (k == name) {
            v += n;
            return;
        }
    }
    counts.emplace_back(name, n);
}

namespace {
// Report text quotes source that may hold backticks and template syntax; a code span with a
// long enough fence keeps it literal, and the `{ %` break keeps Liquid and Hugo from reading it.
std::string code(const std::string& text) {
    std::string t;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n' || c == '\r') c = ' ';
        t += c;
        if (c == '{' && i + 1 < text.size() && (text[i + 1] == '%' || text[i + 1] == '{')) t += ' ';
    }
    if (t.size() > 160) t = t.substr(0, 157) + "...";
    std::size_t run = 0, best = 0;
    for (char c : t) {
        run = c == '`' ? run + 1 : 0;
        best = std::max(best, run);
    }
    std::string fence(best + 1, '`');
    std::string pad = !t.empty() && (t.front() == '`' || t.back() == '`') ? " " : "";
    return fence + pad + t + pad + fence;
}
}  // namespace

std::string render_migration_report(const MigrationReport& report, const std::string& site_title) {
    std::string out = "# Migration report";
    if (!site_title.empty()) out += ": " + site_title;
    out += "\n\nThis Hugo site was converted from Jekyll by blogconv. This file lists what was converted and "
           "every place that needs a person. It is not part of the site (Hugo ignores files outside "
           "`content/`); delete it when you are done.\n\n## Summary\n\n| What | Count |\n| --- | --: |\n";
    for (const auto& [k, v] : report.counts) out += "| " + k + " | " + std::to_string(v) + " |\n";
    out += "| Places that need a person | " + std::to_string(report.items.size()) + " |\n";
    if (!report.notes.empty()) {
        out += "\n## Converted automatically\n\n";
        for (const auto& n : report.notes) out += "- " + n + "\n";
    }
    out += "\n## Needs a person\n\n";
    if (report.items.empty()) {
        out += "Nothing: every construct was converted.\n";
        return out;
    }
    // Grouped by topic, topics in the order first met.
    std::vector<std::string> topics;
    for (const auto& it : report.items)
        if (std::find(topics.begin(), topics.end(), it.topic) == topics.end()) topics.push_back(it.topic);
    for (const auto& topic : topics) {
        out += "### " + topic + "\n\n";
        for (const auto& it : report.items) {
            if (it.topic != topic) continue;
            out += "- ";
            if (!it.file.empty()) out += "`" + it.file + (it.line > 0 ? ":" + std::to_string(it.line) : "") + "`: ";
            out += it.message + "\n";
        }
        out += "\n";
    }
    return out;
}

// Exposed for the writer: a quoted source excerpt in report style.
std::string report_code(const std::string& text) { return code(text); }

}  // namespace blogconv::writers::hugo
