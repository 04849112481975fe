// The guarded output writer: the one place where output touches the file system.
//
// A run writes below a root folder. The root is opened as the user typed it (its links are the
// user's own); every path below it is opened one component at a time from the root's descriptor
// with O_NOFOLLOW, so a link shipped inside a site or left in an old output folder
// (`_site/feed -> /elsewhere`, a Hugo folder's `content -> …`) is an error naming it, never a way
// out. A file is written under a staging name beside its destination and renamed into place; the
// rename never replaces anything unless --force, and never replaces what is not a regular file.
// Staging names carry the writer's pid, so that a later run can remove what a killed one left.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace blogconv::cli {

struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Installs SIGINT/SIGTERM handlers that remove the staging files being written, then exit 130/143.
void install_signal_cleanup();

// While several threads write, a signal is noted instead of acted on at once (the handler would
// remove files in flight while other threads went on making new ones). `end_deferring_signals`
// re-raises a noted signal, ending the process, once the writers have stopped.
void begin_deferring_signals();
void end_deferring_signals();
// True once a signal was noted: writers stop before their next file.
bool stop_requested();

// One output root and the folders opened below it. Relative paths use '/' and must not be
// absolute or hold "." or ".." segments (OutputError otherwise). Safe to use from several threads
// once the folders are made (folder() locks).
class OutputRoot {
public:
    // Opens `root` (following its links), creating it and its parents first when `create`.
    // Throws OutputError when it cannot; when !create and it does not exist, exists() is false.
    OutputRoot(std::filesystem::path root, bool create);
    ~OutputRoot();
    OutputRoot(const OutputRoot&) = delete;
    OutputRoot& operator=(const OutputRoot&) = delete;

    bool exists() const { return fd_ >= 0; }
    // root / rel, for messages.
    std::string display(const std::string& rel) const;

    // Throws OutputError when `rel` could not be written now: a link or a non-folder on the way, a
    // link or folder at the end, an existing file without `force`, a FIFO or device unless
    // `stream_ok`. Creates nothing.
    void check(const std::string& rel, bool force, bool stream_ok);
    // What is at `rel` now, links not followed (missing folders on the way: "missing").
    enum class Kind { missing, file, folder, link, stream, other };
    Kind kind(const std::string& rel);

    // Writes `parts` as the file `rel`, making its folders: staged, then renamed into place (see
    // commit). `durable` flushes the data to disk before the rename. A FIFO or character device
    // already at `rel` is written into directly when `stream_ok` (the user named it: it is a
    // stream, as `>` would treat it), refused otherwise; it is never renamed over.
    void write(const std::string& rel, const std::vector<std::string_view>& parts, bool force, bool durable,
               bool stream_ok);

    // A file written under a staging name in its destination's folder, not yet visible under its
    // own name. Commit or discard it (the destructor discards).
    class Staged {
    public:
        Staged() = default;
        Staged(Staged&&) noexcept;
        Staged& operator=(Staged&&) noexcept;
        ~Staged();

    private:
        friend class OutputRoot;
        int dir = -1;  // not owned: the OutputRoot's descriptor of the folder
        std::string temp, name, display;
        int slot = -1;  // its entry in the signal handler's table
    };
    Staged stage(const std::string& rel, const std::vector<std::string_view>& parts, bool durable);
    // Renames the staged file to its name. Without `force` the rename never replaces a file (also
    // one that appeared after check()): "already exists; pass --force". With `force` it replaces
    // a regular file only. On an error the staging file is removed.
    void commit(Staged& staged, bool force);

    // Descriptor of the folder `rel` ("" = the root), made when `create`; -1 when it does not
    // exist and !create. The first time a folder is opened for writing, staging left there by
    // runs that no longer exist is removed.
    int folder(const std::string& rel, bool create);

    // A folder built whole under a staging name in `rel`'s parent, then renamed to `rel` only if
    // nothing is there by then. Files go in with create_file (O_EXCL: never over anything).
    class StagedFolder {
    public:
        ~StagedFolder();
        // Makes the folders of `rel` (relative to the staged folder) and returns the descriptor.
        int folder(const std::string& rel);
        // Creates `name` in `dir` (from folder()) holding `bytes`.
        void create_file(int dir, const std::string& name, std::string_view bytes, const std::string& display);

    private:
        friend class OutputRoot;
        OutputRoot* root = nullptr;
        int parent = -1;  // not owned
        int fd = -1;      // the staged folder
        std::string temp, name, display;
        std::map<std::string, int> folders;
        bool committed = false;
    };
    std::unique_ptr<StagedFolder> stage_folder(const std::string& rel);
    void commit_folder(StagedFolder& staged);

private:
    void rename_into_place(Staged& staged, bool force);
    int open_below(int base, const std::string& rel, bool create, const std::string& shown_base) const;
    std::filesystem::path root_;
    std::string shown_root_;  // as given ("" for the current folder), for messages
    int fd_ = -1;
    mutable std::mutex mu_;
    std::map<std::string, int> folders_;  // relative folder -> descriptor
    std::set<std::string> cleaned_;       // folders whose stale staging was removed
};

// The segments of a relative output path; OutputError for an absolute path, "." / ".." / empty
// segments or a NUL byte (what a writer must never produce, checked here for every path).
std::vector<std::string> path_segments(const std::string& rel);

// Splits "a/b/c.xml" into ("a/b", "c.xml"); ("", "c.xml") for a bare name.
std::pair<std::string, std::string> split_parent(const std::string& rel);

// Removes from the folder `dir` every staging entry (".NAME.blogconv-PID-N", file or folder) whose
// PID is not a running process; nothing else. Returns how many were removed.
int remove_stale_staging(int dir);

}  // namespace blogconv::cli
