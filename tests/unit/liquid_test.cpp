// The Liquid engine (readers/liquid/): tags, filters, positions, and the corpus constructs.
#include <doctest/doctest.h>

#include <regex>
#include <optional>
#include <string>
#include <vector>

#include "ir/guarded_reader.h"
#include "readers/liquid/filters.h"
#include "readers/liquid/lexer.h"
#include "readers/liquid/liquid.h"
#include "tests/test_support.h"

using namespace blogconv;
using readers::BodyContext;
using readers::Placeholders;

namespace {

// Resolves every name and path except those starting with "missing", as the site reader's
// index would for documents that exist.
class FakeLinks : public readers::LinkResolver {
public:
    std::optional<readers::LinkTarget> post_url(std::string_view name) const override {
        if (name.rfind("missing", 0) == 0) return std::nullopt;
        return readers::LinkTarget{"/post/" + std::string(name) + "/", "_posts/" + std::string(name) + ".md"};
    }
    std::optional<readers::LinkTarget> link(std::string_view path) const override {
        if (path.rfind("missing", 0) == 0) return std::nullopt;
        return readers::LinkTarget{"/link/" + std::string(path), std::string(path)};
    }
};

ir::Value test_site() {
    ir::Value site;
    site.set("title", "My Site");
    site.set("url", "https://example.org");
    site.set("baseurl", "/blog");
    site.set("repository", "https://code.example/me/proj");
    ir::Value nested;
    nested.set("name", "deep");
    ir::Value data;
    data.set("nested", nested);
    data.set("list", ir::Value(ir::Array{"a", "b", "c"}));
    auto person = [](const char* name, int age, ir::Array tags) {
        ir::Value p;
        p.set("name", name);
        p.set("age", age);
        p.set("tags", ir::Value(std::move(tags)));
        return p;
    };
    data.set("people", ir::Value(ir::Array{person("ann", 30, {"x"}), person("bob", 20, {"y"}),
                                           person("cy", 40, {"x", "y"})}));
    ir::Value by_name, a, b;
    a.set("n", 1);
    b.set("n", 2);
    by_name.set("a", a);
    by_name.set("b", b);
    data.set("byname", by_name);
    // For where/find: numbers written as strings, a list or a string of tags, a nested field.
    auto member = [](const char* name, ir::Value age, ir::Value tags, const char* code, const char* k) {
        ir::Value m, meta;
        m.set("name", name);
        m.set("age", std::move(age));
        m.set("tags", std::move(tags));
        if (code) m.set("code", code);
        meta.set("k", k);
        m.set("meta", meta);
        return m;
    };
    data.set("staff", ir::Value(ir::Array{member("ann", 30, ir::Value(ir::Array{"x"}), "007", "v"),
                                          member("bob", "30", "x y", nullptr, "w"),
                                          member("cy", 40, ir::Value(ir::Array{"y"}), "7", "u")}));
    site.set("data", data);
    return site;
}

ir::Value test_page() {
    ir::Value page;
    page.set("title", "Hello <World>");
    page.set("date", "2018-03-03 09:05:07 +0100");
    page.set("tags", ir::Value(ir::Array{"x", "y"}));
    page.set("count", 3);
    return page;
}

struct Rendered {
    std::string text;
    Placeholders placeholders;
    std::vector<ir::Diagnostic> diagnostics;
};

Rendered render(std::string_view text, int first_line = 1, std::string site_root = "") {
    static const ir::Value site = test_site();
    static const ir::Value page = test_page();
    static const FakeLinks links;
    BodyContext ctx;
    ctx.path = "_posts/2020-01-01-x.md";
    ctx.first_line = first_line;
    ctx.site = &site;
    ctx.page = &page;
    ctx.links = &links;
    std::optional<ir::GuardedReader> files;
    if (!site_root.empty()) {
        files.emplace(site_root);
        ctx.files = &*files;
    }
    Rendered r;
    r.text = readers::render_liquid(text, ctx, r.placeholders, r.diagnostics);
    return r;
}

std::string token(std::size_t i) {
    return std::string(Placeholders::open) + std::to_string(i) + std::string(Placeholders::close);
}

}  // namespace

