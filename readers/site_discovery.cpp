#include "readers/site_discovery.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>

#include "readers/data_files.h"
#include "readers/front_matter.h"
#include "readers/reader_diagnostic.h"
#include "readers/plugins/optional_front_matter.h"
#include "readers/site_paths.h"

namespace blogconv::readers {

namespace {

namespace fs = std::filesystem;

// Files under `dir`, recursively, as '/'-separated paths relative to it, sorted; hidden
// folders are not entered (Ruby's Dir["**/*"] does not match dot files).
std::vector<std::string> list_files(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        if (p.filename().string().starts_with(".")) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        // The entry's own name, not its target's (fs::relative would follow a symlink, and a
        // link out of the site would vanish silently instead of being reported).
        // FIFOs, devices and dangling links are listed too: the guarded reader refuses them with a
        // diagnostic, where skipping them here would be silent.
        if (!it->is_directory(ec)) out.push_back(p.lexically_relative(dir).generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// A folder symlink that points outside the site, or at a folder that holds it (a loop), is not
// entered.
bool refuse_folder_link(const SiteFolder& folder, const fs::directory_entry& e) {
    std::error_code ec;
    if (!e.is_symlink(ec)) return false;
    if (!folder.inside(e.path())) return true;
    fs::path target = fs::weakly_canonical(e.path(), ec);
    fs::path here = fs::weakly_canonical(e.path().parent_path(), ec);
    auto up = here.lexically_relative(target);
    return ec || up.empty() || *up.begin() != "..";  // `here` is `target` or below it
}

// Folders already read, by device and inode. Links between folders of the site are followed
// (those leaving it are not), so two links to the same folder at each of 39 levels would
// otherwise make 2^39 paths to read: each folder is read once, by the first path that reaches it.
class SeenFolders {
public:
    // Whether `dir` is new (and now seen); false for one read before, or that cannot be stat'ed.
    bool first_visit(const fs::path& dir) {
        struct stat st {};
        if (::stat(dir.c_str(), &st) != 0) return false;
        return seen_.emplace(static_cast<std::uintmax_t>(st.st_dev), static_cast<std::uintmax_t>(st.st_ino)).second;
    }

private:
    std::set<std::pair<std::uintmax_t, std::uintmax_t>> seen_;
};

// What one walk for posts carries down the folders.
struct PostWalk {
    const SiteFolder& folder;
    const SiteConfig& config;
    bool drafts = false;
    fs::path base;         // collections_dir on disk
    std::string base_rel;  // collections_dir relative to the root ("" for the root)
    std::vector<Candidate>& out;
    SeenFolders seen;
};

// `_posts` (and `_drafts`) in `dir_rel` and, recursively, in every folder below it that is not
// filtered out, so `category/_posts/` is found too.
void find_posts(PostWalk& walk, const std::string& dir_rel) {
    fs::path dir = dir_rel.empty() ? walk.base : walk.base / dir_rel;
    if (!walk.seen.first_visit(dir)) return;
    auto add_folder = [&](const std::string& magic, bool draft) {
        for (const auto& entry : list_files(dir / magic)) {
            if (filtered_entry(entry)) continue;
            Candidate c;
            c.file = dir / magic / entry;
            c.source.relative_path = join_rel(join_rel(dir_rel, magic), entry);
            c.source.source_path = join_rel(walk.base_rel, c.source.relative_path);
            c.source.display = display_join(walk.folder.display_root(), c.source.source_path);
            c.source.collection = "posts";
            c.source.draft = draft;
            c.source.require_dated_name = !draft;
            walk.out.push_back(std::move(c));
        }
    };
    add_folder("_posts", false);
    if (walk.drafts) add_folder("_drafts", true);
    std::error_code ec;
    std::vector<std::string> subdirs;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string name = e.path().filename().string();
        if (!e.is_directory(ec) || filtered_entry(name) || refuse_folder_link(walk.folder, e)) continue;
        std::string rel = join_rel(dir_rel, name);
        if (excluded(walk.config.exclude, join_rel(walk.base_rel, rel))) continue;
        subdirs.push_back(rel);
    }
    std::sort(subdirs.begin(), subdirs.end());
    for (const auto& s : subdirs) find_posts(walk, s);
}

// Each file of a `_data/` folder, recursively (SiteFolder::read_data).
ir::Value read_data_folder(const SiteFolder& folder, const fs::path& dir, const std::string& display,
                           const Limits& limits, std::vector<ir::Diagnostic>& diags, SeenFolders& seen) {
    ir::Value out = ir::Object{};
    std::error_code ec;
    if (!fs::is_directory(dir, ec) || !seen.first_visit(dir)) return out;
    std::vector<fs::directory_entry> entries;
    for (const auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const auto& e : entries) {
        std::string name = e.path().filename().string();
        if (name.starts_with(".")) continue;
        std::string shown = display_join(display, name);
        if (e.is_directory(ec)) {
            if (refuse_folder_link(folder, e)) {
                diags.push_back(make_diagnostic(ir::DiagnosticCode::folder_link_outside, shown, 0, 0,
                                                "is a link to a folder outside the site (or a loop); not read", {},
                                                ir::Severity::warning));
            } else {
                out.set(name, read_data_folder(folder, e.path(), shown, limits, diags, seen));
            }
            continue;
        }
        std::string key = e.path().stem().string();
        ir::GuardedReader::File file = folder.files().read(path_in_root(e.path(), folder.root()), limits.max_file_size);
        if (!file.ok()) {
            diags.push_back(make_diagnostic(ir::DiagnosticCode::data_file_unreadable, shown, 0, 0,
                                            file.error + " (site.data." + key + " left empty)", {},
                                            ir::Severity::warning));
            continue;
        }
        std::string ext = ascii_lower(e.path().extension().string());
        if (auto value = parse_data_file(file.text, ext, shown, key, limits, diags)) out.set(key, std::move(*value));
    }
    return out;
}

bool is_site_root(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p / "_config.yml", ec) || fs::is_directory(p / "_posts", ec);
}

// The site's _config.yml, read through the guarded reader like every other file of the site (a
// `_config.yml` that links to /proc/self/environ is refused, not parsed into `site`).
SiteConfig load_config(const fs::path& root, const std::string& display_root, const Limits& limits,
                       std::vector<ir::Diagnostic>& diags) {
    ir::GuardedReader files(root);
    std::string shown = display_join(display_root, "_config.yml");
    ir::GuardedReader::File f = files.read("_config.yml", limits.max_file_size);
    if (f.status == ir::ReadStatus::missing) return default_site_config();
    if (!f.ok()) {
        diags.push_back(make_diagnostic(ir::DiagnosticCode::config_unreadable, shown, 0, 0, f.error + "; the defaults are used"));
        return default_site_config();
    }
    if (!check_file_text(f.text, shown, limits, diags)) return default_site_config();
    return load_site_config(f.text, shown, limits.max_yaml_nodes, diags);
}

// Every document file of a plain folder of posts is a post.
std::vector<Candidate> posts_of_plain_folder(const fs::path& dir, const std::string& shown) {
    std::vector<Candidate> out;
    for (const auto& entry : list_files(dir)) {
        if (filtered_entry(entry) || !has_document_extension(dir / entry)) continue;
        Candidate c;
        c.file = dir / entry;
        c.source.source_path = entry;
        c.source.relative_path = "_posts/" + entry;
        c.source.display = display_join(shown, entry);
        c.source.collection = "posts";
        out.push_back(std::move(c));
    }
    return out;
}

bool is_posts_folder(const fs::path& dir) {
    fs::path normal = dir.lexically_normal();
    return normal.filename() == "_posts" || (normal.filename().empty() && normal.parent_path().filename() == "_posts");
}

}  // namespace

SiteInput locate_site(const std::vector<std::string>& sources, const Limits& limits,
                      std::vector<ir::Diagnostic>& diagnostics) {
    SiteInput site;
    std::error_code ec;
    if (sources.size() == 1 && fs::is_directory(sources[0], ec)) {
        fs::path dir = sources[0];
        std::string shown = sources[0];
        while (shown.size() > 1 && shown.back() == '/') shown.pop_back();
        if (is_site_root(dir)) {
            site.root = dir;
            site.display_root = shown;
            site.config = load_config(dir, shown, limits, diagnostics);
        } else if (is_posts_folder(dir)) {
            // A site's `_posts` folder: read the site it belongs to, posts only.
            fs::path parent = dir.lexically_normal();
            if (parent.filename().empty()) parent = parent.parent_path();
            parent = parent.parent_path();
            site.root = parent.empty() ? fs::path(".") : parent;
            site.display_root = parent.generic_string();
            site.config = load_config(site.root, site.display_root, limits, diagnostics);
            site.posts_only = true;
        } else {
            site.root = dir;
            site.display_root = shown;
            site.config = default_site_config();
            site.named = posts_of_plain_folder(dir, shown);
        }
        return site;
    }
    // Single files. A file in a site's `_posts` takes that site's configuration.
    for (const auto& s : sources) {
        fs::path p = fs::path(s).lexically_normal();
        if (!fs::is_regular_file(p, ec)) {
            diagnostics.push_back(make_diagnostic(ir::DiagnosticCode::no_such_source, s, 0, 0, "no such file or folder"));
            continue;
        }
        if (site.config.raw.is_null() && p.parent_path().filename() == "_posts") {
            fs::path root = p.parent_path().parent_path();
            if (root.empty()) root = ".";
            site.config = load_config(root, root.generic_string(), limits, diagnostics);
        }
        Candidate c;
        c.file = p;
        c.source.source_path = fs::path(s).generic_string();
        c.source.relative_path = "_posts/" + p.filename().string();
        c.source.display = s;
        c.source.collection = "posts";
        site.named.push_back(std::move(c));
    }
    if (site.config.raw.is_null()) site.config = default_site_config();
    return site;
}

SiteFolder::SiteFolder(std::filesystem::path root, std::string display_root)
    : root_(std::move(root)), display_root_(std::move(display_root)), files_(root_) {
    // Resolving the root is a readlink per path component: done once for the site, not once for
    // each file asked about.
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(root_, ec);
    if (!ec) canonical_root_ = std::move(canonical);
}

std::optional<std::filesystem::path> SiteFolder::inside(const std::filesystem::path& path) const {
    std::error_code ec;
    fs::path target = fs::weakly_canonical(path, ec);
    if (ec || !canonical_root_) return std::nullopt;
    fs::path rel = target.lexically_relative(*canonical_root_);
    if (rel.empty() || *rel.begin() == "..") return std::nullopt;
    return rel;
}

std::vector<Candidate> SiteFolder::find_documents(const SiteConfig& config, bool drafts, bool collections) const {
    std::vector<Candidate> out;
    // collections_dir holds _posts and the collections; when that folder does not exist the
    // site keeps them at its root (the corpus' text-theme), so look there.
    PostWalk walk{*this, config, drafts, root_, "", out, {}};
    std::string cdir = config.collections_dir;
    while (!cdir.empty() && cdir.back() == '/') cdir.pop_back();
    while (!cdir.empty() && cdir.front() == '/') cdir.erase(0, 1);
    std::error_code ec;
    if (!cdir.empty() && fs::is_directory(root_ / cdir, ec)) {
        walk.base = root_ / cdir;
        walk.base_rel = cdir;
    }
    find_posts(walk, "");
    if (collections) {
        for (const auto& col : config.collections) {
            if (col.label == "posts") continue;
            std::string folder = "_" + col.label;
            for (const auto& entry : list_files(walk.base / folder)) {
                if (filtered_entry(entry)) continue;
                Candidate c;
                c.file = walk.base / folder / entry;
                c.source.relative_path = folder + "/" + entry;
                c.source.source_path = join_rel(walk.base_rel, c.source.relative_path);
                c.source.display = display_join(display_root_, c.source.source_path);
                c.source.collection = col.label;
                c.source.require_yaml_header = true;
                out.push_back(std::move(c));
            }
        }
    }
    std::erase_if(out, [](const Candidate& c) { return !has_document_extension(c.file); });
    return out;
}

void SiteFolder::find_pages_and_static(const SiteConfig& config, const Limits& limits, std::vector<Candidate>& pages,
                                       std::vector<ir::StaticFile>& statics,
                                       std::vector<ir::Diagnostic>& diagnostics) const {
    for (const auto& rel : list_files(root_)) {
        if (filtered_path(rel) || excluded(config.exclude, rel) || default_excluded(rel)) continue;
        fs::path file = root_ / rel;
        std::error_code ec;
        // Only links that stay inside the site are followed (Jekyll's safe mode refuses all).
        if (fs::is_symlink(fs::symlink_status(file, ec)) && !inside(file)) continue;
        bool has_header = false;
        {
            ir::GuardedReader::File head = files_.read(rel, limits.max_file_size, 64);
            if (!head.ok()) {
                // A FIFO or device among the site's files: said, never opened for reading.
                diagnostics.push_back(make_diagnostic(unreadable_file_code(head.status), display_join(display_root_, rel), 0, 0,
                                                      head.error + "; skipped",
                                                      {}, ir::Severity::warning));
                continue;
            }
            has_header = has_yaml_header(strip_bom(head.text));
            if (!has_header) {
                HeaderlessFile plugin = headerless_file(config, rel);  // jekyll-optional-front-matter
                if (plugin.keep_static) statics.push_back({rel, false});
                if (!plugin.page) continue;
            }
        }
        if (!has_document_extension(file)) {
            statics.push_back({rel, true});  // Liquid-processed (feed.xml, style.scss): reported, not copied
            continue;
        }
        Candidate c;
        c.file = file;
        c.source.relative_path = rel;
        c.source.source_path = rel;
        c.source.display = display_join(display_root_, rel);
        c.source.collection = "";
        c.source.require_yaml_header = has_header;
        pages.push_back(std::move(c));
    }
}

ir::Value SiteFolder::read_data(const Limits& limits, std::vector<ir::Diagnostic>& diagnostics) const {
    SeenFolders seen;
    return read_data_folder(*this, root_ / "_data", display_join(display_root_, "_data"), limits, diagnostics, seen);
}

void exclude_output_paths(const SiteFolder& folder, const std::vector<std::string>& skip_paths, SiteConfig& config,
                          std::vector<Candidate>& named) {
    for (const auto& skip : skip_paths) {
        if (folder.root().empty() || skip.empty() || skip == "-") continue;
        auto rel = folder.inside(skip);
        if (!rel || *rel == ".") continue;
        std::string r = rel->generic_string();
        config.exclude.push_back(r);
        std::erase_if(named, [&](const Candidate& c) {
            auto crel = folder.inside(c.file);
            return crel && (crel->generic_string() == r || crel->generic_string().starts_with(r + "/"));
        });
    }
}

}  // namespace blogconv::readers
