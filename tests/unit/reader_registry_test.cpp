// The reader registry (readers/registry.h): the table --from will choose from.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "readers/jekyll_site.h"
#include "readers/registry.h"
#include "tests/test_support.h"

using namespace blogconv;

TEST_CASE("the registry lists each reader once; jekyll is the first, so the default") {
    std::vector<std::string> names;
    for (const auto& r : readers::all_readers()) names.push_back(r.name);
    CHECK(names == std::vector<std::string>{"jekyll"});
    const readers::ReaderInfo* jekyll = readers::find_reader("jekyll");
    REQUIRE(jekyll != nullptr);
    CHECK(jekyll == &readers::all_readers().front());
    // A bool first: doctest cannot print a function pointer.
    const bool reads_with_read_jekyll_site = jekyll->read == &readers::read_jekyll_site;
    CHECK(reads_with_read_jekyll_site);
    CHECK(jekyll->description ==
          "a Jekyll site (_config.yml, _posts/, collections, pages), a folder of posts, or post files");
}

TEST_CASE("an unknown reader name finds nothing") {
    for (const char* name : {"", "Jekyll", "hugo", "markdown", "jekyll "}) {
        CAPTURE(name);
        CHECK(readers::find_reader(name) == nullptr);
    }
}

TEST_CASE("a site read through the registry is the site read_jekyll_site reads") {
    test::TempDir t;
    test::write_file(t.path / "_config.yml", "title: Registry\npermalink: pretty\n");
    test::write_file(t.path / "_posts/2020-01-02-first.md", "---\ntitle: First\ntags: [a]\n---\nOne\n");
    test::write_file(t.path / "_posts/2020-01-03-second.md", "---\n---\nTwo\n");
    ir::Diagnostics through_registry;
    const ir::Site site = readers::find_reader("jekyll")->read({t.path.string()}, {}, through_registry);
    CHECK(site.title == "Registry");
    REQUIRE(site.documents.size() == 2);
    CHECK(site.documents[0].source_path == "_posts/2020-01-02-first.md");
    CHECK(site.documents[0].url == "/2020/01/02/first/");
    CHECK(site.documents[0].tags == std::vector<std::string>{"a"});
    CHECK(site.documents[1].source_path == "_posts/2020-01-03-second.md");
    CHECK(site.documents[1].title == "Second");
    CHECK(site.documents[1].url == "/2020/01/03/second/");
    CHECK(through_registry.items().empty());
}
