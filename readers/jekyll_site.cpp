#include "readers/jekyll_site.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8.h>

#include <algorithm>
#include <cctype>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "ir/guarded_reader.h"
#include "ir/parallel.h"
#include "readers/body_pipeline.h"
#include "readers/front_matter.h"
#include "readers/jekyll_dates.h"
#include "readers/link_index.h"
#include "readers/permalink.h"
#include "readers/site_config.h"
#include "readers/text_match.h"
#include "readers/yaml_value.h"

namespace blogconv::readers {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kDocumentExtensions = {".md", ".markdown", ".mkd", ".mkdn", ".mdown", ".html"};

// A file that may become a document, before it is read.
struct Candidate {
    fs::path file;              // to open
    std::string display;        // for diagnostics: the path as the user would type it
    std::string source_path;    // ir::Document::source_path
    std::string relative_path;  // Jekyll's relative_path (relative to collections_dir)
    std::string collection;     // "posts" or the collection's label
    bool draft = false;
    bool require_dated_name = false;  // _posts: only YYYY-MM-DD-slug files are documents
    bool require_yaml_header = false; // collections: files without front matter are static files
};

// What the site reader knows while reading documents.
struct SiteContext {
    SiteConfig config;
    SiteZone zone;
    ReaderOptions options;
    fs::path root;        // the site root on disk ("" for loose files)
    std::string display_root;
    // Every file of the site is read through this (ir/guarded_reader.h): nothing outside `root`.
    std::shared_ptr<const ir::GuardedReader> files;
};

// A document being read: the IR document plus what rendering needs.
struct DocState {
    bool keep = false;
    ir::Document doc;
    std::string relative_path;
    std::string body;
    int body_first_line = 1;
    bool render_liquid = true;
    std::string excerpt_separator = "\n\n";
    std::optional<std::string> explicit_excerpt;
    ir::Value page;
    std::vector<ir::Diagnostic> diagnostics;  // also those of a skipped document
};

std::string lower_ascii(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool has_document_extension(const fs::path& p) {
    std::string ext = lower_ascii(p.extension().string());
    return std::find(kDocumentExtensions.begin(), kDocumentExtensions.end(), ext) != kDocumentExtensions.end();
}

// Jekyll's EntryFilter#special? and #backup?: `.`, `_`, `#`, `~` at the start of the entry or
// its base name, or `~` at the end.
bool filtered_entry(const std::string& entry) {
    auto special = [](const std::string& s) { return !s.empty() && std::string_view("._#~").find(s[0]) != std::string_view::npos; };
    std::string base = entry.substr(entry.rfind('/') == std::string::npos ? 0 : entry.rfind('/') + 1);
    return special(entry) || special(base) || entry.ends_with("~") || entry.ends_with(".");
}

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

bool excluded(const SiteConfig& config, const std::string& rel) {
    for (const auto& pattern : config.exclude) {
        std::string p = pattern;
        while (!p.empty() && p.back() == '/') p.pop_back();
        if (p.empty()) continue;
        if (rel == p || rel.starts_with(p + "/")) return true;
    }
    return false;
}

std::string join_rel(const std::string& a, const std::string& b) { return a.empty() ? b : a + "/" + b; }

std::string display_join(const std::string& root, const std::string& rel) {
    if (root.empty() || root == ".") return rel;
    return root.back() == '/' ? root + rel : root + "/" + rel;
}

// Whether a URL path, percent-decoded, has a `..` segment.
bool leaves_root(const std::string& url) {
    std::string decoded;
    for (std::size_t i = 0; i < url.size(); ++i) {
        if (url[i] == '%' && i + 2 < url.size() && std::isxdigit(static_cast<unsigned char>(url[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(url[i + 2]))) {
            decoded += static_cast<char>(std::stoi(url.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            decoded += url[i];
        }
    }
    std::size_t start = 0;
    while (start <= decoded.size()) {
        std::size_t end = decoded.find_first_of("/\\", start);
        if (end == std::string::npos) end = decoded.size();
        if (decoded.compare(start, end - start, "..") == 0 && end - start == 2) return true;
        start = end + 1;
    }
    return false;
}

// Where `p` lies relative to `root` once links are resolved; empty when it is outside `root`.
// Symlinks are followed only when they stay inside the site: a link to /etc/passwd named like a
// post is refused, never read.
std::optional<fs::path> inside_root(const fs::path& p, const fs::path& root) {
    std::error_code ec;
    fs::path target = fs::weakly_canonical(p, ec);
    if (ec) return std::nullopt;
    // The root is the same for every file of a site: resolve it once per thread, not once per
    // file (each resolution is a readlink per path component; 140,000 of them for 10,000 posts).
    thread_local fs::path cached_root, cached_base;
    if (root != cached_root || cached_base.empty()) {
        cached_base = fs::weakly_canonical(root, ec);
        if (ec) {
            cached_base.clear();
            return std::nullopt;
        }
        cached_root = root;
    }
    const fs::path& base = cached_base;
    fs::path rel = target.lexically_relative(base);
    if (rel.empty() || *rel.begin() == "..") return std::nullopt;
    return rel;
}

// A folder symlink that points outside the site, or at a folder that holds it (a loop), is not
// entered.
bool refuse_folder_link(const fs::directory_entry& e, const fs::path& root) {
    std::error_code ec;
    if (!e.is_symlink(ec)) return false;
    auto rel = inside_root(e.path(), root);
    if (!rel) return true;
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

// Jekyll's Reader#read_directories: `_posts` (and `_drafts`) in every folder of the site that
// is not filtered out, so `category/_posts/` is found too.
void find_posts(const SiteContext& site, const fs::path& base, const std::string& base_rel, const std::string& dir_rel,
                std::vector<Candidate>& out, SeenFolders& seen) {
    fs::path dir = dir_rel.empty() ? base : base / dir_rel;
    if (!seen.first_visit(dir)) return;
    auto add_folder = [&](const std::string& magic, bool draft) {
        for (const auto& entry : list_files(dir / magic)) {
            if (filtered_entry(entry)) continue;
            Candidate c;
            c.relative_path = join_rel(join_rel(dir_rel, magic), entry);
            c.source_path = join_rel(base_rel, c.relative_path);
            c.file = dir / magic / entry;
            c.display = display_join(site.display_root, c.source_path);
            c.collection = "posts";
            c.draft = draft;
            c.require_dated_name = !draft;
            out.push_back(std::move(c));
        }
    };
    add_folder("_posts", false);
    if (site.options.drafts) add_folder("_drafts", true);
    std::error_code ec;
    std::vector<std::string> subdirs;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string name = e.path().filename().string();
        if (!e.is_directory(ec) || filtered_entry(name) || refuse_folder_link(e, site.root)) continue;
        std::string rel = join_rel(dir_rel, name);
        if (excluded(site.config, join_rel(base_rel, rel))) continue;
        subdirs.push_back(rel);
    }
    std::sort(subdirs.begin(), subdirs.end());
    for (const auto& s : subdirs) find_posts(site, base, base_rel, s, out, seen);
}

std::vector<Candidate> discover_site(const SiteContext& site) {
    std::vector<Candidate> out;
    // collections_dir holds _posts and the collections; when that folder does not exist the
    // site keeps them at its root (the corpus' text-theme), so look there.
    fs::path base = site.root;
    std::string base_rel;
    std::string cdir = site.config.collections_dir;
    while (!cdir.empty() && cdir.back() == '/') cdir.pop_back();
    while (!cdir.empty() && cdir.front() == '/') cdir.erase(0, 1);
    std::error_code ec;
    if (!cdir.empty() && fs::is_directory(site.root / cdir, ec)) {
        base = site.root / cdir;
        base_rel = cdir;
    }
    SeenFolders seen;
    find_posts(site, base, base_rel, "", out, seen);
    if (site.options.collections) {
        for (const auto& col : site.config.collections) {
            if (col.label == "posts") continue;
            std::string folder = "_" + col.label;
            for (const auto& entry : list_files(base / folder)) {
                if (filtered_entry(entry)) continue;
                Candidate c;
                c.relative_path = folder + "/" + entry;
                c.source_path = join_rel(base_rel, c.relative_path);
                c.file = base / folder / entry;
                c.display = display_join(site.display_root, c.source_path);
                c.collection = col.label;
                c.require_yaml_header = true;
                out.push_back(std::move(c));
            }
        }
    }
    std::erase_if(out, [](const Candidate& c) { return !has_document_extension(c.file); });
    return out;
}

// ---- Front matter data, merged as Jekyll merges it --------------------------------------------

// Utils.deep_merge_hashes!: nested mappings merge, a null new value keeps the old one.
void deep_merge(ir::Value& target, const ir::Value& overwrite) {
    if (!overwrite.is_object()) return;
    if (!target.is_object()) target = ir::Object{};
    for (const auto& [key, val] : overwrite.as_object()) {
        const ir::Value* old = target.find(key);
        if (val.is_null() && old) continue;
        if (old && old->is_object() && val.is_object()) {
            ir::Value merged = *old;
            deep_merge(merged, val);
            target.set(key, merged);
        } else {
            target.set(key, val);
        }
    }
}

std::string sanitize_scope_path(std::string p) {
    if (p.empty()) return p;
    if (p.front() == '/') {
        p.erase(0, 1);
        while (!p.empty() && p.back() == '/') p.pop_back();
    }
    return p;
}

// Whether all of `name` matches `glob`, `*` standing for any run of characters: the classic
// two-index match, which on a mismatch backs up to just after the last star (no recursion).
bool glob_whole_match(std::string_view glob, std::string_view name) {
    // Every character but '*' takes one of the name's: a glob longer than that cannot match,
    // which bounds the work below by the name's length (a file name) for any glob.
    if (static_cast<std::size_t>(std::count_if(glob.begin(), glob.end(), [](char c) { return c != '*'; })) >
        name.size())
        return false;
    std::size_t g = 0, n = 0, star = std::string_view::npos, resume = 0;
    while (n < name.size()) {
        if (g < glob.size() && glob[g] == '*') {
            star = g++;
            resume = n;
        } else if (g < glob.size() && glob[g] == name[n]) {
            ++g;
            ++n;
        } else if (star != std::string_view::npos) {
            g = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (g < glob.size() && glob[g] == '*') ++g;
    return g == glob.size();
}

// A `defaults` scope path containing `*`, matched against a path as Dir.glob would: the path
// starts with what the pattern matches, `*` standing for any run of characters but '/'. As a '*'
// never crosses a '/', the pattern's segments match the path's one by one, and the last one
// need only match the start of its segment (as if it ended in '*').
bool glob_prefix_match(std::string_view pattern, std::string_view path) {
    constexpr auto npos = std::string_view::npos;
    for (std::size_t p = 0, q = 0;;) {
        std::size_t pattern_end = pattern.find('/', p);
        std::size_t path_end = path.find('/', q);
        if (pattern_end == npos)
            return glob_whole_match(std::string(pattern.substr(p)) + "*",
                                    path.substr(q, path_end == npos ? npos : path_end - q));
        if (path_end == npos) return false;
        if (!glob_whole_match(pattern.substr(p, pattern_end - p), path.substr(q, path_end - q))) return false;
        p = pattern_end + 1;
        q = path_end + 1;
    }
}

// FrontmatterDefaults#all: the values of every matching set, later or more specific ones winning.
ir::Value defaults_for(const SiteConfig& config, const std::string& relative_path, const std::string& type) {
    ir::Value result = ir::Object{};
    const DefaultsSet* old = nullptr;
    std::string cdir = config.collections_dir.empty() ? "" : config.collections_dir + "/";
    for (const auto& set : config.defaults) {
        if (set.type && *set.type != type) continue;
        if (!set.path.empty()) {
            std::string scope = set.path;
            if (!cdir.empty() && scope.starts_with(cdir)) scope = scope.substr(cdir.size());
            scope = sanitize_scope_path(scope);
            bool ok = scope.find('*') != std::string::npos ? glob_prefix_match(scope, relative_path)
                                                           : relative_path.starts_with(scope);
            if (!ok) continue;
        }
        bool precedence = true;
        if (old) {
            std::size_t np = sanitize_scope_path(set.path).size(), op = sanitize_scope_path(old->path).size();
            if (np != op) precedence = np >= op;
            else precedence = set.type.has_value() || !old->type.has_value();
        }
        if (precedence) {
            deep_merge(result, set.values);
            old = &set;
        } else {
            ir::Value merged = set.values;
            deep_merge(merged, result);
            result = merged;
        }
    }
    return result;
}

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

void append_unique(std::vector<std::string>& to, const std::string& v) {
    if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
}

// A categories value as Jekyll's merge_categories! sees it: a string is split on white space.
std::vector<std::string> category_list(const ir::Value& v) {
    std::vector<std::string> out;
    if (v.is_string()) return split_words(v.as_string());
    if (v.is_array()) {
        for (const auto& e : v.as_array())
            if (!e.is_null()) out.push_back(e.to_text());
        return out;
    }
    if (!v.is_null()) out.push_back(v.to_text());
    return out;
}

// Utils.pluralized_array_from_hash: the singular key wins (its value is not split), else the
// plural key (a string is split on white space).
std::vector<std::string> pluralized(const ir::Value& data, const char* singular, const char* plural) {
    std::vector<std::string> out;
    if (const ir::Value* s = data.find(singular); s && !s->is_null()) {
        if (s->is_array()) {
            for (const auto& e : s->as_array())
                if (!e.is_null()) out.push_back(e.to_text());
        } else {
            out.push_back(s->to_text());
        }
        return out;
    }
    if (const ir::Value* p = data.find(plural); p && !p->is_null()) return category_list(*p);
    return out;
}

// A path the guarded reader takes: relative to the site root, or as given for loose files.
std::string path_in_root(const fs::path& file, const fs::path& root) {
    if (root.empty()) return file.string();
    return file.lexically_relative(root).generic_string();
}

ir::Diagnostic make_diag(const std::string& file, int line, int col, std::string message, std::string source_line = {},
                         ir::Severity sev = ir::Severity::error) {
    ir::Diagnostic d;
    d.severity = sev;
    d.file = file;
    d.line = line;
    d.col = col;
    d.message = std::move(message);
    d.source_line = std::move(source_line);
    return d;
}

// The file line where front matter key `key` is written, for diagnostics about its value.
std::pair<int, std::string> key_line(const std::string& yaml, const std::string& key) {
    std::istringstream in(yaml);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.starts_with(key + ":")) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return {n, line};
        }
    }
    return {0, {}};
}

std::string image_of(const ir::Value& v) {
    if (v.is_string()) return v.as_string();
    if (v.is_object()) {
        for (const char* k : {"path", "url", "feature", "src", "thumbnail"})
            if (const ir::Value* p = v.find(k); p && p->is_string()) return p->as_string();
    }
    return {};
}

// Folders Jekyll 4 excludes by default, besides `_`- and `.`-prefixed entries.
bool default_excluded(const std::string& rel) {
    static const char* const defaults[] = {"node_modules", "vendor/bundle", "vendor/cache", "vendor/gems",
                                           "vendor/ruby",  "Gemfile",       "Gemfile.lock", "gemfiles"};
    for (const char* d : defaults) {
        std::string_view p = d;
        if (rel == p || (rel.size() > p.size() && rel.starts_with(p) && rel[p.size()] == '/')) return true;
    }
    return false;
}

// True when any segment of a '/'-separated path is one Jekyll filters out (`_x`, `.x`, `#x`, `x~`).
bool filtered_path(const std::string& rel) {
    std::size_t start = 0;
    while (start < rel.size()) {
        std::size_t slash = rel.find('/', start);
        std::string seg = rel.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (filtered_entry(seg)) return true;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return false;
}

// Pages (files with front matter outside `_` folders) and static files (everything else Jekyll
// copies), as Jekyll's Reader sorts them. Only the first bytes of each file are read here.
void discover_pages_and_static(const SiteContext& site, std::vector<Candidate>& pages,
                               std::vector<ir::StaticFile>& statics, std::vector<ir::Diagnostic>& site_diags) {
    for (const auto& rel : list_files(site.root)) {
        if (filtered_path(rel) || excluded(site.config, rel) || default_excluded(rel)) continue;
        fs::path file = site.root / rel;
        std::error_code ec;
        if (fs::is_symlink(fs::symlink_status(file, ec))) {
            // Only links that stay inside the site are followed (Jekyll's safe mode refuses all).
            fs::path target = fs::weakly_canonical(file, ec);
            fs::path root = fs::weakly_canonical(site.root, ec);
            auto inside = target.lexically_relative(root);
            if (ec || inside.empty() || *inside.begin() == "..") continue;
        }
        {
            ir::GuardedReader::File head = site.files->read(rel, site.options.limits.max_file_size, 64);
            if (!head.ok()) {
                // A FIFO or device among the site's files: said, never opened for reading.
                site_diags.push_back(make_diag(display_join(site.display_root, rel), 0, 0,
                                               head.error + "; skipped", {}, ir::Severity::warning));
                continue;
            }
            std::string_view start(head.text);
            if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);
            if (!has_yaml_header(start)) {
                statics.push_back({rel, false});
                continue;
            }
        }
        if (!has_document_extension(file)) {
            statics.push_back({rel, true});  // Liquid-processed (feed.xml, style.scss): reported, not copied
            continue;
        }
        Candidate c;
        c.file = file;
        c.relative_path = rel;
        c.source_path = rel;
        c.display = display_join(site.display_root, rel);
        c.collection = "";
        c.require_yaml_header = true;
        pages.push_back(std::move(c));
    }
}

// Jekyll's Page#template: index pages get their folder, others /:path/:basename plus the suffix
// the site's permalink style implies (Utils.add_permalink_suffix).
std::string page_template(const std::string& style, const std::string& basename, bool html_output) {
    if (!html_output) return "/:path/:basename:output_ext";
    if (basename == "index") return "/:path/";
    std::string t = "/:path/:basename";
    if (style == "pretty") return t + "/";
    if (style == "date" || style == "ordinal" || style == "none" || style == "weekdate") return t + ":output_ext";
    if (style.ends_with("/")) t += "/";
    if (style.ends_with(":output_ext")) t += ":output_ext";
    return t;
}

// site.data: each file of `_data/` (YAML or JSON; YAML parses both) under its base name, folders
// as nested mappings. CSV/TSV files become arrays of row mappings.
// Files are read through the guarded reader (inside the site, --max-file-size); a folder link
// out of the site or back into itself is not entered.
ir::Value read_data_folder(const SiteContext& site, const fs::path& dir, const std::string& display,
                           std::vector<ir::Diagnostic>& diags, SeenFolders& seen) {
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
            if (refuse_folder_link(e, site.root)) {
                diags.push_back(make_diag(shown, 0, 0, "is a link to a folder outside the site (or a loop); not read",
                                          {}, ir::Severity::warning));
            } else {
                out.set(name, read_data_folder(site, e.path(), shown, diags, seen));
            }
            continue;
        }
        std::string ext = lower_ascii(e.path().extension().string());
        std::string key = e.path().stem().string();
        ir::GuardedReader::File file =
            site.files->read(path_in_root(e.path(), site.root), site.options.limits.max_file_size);
        if (!file.ok()) {
            diags.push_back(make_diag(shown, 0, 0, file.error + " (site.data." + key + " left empty)", {},
                                      ir::Severity::warning));
            continue;
        }
        const std::string& text = file.text;
        if (ext == ".yml" || ext == ".yaml" || ext == ".json") {
            YamlResult y = parse_yaml(text, shown, 1, site.options.limits.max_yaml_nodes);
            if (y.error) {
                y.error->severity = ir::Severity::warning;
                y.error->message += " (site.data." + key + " left empty)";
                diags.push_back(*y.error);
                continue;
            }
            out.set(key, y.value);
        } else if (ext == ".csv" || ext == ".tsv") {
            char sep = ext == ".csv" ? ',' : '\t';
            auto split_row = [&](const std::string& line) {
                std::vector<std::string> cells;
                std::string cell;
                bool quoted = false;
                for (std::size_t i = 0; i < line.size(); ++i) {
                    char ch = line[i];
                    if (quoted) {
                        if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') cell += '"', ++i;
                        else if (ch == '"') quoted = false;
                        else cell += ch;
                    } else if (ch == '"') {
                        quoted = true;
                    } else if (ch == sep) {
                        cells.push_back(cell);
                        cell.clear();
                    } else if (ch != '\r') {
                        cell += ch;
                    }
                }
                cells.push_back(cell);
                return cells;
            };
            std::istringstream lines(text);
            std::string line;
            std::vector<std::string> header;
            ir::Array rows;
            while (std::getline(lines, line)) {
                if (line.empty() || line == "\r") continue;
                auto cells = split_row(line);
                if (header.empty()) {
                    header = cells;
                    continue;
                }
                ir::Value row = ir::Object{};
                for (std::size_t i = 0; i < header.size(); ++i) row.set(header[i], i < cells.size() ? cells[i] : "");
                rows.push_back(row);
            }
            out.set(key, rows);
        }
    }
    return out;
}

// Reads one candidate: everything but the body's rendering.
DocState read_document(const Candidate& c, const SiteContext& site) {
    DocState st;
    // Jekyll's dated name, `.` spelled `[^\n\r]` as in the ECMAScript original (text_match.h).
    static const RE2 dated(R"(^(?:[^\n\r]+/)*?(\d{2,4})-(\d{1,2})-(\d{1,2})-([^/]*)(\.[^.]+)$)",
                           byte_pattern_options());
    std::string name_match[5];  // [1..4]: year, month, day, slug
    bool has_dated_name =
        RE2::FullMatch(c.relative_path, dated, &name_match[1], &name_match[2], &name_match[3], &name_match[4]);
    if (c.require_dated_name && !has_dated_name) return st;  // Jekyll does not read it

    const Limits& limits = site.options.limits;
    ir::GuardedReader::File file = site.files->read(path_in_root(c.file, site.root), limits.max_file_size);
    if (!file.ok()) {
        st.diagnostics.push_back(make_diag(c.display, 0, 0, file.error + "; skipped"));
        return st;
    }
    const std::string& raw = file.text;
    // A UTF-16 file fails the YAML-header test below; say why instead of taking it for a static file.
    bool utf16 = raw.starts_with("\xFF\xFE") || raw.starts_with("\xFE\xFF");
    if (c.require_yaml_header && !utf16 && !has_yaml_header(raw)) return st;  // a static file
    if (!check_file_text(raw, c.display, limits, st.diagnostics)) return st;
    FrontMatterSplit split = split_front_matter(strip_bom(raw));
    if (!check_body_text(split.body, c.display, split.body_first_line, limits, st.diagnostics)) return st;

    ir::Value fm = ir::Object{};
    std::set<std::string> timestamp_keys;
    if (split.has_front_matter) {
        YamlResult y = parse_yaml(split.yaml, c.display, 1, limits.max_yaml_nodes);
        if (y.error) {
            st.diagnostics.push_back(*y.error);
            return st;
        }
        if (y.value.is_object()) {
            fm = y.value;
        } else if (!y.value.is_null()) {
            st.diagnostics.push_back(make_diag(c.display, 1, 1,
                                               "the front matter is not a mapping of keys to values; ignored", "---",
                                               ir::Severity::warning));
        }
        timestamp_keys = y.plain_timestamp_keys;
    }

    ir::Document& doc = st.doc;
    doc.source_path = c.source_path;
    doc.collection = c.collection;
    doc.draft = c.draft;
    std::string ext = fs::path(c.relative_path).extension().string();
    doc.input_format = lower_ascii(ext) == ".html" ? "html" : "markdown";

    // Categories: the folders above `_posts` (`cat/_posts/x.md`), then defaults, then front matter.
    std::vector<std::string> categories;
    const std::string magic = c.draft ? "_drafts" : (c.collection == "posts" ? "_posts" : "_" + c.collection);
    if (!c.relative_path.starts_with(magic)) {
        std::size_t at = c.relative_path.find(magic);
        std::string above = at == std::string::npos ? c.relative_path : c.relative_path.substr(0, at);
        std::string base = c.relative_path.substr(c.relative_path.rfind('/') + 1);
        std::istringstream parts(above);
        std::string part;
        while (std::getline(parts, part, '/'))
            if (!part.empty() && part != magic && part != base) append_unique(categories, part);
    }
    ir::Value defaults = defaults_for(site.config, c.relative_path, c.collection);
    if (const ir::Value* dc = defaults.find("categories"); dc && !dc->is_null()) {
        std::vector<std::string> merged = dc->is_array() ? category_list(*dc) : categories;
        for (const auto& x : dc->is_array() ? categories : category_list(*dc)) append_unique(merged, x);
        categories = merged;
    }
    if (const ir::Value* fc = fm.find("categories"); fc && !fc->is_null())
        for (const auto& x : category_list(*fc)) append_unique(categories, x);

    ir::Value data = ir::Object{};
    deep_merge(data, defaults);
    deep_merge(data, fm);
    for (const auto& x : pluralized(data, "category", "categories")) append_unique(categories, x);
    doc.categories = categories;
    doc.tags = pluralized(data, "tag", "tags");

    // Date: front matter (or defaults), else the file name, else mtime (drafts) or site.time.
    std::optional<ir::DateTime> date;
    if (const ir::Value* d = data.find("date"); d && !d->is_null() && !(d->is_bool() && !d->as_bool())) {
        bool from_fm = fm.find("date") && !fm.find("date")->is_null();
        date = parse_jekyll_date(d->to_text(), from_fm && timestamp_keys.count("date") > 0, site.zone);
        if (!date) {
            auto [line, src] = key_line(split.yaml, "date");
            st.diagnostics.push_back(make_diag(c.display, line, line ? 7 : 0,
                                               "invalid date '" + d->to_text() +
                                                   "': write it as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS +0000; skipped",
                                               src));
            return st;
        }
        doc.date_source = "front-matter";
    }
    std::string slug;
    if (has_dated_name) {
        slug = name_match[4];
        bool use_name = !date || (site.options.now && date->utc_seconds == site.options.now->utc_seconds);
        if (use_name) {
            int y = std::stoi(name_match[1]);
            if (y < 100) y += y < 69 ? 2000 : 1900;  // Time.parse reads a two-digit year so
            date = filename_date(y, std::stoi(name_match[2]), std::stoi(name_match[3]), site.zone);
            if (!date) {
                st.diagnostics.push_back(make_diag(c.display, 0, 0,
                                                   "invalid date in the file name; rename it YYYY-MM-DD-title" + ext +
                                                       "; skipped"));
                return st;
            }
            doc.date_source = "filename";
        }
    } else {
        slug = fs::path(c.relative_path).stem().string();
    }
    while (!slug.empty() && slug.back() == '.') slug.pop_back();
    const bool page = c.collection.empty();
    if (!date && !page) {  // pages have no date unless they say so
        if (c.draft || !site.options.now) {
            date = site.zone.at(file.mtime);
            doc.date_source = "mtime";
        } else {
            date = site.zone.at(site.options.now->utc_seconds);
            doc.date_source = "site.time";
        }
    }
    if (date) {
        // Atom and RSS dates (RFC 3339, RFC 822) and EPUB's have four-digit years: a post dated
        // in year 12345 or before year 1 would make every feed of the site invalid.
        const int year = ir::to_civil(*date).year;
        if (year < 1 || year > 9999) {
            auto [line, src] = key_line(split.yaml, "date");
            st.diagnostics.push_back(make_diag(c.display, line, line ? 7 : 0,
                                               "the date's year " + std::to_string(year) +
                                                   " is outside 1 to 9999, which feeds and books cannot carry; skipped",
                                               src));
            return st;
        }
    }
    doc.date = date;

    const ir::Value* title = data.find("title");
    doc.title = title && title->truthy() ? title->to_text()
                : title && !title->is_null() && !title->is_bool() ? title->to_text()
                                                                  : titleize_slug(slug);
    const ir::Value* fm_slug = data.find("slug");
    doc.slug = fm_slug && !fm_slug->is_null() && !(fm_slug->is_bool() && !fm_slug->as_bool()) ? fm_slug->to_text() : slug;

    // URL.
    UrlPlaceholders ph;
    ph.collection = c.collection;
    std::string without_ext = c.relative_path.substr(0, c.relative_path.size() - ext.size());
    std::string coll_dir = c.collection == "posts" ? "_posts" : "_" + c.collection;
    if (auto at = without_ext.find(coll_dir); at != std::string::npos) without_ext.erase(at, coll_dir.size());
    while (!without_ext.empty() && without_ext.back() == '.') without_ext.pop_back();
    ph.path = without_ext;
    ph.basename = fs::path(c.relative_path).stem().string();
    ph.slug = doc.slug;
    ph.categories = categories;
    ph.output_ext = ".html";
    ph.date = date;
    std::string tmpl;
    if (page) {
        // Page#url_placeholders: :path is the page's folder.
        std::string dir = fs::path(c.relative_path).parent_path().generic_string();
        ph.path = dir.empty() ? "" : "/" + dir;
        tmpl = page_template(site.config.permalink, ph.basename, true);
    } else if (const CollectionConfig* col = site.config.collection(c.collection); col && col->permalink)
        tmpl = *col->permalink;
    else
        tmpl = c.collection == "posts" ? style_to_permalink(site.config.permalink)
                                       : collection_default_template(site.config.permalink);
    std::optional<std::string> permalink;
    if (const ir::Value* p = data.find("permalink"); p && !p->is_null() && !(p->is_bool() && !p->as_bool()))
        permalink = p->to_text();
    std::string url_error;
    auto url = document_url(tmpl, permalink, ph, &url_error);
    if (!url) {
        auto [line, src] = key_line(split.yaml, "permalink");
        st.diagnostics.push_back(make_diag(c.display, line, 0, url_error + "; skipped", src));
        return st;
    }
    doc.url = *url;
    // Jekyll drops `..` from permalinks, but a percent-encoded one survives and a writer that
    // turns URLs into file paths would climb out of its output folder.
    if (leaves_root(*url)) {
        auto [line, src] = key_line(split.yaml, "permalink");
        st.diagnostics.push_back(make_diag(c.display, line, 0,
                                           "permalink '" + *url + "' climbs above the site root with '..'; skipped", src));
        return st;
    }

    // Publishing flags.
    if (const ir::Value* p = data.find("published"); p && p->is_bool() && !p->as_bool()) doc.published = false;
    doc.future = date && site.options.now && date->utc_seconds > site.options.now->utc_seconds;
    if (!doc.published && !site.options.unpublished) return st;
    if (doc.future && !(site.options.future || site.config.future)) return st;

    // The rest of the typed fields.
    auto add_author = [&](const ir::Value& a) {
        if (a.is_string() && !a.as_string().empty()) doc.authors.push_back(a.as_string());
        else if (a.is_object()) {
            if (const ir::Value* n = a.find("name")) doc.authors.push_back(n->to_text());
        } else if (!a.is_null() && !a.is_array() && !a.to_text().empty()) {
            doc.authors.push_back(a.to_text());
        }
    };
    for (const char* key : {"author", "authors"}) {
        if (const ir::Value* a = data.find(key)) {
            if (a->is_array()) {
                for (const auto& x : a->as_array()) add_author(x);
            } else {
                add_author(*a);
            }
        }
    }
    if (const ir::Value* v = data.find("description")) doc.description = v->to_text();
    if (const ir::Value* v = data.find("lang")) doc.lang = v->to_text();
    if (const ir::Value* v = data.find("image")) doc.image = image_of(*v);
    if (const ir::Value* v = data.find("last_modified_at"); v && !v->is_null()) {
        doc.last_modified = parse_jekyll_date(v->to_text(), timestamp_keys.count("last_modified_at") > 0, site.zone);
        if (!doc.last_modified) {
            auto [line, src] = key_line(split.yaml, "last_modified_at");
            st.diagnostics.push_back(make_diag(c.display, line, 0,
                                               "invalid last_modified_at '" + v->to_text() + "'; ignored", src,
                                               ir::Severity::warning));
        }
    }

    // The front matter as written (in its order), then keys that only defaults or folders gave.
    ir::Value kept = fm;
    for (const auto& [k, v] : data.as_object())
        if (const ir::Value* w = kept.find(k); !w || w->is_null()) kept.set(k, v);
    if (!categories.empty() && !fm.find("categories") && !data.find("categories")) {
        ir::Array arr;
        for (const auto& x : categories) arr.push_back(x);
        kept.set("categories", arr);
    }
    doc.front_matter = kept;

    if (const ir::Value* r = data.find("render_with_liquid"); r && r->is_bool() && !r->as_bool()) st.render_liquid = false;
    if (const ir::Value* e = data.find("excerpt_separator"); e && !e->is_null()) st.excerpt_separator = e->to_text();
    else if (site.config.excerpt_separator) st.excerpt_separator = *site.config.excerpt_separator;
    if (const ir::Value* e = fm.find("excerpt"); e && e->is_string()) st.explicit_excerpt = e->as_string();

    // Liquid's `page`: the merged data plus Jekyll's computed fields.
    st.page = data;
    st.page.set("url", doc.url);
    if (date) st.page.set("date", ir::format_rfc3339(*date));
    st.page.set("title", doc.title);
    st.page.set("slug", doc.slug);
    ir::Array cats, tags;
    for (const auto& x : doc.categories) cats.push_back(x);
    for (const auto& x : doc.tags) tags.push_back(x);
    st.page.set("categories", cats);
    st.page.set("tags", tags);
    st.page.set("path", c.relative_path);
    st.page.set("collection", c.collection);
    if (c.draft) st.page.set("draft", true);

    st.relative_path = c.relative_path;
    st.body = std::move(split.body);
    st.body_first_line = split.body_first_line;
    st.keep = true;
    return st;
}

// ---- Input kinds ------------------------------------------------------------------------------

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
    if (f.error == "no such file") return default_site_config();
    if (!f.ok()) {
        diags.push_back(make_diag(shown, 0, 0, f.error + "; the defaults are used"));
        return default_site_config();
    }
    if (!check_file_text(f.text, shown, limits, diags)) return default_site_config();
    return load_site_config(f.text, shown, limits.max_yaml_nodes, diags);
}

}  // namespace

ir::Site read_jekyll_site(const std::vector<std::string>& sources, const ReaderOptions& options,
                          ir::Diagnostics& diagnostics) {
    SiteContext site;
    site.options = options;
    std::vector<ir::Diagnostic> site_diags;
    std::vector<Candidate> candidates;
    ir::Site out;

    std::error_code ec;
    if (sources.size() == 1 && fs::is_directory(sources[0], ec)) {
        fs::path dir = sources[0];
        std::string shown = sources[0];
        while (shown.size() > 1 && shown.back() == '/') shown.pop_back();
        if (is_site_root(dir)) {
            site.root = dir;
            site.display_root = shown;
            site.config = load_config(dir, shown, options.limits, site_diags);
        } else if (dir.lexically_normal().filename() == "_posts" ||
                   (dir.lexically_normal().filename().empty() && dir.lexically_normal().parent_path().filename() == "_posts")) {
            // A site's `_posts` folder: read the site it belongs to, posts only.
            fs::path parent = dir.lexically_normal();
            if (parent.filename().empty()) parent = parent.parent_path();
            parent = parent.parent_path();
            site.root = parent.empty() ? fs::path(".") : parent;
            site.display_root = parent.generic_string();
            site.config = load_config(site.root, site.display_root, options.limits, site_diags);
            site.options.collections = false;
            site.options.drafts = false;
        } else {
            // A plain folder of posts: every document file in it is a post.
            site.root = dir;
            site.display_root = shown;
            site.config = default_site_config();
            for (const auto& entry : list_files(dir)) {
                if (filtered_entry(entry)) continue;
                Candidate c;
                c.file = dir / entry;
                c.source_path = entry;
                c.relative_path = "_posts/" + entry;
                c.display = display_join(shown, entry);
                c.collection = "posts";
                candidates.push_back(std::move(c));
            }
        }
    } else {
        // Single files. A file in a site's `_posts` takes that site's configuration.
        for (const auto& s : sources) {
            fs::path p = fs::path(s).lexically_normal();
            if (!fs::is_regular_file(p, ec)) {
                site_diags.push_back(make_diag(s, 0, 0, "no such file or folder"));
                continue;
            }
            if (site.config.raw.is_null() && p.parent_path().filename() == "_posts") {
                fs::path root = p.parent_path().parent_path();
                if (root.empty()) root = ".";
                site.config = load_config(root, root.generic_string(), options.limits, site_diags);
            }
            Candidate c;
            c.file = p;
            c.source_path = fs::path(s).generic_string();
            c.relative_path = "_posts/" + p.filename().string();
            c.display = s;
            c.collection = "posts";
            candidates.push_back(std::move(c));
        }
        if (site.config.raw.is_null()) site.config = default_site_config();
    }

    site.files = std::make_shared<const ir::GuardedReader>(site.root);
    if (auto zone = SiteZone::locate(site.config.timezone)) {
        site.zone = *zone;
    } else {
        site_diags.push_back(make_diag(display_join(site.display_root, "_config.yml"), 0, 0,
                                       "unknown timezone '" + site.config.timezone + "'; using UTC",
                                       {}, ir::Severity::warning));
    }
    // The output folder, when it lies inside the site, is not input.
    for (const auto& skip : options.skip_paths) {
        if (site.root.empty() || skip.empty() || skip == "-") continue;
        if (auto rel = inside_root(skip, site.root); rel && *rel != ".") {
            std::string r = rel->generic_string();
            site.config.exclude.push_back(r);
            std::erase_if(candidates, [&](const Candidate& c) {
                auto crel = inside_root(c.file, site.root);
                return crel && (crel->generic_string() == r || crel->generic_string().starts_with(r + "/"));
            });
        }
    }
    if (!site.root.empty() && candidates.empty()) {
        candidates = discover_site(site);
        // Pages are always indexed (`{% link about.md %}` must resolve) but only kept, and so
        // only rendered, when asked for.
        discover_pages_and_static(site, candidates, out.static_files, site_diags);
        std::sort(out.static_files.begin(), out.static_files.end(),
                  [](const ir::StaticFile& a, const ir::StaticFile& b) { return a.source_path < b.source_path; });
        SeenFolders seen;
        out.data = read_data_folder(site, site.root / "_data", display_join(site.display_root, "_data"), site_diags, seen);
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.source_path < b.source_path; });

