// How writers get the bytes of files a site refers to (images for EPUB and standalone HTML,
// static files for Hugo) without opening files themselves.
//
// The CLI hands a FolderResources for the site root to the writer; tests hand an in-memory one.
// Containment is decided here, once: nothing outside the root is ever read.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "ir/guarded_reader.h"

namespace blogconv::writers {

class ResourceReader {
public:
    virtual ~ResourceReader() = default;
    // The bytes of `site_path` (a '/'-separated path relative to the site root, no leading '/').
    // On failure nullopt, with `error` saying why in words a user can act on ("no such file",
    // "leaves the site root", …).
    virtual std::optional<std::string> read(const std::string& site_path, std::string& error) const = 0;
};

// Reads files below one folder through ir::GuardedReader, the reader every file of a site goes
// through: refuses absolute paths, `..` that climbs out, links whose target is outside the
// folder, FIFOs and devices; caps file size.
class FolderResources : public ResourceReader {
public:
    explicit FolderResources(const std::filesystem::path& root, std::size_t max_size = 64 * 1024 * 1024);
    std::optional<std::string> read(const std::string& site_path, std::string& error) const override;

private:
    std::shared_ptr<const ir::GuardedReader> files_;
    std::size_t max_size_;
};

// Files held in memory (tests).
class MemoryResources : public ResourceReader {
public:
    std::optional<std::string> read(const std::string& site_path, std::string& error) const override {
        auto it = files.find(site_path);
        if (it == files.end()) {
            error = "no such file";
            return std::nullopt;
        }
        return it->second;
    }
    std::map<std::string, std::string> files;
};

}  // namespace blogconv::writers
