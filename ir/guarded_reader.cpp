#include "ir/guarded_reader.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>

namespace fs = std::filesystem;

namespace blogconv::ir {

namespace {

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever; the file
// type is checked on the descriptor right after, and a FIFO is refused. O_NOCTTY: a terminal
// device named like a post must not become our controlling terminal.
constexpr int kOpenFlags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;

// openat2(2) (Linux 5.6) resolves the whole path in the kernel under RESOLVE_BENEATH: `..` or a
// link (in any component) that leads out of the root fails with EXDEV, with no window between
// a check and the open. Where it is missing (an old kernel, or a seccomp filter that answers
// ENOSYS/EPERM) every read takes the portable route below.
std::atomic<bool> openat2_missing{false};

int open_beneath(int dirfd, const char* path, std::uint64_t resolve) {
    if (!openat2_missing.load(std::memory_order_relaxed)) {
        open_how how{};
        how.flags = static_cast<std::uint64_t>(kOpenFlags);
        how.resolve = resolve | RESOLVE_NO_MAGICLINKS;
        long fd = ::syscall(SYS_openat2, dirfd, path, &how, sizeof how);
        if (fd >= 0 || (errno != ENOSYS && errno != EPERM)) return static_cast<int>(fd);
        openat2_missing.store(true, std::memory_order_relaxed);
    }
    errno = ENOSYS;
    return -1;
}

ReadStatus errno_status(int err) {
    switch (err) {
        case ENOENT:
        case ENOTDIR: return ReadStatus::missing;
        case EXDEV: return ReadStatus::outside_root;
        default: return ReadStatus::unreadable;
    }
}

std::string errno_text(int err) {
    switch (err) {
        case ENOENT:
        case ENOTDIR: return "no such file";
        case EACCES:
        case EPERM: return "cannot read the file: permission denied";
        case ELOOP: return "a symbolic link loop; not followed";
        case EXDEV: return "leaves the site root: a symbolic link or '..' points outside the site; not read";
        default: return std::string("cannot read the file: ") + std::strerror(err);
    }
}

std::string file_kind(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

// Records why a read failed: the status callers branch on and the words users read.
void fail(GuardedReader::File& f, ReadStatus status, std::string error) {
    f.status = status;
    f.error = std::move(error);
}

void fail_errno(GuardedReader::File& f, int err) { fail(f, errno_status(err), errno_text(err)); }

}  // namespace

GuardedReader::GuardedReader(const fs::path& root) : root_(root) {
    if (root.empty()) return;
    std::error_code ec;
    canonical_root_ = fs::weakly_canonical(fs::absolute(root, ec), ec);
    root_fd_ = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root_fd_ < 0) root_error_ = "cannot open the site folder " + root.string() + ": " + std::strerror(errno);
}

GuardedReader::~GuardedReader() {
    if (root_fd_ >= 0) ::close(root_fd_);
}

int GuardedReader::open(std::string_view path, File& failure) const {
    std::string p(path);
    if (p.empty() || p.find('\0') != std::string::npos) {
        fail(failure, ReadStatus::missing, "not a file name");
        return -1;
    }
    if (root_.empty()) {
        int fd = ::open(p.c_str(), kOpenFlags);
        if (fd < 0) fail_errno(failure, errno);
        return fd;
    }
    if (!root_error_.empty()) {
        fail(failure, ReadStatus::unreadable, root_error_);
        return -1;
    }
    if (p.front() == '/') {
        fail_errno(failure, EXDEV);
        return -1;
    }
    int fd = open_beneath(root_fd_, p.c_str(), RESOLVE_BENEATH);
    if (fd >= 0) return fd;
    if (errno != EXDEV && errno != ENOSYS) {
        fail_errno(failure, errno);
        return -1;
    }
    // Either openat2 is missing, or the path holds a link with an absolute target (which
    // RESOLVE_BENEATH refuses even when it points back into the site). Resolve every link in user
    // space, and open the resolved path only when it lies inside the root.
    std::error_code ec;
    fs::path target = fs::weakly_canonical(root_ / p, ec);
    if (ec) {
        fail_errno(failure, ENOENT);
        return -1;
    }
    fs::path rel = target.lexically_relative(canonical_root_);
    if (rel.empty() || *rel.begin() == "..") {
        fail_errno(failure, EXDEV);
        return -1;
    }
    // The resolved path has no links left: refuse any that appear now (a swap in between).
    fd = open_beneath(root_fd_, rel.c_str(), RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS);
    if (fd < 0 && errno == ENOSYS) fd = ::openat(root_fd_, rel.c_str(), kOpenFlags | O_NOFOLLOW);
    if (fd < 0) fail_errno(failure, errno == ELOOP ? EXDEV : errno);
    return fd;
}

GuardedReader::File GuardedReader::read(std::string_view path, std::size_t max_size, std::size_t head_only) const {
    File f;
    int fd = open(path, f);
    if (fd < 0) return f;
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        fail_errno(f, errno);
        ::close(fd);
        return f;
    }
    if (!S_ISREG(st.st_mode)) {
        fail(f, ReadStatus::not_regular_file, "is " + file_kind(st.st_mode) + ", not a regular file; not read");
        ::close(fd);
        return f;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    if (head_only == 0 && size > max_size) {
        ::close(fd);
        fail(f, ReadStatus::too_large,
             "file is larger than the limit of " + std::to_string(max_size) + " bytes (--max-file-size)");
        return f;
    }
    f.mtime = static_cast<std::int64_t>(st.st_mtime);
    // Read to the end, not to st_size: a file may grow while we read it. The cap still holds.
    const std::size_t cap = head_only ? head_only : max_size;
    f.text.resize(head_only ? head_only : size + 1);
    std::size_t got = 0;
    for (;;) {
        if (got == f.text.size()) {
            if (head_only || f.text.size() > cap) break;
            f.text.resize(std::min(f.text.size() * 2, cap == SIZE_MAX ? cap : cap + 1));
        }
        ssize_t n = ::read(fd, f.text.data() + got, f.text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            fail_errno(f, errno);
            f.text.clear();
            ::close(fd);
            return f;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    f.text.resize(got);
    if (!head_only && got > max_size) {
        f.text.clear();
        fail(f, ReadStatus::too_large,
             "file is larger than the limit of " + std::to_string(max_size) + " bytes (--max-file-size)");
    }
    return f;
}

}  // namespace blogconv::ir
