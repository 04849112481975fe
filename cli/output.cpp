#include "cli/output.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <thread>

#include "ir/parallel.h"

namespace fs = std::filesystem;

namespace blogconv::cli {

namespace {

// The temporary files being written, for the signal handler (async-signal-safe: fixed buffers).
// One slot per file in flight: a Hugo site is written on several threads at once.
constexpr int temp_slots = 64;
char g_temp_path[temp_slots][4096];
std::atomic<bool> g_temp_active[temp_slots];
std::atomic<bool> g_temp_taken[temp_slots];

// While several threads write files, a signal is not acted on at once: the handler would unlink
// the files in flight while the other threads went on making new ones (seen in robustness_test).
// It is noted instead (state 1 -> 2); each writer stops before its next file or removes the one
// it just created, and write_all re-raises the signal once they have all stopped.
std::atomic<int> g_defer_state{0};  // 0 = act at once, 1 = defer, 2 = a deferred signal is pending
std::atomic<int> g_deferred_signal{0};

[[noreturn]] void die_by(int sig) {
    for (int i = 0; i < temp_slots; ++i)
        if (g_temp_active[i].load()) ::unlink(g_temp_path[i]);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
    ::_exit(128 + sig);
}

void on_signal(int sig) {
    g_deferred_signal = sig;
    int expected = 1;
    if (g_defer_state.compare_exchange_strong(expected, 2)) return;
    if (expected == 2) return;  // one is pending already
    die_by(sig);
}

bool stop_requested() { return g_defer_state.load() == 2; }

// A free slot for one file being written (waits for one when every slot is busy).
class TempSlot {
public:
    TempSlot() {
        for (;;) {
            for (int i = 0; i < temp_slots; ++i) {
                bool expected = false;
                if (g_temp_taken[i].compare_exchange_strong(expected, true)) {
                    index_ = i;
                    return;
                }
            }
            std::this_thread::yield();
        }
    }
    ~TempSlot() {
        g_temp_active[index_] = false;
        g_temp_taken[index_] = false;
    }
    TempSlot(const TempSlot&) = delete;
    TempSlot& operator=(const TempSlot&) = delete;
    char* path() const { return g_temp_path[index_]; }
    std::atomic<bool>& active() const { return g_temp_active[index_]; }

private:
    int index_ = 0;
};

std::string errno_text() { return std::strerror(errno); }

// Writes all of `bytes` to `fd`, again after a signal interrupts; false (errno set) on an error.
bool write_fully(int fd, std::string_view bytes) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

// True when `rel` is a safe relative path: not absolute, no "..", no empty segments.
bool safe_relative(const std::string& rel) {
    if (rel.empty() || rel.front() == '/') return false;
    fs::path p(rel);
    for (const auto& part : p) {
        if (part == ".." || part == "." || part.empty()) return false;
    }
    return rel.find('\0') == std::string::npos;
}

}  // namespace

void install_signal_cleanup() {
    ::signal(SIGINT, on_signal);
    ::signal(SIGTERM, on_signal);
    // Past a file size limit (`ulimit -f`) the kernel would kill us mid-write and leave the
    // temporary file; ignored, write() fails with EFBIG and the usual cleanup runs.
    ::signal(SIGXFSZ, SIG_IGN);
}

void write_file_atomically(const fs::path& path, std::string_view bytes, bool force, bool durable,
                           bool folder_exists) {
    write_file_atomically(path, std::vector<std::string_view>{bytes}, force, durable, folder_exists);
}

void write_file_atomically(const fs::path& path, const std::vector<std::string_view>& parts, bool force, bool durable,
                           bool folder_exists) {
    std::error_code ec;
    fs::file_status st = fs::symlink_status(path, ec);
    if (fs::exists(st)) {
        if (fs::is_directory(st))
            throw OutputError(path.string() + " is a folder; name a file with -o, or remove the folder");
        if (!force)
            throw OutputError(path.string() + " already exists; pass --force to replace it");
    }
    fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!folder_exists) {
        fs::create_directories(dir, ec);
        if (ec) throw OutputError("cannot create folder " + dir.string() + ": " + ec.message());
    }