    // Read every document's metadata.
    std::vector<DocState> states(candidates.size());
    ir::parallel_for(candidates.size(), options.jobs, [&](std::size_t i) { states[i] = read_document(candidates[i], site); });

    // Every URL is known before any body renders: post_url and link resolve through this.
    LinkIndex links(site.config.baseurl);
    for (auto& st : states) {
        if (!st.keep) continue;
        links.add(st.relative_path, st.doc.url, st.doc.collection, st.doc.source_path);
        if (st.doc.collection.empty() && !options.pages) st.keep = false;
    }
    // Two documents at one URL: Jekyll reads both and writes one over the other (academicpages'
    // future post does this). Both stay in the IR, since a feed or a book can hold both; say so
    // loudly, naming both. Writers that write one file per URL refuse the second themselves.
    std::map<std::string, std::size_t> by_url;
    for (std::size_t i = 0; i < states.size(); ++i) {
        DocState& st = states[i];
        if (!st.keep) continue;
        auto [it, fresh] = by_url.emplace(st.doc.url, i);
        if (fresh) continue;
        st.diagnostics.push_back(make_diag(candidates[i].display, 0, 0,
                                           "has the same permalink " + st.doc.url + " as " +
                                               candidates[it->second].display +
                                               "; Jekyll writes both to one file and keeps only one. Set a "
                                               "different `permalink:`",
                                           {}, ir::Severity::warning));
    }

