#include "cli/output_root.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <thread>

namespace fs = std::filesystem;

namespace blogconv::cli {

namespace {

// The staging files being written, for the signal handler (async-signal-safe: fixed buffers and
// unlinkat on a folder descriptor that stays open while the file is staged). One slot per file in
// flight: a Hugo site is written on several threads at once.
constexpr int temp_slots = 64;
int g_temp_dir[temp_slots];
char g_temp_name[temp_slots][NAME_MAX + 1];
std::atomic<bool> g_temp_active[temp_slots];
std::atomic<bool> g_temp_taken[temp_slots];

std::atomic<int> g_defer_state{0};  // 0 = act at once, 1 = defer, 2 = a deferred signal is pending
std::atomic<int> g_deferred_signal{0};

[[noreturn]] void die_by(int sig) {
    for (int i = 0; i < temp_slots; ++i)
        if (g_temp_active[i].load()) ::unlinkat(g_temp_dir[i], g_temp_name[i], 0);
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

// A free slot (waits for one when every slot is busy); released by release_slot.
int take_slot() {
    for (;;) {
        for (int i = 0; i < temp_slots; ++i) {
            bool expected = false;
            if (g_temp_taken[i].compare_exchange_strong(expected, true)) return i;
        }
        std::this_thread::yield();
    }
}

void release_slot(int i) {
    if (i < 0) return;
    g_temp_active[i] = false;
    g_temp_taken[i] = false;
}

std::string errno_text(int e) { return std::strerror(e); }

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

}  // namespace

std::vector<std::string> path_segments(const std::string& rel) {
    std::vector<std::string> out;
    if (rel.empty()) return out;
    if (rel.front() == '/' || rel.find('\0') != std::string::npos)
        throw OutputError("refusing to write outside the output folder: " + rel);
    std::size_t start = 0;
    for (;;) {
        std::size_t slash = rel.find('/', start);
        std::string part = rel.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part.empty() || part == "." || part == "..")
            throw OutputError("refusing to write outside the output folder: " + rel);
        out.push_back(std::move(part));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return out;
}

namespace {

// The staging name for `name`: hidden, with our pid, so that remove_stale_staging can tell whose
// it is. Long names are cut (bytes, not characters: a name is bytes) to stay under NAME_MAX.
std::string staging_name(const std::string& name, unsigned long n) {
    std::string tail = ".blogconv-" + std::to_string(::getpid()) + "-" + std::to_string(n);
    std::string head = name.substr(0, std::min<std::size_t>(name.size(), NAME_MAX - 1 - tail.size()));
    return "." + head + tail;
}

// The pid in a staging name, or -1 when `name` is not one (".X.blogconv-DIGITS-DIGITS").
long staging_pid(const char* name) {
    std::string_view s(name);
    const std::string_view mark = ".blogconv-";
    std::size_t at = s.rfind(mark);
    if (s.size() < 2 || s[0] != '.' || at == std::string_view::npos || at < 2) return -1;
    std::string_view rest = s.substr(at + mark.size());
    std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash > 9 || dash + 1 == rest.size()) return -1;
    long pid = 0;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (i == dash) continue;
        if (rest[i] < '0' || rest[i] > '9') return -1;
        if (i < dash) pid = pid * 10 + (rest[i] - '0');
    }
    return pid;
}

bool process_alive(long pid) {
    if (pid <= 0) return true;  // not a single process: never assume it is gone
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
}

// Removes the folder `name` in `dir` and everything in it, following no link (a link inside is
// removed as a link). Our staging folders are a few levels deep; past 256 the rest is left (one
// descriptor is open per level).
void remove_tree(int dir, const char* name, int depth) {
    if (depth > 256) return;
    int fd = ::openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return;
    DIR* d = ::fdopendir(fd);
    if (!d) {
        ::close(fd);
        return;
    }
    std::vector<std::string> folders;
    while (dirent* e = ::readdir(d)) {
        if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
        if (::unlinkat(fd, e->d_name, 0) != 0 && (errno == EISDIR || errno == EPERM)) folders.push_back(e->d_name);
    }
    for (const auto& f : folders) remove_tree(fd, f.c_str(), depth + 1);
    ::closedir(d);
    ::unlinkat(dir, name, AT_REMOVEDIR);
}

// What `name` in `dir` is, links not followed.
OutputRoot::Kind kind_at(int dir, const std::string& name) {
    struct stat st {};
    if (::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT) return OutputRoot::Kind::missing;
        throw OutputError("cannot read " + name + ": " + errno_text(errno));
    }
    if (S_ISREG(st.st_mode)) return OutputRoot::Kind::file;
    if (S_ISDIR(st.st_mode)) return OutputRoot::Kind::folder;
    if (S_ISLNK(st.st_mode)) return OutputRoot::Kind::link;
    if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) return OutputRoot::Kind::stream;
    return OutputRoot::Kind::other;
}