    // The temporary file is named by us (pid and a counter) and announced to the signal handler
    // before it is created: a signal handled on any thread, at any moment, then finds its name
    // (unlinking a name not yet created is harmless; the handler ends the process). O_EXCL never
    // opens an existing file, and the mode 0666 takes the umask as any new file does.
    static std::atomic<unsigned long> counter{0};
    const std::string prefix = (dir / ("." + path.filename().string() + ".blogconv-")).string() +
                               std::to_string(::getpid()) + "-";
    if (prefix.size() + 24 >= sizeof g_temp_path[0]) throw OutputError("output path too long: " + path.string());
    if (stop_requested()) throw OutputError("interrupted");
    TempSlot slot;
    std::string temp;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        temp = prefix + std::to_string(counter++);
        std::memcpy(slot.path(), temp.c_str(), temp.size() + 1);
        slot.active() = true;
        fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0) {
            int saved = errno;
            slot.active() = false;  // the name may be another file's: not ours to remove
            errno = saved;
            if (saved != EEXIST) break;
        }
    }
    if (fd < 0) throw OutputError("cannot create a temporary file in " + dir.string() + ": " + errno_text());
    auto fail = [&](const std::string& what) {
        int saved = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        slot.active() = false;
        errno = saved;
        throw OutputError(what + " " + path.string() + ": " + errno_text());
    };
    if (stop_requested()) {
        errno = EINTR;
        fail("interrupted before writing");
    }
    for (std::string_view bytes : parts)
        if (!write_fully(fd, bytes)) fail("cannot write");
    if (durable && ::fsync(fd) != 0 && errno != EINVAL) fail("cannot flush");
    if (::close(fd) != 0) {
        ::unlink(temp.c_str());
        slot.active() = false;
        throw OutputError("cannot write " + path.string() + ": " + errno_text());
    }
    // After the rename the handler may still unlink the temporary name: nothing is there any more.
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        int saved = errno;
        ::unlink(temp.c_str());
        slot.active() = false;
        errno = saved;
        throw OutputError("cannot rename into " + path.string() + ": " + errno_text());
    }
    slot.active() = false;
}

FileSink::FileSink(fs::path target, bool folder, bool force)
    : target_(std::move(target)), folder_(folder), force_(force) {}

fs::path FileSink::resolve(const std::string& relative_path) const {
    if (relative_path.empty()) return target_;
    if (!safe_relative(relative_path))
        throw OutputError("refusing to write outside the output folder: " + relative_path);
    return folder_ ? target_ / relative_path : target_.parent_path() / relative_path;
}

void FileSink::preflight(const std::vector<std::string>& relative_paths) const {
    if (force_ || target_ == "-") {
        for (const auto& r : relative_paths) (void)resolve(r);
        return;
    }
    for (const auto& r : relative_paths) {
        fs::path p = resolve(r);
        std::error_code ec;
        if (fs::exists(fs::symlink_status(p, ec)))
            throw OutputError(p.string() + " already exists; pass --force to replace it (nothing was written)");
    }
}

void FileSink::write_parts(const std::string& relative_path, std::vector<std::string> parts) {
    // Standard output and multi-file outputs take the parts joined (the default); a single file
    // is written part by part.
    if (!relative_path.empty() || folder_ || target_ == "-") {
        Sink::write_parts(relative_path, std::move(parts));
        return;
    }
    std::vector<std::string_view> views(parts.begin(), parts.end());
    write_file_atomically(target_, views, force_);
    written_.push_back(target_);
}

namespace {

// Creates `path` (O_EXCL: never an existing file) and writes `bytes` into it.
void write_new_file(const fs::path& path, std::string_view bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw OutputError("cannot create " + path.string() + ": " + errno_text());
    if (!write_fully(fd, bytes)) {
        int saved = errno;
        ::close(fd);
        errno = saved;
        throw OutputError("cannot write " + path.string() + ": " + errno_text());
    }
    if (::close(fd) != 0) throw OutputError("cannot write " + path.string() + ": " + errno_text());
}

}  // namespace

void FileSink::write_all(const std::vector<std::pair<std::string, std::string_view>>& files, unsigned jobs) {
    if (!folder_) {
        for (const auto& [rel, bytes] : files) write(rel, bytes);
        return;
    }
    for (const auto& [rel, bytes] : files)
        if (rel.empty()) throw OutputError("internal error: a folder format wrote a file with no name");
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(target_, ec)) && written_.empty()) {
        write_new_folder(files, jobs);
        return;
    }
    // Into an existing folder: each file atomically, on its own. Paths and folders first, on this
    // thread; then the files themselves on -j threads (10,000 files are a fifth of a Hugo
    // migration, nearly all of it in the kernel).
    std::vector<fs::path> paths;
    paths.reserve(files.size());
    for (const auto& [rel, bytes] : files) paths.push_back(prepare(rel));
    g_defer_state = 1;
    std::exception_ptr failure;
    try {
        ir::parallel_for(files.size(), jobs, [&](std::size_t i) {
            write_file_atomically(paths[i], files[i].second, force_, /*durable=*/false, /*folder_exists=*/true);
        });
    } catch (...) {
        failure = std::current_exception();
    }
    if (g_defer_state.exchange(0) == 2) die_by(g_deferred_signal.load());
    if (failure) std::rethrow_exception(failure);
    for (auto& p : paths) written_.push_back(std::move(p));
}

