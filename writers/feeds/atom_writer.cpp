#include <pugixml.hpp>

#include "writers/feeds/feed_common.h"
#include "writers/feeds/feeds.h"
#include "writers/feeds/xml_output.h"

namespace blogconv::writers {

namespace {

using feeds::add_text;

// A title that holds tags is HTML (jekyll-feed always says so); plain text stays text, so that a
// title like "a < b & c" is not read as markup.
bool looks_like_markup(std::string_view s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i)
        if (s[i] == '<' && (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/')) return true;
    return false;
}

void add_title(pugi::xml_node parent, const char* name, const std::string& text) {
    pugi::xml_node t = add_text(parent, name, text);
    if (looks_like_markup(text)) t.append_attribute("type") = "html";
}

void add_author(pugi::xml_node parent, const ir::Author& a) {
    pugi::xml_node author = parent.append_child("author");
    add_text(author, "name", a.name);
    if (feeds::plausible_email(a.email)) add_text(author, "email", a.email);
    if (!a.uri.empty()) add_text(author, "uri", a.uri);
}

void add_link(pugi::xml_node parent, const std::string& href, const char* rel, const char* type) {
    pugi::xml_node l = parent.append_child("link");
    l.append_attribute("href") = href.c_str();
    l.append_attribute("rel") = rel;
    l.append_attribute("type") = type;
}

}  // namespace

void write_atom(const ir::Site& site, const FeedOptions& options, Sink& sink, ir::Diagnostics& diagnostics) {
    const auto feed = feeds::prepare_feed(site, options, feeds::FeedFormat::atom, diagnostics);
    if (!feed) return;
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("feed");
    root.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
    if (!feed->lang.empty()) root.append_attribute("xml:lang") = feed->lang.c_str();
    pugi::xml_node gen = add_text(root, "generator", options.generator);
    if (!options.generator_uri.empty()) gen.append_attribute("uri") = options.generator_uri.c_str();
    add_link(root, feed->self_url, "self", "application/atom+xml");
    add_link(root, feed->home_url, "alternate", "text/html");
    add_text(root, "updated", ir::format_rfc3339(feed->updated));
    add_text(root, "id", feed->self_url);
    add_title(root, "title", feed->title);
    if (!feed->description.empty()) add_title(root, "subtitle", feed->description);
    for (const auto& a : feed->authors) add_author(root, a);
    if (!feed->icon.empty()) add_text(root, "icon", feed->icon);
    if (!feed->logo.empty()) add_text(root, "logo", feed->logo);

    for (const auto& e : feed->entries) {
        pugi::xml_node entry = root.append_child("entry");
        if (!e.lang.empty()) entry.append_attribute("xml:lang") = e.lang.c_str();
        add_title(entry, "title", e.title);
        pugi::xml_node link = entry.append_child("link");
        link.append_attribute("href") = e.url.c_str();
        link.append_attribute("rel") = "alternate";
        link.append_attribute("type") = "text/html";
        if (!e.title.empty()) link.append_attribute("title") = e.title.c_str();
        if (e.published) add_text(entry, "published", ir::format_rfc3339(*e.published));
        add_text(entry, "updated", ir::format_rfc3339(e.updated));
        add_text(entry, "id", e.id);
        if (!feed->excerpt_only) {
            pugi::xml_node content = add_text(entry, "content", e.content_html);
            content.append_attribute("type") = "html";
            content.append_attribute("xml:base") = e.url.c_str();
        }
        for (const auto& name : e.authors) add_author(entry, {name, "", ""});
        for (const auto& term : e.terms) entry.append_child("category").append_attribute("term") = term.c_str();
        if (!e.summary.empty()) {
            pugi::xml_node summary = add_text(entry, "summary", e.summary);
            if (e.summary_is_html) summary.append_attribute("type") = "html";
        }
    }
    sink.write("", feeds::serialize(doc));
}

}  // namespace blogconv::writers
