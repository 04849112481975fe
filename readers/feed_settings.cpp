#include "readers/feed_settings.h"

namespace blogconv::readers {

namespace {

// jekyll-feed's `tags:` / `categories:`: true (every one), a list of names, or a mapping whose
// `only:` lists them (`except:` alone means every one but those: written as every one here).
std::vector<std::string> split_names(const ir::Value* v) {
    if (!v) return {};
    if (v->is_bool()) return v->as_bool() ? std::vector<std::string>{"*"} : std::vector<std::string>{};
    std::vector<std::string> out;
    if (v->is_array()) {
        for (const auto& e : v->as_array()) out.push_back(e.to_text());
    } else if (v->is_object()) {
        if (const ir::Value* o = v->find("only"); o && o->is_array())
            for (const auto& e : o->as_array()) out.push_back(e.to_text());
        else
            out.push_back("*");
    }
    return out;
}

std::string non_empty_string(const ir::Value* v) { return v && v->is_string() ? v->as_string() : std::string(); }

}  // namespace

ir::FeedSettings feed_settings(const ir::Value& config) {
    ir::FeedSettings out;
    const ir::Value* feed = config.find("feed");
    if (!feed || !feed->is_object()) return out;
    out.path = non_empty_string(feed->find("path"));
    if (const ir::Value* v = feed->find("excerpt_only")) out.excerpt_only = v->truthy();
    if (const ir::Value* v = feed->find("posts_limit"); v && v->is_int() && v->as_int() >= 0)
        out.posts_limit = static_cast<std::size_t>(v->as_int());
    out.icon = non_empty_string(feed->find("icon"));
    out.logo = non_empty_string(feed->find("logo"));
    out.tag_feeds = split_names(feed->find("tags"));
    out.category_feeds = split_names(feed->find("categories"));
    return out;
}

std::string site_cover(const ir::Value& config) {
    for (const char* key : {"cover", "image"}) {
        const ir::Value* v = config.find(key);
        if (!v) continue;
        if (v->is_string()) return v->as_string();
        if (const ir::Value* p = v->is_object() ? v->find("path") : nullptr; p && p->is_string()) return p->as_string();
    }
    return "";
}

ir::SiteConventions site_conventions(const SiteConfig& config) {
    ir::SiteConventions out;
    out.permalinks["posts"] = config.permalink;
    for (const auto& c : config.collections)
        if (c.label != "posts" && c.permalink) out.permalinks[c.label] = *c.permalink;
    const ir::Value& raw = config.raw;
    if (const ir::Value* p = raw.find("paginate"); p && p->is_int() && p->as_int() > 0) out.posts_per_page = p->as_int();
    if (const ir::Value* n = raw.find("excerpt_length"); n && n->is_int()) out.excerpt_words = n->as_int();
    out.plugins = config.plugins;
    return out;
}

}  // namespace blogconv::readers
