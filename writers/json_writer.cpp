#include "writers/json_writer.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "ir/parallel.h"

namespace blogconv::writers {

namespace {

using nlohmann::ordered_json;

ordered_json value_json(const ir::Value& v) {
    return std::visit(ir::overloaded{
                          [](std::monostate) { return ordered_json(nullptr); },
                          [](bool b) { return ordered_json(b); },
                          [](std::int64_t i) { return ordered_json(i); },
                          [](double d) { return ordered_json(d); },
                          [](const std::string& s) { return ordered_json(s); },
                          [](const ir::Array& a) {
                              ordered_json j = ordered_json::array();
                              for (const auto& e : a) j.push_back(value_json(e));
                              return j;
                          },
                          [](const ir::Object& o) {
                              ordered_json j = ordered_json::object();
                              for (const auto& [k, e] : o) j[k] = value_json(e);
                              return j;
                          },
                      },
                      v.storage());
}

void put_attr(ordered_json& j, const ir::Attr& a) {
    if (a.empty()) return;
    ordered_json attr = ordered_json::object();
    if (!a.id.empty()) attr["id"] = a.id;
    if (!a.classes.empty()) attr["classes"] = a.classes;
    if (!a.attributes.empty()) {
        ordered_json kv = ordered_json::object();
        for (const auto& [k, v] : a.attributes) kv[k] = v;
        attr["attributes"] = kv;
    }
    j["attr"] = attr;
}

ordered_json inlines_json(const ir::Inlines& ins);
ordered_json blocks_json(const ir::Blocks& bs);

ordered_json inline_json(const ir::Inline& in) {
    ordered_json j;
    ir::visit(ir::overloaded{
                   [&](const ir::Text& n) { j = {{"type", "text"}, {"text", n.text}}; },
                   [&](const ir::Emphasis& n) { j = {{"type", "emphasis"}, {"children", inlines_json(n.children)}}; },
                   [&](const ir::Strong& n) { j = {{"type", "strong"}, {"children", inlines_json(n.children)}}; },
                   [&](const ir::Strikethrough& n) {
                       j = {{"type", "strikethrough"}, {"children", inlines_json(n.children)}};
                   },
                   [&](const ir::Code& n) {
                       j = {{"type", "code"}, {"text", n.text}};
                       put_attr(j, n.attr);
                   },
                   [&](const ir::Link& n) {
                       j = {{"type", "link"}, {"url", n.url}};
                       if (!n.title.empty()) j["title"] = n.title;
                       if (!n.target_document.empty()) j["target_document"] = n.target_document;
                       j["children"] = inlines_json(n.children);
                       put_attr(j, n.attr);
                   },
                   [&](const ir::Image& n) {
                       j = {{"type", "image"}, {"url", n.url}};
                       if (!n.title.empty()) j["title"] = n.title;
                       j["alt"] = inlines_json(n.alt);
                       put_attr(j, n.attr);
                   },
                   [&](const ir::SoftBreak&) { j = {{"type", "soft_break"}}; },
                   [&](const ir::HardBreak&) { j = {{"type", "hard_break"}}; },
                   [&](const ir::RawInline& n) { j = {{"type", "raw_inline"}, {"format", n.format}, {"text", n.text}}; },
                   [&](const ir::FootnoteReference& n) { j = {{"type", "footnote_reference"}, {"label", n.label}}; },
                   [&](const ir::Math& n) { j = {{"type", "math"}, {"display", n.display}, {"tex", n.tex}}; },
                   [&](const ir::UnsupportedInline& n) {
                       j = {{"type", "unsupported_inline"}, {"kind", n.kind}, {"text", n.text}};
                       if (n.pos.line) j["line"] = n.pos.line;
                   },
               },
               in);
    return j;
}

ordered_json inlines_json(const ir::Inlines& ins) {
    ordered_json a = ordered_json::array();
    for (const auto& in : ins) a.push_back(inline_json(in));
    return a;
}

const char* alignment_name(ir::Alignment a) {
    switch (a) {
        case ir::Alignment::left: return "left";
        case ir::Alignment::center: return "center";
        case ir::Alignment::right: return "right";
        case ir::Alignment::none: break;
    }
    return "none";
}

ordered_json rows_json(const std::vector<ir::TableRow>& rows) {
    ordered_json a = ordered_json::array();
    for (const auto& row : rows) {
        ordered_json r = ordered_json::array();
        for (const auto& cell : row) r.push_back(inlines_json(cell.children));
        a.push_back(r);
    }
    return a;
}

ordered_json block_json(const ir::Block& b) {
    ordered_json j;
    std::visit(ir::overloaded{
                   [&](const ir::Paragraph& n) {
                       j = {{"type", "paragraph"}, {"children", inlines_json(n.children)}};
                       put_attr(j, n.attr);
                   },
                   [&](const ir::Heading& n) {
                       j = {{"type", "heading"}, {"level", n.level}, {"children", inlines_json(n.children)}};
                       put_attr(j, n.attr);
                   },
                   [&](const ir::CodeBlock& n) {
                       j = {{"type", "code_block"}, {"language", n.language}, {"text", n.text}};
                       if (n.line_numbers) j["line_numbers"] = true;
                       if (!n.options.empty()) {
                           ordered_json o = ordered_json::object();
                           for (const auto& [k, v] : n.options) o[k] = v;
                           j["options"] = o;
                       }
                       put_attr(j, n.attr);
                   },
                   [&](const ir::BlockQuote& n) {
                       j = {{"type", "block_quote"}, {"children", blocks_json(n.children)}};
                       put_attr(j, n.attr);
                   },
                   [&](const ir::List& n) {
                       j = {{"type", "list"}, {"ordered", n.ordered}};
                       if (n.ordered) j["start"] = n.start;
                       j["tight"] = n.tight;
                       ordered_json items = ordered_json::array();
                       for (const auto& it : n.items) {
                           ordered_json item = {{"children", blocks_json(it.children)}};
                           if (it.task) item["task"] = *it.task;
                           items.push_back(item);
                       }
                       j["items"] = items;
                       put_attr(j, n.attr);
                   },
                   [&](const ir::DefinitionList& n) {
                       j = {{"type", "definition_list"}};
                       ordered_json items = ordered_json::array();
                       for (const auto& it : n.items) {
                           ordered_json defs = ordered_json::array();
                           for (const auto& d : it.definitions) defs.push_back(blocks_json(d));
                           items.push_back({{"term", inlines_json(it.term)}, {"definitions", defs}});
                       }
                       j["items"] = items;
                       put_attr(j, n.attr);
                   },
                   [&](const ir::Table& n) {
                       ordered_json al = ordered_json::array();
                       for (auto a : n.alignments) al.push_back(alignment_name(a));
                       j = {{"type", "table"}, {"alignments", al}, {"head", rows_json(n.head)}, {"body", rows_json(n.body)}};
                       put_attr(j, n.attr);
                   },
                   [&](const ir::ThematicBreak&) { j = {{"type", "thematic_break"}}; },
                   [&](const ir::RawBlock& n) { j = {{"type", "raw_block"}, {"format", n.format}, {"text", n.text}}; },
                   [&](const ir::FootnoteDefinition& n) {
                       j = {{"type", "footnote_definition"}, {"label", n.label}, {"children", blocks_json(n.children)}};
                   },
                   [&](const ir::UnsupportedBlock& n) {
                       j = {{"type", "unsupported_block"}, {"kind", n.kind}, {"text", n.text}};
                   },
               },
               b.node);
    if (b.pos.line) j["line"] = b.pos.line;
    return j;
}

ordered_json blocks_json(const ir::Blocks& bs) {
    ordered_json a = ordered_json::array();
    for (const auto& b : bs) a.push_back(block_json(b));
    return a;
}

ordered_json diagnostic_json(const ir::Diagnostic& d) {
    return {{"severity", ir::severity_name(d.severity)}, {"file", d.file}, {"line", d.line}, {"col", d.col},
            {"message", d.message}, {"code", ir::code_name(d.code)}};
}

ordered_json document_json(const ir::Document& d, const JsonOptions& options) {
    ordered_json j;
    j["source_path"] = d.source_path;
    j["collection"] = d.collection;
    j["title"] = d.title;
    j["date"] = d.date ? ordered_json(ir::format_rfc3339(*d.date)) : ordered_json(nullptr);
    j["date_source"] = d.date_source;
    j["last_modified"] = d.last_modified ? ordered_json(ir::format_rfc3339(*d.last_modified)) : ordered_json(nullptr);
    j["slug"] = d.slug;
    j["url"] = d.url;
    j["categories"] = d.categories;
    j["tags"] = d.tags;
    j["authors"] = d.authors;
    j["description"] = d.description;
    j["lang"] = d.lang;
    j["image"] = d.image;
    j["draft"] = d.draft;
    j["published"] = d.published;
    j["future"] = d.future;
    j["input_format"] = d.input_format;
    j["excerpt_explicit"] = d.excerpt_explicit;
    j["excerpt_custom_separator"] = d.excerpt_custom_separator;
    if (options.include_body) {
        j["excerpt"] = blocks_json(d.excerpt);
        j["body"] = blocks_json(d.body);
    }
    j["front_matter"] = d.front_matter.is_null() ? ordered_json::object() : value_json(d.front_matter);
    ordered_json diags = ordered_json::array();
    for (const auto& diag : d.diagnostics) diags.push_back(diagnostic_json(diag));
    j["diagnostics"] = diags;
    return j;
}

}  // namespace

void write_json(const ir::Site& site, const JsonOptions& options, Sink& sink, ir::Diagnostics&) {
    ordered_json root;
    root["schema"] = json_schema_version;
    root["generator"] = "blogconv";
    ordered_json s;
    s["root"] = site.root;
    s["title"] = site.title;
    s["description"] = site.description;
    s["url"] = site.url;
    s["baseurl"] = site.baseurl;
    s["lang"] = site.lang;
    ordered_json authors = ordered_json::array();
    for (const auto& a : site.authors) authors.push_back({{"name", a.name}, {"email", a.email}, {"uri", a.uri}});
    s["authors"] = authors;
    s["cover"] = site.cover;
    // Unset optionals are null: the feed writer's default applies, which is not the same as false or 0.
    const ir::FeedSettings& f = site.feed;
    ordered_json feed;
    feed["path"] = f.path;
    feed["excerpt_only"] = f.excerpt_only ? ordered_json(*f.excerpt_only) : ordered_json(nullptr);
    feed["posts_limit"] = f.posts_limit ? ordered_json(*f.posts_limit) : ordered_json(nullptr);
    feed["icon"] = f.icon;
    feed["logo"] = f.logo;
    feed["tag_feeds"] = f.tag_feeds;
    feed["category_feeds"] = f.category_feeds;
    s["feed"] = feed;
    const ir::SiteConventions& c = site.conventions;
    ordered_json permalinks = ordered_json::object();
    for (const auto& [label, t] : c.permalinks) permalinks[label] = t;
    s["conventions"] = {{"permalinks", permalinks},
                        {"posts_per_page", c.posts_per_page ? ordered_json(*c.posts_per_page) : ordered_json(nullptr)},
                        {"excerpt_words", c.excerpt_words ? ordered_json(*c.excerpt_words) : ordered_json(nullptr)},
                        {"plugins", c.plugins}};
    s["timezone"] = site.timezone;
    s["time"] = ir::format_rfc3339(site.time);
    s["config"] = site.config.is_null() ? ordered_json::object() : value_json(site.config);
    s["data"] = site.data.is_null() ? ordered_json::object() : value_json(site.data);
    ordered_json statics = ordered_json::array();
    for (const auto& f : site.static_files) statics.push_back({{"source_path", f.source_path}, {"processed", f.processed}});
    s["static_files"] = statics;
    root["site"] = s;
    root["documents"] = ordered_json::array();
    // Invalid UTF-8 never reaches the IR (the reader refuses it), but replace rather than throw.
    auto dump = [&](const ordered_json& j) {
        return j.dump(options.indent, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    std::string frame = dump(root);
    // `documents` is the last key and dumps as `[]`: the documents go between the brackets, each
    // dumped on its own (on -j threads) and indented as one level deeper in the array would be.
    // A tree of every document at once was 1 GB at 10,000 posts. JSON strings hold no raw line
    // break, so every '\n' of a dump is layout and takes the deeper indent.
    const std::string tail = options.indent < 0 ? "]}" : "]\n}";
    if (!frame.ends_with("[" + tail)) throw std::logic_error("json writer: unexpected dump of the site");
    frame.erase(frame.size() - tail.size());
    std::vector<std::string> parts(site.documents.size() + 2);
    ir::parallel_for(site.documents.size(), options.jobs, [&](std::size_t i) {
        std::string doc = dump(document_json(site.documents[i], options));
        std::string& out = parts[i + 1];
        if (options.indent < 0) {
            out = (i ? "," : "") + doc;
            return;
        }
        const std::string pad = "\n" + std::string(2 * static_cast<std::size_t>(options.indent), ' ');
        out.reserve(doc.size() + doc.size() / 8 + pad.size() + 1);
        out += i ? "," : "";
        out += pad;
        for (char c : doc) {
            if (c == '\n') out += pad;
            else out += c;
        }
    });
    parts.front() = std::move(frame);
    // A non-empty array closes on its own line, indented as its key (nlohmann's layout).
    const bool own_line = !site.documents.empty() && options.indent >= 0;
    parts.back() = (own_line ? "\n" + std::string(static_cast<std::size_t>(options.indent), ' ') : "") + tail + "\n";
    sink.write_parts("", std::move(parts));
}

}  // namespace blogconv::writers
