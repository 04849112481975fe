// Writing output files safely: atomically (temp file + rename in the same folder), never over a
// file the user did not ask us to replace (--force), never outside the output path, and with no
// half-written file left behind on an error or Ctrl-C.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "writers/sink.h"

namespace blogconv::cli {

struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Writes `bytes` to `path` atomically. Refuses an existing file unless `force`. `durable`
// flushes the data to disk before the rename (one fsync: cheap for one file, slow for the
// thousands a Hugo site has, where the rename alone keeps a reader from seeing half a file).
// `folder_exists` skips creating the parent folder (the caller made it already).
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, bool force,
                           bool durable = true, bool folder_exists = false);
// The same for a file given as consecutive parts, written one after the other.
void write_file_atomically(const std::filesystem::path& path, const std::vector<std::string_view>& parts, bool force,
                           bool durable = true, bool folder_exists = false);

// Installs SIGINT/SIGTERM handlers that remove the temporary file being written, then exit 130/143.
void install_signal_cleanup();

// A sink for one output: a single file (relative path "") or a folder of files. Files are
// written as they come; `written()` lists them.
class FileSink : public writers::Sink {
public:
    // `target` is the -o path; "-" (single-file formats only) writes to standard output.
    FileSink(std::filesystem::path target, bool folder, bool force);
    void write(const std::string& relative_path, std::string_view bytes) override;
    void write_parts(const std::string& relative_path, std::vector<std::string> parts) override;
    // Writes many files of a folder output on `jobs` threads (0 = one per core); the same files
    // as write() one by one. A folder that does not exist yet is made whole and renamed into
    // place, so that it appears complete or not at all.
    void write_all(const std::vector<std::pair<std::string, std::string_view>>& files, unsigned jobs);
    // Checks every path before anything is written, so that a refusal (an existing file without
    // --force, a path leaving the output folder) leaves no half-written folder behind.
    void preflight(const std::vector<std::string>& relative_paths) const;
    const std::vector<std::filesystem::path>& written() const { return written_; }

private:
    void write_new_folder(const std::vector<std::pair<std::string, std::string_view>>& files, unsigned jobs);
    std::filesystem::path resolve(const std::string& relative_path) const;
    // resolve(), and the file's folder made once.
    std::filesystem::path prepare(const std::string& relative_path);
    std::filesystem::path target_;
    bool folder_;
    bool force_;
    std::vector<std::filesystem::path> written_;
    // Folders already made: a Hugo site is 10,000 files in a few folders, and create_directories
    // stats every component of the path each time.
    std::set<std::filesystem::path> made_folders_;
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
