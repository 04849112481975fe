#include "writers/feeds/feed_common.h"

#include <algorithm>
#include <cctype>

#include "writers/html/escape.h"
#include "writers/html/html_renderer.h"
#include "writers/site_urls.h"

namespace blogconv::writers::feeds {

namespace {

std::string remove_dot_segments(std::string_view path) {
    std::vector<std::string> out;
    std::size_t i = 0;
    bool trailing_slash = false;
    while (i <= path.size()) {
        auto slash = path.find('/', i);
        if (slash == std::string_view::npos) slash = path.size();
        const std::string_view seg = path.substr(i, slash - i);
        trailing_slash = false;
        if (seg == "..") {
            if (out.size() > 1) out.pop_back();
            trailing_slash = true;
        } else if (seg == ".") {
            trailing_slash = true;
        } else if (!(seg.empty() && i == 0)) {
            out.emplace_back(seg);
        } else {
            out.emplace_back();  // the leading "" of an absolute path
        }
        i = slash + 1;
    }
    std::string result;
    for (std::size_t k = 0; k < out.size(); ++k) result += (k == 0 ? "" : "/") + out[k];
    if (trailing_slash && (result.empty() || result.back() != '/')) result += '/';
    if (result.empty() || result[0] != '/') result.insert(0, "/");
    return result;
}

bool has_any(const std::vector<std::string>& have, const std::vector<std::string>& wanted) {
    for (const auto& w : wanted)
        if (std::find(have.begin(), have.end(), w) != have.end()) return true;
    return false;
}

// Ruby's File.dirname for a URL path: trailing slashes ignored, "/" for top-level names.
std::string ruby_dirname(std::string_view path) {
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    const auto slash = path.rfind('/');
    if (slash == std::string_view::npos) return ".";
    if (slash == 0) return "/";
    return std::string(path.substr(0, slash));
}

std::string clean(std::string_view s) { return html::xml_clean(s); }

}  // namespace

std::string url_origin(std::string_view url) {
    if (!has_scheme(url)) return "";
    const auto colon = url.find(':');
    if (url.substr(colon + 1, 2) != "//") return std::string(url.substr(0, colon + 1));
    const auto end = url.find_first_of("/?#", colon + 3);
    return std::string(url.substr(0, end == std::string_view::npos ? url.size() : end));
}

std::string resolve_url(std::string_view base, std::string_view ref) {
    if (ref.empty() || has_scheme(ref)) return std::string(ref);
    const std::string origin = url_origin(base);
    if (origin.empty()) return std::string(ref);
    if (ref.substr(0, 2) == "//") return origin.substr(0, origin.find(':') + 1) + std::string(ref);
    std::string_view base_rest = base.substr(origin.size());
    const auto base_frag = base_rest.find('#');
    if (base_frag != std::string_view::npos) base_rest = base_rest.substr(0, base_frag);
    if (ref[0] == '#') return origin + std::string(base_rest) + std::string(ref);
    const auto base_query = base_rest.find('?');
    std::string_view base_path = base_rest.substr(0, base_query);
    if (base_path.empty()) base_path = "/";
    if (ref[0] == '?') return origin + std::string(base_path) + std::string(ref);
    const auto suffix_at = ref.find_first_of("?#");
    const std::string_view ref_path = ref.substr(0, suffix_at);
    const std::string_view suffix = suffix_at == std::string_view::npos ? "" : ref.substr(suffix_at);
    std::string merged;
    if (ref_path.empty()) merged = std::string(base_path);
    else if (ref_path[0] == '/') merged = std::string(ref_path);
    else merged = std::string(base_path.substr(0, base_path.rfind('/') + 1)) + std::string(ref_path);
    return origin + remove_dot_segments(merged) + std::string(suffix);
}

std::string language_tag(std::string_view lang) {
    std::string tag(lang);
    std::replace(tag.begin(), tag.end(), '_', '-');
    // [A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*, what RSS's schema and xml:lang accept.
    std::size_t part = 0, len = 0;
    for (char c : tag) {
        if (c == '-') {
            if (len == 0) return "";
            ++part, len = 0;
            continue;
        }
        const bool ok = part == 0 ? std::isalpha(static_cast<unsigned char>(c)) : std::isalnum(static_cast<unsigned char>(c));
        if (!ok || ++len > 8) return "";
    }
    return len == 0 ? "" : tag;
}

std::vector<const ir::Document*> select_posts(const ir::Site& site, const FeedOptions& options, std::size_t limit) {
    std::vector<const ir::Document*> posts;
    for (const auto& d : site.documents) {
        if (!d.is_post() || !d.published) continue;
        if (!options.tags.empty() && !has_any(d.tags, options.tags)) continue;
        if (!options.categories.empty() && !has_any(d.categories, options.categories)) continue;
        posts.push_back(&d);
    }
    std::stable_sort(posts.begin(), posts.end(), [](const ir::Document* a, const ir::Document* b) {
        if (a->date.has_value() != b->date.has_value()) return a->date.has_value();
        if (a->date && a->date->utc_seconds != b->date->utc_seconds) return a->date->utc_seconds > b->date->utc_seconds;
        // Jekyll orders equal dates by path; newest first reverses that. (jekyll-feed itself
        // re-sorts with Ruby's unstable sort, so its order of equal dates is not reproducible.)
        if (a->source_path != b->source_path) return a->source_path > b->source_path;
        return a->url > b->url;
    });
    if (limit != 0 && posts.size() > limit) posts.resize(limit);
    return posts;
}

std::optional<FeedData> prepare_feed(const ir::Site& site, const FeedOptions& options, FeedFormat format,
                                     ir::Diagnostics& diagnostics) {
    std::string site_url = options.site_url.empty() ? site.url : options.site_url;
    while (!site_url.empty() && site_url.back() == '/') site_url.pop_back();
    if (site_url.empty() || url_origin(site_url).empty()) {
        diagnostics.add({ir::DiagnosticCode::feed_needs_absolute_url, ir::Severity::error, "_config.yml", 0, 0,
                         site_url.empty()
                        ? "feeds need absolute URLs: set `url:` in _config.yml or pass --site-url"
                        : "feeds need absolute URLs, and `" + site_url +
                              "` is not one: set `url:` in _config.yml to e.g. https://example.org or pass --site-url"});
        return std::nullopt;
    }
    std::string baseurl = site.baseurl;
    while (!baseurl.empty() && baseurl.back() == '/') baseurl.pop_back();
    if (!baseurl.empty() && baseurl[0] != '/') baseurl.insert(0, "/");
    const std::string base = site_url + baseurl;

    FeedData feed;
    feed.site_url = url_origin(site_url);
    feed.home_url = base + "/";
    std::string path;
    if (options.path) path = *options.path;
    else if (format == FeedFormat::atom) {
        path = site.feed.path.empty() ? "/feed.xml" : site.feed.path;
    } else {
        path = format == FeedFormat::rss ? "/rss.xml" : "/feed.json";
    }
    if (path.empty() || path[0] != '/') path.insert(0, "/");
    feed.self_url = clean(options.self_url.empty() ? base + path : options.self_url);
    feed.title = clean(options.title.empty() ? site.title : options.title);
    feed.description = clean(site.description);
    feed.lang = language_tag(site.lang);
    feed.authors = site.authors;
    for (auto& a : feed.authors) a = {clean(a.name), clean(a.email), clean(a.uri)};
    // Atom needs an author on every entry or on the feed; a site that names none still deserves
    // a valid feed, and the site's own name is the honest stand-in.
    if (feed.authors.empty()) feed.authors.push_back({feed.title.empty() ? feed.site_url.substr(feed.site_url.find("//") + 2) : feed.title, "", ""});
    if (!site.feed.icon.empty()) feed.icon = clean(resolve_url(feed.home_url, site.feed.icon));
    if (!site.feed.logo.empty()) feed.logo = clean(resolve_url(feed.home_url, site.feed.logo));

    std::size_t limit = 10;
    if (options.limit) limit = *options.limit;
    else if (site.feed.posts_limit)
        limit = *site.feed.posts_limit;
    feed.excerpt_only = options.excerpt_only.value_or(site.feed.excerpt_only.value_or(false));

    const auto posts = select_posts(site, options, limit);
    std::optional<ir::DateTime> newest;
    for (const auto* d : posts) {
        for (const auto& t : {d->date, d->last_modified})
            if (t && (!newest || newest->utc_seconds < t->utc_seconds)) newest = t;
    }
    feed.updated = newest.value_or(site.time);

    for (const auto* d : posts) {
        FeedEntry e;
        e.doc = d;
        e.title = clean(d->title);
        // Addressable's normalize, as far as ids need it: bytes outside printable ASCII percent-encoded.
        e.url = clean(percent_encode_url(base + d->url));
        if (options.jekyll_ids) {
            std::string slug = d->slug;
            if (const ir::Value* s = d->front_matter.find("slug"); s && s->is_string() && !s->as_string().empty())
                slug = s->as_string();
            std::string dir = ruby_dirname(d->url);
            std::string id_path = dir == "." ? "/" + slug : (dir == "/" ? "/" + slug : dir + "/" + slug);
            e.id = clean(percent_encode_url(base + id_path));
        } else {
            e.id = e.url;
        }
        HtmlOptions ho;
        // Post HTML as jekyll-feed gives it: a feed reader sanitizes what it shows (sanitize.h).
        ho.sanitize = false;
        // A feed reader resolves a relative URL against the entry's link, as a browser on the
        // site would; an image written relative to the post's source file is pointed at where
        // its file is served instead, so the feed shows the file every other format embeds.
        const UrlBase url_base_of_post = url_base(*d, site);
        ho.rewrite_url = [&e, &site, &site_url, &url_base_of_post](const std::string& u, const std::string&) {
            auto is_static = [&site](const std::string& path) { return is_static_file(site, path); };
            if (auto moved = relocated_url(u, url_base_of_post, is_static, site_url)) return *moved;
            return resolve_url(e.url, u);
        };
        if (!feed.excerpt_only) e.content_html = clean(render_html(d->body, ho));
        if (!d->description.empty()) {
            e.summary = clean(d->description);
            e.summary_text = e.summary;
        } else if (!d->excerpt.empty()) {
            e.summary = clean(render_html(d->excerpt, [&] {
                HtmlOptions eo = ho;
                eo.footnotes = false;
                return eo;
            }()));
            // A trailing newline is an artefact of block rendering, not content.
            while (!e.summary.empty() && e.summary.back() == '\n') e.summary.pop_back();
            e.summary_is_html = true;
            e.summary_text = clean(blocks_plain_text(d->excerpt));
        }
        e.published = d->date;
        e.updated = d->last_modified ? *d->last_modified : d->date ? *d->date : feed.updated;
        for (const auto* list : {&d->tags, &d->categories})
            for (const auto& t : *list) {
                std::string term = clean(t);
                if (!term.empty() && std::find(e.terms.begin(), e.terms.end(), term) == e.terms.end())
                    e.terms.push_back(std::move(term));
            }
        for (const auto& a : d->authors)
            if (!clean(a).empty()) e.authors.push_back(clean(a));
        // jekyll-feed runs `image | absolute_url`: a site-relative path gets site URL and baseurl.
        if (!d->image.empty())
            e.image = clean(percent_encode_url(
                has_scheme(d->image) || d->image.substr(0, 2) == "//"
                    ? resolve_url(e.url, d->image)
                    : base + (d->image[0] == '/' ? "" : "/") + d->image));
        const std::string lang = language_tag(d->lang);
        if (!lang.empty() && lang != feed.lang) e.lang = lang;
        feed.entries.push_back(std::move(e));
    }
    return feed;
}

}  // namespace blogconv::writers::feeds