std::string link_refusal(const std::string& shown) {
    return shown + " is a symbolic link; blogconv never writes through a link below the output root. Remove it, or "
                   "name its target with -o";
}

}  // namespace

void install_signal_cleanup() {
    ::signal(SIGINT, on_signal);
    ::signal(SIGTERM, on_signal);
    // Past a file size limit (`ulimit -f`) the kernel would kill us mid-write and leave the
    // staging file; ignored, write() fails with EFBIG and the usual cleanup runs.
    ::signal(SIGXFSZ, SIG_IGN);
}

void begin_deferring_signals() { g_defer_state = 1; }
void end_deferring_signals() {
    if (g_defer_state.exchange(0) == 2) die_by(g_deferred_signal.load());
}
bool stop_requested() { return g_defer_state.load() == 2; }

std::pair<std::string, std::string> split_parent(const std::string& rel) {
    std::size_t slash = rel.rfind('/');
    if (slash == std::string::npos) return {"", rel};
    return {rel.substr(0, slash), rel.substr(slash + 1)};
}

int remove_stale_staging(int dir) {
    int fd = ::openat(dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return 0;
    DIR* d = ::fdopendir(fd);
    if (!d) {
        ::close(fd);
        return 0;
    }
    std::vector<std::string> stale;
    while (dirent* e = ::readdir(d)) {
        long pid = staging_pid(e->d_name);
        if (pid >= 0 && !process_alive(pid)) stale.push_back(e->d_name);
    }
    ::closedir(d);
    int removed = 0;
    for (const auto& name : stale) {
        if (::unlinkat(dir, name.c_str(), 0) == 0) {
            ++removed;
            continue;
        }
        if (errno == EISDIR || errno == EPERM) {
            remove_tree(dir, name.c_str(), 0);
            ++removed;
        }
    }
    return removed;
}

OutputRoot::OutputRoot(fs::path root, bool create) : root_(std::move(root)), shown_root_(root_.string()) {
    if (root_.empty()) root_ = ".";
    if (create) {
        std::error_code ec;
        fs::create_directories(root_, ec);
        if (ec) throw OutputError("cannot create folder " + root_.string() + ": " + ec.message());
    }
    fd_ = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0 && (create || errno != ENOENT))
        throw OutputError("cannot open folder " + root_.string() + ": " + errno_text(errno));
}

OutputRoot::~OutputRoot() {
    for (auto& [rel, fd] : folders_)
        if (fd != fd_) ::close(fd);
    if (fd_ >= 0) ::close(fd_);
}

std::string OutputRoot::display(const std::string& rel) const {
    return rel.empty() ? shown_root_ : shown_root_.empty() ? rel : (fs::path(shown_root_) / rel).string();
}

