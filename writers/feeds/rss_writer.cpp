#include <set>

#include <pugixml.hpp>

#include "writers/feeds/feed_common.h"
#include "writers/feeds/feeds.h"
#include "writers/feeds/xml_output.h"
#include "writers/html/escape.h"

namespace blogconv::writers {

using feeds::add_text;

void write_rss(const ir::Site& site, const FeedOptions& options, Sink& sink, ir::Diagnostics& diagnostics) {
    const auto feed = feeds::prepare_feed(site, options, feeds::FeedFormat::rss, diagnostics);
    if (!feed) return;
    pugi::xml_document doc;
    pugi::xml_node rss = doc.append_child("rss");
    rss.append_attribute("version") = "2.0";
    rss.append_attribute("xmlns:atom") = "http://www.w3.org/2005/Atom";
    rss.append_attribute("xmlns:content") = "http://purl.org/rss/1.0/modules/content/";
    rss.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    pugi::xml_node channel = rss.append_child("channel");
    add_text(channel, "title", feed->title);
    add_text(channel, "link", feed->home_url);
    // RSS requires a description; the title is the closest thing a site without one has.
    add_text(channel, "description", feed->description.empty() ? feed->title : feed->description);
    if (!feed->lang.empty()) add_text(channel, "language", feed->lang);
    add_text(channel, "lastBuildDate", ir::format_rfc822(feed->updated));
    add_text(channel, "generator", options.generator);
    pugi::xml_node self = channel.append_child("atom:link");
    self.append_attribute("href") = feed->self_url.c_str();
    self.append_attribute("rel") = "self";
    self.append_attribute("type") = "application/rss+xml";

    std::set<std::string> guids;
    for (const auto& e : feed->entries) {
        pugi::xml_node item = channel.append_child("item");
        if (!e.title.empty()) add_text(item, "title", e.title);
        add_text(item, "link", e.url);
        // Two posts can share a permalink (Jekyll lets a later one overwrite the page); guids must
        // stay unique, so the second falls back to its id, which is not a permalink.
        pugi::xml_node guid;
        if (guids.insert(e.url).second) {
            guid = add_text(item, "guid", e.url);
            guid.append_attribute("isPermaLink") = "true";
        } else {
            std::string id = e.id;
            for (int n = 2; !guids.insert(id).second; ++n) id = e.id + "#" + std::to_string(n);
            guid = add_text(item, "guid", id);
            guid.append_attribute("isPermaLink") = "false";
        }
        if (e.published) add_text(item, "pubDate", ir::format_rfc822(*e.published));
        if (!e.summary.empty())
            add_text(item, "description", e.summary_is_html ? e.summary : html::escape(e.summary));
        else if (e.title.empty())
            add_text(item, "description", feed->excerpt_only ? std::string() : e.content_html);
        if (!feed->excerpt_only) add_text(item, "content:encoded", e.content_html);
        for (const auto& term : e.terms) add_text(item, "category", term);
        for (const auto& name : e.authors) add_text(item, "dc:creator", name);
    }
    sink.write("", feeds::serialize(doc));
}

}  // namespace blogconv::writers
