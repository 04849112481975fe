// MIGRATION.md: what the Hugo migration converted, and everything that needs a person.
//
// The writer fills a MigrationReport as it goes; render_migration_report turns it into the
// Markdown file written at the output root. Items keep the order they were found in (documents in
// site order), so the file is the same on every run.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace blogconv::writers::hugo {

// One thing a person has to look at.
struct ReportItem {
    std::string file;     // the Jekyll source file ("" for site-wide items)
    int line = 0;         // 1-based line in `file`; 0 = the whole file
    std::string topic;    // short heading it is grouped under ("Liquid not translated", "Plugins", …)
    std::string message;  // what was found and what to do
};

struct MigrationReport {
    // Counts shown in the summary table, in insertion order ("Posts" -> 12).
    std::vector<std::pair<std::string, int>> counts;
    // Things that were converted automatically but are worth knowing (one line each).
    std::vector<std::string> notes;
    std::vector<ReportItem> items;

    // Adds `n` to the count called `name` (creating it at the end).
    void count(const std::string& name, int n = 1);
    void note(std::string text) { notes.push_back(std::move(text)); }
    void item(std::string file, int line, std::string topic, std::string message) {
        items.push_back({std::move(file), line, std::move(topic), std::move(message)});
    }
};

// A source excerpt as an inline code span safe for Markdown, Liquid and Hugo (one line, shortened).
std::string report_code(const std::string& text);

// The report as Markdown.
std::string render_migration_report(const MigrationReport& report, const std::string& site_title);

}  // namespace blogconv::writers::hugo