// A folder that does not exist yet is built whole under a hidden name beside it, then renamed
// into place: it appears complete or not at all, and each file costs an open, a write and a
// close (no temporary name, no rename, no check for a file to clobber: there is none).
void FileSink::write_new_folder(const std::vector<std::pair<std::string, std::string_view>>& files, unsigned jobs) {
    fs::path target = target_.lexically_normal();
    if (target.filename().empty()) target = target.parent_path();
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw OutputError("cannot create folder " + parent.string() + ": " + ec.message());

    g_defer_state = 1;  // from here to the rename, a signal is acted on once the writers stop
    fs::path staging;
    static std::atomic<unsigned long> counter{0};
    for (int attempt = 0; attempt < 100 && staging.empty(); ++attempt) {
        fs::path candidate = parent / ("." + target.filename().string() + ".blogconv-" + std::to_string(::getpid()) +
                                       "-" + std::to_string(counter++));
        if (::mkdir(candidate.c_str(), 0777) == 0) staging = candidate;
        else if (errno != EEXIST) break;
    }
    if (staging.empty()) {
        int saved = errno;
        if (g_defer_state.exchange(0) == 2) die_by(g_deferred_signal.load());
        errno = saved;
        throw OutputError("cannot create a temporary folder in " + parent.string() + ": " + errno_text());
    }
    std::exception_ptr failure;
    try {
        std::vector<fs::path> paths;
        paths.reserve(files.size());
        std::set<fs::path> made{staging};
        for (const auto& [rel, bytes] : files) {
            (void)resolve(rel);  // refuses a path out of the folder
            fs::path p = staging / rel;
            if (made.insert(p.parent_path()).second) {
                fs::create_directories(p.parent_path(), ec);
                if (ec) throw OutputError("cannot create folder " + p.parent_path().string() + ": " + ec.message());
            }
            paths.push_back(std::move(p));
        }
        ir::parallel_for(files.size(), jobs, [&](std::size_t i) {
            if (stop_requested()) throw OutputError("interrupted");
            write_new_file(paths[i], files[i].second);
        });
        if (stop_requested()) throw OutputError("interrupted");
        // RENAME_NOREPLACE: should the folder have appeared meanwhile, it is left alone. A file
        // system without the flag (EINVAL) gets a plain rename, which also refuses a non-empty
        // folder.
        if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) != 0) {
            if (errno != EINVAL || fs::exists(fs::symlink_status(target, ec)) ||
                ::rename(staging.c_str(), target.c_str()) != 0) {
                throw OutputError(
                    errno == EEXIST || errno == ENOTEMPTY || errno == EINVAL
                        ? target.string() + " appeared while blogconv was writing it; it was left as it is"
                        : "cannot rename " + staging.string() + " to " + target.string() + ": " + errno_text());
            }
        }
    } catch (...) {
        failure = std::current_exception();
        fs::remove_all(staging, ec);
    }
    if (g_defer_state.exchange(0) == 2) die_by(g_deferred_signal.load());
    if (failure) std::rethrow_exception(failure);
    for (const auto& [rel, bytes] : files) written_.push_back(resolve(rel));
}

void FileSink::write(const std::string& relative_path, std::string_view bytes) {
    if (relative_path.empty()) {
        if (folder_) throw OutputError("internal error: a folder format wrote a file with no name");
        if (target_ == "-") {
            std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            std::cout.flush();
            if (!std::cout) throw OutputError("cannot write to standard output");
            return;
        }
        write_file_atomically(target_, bytes, force_);
        written_.push_back(target_);
        return;
    }
    fs::path p = prepare(relative_path);
    write_file_atomically(p, bytes, force_, /*durable=*/false, /*folder_exists=*/true);
    written_.push_back(p);
}

fs::path FileSink::prepare(const std::string& relative_path) {
    fs::path p = resolve(relative_path);
    fs::path dir = p.parent_path();
    if (!made_folders_.count(dir)) {
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec) throw OutputError("cannot create folder " + dir.string() + ": " + ec.message());
        made_folders_.insert(dir);
    }
    return p;
}

}  // namespace blogconv::cli
