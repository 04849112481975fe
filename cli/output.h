// Writing a run's output: where it goes (the output root and what lies below it), and the sinks
// the writers fill. Every byte reaches the disk through the guarded writer (cli/output_root.h):
// atomically, never through a link below the root, never over a file without --force, never over
// what is not a regular file, with no half-written file left behind on an error or Ctrl-C.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/output_root.h"
#include "writers/sink.h"

namespace blogconv::cli {

// Where an output goes: `root` is opened as typed, following its links (they are the user's);
// `below` ('/'-separated, never empty) is opened from it without following any.
struct OutputPlace {
    std::filesystem::path root;
    std::string below;
};

// The place for `-o target`: the root is the folder holding what -o names, so that -o itself is
// never a link; when `target` lies inside a source folder, the root is that source folder (the
// part inside the site is the site's, untrusted: `_site -> /elsewhere` is refused too).
OutputPlace place_output(const std::filesystem::path& target, const std::vector<std::string>& sources);

// Throws OutputError when `target` is a source, or a folder that holds one: the output would be
// written over the site (Jekyll's Site#ensure_not_in_dest refuses the same).
void refuse_output_over_source(const std::filesystem::path& target, const std::vector<std::string>& sources);

// A sink for one output: a single file (relative path "") or a folder of files. Files are
// written as they come; `written()` lists them.
class FileSink : public writers::Sink {
public:
    // Standard output (single-file formats only).
    FileSink() = default;
    FileSink(OutputPlace place, bool folder, bool force);
    void write(const std::string& relative_path, std::string_view bytes) override;
    void write_parts(const std::string& relative_path, std::vector<std::string> parts) override;
    // Writes many files of a folder output on `jobs` threads (0 = one per core); the same files
    // as write() one by one. A folder that does not exist yet is made whole and renamed into
    // place, so that it appears complete or not at all.
    void write_all(const std::vector<std::pair<std::string, std::string_view>>& files, unsigned jobs);
    // Checks every path before anything is written, so that a refusal (an existing file without
    // --force, a link, a path leaving the output folder) leaves no half-written folder behind.
    void preflight(const std::vector<std::string>& relative_paths);
    const std::vector<std::filesystem::path>& written() const { return written_; }

private:
    void write_new_folder(const std::vector<std::pair<std::string, std::string_view>>& files, unsigned jobs);
    // The path below the root of a writer's relative path (validated).
    std::string below(const std::string& relative_path) const;
    // The root, opened on first use; `create` makes it (and opens it again if it was missing).
    OutputRoot& root(bool create);
    bool to_stdout_ = true;
    OutputPlace place_;
    bool folder_ = false;
    bool force_ = false;
    std::unique_ptr<OutputRoot> root_;
    std::vector<std::filesystem::path> written_;
};

// Holds a run's output until it is known to be wanted (--strict, the preflight), keeping a file
// given in parts as its parts: the standalone page is then never one 50 MB string as well.
class BufferedSink : public writers::Sink {
public:
    void write(const std::string& relative_path, std::string_view bytes) override {
        files[relative_path] = {std::string(bytes)};
    }
    void write_owned(const std::string& relative_path, std::string bytes) override {
        std::vector<std::string> parts;
        parts.push_back(std::move(bytes));
        files[relative_path] = std::move(parts);
    }
    void write_parts(const std::string& relative_path, std::vector<std::string> parts) override {
        files[relative_path] = std::move(parts);
    }
    std::map<std::string, std::vector<std::string>> files;  // sorted by path
};

}  // namespace blogconv::cli
