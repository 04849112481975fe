// File names of the Hugo output that every file system can hold. A Jekyll site made on Linux may
// name a post `a:b.md`, `what?.md`, `CON.md`, `notes.` or both `Same.md` and `same.md`; macOS
// (case-insensitive) and Windows (which also refuses `< > : " \ | ? *`, control characters, a
// trailing dot or space, and the device names CON, PRN, AUX, NUL, COM1-9, LPT1-9) cannot hold
// such a tree, so a clone or an unzip there breaks. Every content file name the writer chooses
// goes through PortableNames; the URLs stay as they were (the writer writes `url` whenever the
// file name no longer gives it) and MIGRATION.md lists each renamed file.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace blogconv::writers::hugo {

// One path component made portable: each forbidden or control character becomes `-`, a trailing
// dot or space goes, a device name (compared case-insensitively, before any `.`) gets a `-`
// appended, and a name longer than 200 bytes is cut at a UTF-8 boundary. "" becomes "_".
// A portable name is returned unchanged.
std::string portable_component(std::string_view name);

// Each component of a `/`-separated relative path made portable.
std::string portable_path(std::string_view path);

// The names already taken in the output, compared as macOS and Windows compare them (ASCII case
// folded), so that two names differing only in case never land in one folder.
class PortableNames {
public:
    // Whether `path` (relative, `/`-separated) is taken, ignoring case.
    bool taken(const std::string& path) const;
    // Marks `path` as taken.
    void take(const std::string& path);

private:
    std::set<std::string> folded_;
};

}  // namespace blogconv::writers::hugo
