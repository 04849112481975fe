#include "writers/resources.h"


namespace fs = std::filesystem;

namespace blogconv::writers {

FolderResources::FolderResources(const fs::path& root, std::size_t max_size)
    : files_(std::make_shared<const ir::GuardedReader>(root.empty() ? fs::path(".") : root)), max_size_(max_size) {}

std::optional<std::string> FolderResources::read(const std::string& site_path, std::string& error) const {
    if (site_path.empty() || site_path.front() == '/') {
        error = "not a path inside the site";
        return std::nullopt;
    }
    ir::GuardedReader::File f = files_->read(site_path, max_size_);
    if (!f.ok()) {
        error = f.error;
        return std::nullopt;
    }
    return std::move(f.text);
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
