// How writers get the bytes of files a site refers to (images for EPUB and standalone HTML,
// static files for Hugo) without opening files themselves.
//
// The CLI hands a FolderResources for the site root to the writer; tests hand an in-memory one.
// Containment is decided here, once: nothing outside the root is ever read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "ir/guarded_reader.h"
#include "writers/site_urls.h"

namespace blogconv::writers {

// Why a site file could not be read: the one set of reasons ir::GuardedReader gives, so a writer
// branches on the reason (refuse an image outside the site, look elsewhere for a missing one)
// and never on the wording of the message.
using ResourceStatus = ir::ReadStatus;

// The outcome of reading one site file.
struct ResourceRead {
    ResourceStatus status = ResourceStatus::missing;
    std::string bytes;    // the file's bytes when status is ok
    std::string message;  // why not, in words a user can act on ("no such file", …); "" when ok
    bool ok() const { return status == ResourceStatus::ok; }
};

class ResourceReader {
public:
    virtual ~ResourceReader() = default;
    // The bytes of `site_path` (a '/'-separated path relative to the site root, no leading '/'),
    // or the status and message of the failure.
    virtual ResourceRead read(const std::string& site_path) const = 0;
};

// A file a URL names, read: the first of `url`'s candidates (site_urls.h, in their order) that
// reads. When none does, the failure of the most telling candidate: one that exists but cannot
// be read (outside the root through a link, too large, …) over one that is missing, else the
// first. `site_path` is the candidate the read belongs to ("" when `url` has none).
struct FoundResource {
    std::string site_path;
    ResourceRead read;
};
FoundResource read_site_url(const ResourceReader& reader, const SiteUrl& url);

// Reads files below one folder through ir::GuardedReader, the reader every file of a site goes
// through: refuses absolute paths, `..` that climbs out, links whose target is outside the
// folder, FIFOs and devices; caps file size.
class FolderResources : public ResourceReader {
public:
    explicit FolderResources(const std::filesystem::path& root, std::size_t max_size = 64 * 1024 * 1024);
    ResourceRead read(const std::string& site_path) const override;

private:
    std::shared_ptr<const ir::GuardedReader> files_;
    std::size_t max_size_;
};

// The default of EmbedBudget's limit (`--max-embedded-bytes`): 192 MiB of image bytes. The page
// writer holds each embedded image base64-encoded (4/3) once in its cache and once in the parts
// it hands the sink, and a sink that joins parts (a folder, standard output) holds a third
// copy: about 4 times the budget at worst, plus one image being read. 192 MiB keeps that under
// 1 GiB, which tests/unit/hostile_output_test.cpp measures (a book needs less: the bytes and
// their deflated copy).
inline constexpr std::uint64_t default_max_embedded_bytes = 192ull * 1024 * 1024;

// The bytes of images one output document (an HTML page or split folder, an EPUB) may embed in
// total. Each image is under --max-file-size, but nothing else bounded their sum: 40 of them
// took 14.6 GB as one page. Every image a writer embeds is charged here, once; one that does not
// fit is left out the way a missing one is (its alt text), and the writer reports once, naming
// the flag — the document and the run go on.
class EmbedBudget {
public:
    explicit EmbedBudget(std::uint64_t limit) : limit_(limit) {}
    // Charges `bytes` and returns true when they fit in what is left; else charges nothing,
    // counts the image as refused and returns false.
    bool charge(std::uint64_t bytes);
    std::size_t refused() const { return refused_; }
    // The one diagnostic for the document ("" when no image was refused).
    std::string message() const;

private:
    std::uint64_t limit_;
    std::uint64_t used_ = 0;
    std::size_t refused_ = 0;
};

// Files held in memory (tests).
class MemoryResources : public ResourceReader {
public:
    ResourceRead read(const std::string& site_path) const override {
        auto it = files.find(site_path);
        if (it == files.end()) return {ResourceStatus::missing, {}, "no such file"};
        return {ResourceStatus::ok, it->second, {}};
    }
    std::map<std::string, std::string> files;
};

}  // namespace blogconv::writers
