#include "writers/epub/images.h"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace blogconv::writers::epub {

namespace fs = std::filesystem;

namespace {

std::string extension_for(const std::string& media_type) {
    if (media_type == "image/png") return ".png";
    if (media_type == "image/jpeg") return ".jpg";
    if (media_type == "image/gif") return ".gif";
    if (media_type == "image/svg+xml") return ".svg";
    return ".bin";
}

}  // namespace

std::string sniff_media_type(std::string_view b) {
    if (b.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
    if (b.starts_with("\xff\xd8\xff")) return "image/jpeg";
    if (b.starts_with("GIF87a") || b.starts_with("GIF89a")) return "image/gif";
    if (b.size() >= 12 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP") return "image/webp";
    // SVG is text: an <svg element near the start, after an optional BOM, XML declaration,
    // comments or doctype.
    std::string_view head = b.substr(0, 4096);
    if (head.starts_with("\xef\xbb\xbf")) head.remove_prefix(3);
    std::size_t i = 0;
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    if (i < head.size() && head[i] == '<' && head.find("<svg") != std::string_view::npos) return "image/svg+xml";
    return "";
}

ImageStore::ImageStore(const ResourceReader* reader, std::string site_url, std::string baseurl, EmbedBudget* budget)
    : reader_(reader), budget_(budget), site_url_(std::move(site_url)), baseurl_(std::move(baseurl)) {}

ImageLookup ImageStore::resolve(const std::string& raw_url, const std::string& source_path,
                                const std::string& permalink) {
    ImageLookup r;
    const SiteUrl url = resolve_site_url(raw_url, {source_path, permalink, site_url_, baseurl_});
    switch (url.kind) {
        case UrlKind::empty:
        case UrlKind::fragment:
            r.message = "an image without a URL";
            return r;
        case UrlKind::data:
            r.kind = ImageLookup::Kind::data;
            r.message = "a data: URL image cannot be declared in the book's manifest; shown as its alt text";
            return r;
        case UrlKind::remote:
            r.kind = ImageLookup::Kind::remote;
            r.message = "remote image " + raw_url + " is not embedded (a book should not fetch from the web); shown as a link";
            return r;
        case UrlKind::outside_root:
            r.kind = ImageLookup::Kind::refused;
            r.message = "image " + raw_url + " lies outside the site folder; refusing to embed it";
            return r;
        case UrlKind::site: break;
    }
    if (!reader_) {
        r.message = "image " + raw_url + " not found: there is no site folder to read it from; shown as its alt text";
        return r;
    }
    // The candidates in their order (site_urls.h); one seen before is not read again.
    bool escaped = false;
    std::string error;
    for (const auto& c : url.candidates) {
        if (auto it = by_path_.find(c); it != by_path_.end()) return it->second;
        ResourceRead read = reader_->read(c);
        if (read.ok()) return embed(c, std::move(read.bytes), fs::path(c).filename().string(), "");
        escaped = escaped || read.status == ResourceStatus::outside_root;
        if (error.empty()) error = c + ": " + read.message;
    }
    if (escaped) {
        r.kind = ImageLookup::Kind::refused;
        r.message = "image " + raw_url + " lies outside the site folder; refusing to embed it";
    } else {
        r.message = "image " + raw_url + " not found (" + error + "); shown as its alt text";
    }
    return r;
}

ImageLookup ImageStore::add_file(const fs::path& file, const std::string& properties) {
    ImageLookup r;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in) {
        r.message = "cannot read image " + file.string();
        return r;
    }
    return embed("file:" + file.string(), ss.str(), file.filename().string(), properties);
}

ImageLookup ImageStore::add_site_file(const std::string& site_path_in, const std::string& properties) {
    ImageLookup r;
    const std::string site_path = join_site_path("", site_path_in).value_or("");
    ResourceRead read{ResourceStatus::outside_root, {}, "the path leaves the site root"};
    if (!reader_) read = {ResourceStatus::missing, {}, "there is no site folder to read it from"};
    else if (!site_path.empty()) read = reader_->read(site_path);
    if (!read.ok()) {
        r.kind = read.status == ResourceStatus::outside_root ? ImageLookup::Kind::refused : ImageLookup::Kind::missing;
        r.message = "image " + site_path_in + ": " + read.message;
        return r;
    }
    return embed(site_path, std::move(read.bytes), fs::path(site_path).filename().string(), properties);
}

ImageLookup ImageStore::embed(const std::string& key, std::string bytes, const std::string& name,
                              const std::string& properties) {
    if (auto it = by_path_.find(key); it != by_path_.end()) {
        if (!properties.empty())
            for (auto& res : resources_)
                if (res.href == it->second.href) res.properties = properties;
        return it->second;
    }
    ImageLookup r;
    std::string type = sniff_media_type(bytes);
    if (type.empty() || type == "image/webp") {
        r.kind = ImageLookup::Kind::unsupported;
        r.message = name +
                    (type.empty() ? " is not a PNG, JPEG, GIF or SVG image"
                                  : " is a WebP image, which EPUB 3.2 reading systems need not show; convert it to PNG or JPEG") +
                    "; shown as its alt text";
        by_path_.emplace(key, r);
        return r;
    }
    if (budget_ && !budget_->charge(bytes.size())) {
        r.kind = ImageLookup::Kind::over_budget;
        r.message = name + " is past --max-embedded-bytes; shown as its alt text";
        by_path_.emplace(key, r);
        return r;
    }
    char id[48];
    std::snprintf(id, sizeof id, "i%04zu", resources_.size() + 1);
    Resource res;
    res.id = std::string("img-") + id;
    res.href = properties == "cover-image" ? "images/cover" + extension_for(type) : "images/" + std::string(id) + extension_for(type);
    res.media_type = type;
    res.properties = properties;
    res.bytes = std::move(bytes);
    r.kind = ImageLookup::Kind::embedded;
    r.href = res.href;
    resources_.push_back(std::move(res));
    by_path_.emplace(key, r);
    return r;
}

ir::DiagnosticCode diagnostic_code(ImageLookup::Kind kind) {
    switch (kind) {
        case ImageLookup::Kind::remote: return ir::DiagnosticCode::remote_content;
        case ImageLookup::Kind::refused: return ir::DiagnosticCode::file_outside_site;
        case ImageLookup::Kind::over_budget: return ir::DiagnosticCode::embed_budget;
        default: return ir::DiagnosticCode::image_not_embedded;
    }
}

}  // namespace blogconv::writers::epub
