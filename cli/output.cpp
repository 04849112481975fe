#include "cli/output.h"

#include <exception>
#include <iostream>

#include "ir/parallel.h"

namespace fs = std::filesystem;

namespace blogconv::cli {

namespace {

// `p` made absolute and lexically normal, without a trailing separator: the form Jekyll compares
// (File.expand_path). Links are not resolved here: the comparison is of what was typed.
fs::path expanded(const fs::path& p) {
    fs::path a = fs::absolute(p).lexically_normal();
    if (a.filename().empty() && a.has_parent_path() && a != a.root_path()) a = a.parent_path();
    return a;
}

// True when `inner` is `outer` or lies below it (whole segments: /a/bc is not below /a/b).
bool at_or_below(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
        if (i == inner.end() || *i != *o) return false;
    return true;
}

}  // namespace

OutputPlace place_output(const fs::path& target, const std::vector<std::string>& sources) {
    const fs::path t = expanded(target);
    if (t == t.root_path() || t.filename().empty())
        throw OutputError("-o " + target.string() + " names no file or folder to write");
    // The outermost source folder holding the output: from it down, nothing is followed.
    std::string best_source;
    fs::path best;
    for (const auto& s : sources) {
        std::error_code ec;
        if (!fs::is_directory(s, ec)) continue;
        fs::path a = expanded(s);
        if (t != a && at_or_below(t, a) && (best.empty() || at_or_below(best, a))) {
            best = a;
            best_source = s;
        }
    }
    if (!best.empty()) return {fs::path(best_source), t.lexically_relative(best).generic_string()};
    fs::path typed = fs::path(target).lexically_normal();
    if (typed.filename().empty()) typed = typed.parent_path();
    // `-o .` or `-o ..` name a folder only the absolute path spells out.
    if (typed.filename() == "." || typed.filename() == ".." || typed.filename().empty()) typed = t;
    return {typed.parent_path(), typed.filename().string()};
}

void refuse_output_over_source(const fs::path& target, const std::vector<std::string>& sources) {
    std::error_code ec;
    const fs::path t = expanded(target);
    const fs::path real_t = fs::weakly_canonical(t, ec);
    for (const auto& s : sources) {
        const fs::path a = expanded(s);
        const fs::path real_a = fs::weakly_canonical(a, ec);
        // Typed paths as Jekyll compares them, and resolved ones (-o a link to the site).
        if (at_or_below(a, t) || (!real_t.empty() && !real_a.empty() && at_or_below(real_a, real_t)))
            throw OutputError("-o " + target.string() + " cannot be or contain the source " + s +
                              " (Jekyll: \"Destination directory cannot be or contain the Source directory.\"); "
                              "name an output outside the site, or a folder inside it such as _site");
    }
}

FileSink::FileSink(OutputPlace place, bool folder, bool force)
    : to_stdout_(false), place_(std::move(place)), folder_(folder), force_(force) {}

OutputRoot& FileSink::root(bool create) {
    if (!root_ || (create && !root_->exists())) root_ = std::make_unique<OutputRoot>(place_.root, create);
    return *root_;
}

std::string FileSink::below(const std::string& relative_path) const {
    if (relative_path.empty()) return place_.below;
    path_segments(relative_path);  // refuses a path out of the folder
    if (folder_) return place_.below + "/" + relative_path;
    std::string parent = split_parent(place_.below).first;
    return parent.empty() ? relative_path : parent + "/" + relative_path;
}

void FileSink::preflight(const std::vector<std::string>& relative_paths) {
    if (to_stdout_) return;
    OutputRoot& r = root(false);
    // A folder output into a folder not there yet (the usual case): nothing in it can be in the
    // way, only the names are checked.
    if (folder_ && r.kind(place_.below) == OutputRoot::Kind::missing) {
        for (const auto& rel : relative_paths) path_segments(rel);
        return;
    }
    for (const auto& rel : relative_paths) r.check(below(rel), force_, /*stream_ok=*/rel.empty() && !folder_);
}

void FileSink::write_parts(const std::string& relative_path, std::vector<std::string> parts) {
    // Standard output and multi-file outputs take the parts joined (the default); a single file
    // is written part by part.
    if (!relative_path.empty() || folder_ || to_stdout_) {
        Sink::write_parts(relative_path, std::move(parts));
        return;
    }
    std::vector<std::string_view> views(parts.begin(), parts.end());
    root(true).write(place_.below, views, force_, /*durable=*/true, /*stream_ok=*/true);
    written_.push_back(root(true).display(place_.below));
}

void FileSink::write(const std::string& relative_path, std::string_view bytes) {
    if (relative_path.empty()) {
        if (folder_) throw OutputError("internal error: a folder format wrote a file with no name");
        if (to_stdout_) {
            std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            std::cout.flush();
            if (!std::cout) throw OutputError("cannot write to standard output");
            return;
        }
        // The file the user named: flushed to disk before the rename; a FIFO or terminal there
        // is written into.
        root(true).write(place_.below, {bytes}, force_, /*durable=*/true, /*stream_ok=*/true);
        written_.push_back(root(true).display(place_.below));
        return;
    }
    if (to_stdout_) throw OutputError("this format writes several files; name a folder with -o");
    const std::string rel = below(relative_path);
    root(true).write(rel, {bytes}, force_, /*durable=*/false, /*stream_ok=*/false);
    written_.push_back(root(true).display(rel));
}

void FileSink::write_all(const std::vector<std::pair<std::string, std::string_view>>& files, unsigned jobs) {
    if (!folder_) {
        for (const auto& [rel, bytes] : files) write(rel, bytes);
        return;
    }
    for (const auto& [rel, bytes] : files)
        if (rel.empty()) throw OutputError("internal error: a folder format wrote a file with no name");
    OutputRoot& r = root(true);
    if (r.kind(place_.below) == OutputRoot::Kind::missing && written_.empty()) {
        write_new_folder(files, jobs);
        return;
    }
    // Into an existing folder: each file atomically, on its own. Paths and folders first, on this
    // thread (a link on the way is refused here); then the files themselves on -j threads
    // (10,000 files are a fifth of a Hugo migration, nearly all of it in the kernel).
    std::vector<std::string> paths;
    paths.reserve(files.size());
    for (const auto& [rel, bytes] : files) {
        paths.push_back(below(rel));
        r.folder(split_parent(paths.back()).first, true);
    }
    begin_deferring_signals();
    std::exception_ptr failure;
    try {
        ir::parallel_for(files.size(), jobs, [&](std::size_t i) {
            r.write(paths[i], {files[i].second}, force_, /*durable=*/false, /*stream_ok=*/false);
        });
    } catch (...) {
        failure = std::current_exception();
    }
    end_deferring_signals();
    if (failure) std::rethrow_exception(failure);
    for (const auto& p : paths) written_.push_back(r.display(p));
}

// A folder that does not exist yet is built whole under a staging name beside it, then renamed
// into place: it appears complete or not at all, and each file costs an open, a write and a
// close (no staging name, no rename, no check for a file to clobber: there is none).
void FileSink::write_new_folder(const std::vector<std::pair<std::string, std::string_view>>& files, unsigned jobs) {
    OutputRoot& r = root(true);
    begin_deferring_signals();  // from here to the rename, a signal is acted on once the writers stop
    std::exception_ptr failure;
    try {
        auto staged = r.stage_folder(place_.below);
        std::vector<std::pair<int, std::string>> where;  // folder descriptor, file name
        where.reserve(files.size());
        for (const auto& [rel, bytes] : files) {
            path_segments(rel);
            auto [parent, name] = split_parent(rel);
            where.emplace_back(staged->folder(parent), name);
        }
        ir::parallel_for(files.size(), jobs, [&](std::size_t i) {
            if (stop_requested()) throw OutputError("interrupted");
            staged->create_file(where[i].first, where[i].second, files[i].second, r.display(below(files[i].first)));
        });
        if (stop_requested()) throw OutputError("interrupted");
        r.commit_folder(*staged);
    } catch (...) {
        failure = std::current_exception();  // the staged folder is gone by now
    }
    end_deferring_signals();
    if (failure) std::rethrow_exception(failure);
    for (const auto& [rel, bytes] : files) written_.push_back(r.display(below(rel)));
}

}  // namespace blogconv::cli
