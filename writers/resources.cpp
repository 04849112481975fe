#include "writers/resources.h"

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace blogconv::writers {

FolderResources::FolderResources(fs::path root, std::size_t max_size) : max_size_(max_size) {
    std::error_code ec;
    root_ = fs::weakly_canonical(fs::absolute(root), ec);
    if (ec) root_ = fs::absolute(root);
}

std::optional<std::string> FolderResources::read(const std::string& site_path, std::string& error) const {
    if (site_path.empty() || site_path.front() == '/' || site_path.find('\0') != std::string::npos) {
        error = "not a path inside the site";
        return std::nullopt;
    }
    std::error_code ec;
    // Canonical resolves `..` and symlinks, so the check below sees where the file really is.
    fs::path p = fs::weakly_canonical(root_ / fs::path(site_path), ec);
    if (ec) {
        error = "no such file";
        return std::nullopt;
    }
    auto rel = p.lexically_relative(root_);
    if (rel.empty() || *rel.begin() == "..") {
        error = "the path leaves the site root; only files inside the site are read";
        return std::nullopt;
    }
    if (!fs::is_regular_file(p, ec)) {
        error = "no such file";
        return std::nullopt;
    }
    auto size = fs::file_size(p, ec);
    if (ec || size > max_size_) {
        error = ec ? "cannot read the file" : "the file is larger than the limit";
        return std::nullopt;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        error = "cannot open the file";
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool EmbedBudget::charge(std::uint64_t bytes) {
    if (bytes > limit_ - used_) {
        ++refused_;
        return false;
    }
    used_ += bytes;
    return true;
}

std::string EmbedBudget::message() const {
    if (refused_ == 0) return {};
    return std::to_string(refused_) + (refused_ == 1 ? " image was" : " images were") +
           " not embedded (shown as alt text): the images before reached --max-embedded-bytes (" +
           std::to_string(limit_) + " bytes, " + std::to_string(used_) +
           " used); raise it to embed more, at the cost of memory";
}

}  // namespace blogconv::writers
