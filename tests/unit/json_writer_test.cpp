// `--to json`: the document dump is assembled from one dump per document; it must read back as
// the same JSON for any indent and any number of documents, laid out exactly as one dump of the
// whole tree would be.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "writers/json_writer.h"

using namespace blogconv;
using nlohmann::ordered_json;

namespace {

ir::Site site_with(std::size_t documents) {
    ir::Site s;
    s.title = "T \"quoted\"\nline";
    s.url = "https://example.org";
    for (std::size_t i = 0; i < documents; ++i) {
        ir::Document d;
        d.source_path = "_posts/2020-01-0" + std::to_string(i + 1) + "-p.md";
        d.collection = "posts";
        d.title = "Post " + std::to_string(i) + " with a\nline break";
        d.tags = {"a", "b"};
        d.front_matter = ir::Object{{"title", d.title}, {"nested", ir::Object{{"list", ir::Array{1, 2.5, true}}}}};
        ir::Paragraph p;
        p.children = {ir::Inline(ir::Text{"Hello\n{\"not\": json}"})};
        d.body = {ir::Block(std::move(p))};
        s.documents.push_back(std::move(d));
    }
    return s;
}

std::string dump_of(const ir::Site& s, int indent, unsigned jobs) {
    writers::JsonOptions o;
    o.indent = indent;
    o.jobs = jobs;
    writers::MemorySink sink;
    ir::Diagnostics diags;
    writers::write_json(s, o, sink, diags);
    return sink.files.at("");
}

}  // namespace

TEST_CASE("the JSON dump reads back, and is laid out as nlohmann lays out the whole tree") {
    for (std::size_t n : {0u, 1u, 3u}) {
        ir::Site s = site_with(n);
        const ordered_json compact = ordered_json::parse(dump_of(s, -1, 1));
        CHECK(compact["documents"].size() == n);
        for (int indent : {-1, 0, 2, 4}) {
            CAPTURE(n);
            CAPTURE(indent);
            const std::string text = dump_of(s, indent, 2);
            REQUIRE(text.ends_with("}\n"));
            const ordered_json parsed = ordered_json::parse(text);
            CHECK(parsed == compact);
            // The same tree dumped in one piece gives the same bytes.
            CHECK(text == parsed.dump(indent) + "\n");
            CHECK(text == dump_of(s, indent, 1));
        }
    }
}

TEST_CASE("the site's cover and feed settings are in the dump, after the authors") {
    ir::Site s = site_with(0);
    s.cover = "/assets/cover.jpg";
    s.feed.path = "/atom.xml";
    s.feed.excerpt_only = true;
    s.feed.posts_limit = 5;
    s.feed.icon = "/icon.png";
    s.feed.logo = "https://cdn.example.org/logo.svg";
    s.feed.tag_feeds = {"*"};
    s.feed.category_feeds = {"news", "life"};
    const ordered_json site = ordered_json::parse(dump_of(s, -1, 1))["site"];
    std::vector<std::string> keys;
    for (const auto& [key, value] : site.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"root", "title", "description", "url", "baseurl", "lang", "authors",
                                           "cover", "feed", "conventions", "timezone", "time", "config", "data", "static_files"});
    CHECK(site["cover"] == "/assets/cover.jpg");
    CHECK(site["feed"].dump() ==
          R"({"path":"/atom.xml","excerpt_only":true,"posts_limit":5,"icon":"/icon.png",)"
          R"("logo":"https://cdn.example.org/logo.svg","tag_feeds":["*"],"category_feeds":["news","life"]})");
    // Unset: empty strings and lists, and null where the writer's default applies.
    const ordered_json unset = ordered_json::parse(dump_of(site_with(0), -1, 1))["site"];
    CHECK(unset["cover"] == "");
    CHECK(unset["feed"].dump() ==
          R"({"path":"","excerpt_only":null,"posts_limit":null,"icon":"","logo":"","tag_feeds":[],"category_feeds":[]})");
}

TEST_CASE("a document's diagnostics carry their stable code") {
    ir::Site s = site_with(1);
    s.documents[0].diagnostics.push_back(ir::Diagnostic(ir::DiagnosticCode::last_modified_invalid,
                                                        ir::Severity::warning, "_posts/2020-01-01-p.md", 2, 0,
                                                        "invalid last_modified_at 'x'; ignored"));
    const ordered_json d = ordered_json::parse(dump_of(s, 2, 1))["documents"][0]["diagnostics"];
    CHECK(d == ordered_json::parse(R"([{"severity": "warning", "file": "_posts/2020-01-01-p.md", "line": 2, "col": 0,
                                        "message": "invalid last_modified_at 'x'; ignored", "code": "BC1105"}])"));
}
