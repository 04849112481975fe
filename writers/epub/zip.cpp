#include "writers/epub/zip.h"

#include <zip.h>
#include <libdeflate.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "ir/datetime.h"

namespace blogconv::writers::epub {

namespace {

// The fixed per-entry zip timestamp, in the DOS format (local time without zone, so we give UTC)
// and never before 1980, which DOS dates cannot hold.
void dos_time(std::int64_t seconds, zip_uint16_t& time, zip_uint16_t& date) {
    ir::CivilTime c = ir::to_civil(ir::DateTime{std::max<std::int64_t>(seconds, ir::civil_to_epoch(1980, 1, 1)), 0});
    if (c.year > 2107) c = ir::to_civil(ir::DateTime{ir::civil_to_epoch(2107, 12, 31), 0});
    time = static_cast<zip_uint16_t>((c.hour << 11) | (c.minute << 5) | (c.second / 2));
    date = static_cast<zip_uint16_t>(((c.year - 1980) << 9) | (c.month << 5) | c.day);
}

// A libzip source over an entry deflated beforehand: it reports the compression method, sizes and
// CRC in its stat, so zip_close copies the bytes as they are.
struct Deflated {
    const ZipEntry* entry;
    std::size_t offset = 0;
};

zip_int64_t deflated_source(void* userdata, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* d = static_cast<Deflated*>(userdata);
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        d->offset = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        std::size_t n = std::min<std::size_t>(len, d->entry->bytes.size() - d->offset);
        std::memcpy(data, d->entry->bytes.data() + d->offset, n);
        d->offset += n;
        return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        if (len < sizeof(zip_stat_t)) return -1;
        auto* st = static_cast<zip_stat_t*>(data);
        zip_stat_init(st);
        st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
        st->size = d->entry->size;
        st->comp_size = d->entry->bytes.size();
        st->comp_method = ZIP_CM_DEFLATE;
        st->crc = d->entry->crc;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(nullptr, data, len);
    case ZIP_SOURCE_FREE:
        delete d;
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                              ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        return -1;
    }
}

}  // namespace

ZipEntry stored_entry(std::string name, std::string bytes) {
    ZipEntry e;
    e.name = std::move(name);
    e.bytes = std::move(bytes);
    return e;
}

ZipEntry deflated_entry(std::string name, std::string_view bytes) {
    ZipEntry e;
    e.name = std::move(name);
    e.deflated = true;
    e.size = bytes.size();
    e.crc = libdeflate_crc32(0, bytes.data(), bytes.size());
    // Raw deflate (the zip entry holds no zlib header), level 6: zlib's default, whose output
    // libdeflate's matches or beats. One compressor per thread: each holds its hash tables
    // (hundreds of KB), too much to allocate per chapter.
    struct Compressor {
        libdeflate_compressor* c = libdeflate_alloc_compressor(6);
        ~Compressor() { libdeflate_free_compressor(c); }
    };
    thread_local Compressor compressor;
    if (!compressor.c) throw std::runtime_error("libdeflate: cannot allocate a compressor");
    e.bytes.resize(libdeflate_deflate_compress_bound(compressor.c, bytes.size()));
    std::size_t out = libdeflate_deflate_compress(compressor.c, bytes.data(), bytes.size(), e.bytes.data(), e.bytes.size());
    if (out == 0) throw std::runtime_error("libdeflate: the bound was too small");
    e.bytes.resize(out);
    e.bytes.shrink_to_fit();
    return e;
}

std::string zip_archive(const std::vector<ZipEntry>& entries, std::int64_t mtime) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) throw std::runtime_error(std::string("libzip: ") + zip_error_strerror(&error));
    zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!za) {
        zip_source_free(buffer);
        throw std::runtime_error(std::string("libzip: ") + zip_error_strerror(&error));
    }
    zip_source_keep(buffer);  // we read the archive back from it after zip_close
    auto fail = [&](const char* what) {
        std::string msg = std::string("libzip: ") + what + ": " + zip_strerror(za);
        zip_discard(za);
        zip_source_free(buffer);
        throw std::runtime_error(msg);
    };
    zip_uint16_t dtime = 0, ddate = 0;
    dos_time(mtime, dtime, ddate);
    for (const auto& e : entries) {
        zip_source_t* s = nullptr;
        if (e.deflated) {
            auto* d = new Deflated{&e};
            s = zip_source_function(za, deflated_source, d);
            if (!s) delete d;
        } else {
            s = zip_source_buffer(za, e.bytes.data(), e.bytes.size(), 0);
        }
        if (!s) fail("source");
        zip_int64_t idx = zip_file_add(za, e.name.c_str(), s, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(s);
            fail("add");
        }
        if (!e.deflated && zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0) < 0)
            fail("compression");
        if (zip_file_set_dostime(za, static_cast<zip_uint64_t>(idx), dtime, ddate, 0) < 0) fail("mtime");
    }
    if (zip_close(za) < 0) fail("close");

    std::string out;
    if (zip_source_open(buffer) < 0) {
        zip_source_free(buffer);
        throw std::runtime_error("libzip: cannot reopen the in-memory archive");
    }
    zip_source_seek(buffer, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    out.resize(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)));
    zip_int64_t got = zip_source_read(buffer, out.data(), out.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    if (got != size) throw std::runtime_error("libzip: short read of the in-memory archive");
    return out;
}

}  // namespace blogconv::writers::epub
