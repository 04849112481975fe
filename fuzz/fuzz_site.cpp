// Fuzz target: a whole small site — posts, pages, `_includes/`, `_data/`, `_config.yml`, and
// symbolic links — built on disk from the input, read by the site reader and written by every
// writer in the registry. Besides crashes, leaks and time-outs it has an oracle of its own: a
// canary file sits beside the site, and links may point at it from anywhere; if its text shows up
// in any output, something read outside the site root, and the target aborts.
//
// Input: sections, each starting with a header line
//   `=== path`                 the lines up to the next header are the file `path`
//   `=== @link path -> target` a symbolic link (target as written: relative, absolute, `..`)
// Paths are kept to [A-Za-z0-9_./-], below the site, at most 4 levels and 64 bytes. Seeds:
// fuzz/corpus/site/.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.h"
#include "readers/jekyll_site.h"
#include "writers/registry.h"
#include "writers/resources.h"

namespace fs = std::filesystem;
using namespace blogconv;

namespace {

constexpr std::string_view canary = "CANARY-7d3b1e-OUTSIDE-THE-SITE";

// One folder per process: <tmp>/site is rebuilt for every input, <tmp>/outside holds the canary.
const fs::path& work_dir() {
    static const fs::path dir = [] {
        std::string t = (fs::temp_directory_path() / "blogconv-fuzz-site-XXXXXX").string();
        if (!::mkdtemp(t.data())) std::abort();
        fs::path d(t);
        fs::create_directories(d / "outside");
        std::ofstream(d / "outside/secret.md") << "---\ntitle: " << canary << "\n---\n" << canary << "\n";
        std::ofstream(d / "outside/secret.html") << canary << "\n";
        return d;
    }();
    return dir;
}

bool safe_path(std::string_view p) {
    if (p.empty() || p.size() > 64 || p.front() == '/' || p.find("..") != std::string_view::npos) return false;
    int depth = 0;
    for (char c : p) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                        c == '.' || c == '/' || c == '-';
        if (!ok) return false;
        depth += c == '/';
    }
    return depth <= 4;
}

void build_site(std::string_view input, const fs::path& root) {
    std::error_code ec;
    fs::remove_all(root, ec);
    fs::create_directories(root);
    std::size_t pos = 0;
    std::string path;
    std::string text;
    auto flush = [&] {
        if (path.empty()) return;
        fs::path file = root / path;
        fs::create_directories(file.parent_path(), ec);
        std::ofstream(file, std::ios::binary) << text;
        path.clear();
        text.clear();
    };
    while (pos < input.size()) {
        std::size_t eol = input.find('\n', pos);
        std::string_view line = input.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        pos = eol == std::string_view::npos ? input.size() : eol + 1;
        if (line.starts_with("=== ")) {
            flush();
            std::string_view spec = line.substr(4);
            if (spec.starts_with("@link ")) {
                spec.remove_prefix(6);
                std::size_t arrow = spec.find(" -> ");
                if (arrow == std::string_view::npos || !safe_path(spec.substr(0, arrow))) continue;
                fs::path link = root / spec.substr(0, arrow);
                std::string target(spec.substr(arrow + 4));
                // `@outside/…` names the canary folder by its absolute path.
                if (target.starts_with("@outside/")) target = (work_dir() / target.substr(1)).string();
                fs::create_directories(link.parent_path(), ec);
                fs::create_symlink(target, link, ec);
            } else if (safe_path(spec)) {
                path = std::string(spec);
            }
            continue;
        }
        if (!path.empty()) {
            text += line;
            text += '\n';
        }
    }
    flush();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    // The fuzzer learns the canary from our own comparisons and writes it into posts; then its
    // text in the output proves nothing. Such inputs are skipped.
    if (input.find(canary.substr(0, 13)) != std::string_view::npos) return 0;
    const fs::path root = work_dir() / "site";
    build_site(input, root);

    readers::ReaderOptions options;
    options.jobs = 1;
    options.pages = true;
    options.drafts = true;
    // Small budgets keep an input fast; the limits' logic is the same at any size.
    options.limits.max_file_size = 64 * 1024;
    options.limits.max_liquid_steps = 20'000;
    options.limits.max_liquid_bytes = 1 << 20;
    ir::Diagnostics diagnostics;
    ir::Site site = readers::read_jekyll_site({root.string()}, options, diagnostics);
    if (site.url.empty()) site.url = "https://example.org";

    writers::FolderResources resources(root);
    writers::WriterOptions writer_options;
    writer_options.resources = &resources;
    for (const writers::WriterInfo& w : writers::all_writers()) {
        writers::MemorySink sink;
        ir::Diagnostics d;
        writer_options.format = w.make_options();
        w.write(site, writer_options, sink, d);
        for (const auto& [name, bytes] : sink.files)
            if (bytes.find(canary) != std::string::npos) std::abort();  // read outside the site
    }
    for (const auto& d : diagnostics.items())
        if (d.message.find(canary) != std::string::npos || d.source_line.find(canary) != std::string::npos)
            std::abort();
    return 0;
}
