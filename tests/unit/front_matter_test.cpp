// The front matter serializer shared by the Hugo and Markdown writers (writers/front_matter/):
// one mapping written in each of the three formats, compared whole.
#include <doctest/doctest.h>

#include "writers/front_matter/serialize.h"

using namespace blogconv;
using namespace blogconv::writers;

TEST_CASE("front matter serializes in order, with native dates, in all three formats") {
    ir::Object fm{{"title", "A \"quoted\" title"},
                  {"date", "2024-03-12T23:00:00+01:00"},
                  {"tags", ir::Array{"a", "b"}},
                  {"nested", ir::Object{{"k", 1.5}, {"deeper", ir::Object{{"x", true}}}}},
                  {"gone", nullptr}};
    int nulls = 0;
    std::string toml = front_matter_block(fm, {FrontMatterFormat::toml, {"date"}}, &nulls);
    CHECK(toml == "+++\ntitle = \"A \\\"quoted\\\" title\"\ndate = 2024-03-12T23:00:00+01:00\ntags = [\"a\", \"b\"]\n"
                  "\n[nested]\nk = 1.5\n\n[nested.deeper]\nx = true\n+++\n");
    CHECK(nulls == 1);
    std::string yaml = front_matter_block(fm, {FrontMatterFormat::yaml, {"date"}});
    CHECK(yaml == "---\ntitle: \"A \\\"quoted\\\" title\"\ndate: 2024-03-12T23:00:00+01:00\ntags: [\"a\", \"b\"]\n"
                  "nested:\n  k: 1.5\n  deeper:\n    x: true\ngone: null\n---\n");
    // JSON has no date type: the date stays a string.
    std::string json = front_matter_block(fm, {FrontMatterFormat::json, {"date"}});
    CHECK(json == "{\n  \"title\": \"A \\\"quoted\\\" title\",\n  \"date\": \"2024-03-12T23:00:00+01:00\",\n"
                  "  \"tags\": [\n    \"a\",\n    \"b\"\n  ],\n  \"nested\": {\n    \"k\": 1.5,\n"
                  "    \"deeper\": {\n      \"x\": true\n    }\n  },\n  \"gone\": null\n}\n");
}
