// The EPUB's zip container. Entries are deflated as soon as they are made (on any thread), so the
// book holds compressed chapters rather than every chapter's XHTML, and libzip only copies the
// compressed bytes into place (a source that says it is already deflated, as zip_source_function(3)
// allows) instead of deflating 10,000 chapters one after another in zip_close.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace blogconv::writers::epub {

struct ZipEntry {
    std::string name;        // path inside the archive
    std::string bytes;       // raw deflate data when `deflated`, else the file itself
    bool deflated = false;
    std::uint32_t crc = 0;   // CRC-32 of the uncompressed file (when deflated)
    std::uint64_t size = 0;  // uncompressed size (when deflated)
};

// The file stored as it is (the `mimetype` entry must be).
ZipEntry stored_entry(std::string name, std::string bytes);
// The file compressed now (libdeflate at level 6, zlib's and `zip`'s default).
ZipEntry deflated_entry(std::string name, std::string_view bytes);

// The archive, in entry order, every entry with the same DOS timestamp (`mtime`, UTC seconds) so
// that the bytes depend on the content only. Throws std::runtime_error when libzip fails.
std::string zip_archive(const std::vector<ZipEntry>& entries, std::int64_t mtime);

}  // namespace blogconv::writers::epub
