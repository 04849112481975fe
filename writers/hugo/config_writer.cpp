#include "writers/hugo/config_writer.h"

#include <set>

#include "writers/front_matter/serialize.h"

namespace blogconv::writers::hugo {

namespace {

// Keys that become Hugo settings of their own rather than params.
const std::set<std::string> mapped_keys = {"title", "url", "baseurl", "timezone", "lang", "permalink", "paginate"};

struct PluginMapping {
    const char* name;
    const char* hugo;  // what Hugo does instead; nullptr = a person must act
    const char* advice;
};

const PluginMapping plugin_mappings[] = {
    {"jekyll-feed", "Hugo writes RSS feeds itself (`/index.xml`, one per section and taxonomy)",
     "the feed URL changes from `/feed.xml`; add an alias or a custom output format if readers subscribe to it"},
    {"jekyll-sitemap", "Hugo writes `/sitemap.xml` itself", nullptr},
    {"jekyll-redirect-from", "`redirect_from` became Hugo `aliases`", nullptr},
    {"jekyll-seo-tag", nullptr,
     "use Hugo's internal templates `_internal/opengraph.html` and `_internal/twitter_cards.html` in the theme's head"},
    {"jemoji", "`enableEmoji = true`", nullptr},
    {"jekyll-gist", "`{% gist %}` tags became Hugo's `gist` shortcode", nullptr},
    {"jekyll-paginate", "`paginate` is set; Hugo pages lists as `/page/2/`", nullptr},
    {"jekyll-paginate-v2", nullptr, "configure Hugo's `paginate` and `.Paginator` in the theme"},
    {"jekyll-archives", nullptr, "Hugo's taxonomies give tag and category pages; archive URLs differ"},
    {"jekyll-last-modified-at", "`last_modified_at` became `lastmod`", nullptr},
    {"jekyll-include-cache", nullptr, "port cached includes to Hugo partials (`partialCached`)"},
    {"jekyll-relative-links", "links to documents became `ref` shortcodes", nullptr},
    {"jekyll-remote-theme", nullptr, "choose a Hugo theme"},
    {"jekyll-github-metadata", nullptr, "set the repository data by hand in [params]"},
    {"jekyll-mentions", nullptr, "`@mentions` are not linked by Hugo"},
    {"jekyll-default-layout", "Hugo picks layouts by kind", nullptr},
    {"jekyll-titles-from-headings", nullptr, "titles were taken as Jekyll computed them"},
    {"jekyll-optional-front-matter", "every Markdown file in content/ is a page in Hugo", nullptr},
    {"jekyll-readme-index", nullptr, "rename README.md to _index.md where it served as an index"},
};

}  // namespace

std::string write_hugo_config(const ir::Site& site, const HugoOptions& options, const ConfigPlan& plan,
                              MigrationReport& report) {
    const ir::Value& config = site.config;
    ir::Object out;
    std::string base = site.url.empty() ? std::string("/") : site.url + site.baseurl + "/";
    if (site.url.empty()) {
        base = site.baseurl + "/";
        report.item("_config.yml", 0, "Configuration",
                    "the site has no `url`: set `baseURL` in hugo.toml to the address the site is served from");
    }
    out.emplace_back("baseURL", base);
    if (!site.title.empty()) out.emplace_back("title", site.title);
    std::string lang = site.lang.empty() ? options.default_language_code : site.lang;
    if (!lang.empty()) out.emplace_back("languageCode", lang);
    if (!site.timezone.empty()) out.emplace_back("timeZone", site.timezone);
    // Jekyll keeps the case of file names in URLs; Hugo would lower-case them.
    out.emplace_back("disablePathToLower", true);
    if (plan.ugly_urls) out.emplace_back("uglyURLs", true);
    if (const auto per_page = site.conventions.posts_per_page) {
        out.emplace_back("paginate", *per_page);
        report.note("`paginate: " + std::to_string(*per_page) + "` kept; Hugo's pager URLs are `/page/N/` (" +
                    "Jekyll's `paginate_path` is not used)");
    }
    if (const auto words = site.conventions.excerpt_words) out.emplace_back("summaryLength", *words);

    // Plugins.
    for (const auto& name : site.conventions.plugins) {
        const PluginMapping* m = nullptr;
        for (const auto& pm : plugin_mappings)
            if (name == pm.name) m = &pm;
        if (name == "jemoji") out.emplace_back("enableEmoji", true);
        if (m && m->hugo) {
            report.note("plugin `" + name + "`: " + m->hugo + (m->advice ? std::string("; ") + m->advice : ""));
        } else {
            report.item("_config.yml", 0, "Plugins",
                        "plugin `" + name + "`: " + (m ? m->advice : "no Hugo equivalent known; check what it did"));
        }
    }

    if (!plan.permalinks.empty()) {
        ir::Object perma;
        for (const auto& [section, pattern] : plan.permalinks) perma.emplace_back(section, pattern);
        out.emplace_back("permalinks", perma);
    }
    out.emplace_back("taxonomies", ir::Object{{"tag", "tags"}, {"category", "categories"}});

    // Jekyll passes raw HTML through; Goldmark would drop it without `unsafe`.
    ir::Object goldmark{{"renderer", ir::Object{{"unsafe", true}}}};
    if (plan.block_attributes)
        goldmark.emplace_back("parser", ir::Object{{"attribute", ir::Object{{"block", true}, {"title", true}}}});
    out.emplace_back("markup", ir::Object{{"goldmark", goldmark}});

    // Every other key, so templates can still reach it as .Site.Params.<key>.
    ir::Object params;
    if (!site.description.empty()) params.emplace_back("description", site.description);
    if (config.is_object()) {
        for (const auto& [k, v] : config.as_object()) {
            if (mapped_keys.count(k) || k == "description") continue;
            if (k == "name" && config.find("title") == nullptr) continue;  // became the title
            params.emplace_back(k, v);
        }
    }
    if (!params.empty()) out.emplace_back("params", params);

    DroppedNulls nulls;
    std::string text = serialize_mapping(out, SerializeOptions{FrontMatterFormat::toml, {}}, &nulls);
    if (!nulls.empty())
        report.note(std::to_string(nulls.size()) + " empty (null) value(s) of _config.yml left out of hugo.toml (TOML has no null)");
    return text;
}

}  // namespace blogconv::writers::hugo