TEST_CASE("text without Liquid passes through unchanged") {
    for (std::string text : {"", "plain", "a { b } c", "{ {", "% }", "{\n{"}) {
        Rendered r = render(text);
        CHECK(r.text == text);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("outputs, raw and comment") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"{{ site.title }}", "My Site"},
        {"{{site.data.nested.name}}", "deep"},
        {"{{ site['data'][\"nested\"].name }}", "deep"},
        {"{{ site.data.list[1] }}|{{ site.data.list.size }}|{{ site.data.list.last }}", "b|3|c"},
        {"[{{ site.nothing.here }}]", "[]"},
        {"{{ page.title }} {{ page.count }}", "Hello <World> 3"},
        {"{{ 'lit' }}{{ 42 }}{{ 1.5 }}{{ nil }}{{ true }}", "lit421.5true"},
        {"a {% raw %}{{ x }} {% if %}{% endraw %} b", "a {{ x }} {% if %} b"},
        {"{% raw %}{% raw %}{% endraw %}", "{% raw %}"},
        {"a{% comment %} {{ x }} {% if y %} {% endcomment %}b", "ab"},
        {"a  {{- 'x' -}}  \n b", "axb"},
        {"a\n{%- assign q = 1 -%}\nb", "ab"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        Rendered r = render(c.in);
        CHECK(r.text == c.out);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("raw's white-space control is Liquid 5.4's") {
    // Liquid 5.4's Raw#parse takes the tokens after `{% raw %}` verbatim up to one matching
    // /{%\s*endraw\s*(.*)?%}/: the body is never trimmed, a `-` after the opening tag trims the
    // text after the end tag instead (the parse context's trim flag outlives the body), and the end
    // tag's own `-`s do nothing (a `{%- endraw` does not end the block at all). Rows from
    // ruby -rliquid -e 'p Liquid::Template.parse(s).render'.
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"a\n{%- raw -%}\nX\n{% endraw %}\nb", "a\nX\nb"},
        {"a\n{% raw -%}\n X \n{% endraw %}\nb", "a\n\n X \nb"},
        {"a\n{% raw %}X{% endraw -%}\n b", "a\nX\n b"},
        {"a {% raw %}X{%endraw%} b", "a X b"},
        {"a {% raw %}X{%- endraw %} b {% endraw %}c", "a X{%- endraw %} b c"},
        {"{%- raw -%}\n{%- include x -%}\nv\n{% endraw %}", "\n{%- include x -%}\nv\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        Rendered r = render(c.in);
        CHECK(r.text == c.out);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("where_exp and find_exp select with a Liquid condition, as Jekyll's filters do") {
    // Jekyll::Filters#where_exp/#find_exp: a mapping's values, each bound to the variable in a
    // scope of its own, tested with the condition (and/or chained as in `if`); anything that is
    // neither list nor mapping passes through. Rows from Liquid 5.4 with Jekyll 4.3's filters
    // registered (the people and byname data below).
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {R"({{ site.data.people | where_exp: "p", "p.age > 25" | map: "name" | join: "," }})", "ann,cy"},
        {R"({{ site.data.people | where_exp: "p", "p.tags contains 'y' and p.age < 35" | map: "name" | join: "," }})",
         "bob"},
        {R"({{ site.data.people | where_exp: "p", "p.age < 25 or p.name == 'cy'" | map: "name" | join: "," }})",
         "bob,cy"},
        {R"({{ site.data.people | where_exp: "p", "p.nothing" | size }})", "0"},
        {R"({{ site.data.byname | where_exp: "v", "v.n == 2" | map: "n" | join: "," }})", "2"},
        {R"({{ "abc" | where_exp: "v", "v == 1" }})", "abc"},
        {R"({{ site.data.people | find_exp: "p", "p.age < 35" | map: "name" }})", "ann"},
        {R"({% assign min = 35 %}{{ site.data.people | where_exp: "p", "p.age > min" | map: "name" | join: "," }})",
         "cy"},
        {R"({% assign p = "outer" %}{{ site.data.people | where_exp: "p", "p.age > 35" | size }}{{ p }})", "1outer"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        Rendered r = render(c.in);
        CHECK(r.text == c.out);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("the string, number and array filters Liquid 5.4 and Jekyll 4.3 add") {
    // Liquid's replace_last/remove_last/url_decode/at_least/at_most and Jekyll's pop/shift/
    // unshift/push/to_integer (which leave anything but an array alone). Rows from Liquid 5.4
    // with Jekyll 4.3's filters registered.
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {R"({{ "a-b-a-b" | replace_last: "a", "X" }})", "a-b-X-b"},
        {R"({{ "a-b-a-b" | remove_last: "b" }})", "a-b-a-"},
        {R"({{ "a-b" | remove_last: "z" }})", "a-b"},
        {R"({{ "%E4%BD%A0+x%20y" | url_decode }})", "你 x y"},
        {R"({{ 3 | at_least: 5 }}|{{ 7 | at_least: 5 }}|{{ "2.5" | at_least: 1 }}|{{ 4 | at_most: 2.5 }})", "5|7|2.5|2.5"},
        {R"({{ site.data.list | pop | join: "," }}|{{ site.data.list | pop: 2 | join: "," }}|)"
         R"({{ site.data.list | shift | join: "," }}|{{ site.data.list | unshift: "z" | join: "," }})",
         "a,b|a|b,c|z,a,b,c"},
        {R"({{ "x" | pop }}|{{ "x" | push: "y" }})", "x|x"},
        {R"({{ "12abc" | to_integer }}|{{ true | to_integer }}|{{ 3.9 | to_integer }}|{{ nil | to_integer }})", "12|1|3|0"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        Rendered r = render(c.in);
        CHECK(r.text == c.out);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("where and find compare as Jekyll's filters do") {
    // Jekyll::Filters#where/#find: the property is a dotted path, numbers written as strings are
    // read as numbers (parse_sort_input: "007" is 7), a string property must equal the target's
    // text, any other property matches when one of its elements' text does, a nil target matches a
    // missing property; a mapping's values are searched and anything else passes through. Rows
    // from Liquid 5.4 with Jekyll 4.3's filters registered.
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {R"({{ site.data.staff | where: "age", 30 | map: "name" | join: "," }})", "ann,bob"},
        {R"({{ site.data.staff | where: "age", "30" | map: "name" | join: "," }})", "ann,bob"},
        {R"({{ site.data.staff | where: "tags", "x" | map: "name" | join: "," }})", "ann"},
        {R"({{ site.data.staff | where: "code", "7" | map: "name" | join: "," }})", "ann,cy"},
        {R"({{ site.data.staff | where: "code", nil | map: "name" | join: "," }})", "bob"},
        {R"({{ site.data.staff | where: "meta.k", "w" | map: "name" | join: "," }})", "bob"},
        {R"({{ site.data.byname | where: "n", 2 | map: "n" | join: "," }})", "2"},
        {R"({{ "abc" | where: "n", 2 }})", "abc"},
        {R"({{ site.data.staff | find: "age", 40 | map: "name" }}|{{ site.data.staff | find: "age", 99 }}|)"
         R"({{ site.data.byname | find: "n", 1 | map: "n" }})",
         "cy||1"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        Rendered r = render(c.in);
        CHECK(r.text == c.out);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("highlight becomes a code block placeholder on its own line") {
    Rendered r = render("Intro\n{% highlight Ruby linenos mark_lines=\"1 3\" %}\n\ndef x\n  {{ 1 }}\nend\n\n"
                        "{% endhighlight %}\nAfter\n",
                        10);
    REQUIRE(r.placeholders.size() == 1);
    CHECK(r.text == "Intro\n\n" + token(0) + "\n\nAfter\n");
    const auto& block = std::get<ir::Block>(r.placeholders.at(0));
    const auto& code = std::get<ir::CodeBlock>(block.node);
    CHECK(code.language == "ruby");
    CHECK(code.text == "def x\n  1\nend\n");
    CHECK(code.line_numbers);
    CHECK(code.options == std::vector<std::pair<std::string, std::string>>{{"mark_lines", "1 3"}});
    CHECK(block.pos == ir::SourcePos{11, 1});

    Rendered raw = render("{% highlight liquid %}\n{% raw %}{{ page.title }}{% endraw %}\n{% endhighlight %}");
    REQUIRE(raw.placeholders.size() == 1);
    CHECK(std::get<ir::CodeBlock>(std::get<ir::Block>(raw.placeholders.at(0)).node).text == "{{ page.title }}\n");
}

TEST_CASE("post_url and link resolve to URLs, also split over lines") {
    CHECK(render("[a]({% post_url 2010-07-21-name %})").text == "[a](/post/2010-07-21-name/)");
    CHECK(render("[a]({% link\n_posts/2017-10-19-x.markdown %})").text == "[a](/link/_posts/2017-10-19-x.markdown)");
    CHECK(render("{% assign p = '_posts/a.md' %}{% link {{ p }} %}").text == "/link/_posts/a.md");

    Rendered r = render("line one\nsee [x]({% post_url missing-post %})\n", 5);
    REQUIRE(r.diagnostics.size() == 1);
    const ir::Diagnostic& d = r.diagnostics[0];
    CHECK(d.severity == ir::Severity::error);
    CHECK(d.file == "_posts/2020-01-01-x.md");
    CHECK(d.line == 6);
    CHECK(d.col == 9);
    CHECK(d.message.find("missing-post") != std::string::npos);
    CHECK(d.source_line == "see [x]({% post_url missing-post %})");
    // The target stays in the link destination as written, so the Markdown link still parses.
    CHECK(r.placeholders.empty());
    CHECK(r.text == "line one\nsee [x](missing-post)\n");
}

TEST_CASE("control flow tags") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"{% assign x = 'a,b' | split: ',' %}{{ x | join: '+' }}", "a+b"},
        {"{% capture c %}Hi {{ page.count }}{% endcapture %}[{{ c }}]", "[Hi 3]"},
        {"{% if page.count == 3 %}y{% else %}n{% endif %}", "y"},
        {"{% if page.count > 5 %}a{% elsif page.count >= 3 %}b{% else %}c{% endif %}", "b"},
        {"{% unless page.nothing %}u{% endunless %}", "u"},
        {"{% if page.tags contains 'y' %}c{% endif %}", "c"},
        {"{% if page.title contains 'World' and page.count < 4 %}t{% endif %}", "t"},
        // Right to left: false and (false or true) -> false.
        {"{% if false and false or true %}T{% else %}F{% endif %}", "F"},
        {"{% if true or false and false %}T{% else %}F{% endif %}", "T"},
        {"{% if page.nothing == empty %}e{% endif %}{% if '' == empty %}E{% endif %}", "E"},
        {"{% if '  ' == blank %}b{% endif %}{% if 0 %}z{% endif %}{% if '' %}s{% endif %}", "bzs"},
        {"{% case page.count %}{% when 1 %}one{% when 2, 3 %}two-three{% else %}other{% endcase %}", "two-three"},
        {"{% case 'q' %}{% when 'a' or 'b' %}ab{% else %}other{% endcase %}", "other"},
        {"{% for t in page.tags %}{{ forloop.index }}{{ t }}{% unless forloop.last %},{% endunless %}{% endfor %}",
         "1x,2y"},
        {"{% for i in (1..5) limit: 2 offset: 1 %}{{ i }}{% endfor %}", "23"},
        {"{% for i in (1..3) reversed %}{{ i }}{{ forloop.rindex }}{% endfor %}", "332211"},
        {"{% for i in (1..6) %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 4 %}{% break %}{% endif %}"
         "{{ i }}{% endfor %}",
         "13"},
        {"{% for i in page.nothing %}x{% else %}empty{% endfor %}", "empty"},
        {"{% for i in (1..2) %}{% for j in (1..2) %}{{ forloop.parentloop.index }}{{ j }} {% endfor %}{% endfor %}",
         "11 12 21 22 "},
        {"{% for i in (1..2) %}{{ forloop.first }}{{ forloop.length }}{{ forloop.index0 }} {% endfor %}",
         "true20 false21 "},
        {"{% increment n %}{% increment n %}{% decrement m %}", "01-1"},
        {"{% for i in (1..2) %}{% assign last = i %}{% endfor %}{{ last }}", "2"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        Rendered r = render(c.in);
        CHECK(r.text == c.out);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("filters") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"{{ '/a/b' | relative_url }}", "/blog/a/b"},
        {"{{ 'a/b' | relative_url }}", "/blog/a/b"},
        {"{{ '/a' | absolute_url }}", "https://example.org/blog/a"},
        {"{{ 'https://x.org/y' | absolute_url }}", "https://x.org/y"},
        {"{{ '<p>Hi <b>you</b></p><!-- c -->' | strip_html }}", "Hi you"},
        {"{{ page.title | xml_escape }}", "Hello &lt;World&gt;"},
        {"{{ \"a'b&\" | escape }}{{ page.title | escape }}", "a&#39;b&amp;Hello &lt;World&gt;"},
        {"{{ 'a b&c/d' | cgi_escape }}", "a+b%26c%2Fd"},
        {"{{ 'a b/c?d=é' | uri_escape }}", "a%20b/c?d=%C3%A9"},
        {"{{ 'Hello, World! Ça va?' | slugify }}", "hello-world-ça-va"},
        {"{{ 'The _config.yml file' | slugify: 'pretty' }}", "the-_config.yml-file"},
        {"{{ page.date | date: '%Y/%m/%d %H:%M:%S %z %b %B %a %-d' }}", "2018/03/03 09:05:07 +0100 Mar March Sat 3"},
        {"{{ page.date | date_to_string }}", "03 Mar 2018"},
        {"{{ page.date | date_to_string: 'ordinal', 'US' }}", "Mar 3rd, 2018"},
        {"{{ page.date | date_to_xmlschema }}", "2018-03-03T09:05:07+01:00"},
        {"{{ page.date | date_to_rfc822 }}", "Sat, 03 Mar 2018 09:05:07 +0100"},
        {"{{ '' | date: '%Y' }}", ""},
        {"{{ 'a|b||' | split: '|' | size }}", "2"},
        {"{{ page.tags | join: ', ' }}", "x, y"},
        {"{{ page.tags | first }}{{ page.tags | last }}{{ 'héllo' | size }}", "xy5"},
        {"{{ 'AbC' | downcase }}{{ 'AbC' | upcase }}{{ 'hELLO world' | capitalize }}", "abcABCHello world"},
        {"[{{ '  x  ' | strip }}]", "[x]"},
        {"{{ 'b' | append: 'c' | prepend: 'a' }}", "abc"},
        {"{{ 'aXbX' | replace: 'X', '-' }}|{{ 'aXbX' | remove: 'X' }}", "a-b-|ab"},
        {"{{ page.nothing | default: 'dflt' }}{{ '' | default: 'e' }}{{ false | default: 'f' }}", "dfltef"},
        {"{{ site.data.list | sort | reverse | join }}", "c b a"},
        {"{{ page.tags | jsonify }}{{ 'q\"' | jsonify }}", "[\"x\",\"y\"]\"q\\\"\""},
        {"{{ 'one two  three' | number_of_words }}", "3"},
        {"{{ 'abcdefghij' | truncate: 5 }}|{{ 'abc' | truncate: 5 }}|{{ 'abcdefgh' | truncate: 4, '' }}", "ab...|abc|abcd"},
        {"{{ 'a b c d' | truncatewords: 2 }}|{{ 'a b' | truncatewords: 2 }}", "a b...|a b"},
        {"{{ 4 | plus: 2 }}{{ 7 | divided_by: 2 }}{{ 7.0 | divided_by: 2 }}{{ 7 | modulo: 3 }}", "633.51"},
        {"{{ 'x' | no_such_filter }}", "x"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        Rendered r = render(c.in);
        CHECK(r.text == c.out);
    }
}

TEST_CASE("where, map and markdownify") {
    ir::Value a, b;
    a.set("name", "a");
    a.set("kind", "x");
    b.set("name", "b");
    b.set("kind", "y");
    ir::Value items(ir::Array{a, b});
    auto out = readers::liquid::apply_filter("where", readers::liquid::Value(items),
                                             {readers::liquid::Value(ir::Value("kind")),
                                              readers::liquid::Value(ir::Value("y"))},
                                             {}, {});
    REQUIRE(out);
    REQUIRE((*out)->is_array());
    REQUIRE((*out)->as_array().size() == 1);
    CHECK((*out)->as_array()[0] == b);
    auto names = readers::liquid::apply_filter("map", readers::liquid::Value(items),
                                               {readers::liquid::Value(ir::Value("name"))}, {}, {});
    REQUIRE(names);
    CHECK(readers::liquid::to_output(names->get()) == "ab");

    Rendered md = render("{{ '**bold**' | markdownify }}");
    CHECK(md.text.find("<strong>bold</strong>") != std::string::npos);
}

TEST_CASE("includes: rendered from _includes, or kept as unsupported with a warning") {
    test::TempDir dir;
    test::write_file(dir.path / "_includes" / "note.html", "<aside>{{ include.text }}/{{ include.n }}</aside>");
    Rendered found = render("{% assign v = 'var' %}{% include note.html text=\"Hi there\" n=v %}", 1, dir.path.string());
    CHECK(found.text == "<aside>Hi there/var</aside>");
    CHECK(found.diagnostics.empty());

    Rendered block = render("Para.\n\n{% include toc.html %}\n\nMore.", 3, dir.path.string());
    REQUIRE(block.diagnostics.size() == 1);
    CHECK(block.diagnostics[0].severity == ir::Severity::warning);
    CHECK(block.diagnostics[0].line == 5);
    CHECK(block.diagnostics[0].col == 1);
    REQUIRE(block.placeholders.size() == 1);
    const auto& ub = std::get<ir::UnsupportedBlock>(std::get<ir::Block>(block.placeholders.at(0)).node);
    CHECK(ub.kind == "include");
    CHECK(ub.text == "{% include toc.html %}");
    CHECK(ub.pos == ir::SourcePos{5, 1});
    // An extra blank line is harmless in Markdown; the token must stand alone.
    CHECK(block.text == "Para.\n\n" + token(0) + "\n\n\nMore.");

    Rendered inl = render("See {% include_relative missing.md %} here");
    REQUIRE(inl.placeholders.size() == 1);
    CHECK(std::get<ir::UnsupportedInline>(std::get<ir::Inline>(inl.placeholders.at(0)).node).kind == "include");
    CHECK(inl.text == "See " + token(0) + " here");
}

TEST_CASE("include names with Liquid in them are split from the parameters as Jekyll splits them") {
    // Jekyll's IncludeTag: when the markup matches VARIABLE_SYNTAX (text without `{`, then one or
    // more `{{ name | filters }}` each followed by non-space text) that part is the file name,
    // rendered with Liquid, and the rest the parameters; otherwise the name is the first word.
    test::TempDir dir;
    test::write_file(dir.path / "_includes" / "extensions" / "youtube.html", "[yt {{ include.id }}]");
    test::write_file(dir.path / "_includes" / "note.html", "[note {{ include.n }}]");
    const std::pair<const char*, const char*> cases[] = {
        {"{% assign kind = 'youtube' %}{% include extensions/{{ kind }}.html id='x1' %}", "[yt x1]"},
        {"{% assign kind = 'YouTube' %}{% include extensions/{{ kind | downcase }}.html id=\"x2\" %}", "[yt x2]"},
        {"{% assign f = 'note.html' %}{% include {{ f }} n=3 %}", "[note 3]"},
        {"{% include note.html n=4 %}", "[note 4]"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.first);
        Rendered r = render(c.first, 1, dir.path.string());
        CHECK(r.text == c.second);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("unknown tags: a block keeps its body, a plain tag becomes unsupported") {
    Rendered block = render("{% githubify https://code.example/x %}\n## Notes\n\n- {{ page.count }}\n{% endgithubify %}\n");
    CHECK(block.text == "\n## Notes\n\n- 3\n\n");
    REQUIRE(block.diagnostics.size() == 1);
    CHECK(block.diagnostics[0].severity == ir::Severity::warning);
    CHECK(block.diagnostics[0].message.find("githubify") != std::string::npos);

    Rendered tag = render("Text {% cite someone %} more\n{% twitter https://x %}\n");
    REQUIRE(tag.placeholders.size() == 2);
    CHECK(std::get<ir::UnsupportedInline>(std::get<ir::Inline>(tag.placeholders.at(0)).node).text ==
          "{% cite someone %}");
    CHECK(std::get<ir::UnsupportedBlock>(std::get<ir::Block>(tag.placeholders.at(1)).node).kind == "liquid-tag");
    CHECK(tag.diagnostics.size() == 2);
    CHECK(tag.text.find("{%") == std::string::npos);
}

TEST_CASE("errors point at file:line:col and the rest still renders") {
    struct Case {
        const char* in;
        int line;
        int col;
        const char* expected_text;
    };
    const Case cases[] = {
        {"a\n  {% if true %}b", 12, 3, "a\n  b"},
        {"x {{ page.count", 11, 3, "x {{ page.count"},
        {"ok\n{% endfor %}z", 12, 1, "ok\nz"},
        {"{% for i in (1..2) %}{{ i }}{% if x %}", 11, 1, "12"},
        {"{% raw %}{{ a }}", 11, 1, "{{ a }}"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        Rendered r = render(c.in, 11);
        REQUIRE(!r.diagnostics.empty());
        bool found = false;
        for (const auto& d : r.diagnostics)
            found = found || (d.severity == ir::Severity::error && d.line == c.line && d.col == c.col);
        CHECK(found);
        CHECK(r.text.find(c.expected_text) != std::string::npos);
    }
}

TEST_CASE("corpus-shaped constructs") {
    // (1) assign | split + for generating reference-link definitions from site config.
    Rendered defs = render(
        "Fixes {% assign nums = \"11|22\" | split: \"|\" %}{% for n in nums %}[#{{ n }}]{% endfor %}.\n\n"
        "{% for n in nums %}[#{{ n }}]: {{ site.repository }}/issues/{{ n }}\n{% endfor %}");
    CHECK(defs.text == "Fixes [#11][#22].\n\n[#11]: https://code.example/me/proj/issues/11\n"
                       "[#22]: https://code.example/me/proj/issues/22\n");
    // (2) a post-local assign used in link definitions.
    Rendered local = render("{% assign log = \"https://log.example/x.html\" %}\n[at 15]: {{log}}#l-15\n");
    CHECK(local.text == "\n[at 15]: https://log.example/x.html#l-15\n");
    // (3) a link tag split over two lines inside a link destination.
    Rendered split = render("[read]({% link\n_posts/2017-01-01-other.markdown %}) it");
    CHECK(split.text == "[read](/link/_posts/2017-01-01-other.markdown) it");
    // (8) capture + markdownify, and the same text literal inside raw inside a fence.
    Rendered cap = render(
        "```\n{% raw %}{% capture n %}#### Hi{% endcapture %}{{ n | markdownify }}{% endraw %}\n```\n\n"
        "{% capture n %}#### Hi *there*{% endcapture %}<div>{{ n | markdownify }}</div>\n");
    CHECK(cap.text.find("```\n{% capture n %}#### Hi{% endcapture %}{{ n | markdownify }}\n```") == 0);
    CHECK(cap.text.find("<h4") != std::string::npos);
    CHECK(cap.text.find("<em>there</em>") != std::string::npos);
    // (10) a plugin block tag: the body is kept.
    Rendered gh = render("{% githubify https://code.example %}\nBody *text*.\n{% endgithubify %}");
    CHECK(gh.text == "\nBody *text*.\n");
}

TEST_CASE("real corpus posts leave no Liquid outside raw sections") {
    if (!test::require_shared()) return;
    const char* files[] = {
        "jekyll-docs/_posts/2013-05-08-jekyll-1-0-1-released.markdown",
        "bitcoincore/_posts/en/meetings/2018-07-12-meeting.md",
        "jekyll-docs/_posts/2017-10-21-jekyll-3-6-2-released.markdown",
        "minimal-mistakes/_posts/2010-02-05-post-notice.md",
        "bitcoincore/_releases/26.1.md",
    };
    static const std::regex raw(R"(\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\})");
    for (const char* f : files) {
        CAPTURE(f);
        std::string text = test::read_file(test::shared_dir() / "corpus" / f);
        // Drop the front matter, counting its lines for first_line.
        int first_line = 1;
        if (text.rfind("---", 0) == 0) {
            std::size_t end = text.find("\n---", 3);
            REQUIRE(end != std::string::npos);
            std::size_t body = text.find('\n', end + 1);
            body = body == std::string::npos ? text.size() : body + 1;
            for (std::size_t i = 0; i < body; ++i)
                if (text[i] == '\n') ++first_line;
            text = text.substr(body);
        }
        // What raw sections show is Liquid on purpose; take them out of the question.
        text = std::regex_replace(text, raw, "RAW");
        Rendered r = render(text, first_line);
        CHECK(r.text.find("{%") == std::string::npos);
        CHECK(r.text.find("{{") == std::string::npos);
        for (const auto& d : r.diagnostics) {
            CAPTURE(d.message);
            CHECK(d.severity != ir::Severity::error);
            CHECK(d.line >= first_line);
        }
    }
}

TEST_CASE("text without Liquid markup passes through unchanged (the fast path)") {
    // Speed is measured in bench/, never asserted here; this checks the fast path is exact.
    std::string post;
    for (int i = 0; i < 40; ++i) post += "Some text with {braces} and % signs, line " + std::to_string(i) + ".\n";
    BodyContext ctx;
    Placeholders p;
    std::vector<ir::Diagnostic> d;
    CHECK(readers::render_liquid(post, ctx, p, d) == post);
    CHECK(p.empty());
    CHECK(d.empty());
}