// Opens the folder `rel` below `base`, one segment at a time, never following a link; makes the
// missing ones when `create`. -1 when one is missing and !create.
int OutputRoot::open_below(int base, const std::string& rel, bool create, const std::string& shown_base) const {
    int fd = ::dup(base);
    if (fd < 0) throw OutputError("cannot open folder " + shown_base + ": " + errno_text(errno));
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    std::string shown = shown_base;
    for (const auto& part : path_segments(rel)) {
        shown = (fs::path(shown) / part).string();
        int next = ::openat(fd, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && errno == ENOENT && create) {
            if (::mkdirat(fd, part.c_str(), 0777) != 0 && errno != EEXIST) {
                int e = errno;
                ::close(fd);
                throw OutputError("cannot create folder " + shown + ": " + errno_text(e));
            }
            next = ::openat(fd, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (next < 0) {
            int e = errno;
            Kind k = e == ENOENT ? Kind::missing : kind_at(fd, part);
            ::close(fd);
            if (k == Kind::missing && !create) return -1;
            if (k == Kind::link) throw OutputError(link_refusal(shown));
            if (k != Kind::folder && k != Kind::missing)
                throw OutputError(shown + " is not a folder; remove it or name another output");
            throw OutputError("cannot open folder " + shown + ": " + errno_text(e));
        }
        ::close(fd);
        fd = next;
    }
    return fd;
}

int OutputRoot::folder(const std::string& rel, bool create) {
    std::lock_guard lock(mu_);
    int fd = -1;
    if (auto it = folders_.find(rel); it != folders_.end()) {
        fd = it->second;
    } else {
        if (fd_ < 0) {
            if (!create) return -1;
            throw OutputError("cannot open folder " + shown_root_);
        }
        fd = rel.empty() ? fd_ : open_below(fd_, rel, create, shown_root_);
        if (fd < 0) return -1;
        folders_[rel] = fd;
    }
    // Cleaned once, when first written into (a folder only checked is left as it is).
    if (create && cleaned_.insert(rel).second) remove_stale_staging(fd);
    return fd;
}

OutputRoot::Kind OutputRoot::kind(const std::string& rel) {
    if (path_segments(rel).empty()) return fd_ < 0 ? Kind::missing : Kind::folder;
    auto [parent, name] = split_parent(rel);
    const int dir = folder(parent, false);
    return dir < 0 ? Kind::missing : kind_at(dir, name);
}

void OutputRoot::check(const std::string& rel, bool force, bool stream_ok) {
    const std::string shown = display(rel);
    switch (kind(rel)) {
        case Kind::missing: return;
        case Kind::file:
            if (force) return;
            throw OutputError(shown + " already exists; pass --force to replace it (nothing was written)");
        case Kind::folder: throw OutputError(shown + " is a folder; name a file with -o, or remove the folder");
        case Kind::link: throw OutputError(link_refusal(shown));
        case Kind::stream:
            if (stream_ok) return;
            [[fallthrough]];
        case Kind::other:
            throw OutputError(shown + " is not a regular file (a FIFO, device or socket); it is neither replaced nor "
                                      "written into");
    }
}

OutputRoot::Staged::Staged(Staged&& o) noexcept { *this = std::move(o); }

OutputRoot::Staged& OutputRoot::Staged::operator=(Staged&& o) noexcept {
    std::swap(dir, o.dir);
    std::swap(temp, o.temp);
    std::swap(name, o.name);
    std::swap(display, o.display);
    std::swap(slot, o.slot);
    return *this;
}

OutputRoot::Staged::~Staged() {
    if (slot >= 0) {
        ::unlinkat(dir, temp.c_str(), 0);
        release_slot(slot);
    }
}

OutputRoot::Staged OutputRoot::stage(const std::string& rel, const std::vector<std::string_view>& parts,
                                     bool durable) {
    auto [parent, name] = split_parent(rel);
    path_segments(rel);
    const int dir = folder(parent, true);
    Staged s;
    s.dir = dir;
    s.name = name;
    s.display = display(rel);
    if (stop_requested()) throw OutputError("interrupted");
    // The staging name is announced to the signal handler before it is created: a signal handled
    // on any thread, at any moment, then finds it (unlinking a name not yet made is harmless; the
    // handler ends the process). O_EXCL never opens an existing file; mode 0666 takes the umask.
    static std::atomic<unsigned long> counter{0};
    s.slot = take_slot();
    g_temp_dir[s.slot] = dir;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        s.temp = staging_name(name, counter++);
        std::memcpy(g_temp_name[s.slot], s.temp.c_str(), s.temp.size() + 1);
        g_temp_active[s.slot] = true;
        fd = ::openat(dir, s.temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd < 0) {
            int e = errno;
            g_temp_active[s.slot] = false;  // the name may be another file's: not ours to remove
            if (e != EEXIST) {
                release_slot(s.slot);
                s.slot = -1;
                throw OutputError("cannot create a staging file for " + s.display + ": " + errno_text(e));
            }
        }
    }
    if (fd < 0) {
        release_slot(s.slot);
        s.slot = -1;
        throw OutputError("cannot create a staging file for " + s.display);
    }
    auto fail = [&](const char* what) {
        int e = errno;
        ::close(fd);
        throw OutputError(std::string(what) + " " + s.display + ": " + errno_text(e));  // ~Staged removes it
    };
    if (stop_requested()) {
        errno = EINTR;
        fail("interrupted before writing");
    }
    for (std::string_view bytes : parts)
        if (!write_fully(fd, bytes)) fail("cannot write");
    if (durable && ::fsync(fd) != 0 && errno != EINVAL) fail("cannot flush");
    if (::close(fd) != 0) throw OutputError("cannot write " + s.display + ": " + errno_text(errno));
    return s;
}

void OutputRoot::commit(Staged& s, bool force) {
    try {
        rename_into_place(s, force);
    } catch (...) {
        Staged discarded = std::move(s);  // its destructor removes the staging file
        throw;
    }
    // After the rename the handler may still unlink the staging name: nothing is there any more.
    release_slot(s.slot);
    s.slot = -1;
}

void OutputRoot::rename_into_place(Staged& s, bool force) {
    const char* temp = s.temp.c_str();
    const char* name = s.name.c_str();
    auto exists = [&] { return OutputError(s.display + " already exists; pass --force to replace it"); };
    if (force) {
        // Only a regular file (or nothing) is replaced: never a FIFO, device, link or folder.
        Kind k = kind_at(s.dir, s.name);
        if (k != Kind::missing && k != Kind::file)
            throw OutputError(s.display + " is not a regular file; it is not replaced");
        if (::renameat(s.dir, temp, s.dir, name) != 0)
            throw OutputError("cannot rename into " + s.display + ": " + errno_text(errno));
    } else if (::renameat2(s.dir, temp, s.dir, name, RENAME_NOREPLACE) != 0) {
        if (errno == EEXIST) throw exists();
        if (errno != EINVAL && errno != ENOSYS)
            throw OutputError("cannot rename into " + s.display + ": " + errno_text(errno));
        // A file system without RENAME_NOREPLACE: a hard link never replaces either. Where links
        // are not supported too (FAT), the check just before a plain rename is all that is left.
        if (::linkat(s.dir, temp, s.dir, name, 0) == 0) {
            ::unlinkat(s.dir, temp, 0);
        } else {
            if (errno == EEXIST) throw exists();
            if (kind_at(s.dir, s.name) != Kind::missing) throw exists();
            if (::renameat(s.dir, temp, s.dir, name) != 0)
                throw OutputError("cannot rename into " + s.display + ": " + errno_text(errno));
        }
    }
}

void OutputRoot::write(const std::string& rel, const std::vector<std::string_view>& parts, bool force, bool durable,
                       bool stream_ok) {
    auto [parent, name] = split_parent(rel);
    path_segments(rel);
    const int dir = folder(parent, true);
    const std::string shown = display(rel);
    Kind k = kind_at(dir, name);
    if (k == Kind::stream && stream_ok) {
        // A FIFO or terminal the user named: written into as a shell's `>` would, nothing replaced.
        // O_NOFOLLOW and the check after opening: what we open is still that stream.
        int fd = ::openat(dir, name.c_str(), O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) throw OutputError("cannot open " + shown + ": " + errno_text(errno));
        struct stat st {};
        if (::fstat(fd, &st) != 0 || !(S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))) {
            ::close(fd);
            throw OutputError(shown + " changed while blogconv was opening it; nothing was written");
        }
        for (std::string_view bytes : parts) {
            if (!write_fully(fd, bytes)) {
                int e = errno;
                ::close(fd);
                throw OutputError("cannot write " + shown + ": " + errno_text(e));
            }
        }
        if (::close(fd) != 0) throw OutputError("cannot write " + shown + ": " + errno_text(errno));
        return;
    }
    if (k != Kind::missing) check(rel, force, false);
    Staged s = stage(rel, parts, durable);
    commit(s, force);
}

