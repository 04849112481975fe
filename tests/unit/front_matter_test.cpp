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
    DroppedNulls nulls;
    std::string toml = front_matter_block(fm, {FrontMatterFormat::toml, {"date"}}, &nulls);
    CHECK(toml == "+++\ntitle = \"A \\\"quoted\\\" title\"\ndate = 2024-03-12T23:00:00+01:00\ntags = [\"a\", \"b\"]\n"
                  "\n[nested]\nk = 1.5\n\n[nested.deeper]\nx = true\n+++\n");
    CHECK(nulls == DroppedNulls{"gone"});
    std::string yaml = front_matter_block(fm, {FrontMatterFormat::yaml, {"date"}});
    CHECK(yaml == "---\ntitle: \"A \\\"quoted\\\" title\"\ndate: 2024-03-12T23:00:00+01:00\ntags: [\"a\", \"b\"]\n"
                  "nested:\n  k: 1.5\n  deeper:\n    x: true\ngone: null\n---\n");
    // JSON has no date type: the date stays a string.
    std::string json = front_matter_block(fm, {FrontMatterFormat::json, {"date"}});
    CHECK(json == "{\n  \"title\": \"A \\\"quoted\\\" title\",\n  \"date\": \"2024-03-12T23:00:00+01:00\",\n"
                  "  \"tags\": [\n    \"a\",\n    \"b\"\n  ],\n  \"nested\": {\n    \"k\": 1.5,\n"
                  "    \"deeper\": {\n      \"x\": true\n    }\n  },\n  \"gone\": null\n}\n");
}

TEST_CASE("TOML leaves every null out and names where each was: key, nested key, list element") {
    ir::Object fm{{"a", nullptr},
                  {"list", ir::Array{"x", nullptr, ir::Array{nullptr}, ir::Object{{"in", nullptr}, {"k", 1}}}},
                  {"inline", ir::Object{{"deep", ir::Object{{"n", nullptr}}}, {"m", ir::Array{nullptr, 2}}}},
                  {"table", ir::Object{{"b", nullptr}, {"c", true}, {"sub", ir::Object{{"d", nullptr}, {"e", 1}}}}},
                  {"my key", ir::Object{{"z", nullptr}, {"y", 0}}}};
    DroppedNulls dropped;
    std::string toml = serialize_mapping(fm, {FrontMatterFormat::toml, {}}, &dropped);
    CHECK(toml == "list = [\"x\", [], { k = 1 }]\n"
                  "\n[inline]\nm = [2]\n\n[inline.deep]\n"
                  "\n[table]\nc = true\n\n[table.sub]\ne = 1\n"
                  "\n[\"my key\"]\ny = 0\n");
    CHECK(dropped == DroppedNulls{"a", "list[1]", "list[2][0]", "list[3].in", "inline.m[0]", "inline.deep.n",
                                  "table.b", "table.sub.d", "my key.z"});
    CHECK(dropped_nulls_message(dropped) ==
          "TOML has no null; dropped front-matter keys: a, list[1], list[2][0], list[3].in, inline.m[0], "
          "inline.deep.n, table.b, table.sub.d, my key.z");
    // YAML and JSON hold null: nothing is dropped.
    for (FrontMatterFormat f : {FrontMatterFormat::yaml, FrontMatterFormat::json}) {
        DroppedNulls none;
        serialize_mapping(fm, {f, {}}, &none);
        CHECK(none.empty());
    }
}
