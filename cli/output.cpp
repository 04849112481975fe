#include "cli/output.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace fs = std::filesystem;

namespace blogconv::cli {

namespace {

// The temporary file being written, for the signal handler (async-signal-safe: a fixed buffer).
char g_temp_path[4096];
std::atomic<bool> g_temp_active{false};

void on_signal(int sig) {
    if (g_temp_active.load()) ::unlink(g_temp_path);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

// Holds SIGINT and SIGTERM back (they stay pending) for the life of the object.
class SignalBlock {
public:
    SignalBlock() {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set, &old_);
    }
    ~SignalBlock() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
    SignalBlock(const SignalBlock&) = delete;
    SignalBlock& operator=(const SignalBlock&) = delete;

private:
    sigset_t old_;
};

std::string errno_text() { return std::strerror(errno); }

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

    std::string tmpl = (dir / ("." + path.filename().string() + ".blogconv-XXXXXX")).string();
    if (tmpl.size() >= sizeof g_temp_path) throw OutputError("output path too long: " + path.string());
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    // The signal handler must know of the temporary file from the moment it exists. A pending
    // SIGINT is delivered as mkstemp's open() returns, so without the mask it would find no name
    // yet and leave the file behind (seen in robustness_test).
    int fd = -1;
    {
        SignalBlock block;
        fd = ::mkstemp(buf.data());
        if (fd >= 0) {
            std::memcpy(g_temp_path, buf.data(), buf.size());
            g_temp_active = true;
        }
    }
    if (fd < 0) throw OutputError("cannot create a temporary file in " + dir.string() + ": " + errno_text());
    auto fail = [&](const std::string& what) {
        int saved = errno;
        ::close(fd);
        ::unlink(buf.data());
        g_temp_active = false;
        errno = saved;
        throw OutputError(what + " " + path.string() + ": " + errno_text());
    };
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write");
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (durable && ::fsync(fd) != 0 && errno != EINVAL) fail("cannot flush");
    // Files are created 0600 by mkstemp; give them the usual permissions (the umask, read once).
    static const mode_t mask = [] {
        mode_t m = ::umask(0);
        ::umask(m);
        return m;
    }();
    ::fchmod(fd, 0666 & ~mask);
    if (::close(fd) != 0) {
        ::unlink(buf.data());
        g_temp_active = false;
        throw OutputError("cannot write " + path.string() + ": " + errno_text());
    }
    SignalBlock block;  // the rename and forgetting the name are one step for the handler
    if (::rename(buf.data(), path.c_str()) != 0) {
        int saved = errno;
        ::unlink(buf.data());
        g_temp_active = false;
        errno = saved;
        throw OutputError("cannot rename into " + path.string() + ": " + errno_text());
    }
    g_temp_active = false;
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
    if (!safe_relative(relative_path))
        throw OutputError("refusing to write outside the output folder: " + relative_path);
    fs::path p = folder_ ? target_ / relative_path : target_.parent_path() / relative_path;
    fs::path dir = p.parent_path();
    bool made = made_folders_.count(dir) > 0;
    write_file_atomically(p, bytes, force_, /*durable=*/false, made);
    if (!made) made_folders_.insert(dir);
    written_.push_back(p);
}

}  // namespace blogconv::cli