OutputRoot::StagedFolder::~StagedFolder() {
    for (auto& [rel, fd] : folders)
        if (fd != this->fd) ::close(fd);
    if (fd >= 0) ::close(fd);
    if (!committed && parent >= 0 && !temp.empty()) remove_tree(parent, temp.c_str(), 0);
}

int OutputRoot::StagedFolder::folder(const std::string& rel) {
    if (auto it = folders.find(rel); it != folders.end()) return it->second;
    int f = rel.empty() ? fd : root->open_below(fd, rel, true, display);
    folders[rel] = f;
    return f;
}

void OutputRoot::StagedFolder::create_file(int dir, const std::string& name, std::string_view bytes,
                                           const std::string& shown) {
    int f = ::openat(dir, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (f < 0) throw OutputError("cannot create " + shown + ": " + errno_text(errno));
    if (!write_fully(f, bytes)) {
        int e = errno;
        ::close(f);
        throw OutputError("cannot write " + shown + ": " + errno_text(e));
    }
    if (::close(f) != 0) throw OutputError("cannot write " + shown + ": " + errno_text(errno));
}

std::unique_ptr<OutputRoot::StagedFolder> OutputRoot::stage_folder(const std::string& rel) {
    auto [parent, name] = split_parent(rel);
    path_segments(rel);
    auto s = std::make_unique<StagedFolder>();
    s->root = this;
    s->parent = folder(parent, true);
    s->name = name;
    s->display = display(rel);
    static std::atomic<unsigned long> counter{0};
    for (int attempt = 0; attempt < 100 && s->temp.empty(); ++attempt) {
        std::string candidate = staging_name(name, counter++);
        if (::mkdirat(s->parent, candidate.c_str(), 0777) == 0) s->temp = candidate;
        else if (errno != EEXIST) break;
    }
    if (s->temp.empty())
        throw OutputError("cannot create a staging folder for " + s->display + ": " + errno_text(errno));
    s->fd = ::openat(s->parent, s->temp.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (s->fd < 0) throw OutputError("cannot open the staging folder for " + s->display + ": " + errno_text(errno));
    return s;
}

void OutputRoot::commit_folder(StagedFolder& s) {
    // RENAME_NOREPLACE: should the folder have appeared meanwhile, it is left alone. A file
    // system without the flag gets a plain rename, which refuses a non-empty folder and a file.
    if (::renameat2(s.parent, s.temp.c_str(), s.parent, s.name.c_str(), RENAME_NOREPLACE) != 0) {
        int e = errno;
        if (e == EINVAL || e == ENOSYS) {
            if (kind_at(s.parent, s.name) != Kind::missing) e = EEXIST;
            else if (::renameat(s.parent, s.temp.c_str(), s.parent, s.name.c_str()) != 0) e = errno;
            else e = 0;
        }
        if (e != 0)
            throw OutputError(e == EEXIST || e == ENOTEMPTY
                                  ? s.display + " appeared while blogconv was writing it; it was left as it is"
                                  : "cannot rename the staging folder to " + s.display + ": " + errno_text(e));
    }
    s.committed = true;
}

}  // namespace blogconv::cli
