#include "writers/resources.h"


namespace fs = std::filesystem;

namespace blogconv::writers {

FolderResources::FolderResources(const fs::path& root, std::size_t max_size)
    : files_(std::make_shared<const ir::GuardedReader>(root.empty() ? fs::path(".") : root)), max_size_(max_size) {}

ResourceRead FolderResources::read(const std::string& site_path) const {
    if (site_path.empty() || site_path.front() == '/')
        return {ResourceStatus::outside_root, {}, "not a path inside the site"};
    ir::GuardedReader::File f = files_->read(site_path, max_size_);
    if (!f.ok()) return {f.status, {}, std::move(f.error)};
    return {ResourceStatus::ok, std::move(f.text), {}};
}

FoundResource read_site_url(const ResourceReader& reader, const SiteUrl& url) {
    FoundResource best;
    bool have_failure = false;
    for (const auto& candidate : url.candidates) {
        ResourceRead r = reader.read(candidate);
        if (r.ok()) return {candidate, std::move(r)};
        // Keep the first failure, unless a later one says more than "missing".
        if (!have_failure || (best.read.status == ResourceStatus::missing && r.status != ResourceStatus::missing)) {
            best = {candidate, std::move(r)};
            have_failure = true;
        }
    }
    return best;
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
