// The one way blogconv reads a file of a site: never anything outside the site's root.
//
// A Jekyll site is untrusted input (a downloaded theme, a pull request in a build step). Posts,
// `_config.yml`, `_data/`, `{% include %}` files and the images a writer embeds all come through
// a GuardedReader, so the rule "nothing outside the root is read, through any path" is decided in
// one place: `..`, absolute names, and symbolic links (in the file name or any folder above it)
// that resolve outside the root are refused; FIFOs, devices and folders are refused without
// being opened for reading (a FIFO would block the run); and a size cap is checked on the open
// descriptor before anything is read.
//
// It lives in ir/ because it is the one library both the readers and the writers link; it
// depends on nothing but POSIX.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace blogconv::ir {

// Why a read failed, for callers that act on the reason (an image outside the site is refused,
// a missing one is looked for elsewhere); the message beside it is for people.
enum class ReadStatus {
    ok,
    missing,           // no such file (or a folder on its path is missing)
    outside_root,      // `..`, an absolute name or a symbolic link leads out of the root
    not_regular_file,  // a folder, FIFO, socket or device
    too_large,         // over the size cap (--max-file-size)
    unreadable         // permission denied, a link loop, an I/O error, a root that cannot be opened
};

class GuardedReader {
public:
    // The outcome of one read: `text` when `status` is ok, otherwise `error` says why in words
    // a user can act on ("no such file", "leaves the site …"). Both are set together.
    struct File {
        std::string text;
        std::int64_t mtime = 0;  // seconds since the epoch
        ReadStatus status = ReadStatus::ok;
        std::string error;
        bool ok() const { return status == ReadStatus::ok; }
    };

    // Files below `root`. An empty root reads loose files (posts named on the command line) as
    // they are given, still refusing anything but regular files. A root that cannot be opened
    // makes every read fail with the reason.
    explicit GuardedReader(const std::filesystem::path& root);
    ~GuardedReader();
    GuardedReader(const GuardedReader&) = delete;
    GuardedReader& operator=(const GuardedReader&) = delete;

    // Reads `path` ('/'-separated, relative to the root; with an empty root, any path) whole, or at
    // most `head_only` bytes when that is non-zero (to sniff a header without reading the file).
    // Fails when the file is larger than `max_size` (the message names --max-file-size).
    File read(std::string_view path, std::size_t max_size, std::size_t head_only = 0) const;

    // The root as given ("" for loose files).
    const std::filesystem::path& root() const { return root_; }

private:
    int open(std::string_view path, File& failure) const;

    std::filesystem::path root_;
    std::filesystem::path canonical_root_;
    int root_fd_ = -1;
    std::string root_error_;  // why the root cannot be opened ("" when it can)
};

}  // namespace blogconv::ir