    // Liquid's `site`: the configuration plus the computed values Jekyll adds.
    std::optional<ir::DateTime> newest;
    for (const auto& st : states)
        if (st.keep && st.doc.date && (!newest || *st.doc.date > *newest)) newest = st.doc.date;
    ir::DateTime site_time = newest ? site.zone.at(newest->utc_seconds)
                                    : (options.now ? site.zone.at(options.now->utc_seconds) : site.zone.at(0));
    ir::Value site_value = site.config.raw;
    site_value.set("data", out.data);
    site_value.set("url", site.config.url);
    site_value.set("baseurl", site.config.baseurl);
    site_value.set("time", ir::format_rfc3339(site_time));

    std::size_t to_render = 0;
    for (const auto& st : states) to_render += st.keep ? 1 : 0;
    std::atomic<std::size_t> rendered{0};
    std::mutex progress_mutex;
    ir::parallel_for(states.size(), options.jobs, [&](std::size_t i) {
        DocState& st = states[i];
        if (!st.keep) return;
        struct Report {  // counts this document as done however the body rendering ends
            const ReaderOptions& o;
            std::atomic<std::size_t>& n;
            std::size_t total;
            std::mutex& mu;
            ~Report() {
                std::size_t done = ++n;
                if (o.progress) {
                    std::lock_guard lock(mu);
                    o.progress(done, total);
                }
            }
        } report{options, rendered, to_render, progress_mutex};
        BodyContext ctx;
        ctx.path = candidates[i].display;
        ctx.first_line = st.body_first_line;
        ctx.site = &site_value;
        ctx.page = &st.page;
        ctx.links = &links;
        ctx.files = site.files.get();
        ctx.folder = fs::path(path_in_root(candidates[i].file, site.root)).parent_path().generic_string();
        ctx.limits = options.limits;
        ctx.render_liquid = st.render_liquid;
        ctx.markdown = st.doc.input_format != "html";
        ctx.input = site.config.gfm_input ? MarkdownInput::gfm : MarkdownInput::kramdown;
        ctx.auto_ids = site.config.kramdown_auto_ids;
        ctx.excerpt_separator = st.excerpt_separator;
        try {
            RenderedBody r = render_body(st.body, ctx, st.diagnostics);
            st.doc.body = std::move(r.body);
            st.doc.excerpt = std::move(r.excerpt);
            if (st.explicit_excerpt) {
                BodyContext ex = ctx;
                ex.first_line = 0;
                RenderedBody e = render_body(*st.explicit_excerpt, ex, st.diagnostics);
                st.doc.excerpt = std::move(e.body);
                st.doc.excerpt_explicit = true;
            }
        } catch (const std::exception& e) {
            st.diagnostics.push_back(make_diag(ctx.path, 0, 0, std::string("could not render the body: ") + e.what()));
        }
        // The promise of every error: the document is reported and skipped, never published
        // half-rendered (with raw Liquid, or cut off by a budget).
        if (std::any_of(st.diagnostics.begin(), st.diagnostics.end(),
                        [](const ir::Diagnostic& d) { return d.severity == ir::Severity::error; }))
            st.keep = false;
        // The source text and Liquid's `page` are not needed again: at 10,000 posts they are a
        // tenth of the peak memory if kept until every body is rendered.
        std::string().swap(st.body);
        st.explicit_excerpt.reset();
        st.page = ir::Value();
    });

