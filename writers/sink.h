// Where writers put their bytes. Writers never open files: the CLI owns the file system (and
// writes atomically); tests collect output in memory.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogconv::writers {

class Sink {
public:
    virtual ~Sink() = default;
    // Writes one output file. `relative_path` is "" for a single-file format (the -o path
    // itself) and a '/'-separated path below the output folder for multi-file formats. The
    // writer guarantees it never starts with '/' and has no ".." segment.
    virtual void write(const std::string& relative_path, std::string_view bytes) = 0;
    // The same for bytes the writer no longer needs: a sink that keeps them takes them without a
    // copy (a 50 MB standalone page or EPUB is then held once, not twice).
    virtual void write_owned(const std::string& relative_path, std::string bytes) { write(relative_path, bytes); }
    // One file given as consecutive parts (a page of 10,000 articles): a sink that can write them
    // one after the other never joins them into one string. By default they are joined.
    virtual void write_parts(const std::string& relative_path, std::vector<std::string> parts) {
        std::size_t size = 0;
        for (const auto& p : parts) size += p.size();
        std::string joined;
        joined.reserve(size);
        for (auto& p : parts) {
            joined += p;
            std::string().swap(p);
        }
        write_owned(relative_path, std::move(joined));
    }
};

// Keeps every file in memory, sorted by path: what tests use.
class MemorySink : public Sink {
public:
    void write(const std::string& relative_path, std::string_view bytes) override {
        files[relative_path] = std::string(bytes);
    }
    void write_owned(const std::string& relative_path, std::string bytes) override {
        files[relative_path] = std::move(bytes);
    }
    std::map<std::string, std::string> files;
};

}  // namespace blogconv::writers
