#include "readers/site_config.h"

#include <fstream>
#include <sstream>

#include "readers/front_matter.h"
#include "readers/permalink.h"
#include "readers/yaml_value.h"

namespace blogconv::readers {

namespace {

std::string text_of(const ir::Value* v) { return v ? v->to_text() : std::string(); }

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s + ",") {
        if (c == ',') {
            std::size_t a = cur.find_first_not_of(" \t"), b = cur.find_last_not_of(" \t");
            if (a != std::string::npos) out.push_back(cur.substr(a, b - a + 1));
            cur.clear();
        } else {
            cur += c;
        }
    }
    return out;
}

}  // namespace

const CollectionConfig& SiteConfig::posts() const {
    for (const auto& c : collections)
        if (c.label == "posts") return c;
    static const CollectionConfig fallback{"posts", true, std::nullopt};
    return fallback;
}

const CollectionConfig* SiteConfig::collection(const std::string& label) const {
    for (const auto& c : collections)
        if (c.label == label) return &c;
    return nullptr;
}

SiteConfig default_site_config() { return site_config_from_value(ir::Value(ir::Object{})); }

SiteConfig site_config_from_value(const ir::Value& raw) {
    SiteConfig c;
    c.raw = raw.is_object() ? raw : ir::Value(ir::Object{});
    const ir::Value& r = c.raw;
    c.title = text_of(r.find("title"));
    if (c.title.empty()) c.title = text_of(r.find("name"));
    c.description = text_of(r.find("description"));
    c.url = text_of(r.find("url"));
    while (!c.url.empty() && c.url.back() == '/') c.url.pop_back();
    c.baseurl = text_of(r.find("baseurl"));
    while (!c.baseurl.empty() && c.baseurl.back() == '/') c.baseurl.pop_back();
    if (!c.baseurl.empty() && c.baseurl.front() != '/') c.baseurl.insert(0, "/");
    if (const ir::Value* a = r.find("author")) c.author = *a;
    c.lang = text_of(r.find("lang"));
    if (c.lang.empty()) c.lang = text_of(r.find("language"));
    c.timezone = text_of(r.find("timezone"));
    if (const ir::Value* e = r.find("excerpt_separator"); e && !e->is_null()) c.excerpt_separator = e->to_text();
    // Jekyll merges the file over its defaults, and a null value keeps the default.
    if (const ir::Value* p = r.find("permalink"); p && !p->is_null()) c.permalink = p->to_text();
    if (const ir::Value* f = r.find("future")) c.future = f->truthy() && !(f->is_bool() && !f->as_bool());
    c.collections_dir = text_of(r.find("collections_dir"));
    if (const ir::Value* m = r.find("markdown_ext"); m && !m->is_null()) c.markdown_ext = split_commas(m->to_text());
    if (const ir::Value* k = r.find("kramdown"); k && k->is_object()) {
        if (const ir::Value* in = k->find("input")) {
            std::string s = in->to_text();
            if (!in->is_null()) c.gfm_input = s == "GFM" || s == "gfm";
        }
        if (const ir::Value* ids = k->find("auto_ids"); ids && ids->is_bool()) c.kramdown_auto_ids = ids->as_bool();
    }
    if (const ir::Value* ex = r.find("exclude"); ex && ex->is_array())
        for (const auto& e : ex->as_array()) c.exclude.push_back(e.to_text());
    auto names = [&](const char* key) {
        std::vector<std::string> out;
        if (const ir::Value* p = r.find(key); p && p->is_array())
            for (const auto& e : p->as_array())
                if (e.is_string()) out.push_back(e.as_string());
        return out;
    };
    // Jekyll 4 loads the gems of `plugins:` only (Site#initialize); `gems:` is a Jekyll 3 name it
    // ignores, so it turns no module on (it is still listed, for the migration report).
    c.plugins = names("plugins");
    c.enabled_plugins = enabled_plugins(c.plugins);
    for (auto& gem : names("gems")) c.plugins.push_back(std::move(gem));

    // Collections: posts first (always there, always written), then the configured ones.
    CollectionConfig posts{"posts", true, std::nullopt};
    std::vector<CollectionConfig> others;
    if (const ir::Value* cols = r.find("collections")) {
        auto add = [&](const std::string& label, const ir::Value* meta) {
            CollectionConfig cc{label, false, std::nullopt};
            if (meta && meta->is_object()) {
                if (const ir::Value* o = meta->find("output")) cc.output = o->is_bool() ? o->as_bool() : o->truthy();
                if (const ir::Value* p = meta->find("permalink"); p && !p->is_null()) cc.permalink = p->to_text();
            }
            if (label == "posts") {
                posts.permalink = cc.permalink;
            } else {
                others.push_back(cc);
            }
        };
        if (cols->is_array()) {
            for (const auto& l : cols->as_array()) add(l.to_text(), nullptr);
        } else if (cols->is_object()) {
            for (const auto& [label, meta] : cols->as_object()) add(label, &meta);
        }
    }
    if (!posts.permalink) posts.permalink = style_to_permalink(c.permalink);
    c.collections.push_back(posts);
    for (auto& o : others) c.collections.push_back(o);

    if (const ir::Value* ds = r.find("defaults"); ds && ds->is_array()) {
        for (const auto& set : ds->as_array()) {
            const ir::Value* values = set.find("values");
            if (!set.is_object() || !values || !values->is_object()) continue;  // Jekyll warns and skips it
            DefaultsSet d;
            d.values = *values;
            if (const ir::Value* scope = set.find("scope"); scope && scope->is_object()) {
                if (const ir::Value* p = scope->find("path"); p && p->is_string()) d.path = p->as_string();
                if (const ir::Value* t = scope->find("type"); t && !t->is_null()) {
                    std::string type = t->to_text();
                    // Jekyll's deprecated singular type names.
                    if (type == "page") type = "pages";
                    if (type == "post") type = "posts";
                    if (type == "draft") type = "drafts";
                    d.type = type;
                }
            }
            c.defaults.push_back(std::move(d));
        }
    }
    return c;
}

SiteConfig load_site_config(std::string_view text, const std::string& display_path, std::size_t max_yaml_nodes,
                            std::vector<ir::Diagnostic>& diagnostics) {
    YamlResult y = parse_yaml(strip_bom(text), display_path, 1, max_yaml_nodes);
    if (y.error) {
        diagnostics.push_back(*y.error);
        return default_site_config();
    }
    return site_config_from_value(y.value);
}

}  // namespace blogconv::readers