    diagnostics.add_all(site_diags);
    for (std::size_t i = 0; i < states.size(); ++i) {
        DocState& st = states[i];
        // A page nobody asked for is only in the link index: its problems are not this run's.
        if (!candidates[i].collection.empty() || options.pages) diagnostics.add_all(st.diagnostics);
        if (!st.keep) continue;
        st.doc.diagnostics = st.diagnostics;
        out.documents.push_back(std::move(st.doc));
    }
    // Dated documents by date, then the undated ones (pages), each group by path.
    std::stable_sort(out.documents.begin(), out.documents.end(), [](const ir::Document& a, const ir::Document& b) {
        if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
        if (a.date && a.date->utc_seconds != b.date->utc_seconds) return a.date->utc_seconds < b.date->utc_seconds;
        return a.source_path < b.source_path;
    });

    out.root = site.root.empty() ? std::string() : site.display_root;
    out.title = site.config.title;
    out.description = site.config.description;
    out.url = site.config.url;
    out.baseurl = site.config.baseurl;
    out.lang = site.config.lang;
    out.timezone = site.config.timezone;
    out.time = site_time;
    out.config = site.config.raw;
    const ir::Value& author = site.config.author;
    if (author.is_string() && !author.as_string().empty()) {
        out.authors.push_back({author.as_string(), "", ""});
    } else if (author.is_object()) {
        ir::Author a;
        if (const ir::Value* v = author.find("name")) a.name = v->to_text();
        if (const ir::Value* v = author.find("email")) a.email = v->to_text();
        if (const ir::Value* v = author.find("uri")) a.uri = v->to_text();
        else if (const ir::Value* u = author.find("url")) a.uri = u->to_text();
        if (!a.name.empty() || !a.email.empty()) out.authors.push_back(a);
    }
    return out;
}

}  // namespace blogconv::readers
