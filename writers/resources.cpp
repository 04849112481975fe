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

}  // namespace blogconv::writers
