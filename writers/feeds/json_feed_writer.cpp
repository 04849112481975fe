#include <nlohmann/json.hpp>

#include "writers/feeds/feed_common.h"
#include "writers/feeds/feeds.h"

namespace blogconv::writers {

namespace {

// nlohmann::ordered_json keeps keys in the order written, so the bytes are the same every run
// and the file reads in the order of the spec.
using Json = nlohmann::ordered_json;

Json author_json(const ir::Author& a) {
    Json j = Json::object();
    j["name"] = a.name;
    if (!a.uri.empty()) j["url"] = a.uri;
    return j;
}

}  // namespace

void write_json_feed(const ir::Site& site, const FeedOptions& options, Sink& sink, ir::Diagnostics& diagnostics) {
    const auto feed = feeds::prepare_feed(site, options, feeds::FeedFormat::json, diagnostics);
    if (!feed) return;
    Json j = Json::object();
    j["version"] = "https://jsonfeed.org/version/1.1";
    j["title"] = feed->title;
    j["home_page_url"] = feed->home_url;
    j["feed_url"] = feed->self_url;
    if (!feed->description.empty()) j["description"] = feed->description;
    if (!feed->lang.empty()) j["language"] = feed->lang;
    if (!feed->icon.empty()) j["icon"] = feed->icon;
    if (!feed->logo.empty()) j["favicon"] = feed->logo;
    j["authors"] = Json::array();
    for (const auto& a : feed->authors) j["authors"].push_back(author_json(a));
    j["items"] = Json::array();
    for (const auto& e : feed->entries) {
        Json item = Json::object();
        item["id"] = e.id;
        item["url"] = e.url;
        if (!e.title.empty()) item["title"] = e.title;
        // An item needs content_html or content_text: with excerpt_only the excerpt stands in.
        if (!feed->excerpt_only) item["content_html"] = e.content_html;
        else if (e.summary_is_html) item["content_html"] = e.summary;
        else item["content_text"] = e.summary;
        if (!e.summary_text.empty()) item["summary"] = e.summary_text;
        if (!e.image.empty()) item["image"] = e.image;
        if (e.published) item["date_published"] = ir::format_rfc3339(*e.published);
        item["date_modified"] = ir::format_rfc3339(e.updated);
        if (!e.terms.empty()) item["tags"] = e.terms;
        if (!e.authors.empty()) {
            item["authors"] = Json::array();
            for (const auto& name : e.authors) item["authors"].push_back(Json{{"name", name}});
        }
        if (!e.lang.empty()) item["language"] = e.lang;
        j["items"].push_back(std::move(item));
    }
    sink.write("", j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
}

}  // namespace blogconv::writers
