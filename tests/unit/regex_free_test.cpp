// Issue 18, class 2: inputs of ordinary size must not crash the run. libstdc++'s regular
// expressions recurse once per character matched, so a 200 KB number, tag or tag argument
// overflowed the stack and killed the process by SIGSEGV. The reader now matches with RE2 or a
// small scanner (both linear, no recursion). Each row below builds a small site with one good post
// and one hostile input reaching one former regex, runs the real binary, and checks that the child
// exits normally with the exact status and that the good post is in the output. The last test
// keeps the standard regex from coming back into the code that reads or writes input.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <regex>
#include <string>
#include <vector>

#include "readers/link_index.h"
#include "readers/liquid/filters.h"
#include "readers/yaml_value.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using blogconv::test::read_file;
using blogconv::test::TempDir;
using blogconv::test::write_file;

namespace {

const std::string big = std::string(200'000, 'a');
const std::string digits = std::string(200'000, '7');
const std::string spaces = std::string(200'000, ' ');

struct Case {
    const char* what;
    // Adds the hostile part to a site that already has _config.yml and the good post.
    std::function<void(const fs::path& root)> build;
    int exit_code;
    // Text the hostile post (when there is one) still yields in the output.
    std::string expect;
    // Text of the diagnostic on stderr when the input is an error; otherwise stderr names no error.
    std::string diagnostic;
};

void post(const fs::path& root, const std::string& text) { write_file(root / "_posts/2020-01-02-hostile.md", text); }

const std::string config = "title: Test\nurl: https://example.org\n";

std::vector<Case> cases() {
    return {
        {"a 200,000-digit integer in front matter",
         [](const fs::path& r) { post(r, "---\ntitle: Big\nn: " + digits + "\n---\nBig number.\n"); }, 0,
         "Big number.", ""},
        {"a 200,000-digit float in front matter",
         [](const fs::path& r) { post(r, "---\ntitle: Big\nf: 1." + digits + "\n---\nBig float.\n"); }, 0,
         "Big float.", ""},
        {"a date whose fraction of a second has 200,000 digits",
         [](const fs::path& r) {
             post(r, "---\ntitle: Big\ndate: 2020-01-02 10:00:00." + digits + "\n---\nBig date.\n");
         },
         0, "Big date.", ""},
        {"a 200,000-digit number in _config.yml",
         [](const fs::path& r) { write_file(r / "_config.yml", config + "big: " + digits + "\n"); }, 0, "", ""},
        {"a 200,000-digit number in _data/x.yml",
         [](const fs::path& r) { write_file(r / "_data/x.yml", "big: " + digits + "\n"); }, 0, "", ""},
        {"a 200 KB scope path in _config.yml's defaults",
         [](const fs::path& r) {
             write_file(r / "_config.yml",
                        config + "defaults:\n  - scope:\n      path: \"" + big + "*\"\n    values:\n      x: 1\n");
         },
         0, "", ""},
        {"strip_html over a 200 KB tag",
         [](const fs::path& r) {
             post(r, "---\ntitle: Tag\nraw: '<b title=\"" + big + "\">kept words</b>'\n---\n{{ page.raw | strip_html }}\n");
         },
         0, "kept words", ""},
        {"strip_html over a 200 KB unclosed script",
         [](const fs::path& r) {
             post(r, "---\ntitle: Script\nraw: 'before <script>" + big + "'\n---\n{{ page.raw | strip_html | size }}\n");
         },
         // "before " stays; "<script>" + 200,000 letters has no end and no '>' after it: only the
         // opening tag goes.
         0, "200007", ""},
        {"escape_once over a 200 KB entity-like run",
         [](const fs::path& r) {
             post(r, "---\ntitle: Amp\nraw: '&" + big + "'\n---\n{{ page.raw | escape_once | size }}\n");
         },
         0, "200005", ""},
        {"a 200 KB include parameter",
         [](const fs::path& r) {
             write_file(r / "_includes/note.html", "Note of {{ include.text | size }} bytes.");
             post(r, "---\ntitle: Include\n---\n{% include note.html text=\"" + big + "\" %}\n");
         },
         0, "Note of 200000 bytes.", ""},
        {"a 200 KB highlight option",
         [](const fs::path& r) {
             post(r, "---\ntitle: Code\n---\n{% highlight ruby opt=" + big + " %}\nputs 1\n{% endhighlight %}\n");
         },
         0, "puts 1", ""},
        {"a 200 KB post_url argument",
         [](const fs::path& r) { post(r, "---\ntitle: Link\n---\n[x]({% post_url 2020-01-01-" + big + " %})\n"); },
         1, "", "{% post_url %}: there is no post"},
        {"a date filter over a string with 200 KB of spaces",
         [](const fs::path& r) {
             post(r, "---\ntitle: When\nwhen: \"" + spaces + "2020-03-04\"\n---\nYear {{ page.when | date: \"%Y\" }}.\n");
         },
         0, "Year 2020.", ""},
    };
}

}  // namespace

TEST_CASE("hostile inputs of 200 KB that reached a regex end with a status, not a signal") {
    for (const Case& c : cases()) {
        const std::string what = c.what;
        CAPTURE(what);
        TempDir site, out;
        write_file(site.path / "_config.yml", config);
        write_file(site.path / "_posts/2020-01-01-good.md", "---\ntitle: Good\n---\nFine text.\n");
        c.build(site.path);
        const fs::path json = out.path / "site.json";
        blogconv::test::Measured e = blogconv::test::run_measured({site.path.string(), "--to", "json", "-o", json.string()});
        CAPTURE(e.err.substr(0, 2000));
        CHECK(e.signal == 0);
        if (e.signal != 0) continue;  // the other rows still run
        CHECK(e.exit_code == c.exit_code);
        REQUIRE(fs::exists(json));
        const std::string text = read_file(json);
        CHECK(text.find("Fine text.") != std::string::npos);
        if (!c.expect.empty()) CHECK(text.find(c.expect) != std::string::npos);
        if (!c.diagnostic.empty()) CHECK(e.err.find(c.diagnostic) != std::string::npos);
        else CHECK(e.err.find("error") == std::string::npos);
        CHECK(e.peak_kib < blogconv::test::one_gib_kib);  // issue 18: no input takes the process past 1 GiB
    }
}

// The replacements answer as the old patterns did. The old patterns, kept here only as oracles
// (on short inputs the standard regex is fine), are run beside the new code on tricky cases.
TEST_CASE("escape_once and strip_html: the scanner and RE2 agree with the old patterns") {
    using blogconv::readers::liquid::apply_filter;
    using blogconv::readers::liquid::Value;
    auto filter = [](const char* name, const std::string& in) {
        auto v = apply_filter(name, Value(blogconv::ir::Value(in)), {}, {}, {});
        REQUIRE(v);
        return (*v)->as_string();
    };
    const std::regex entity(R"(&(?!([a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);))");
    for (std::string in : {"", "&", "&&", "&amp;", "&amp", "&;", "&#;", "&#12;", "&#12", "&#x;", "&#x1F;", "&#X1F;",
                           "&#xg;", "&x1;", "a & b &lt; c &#39; &#x27;&", "&amp;&amp;x;", "&\n;", "&#xAbC;&#12a;"}) {
        CAPTURE(in);
        std::string old = std::regex_replace(in, entity, "&amp;");
        old = std::regex_replace(old, std::regex("<"), "&lt;");
        old = std::regex_replace(old, std::regex(">"), "&gt;");
        old = std::regex_replace(old, std::regex("\""), "&quot;");
        old = std::regex_replace(old, std::regex("'"), "&#39;");
        CHECK(filter("escape_once", in) == old);
    }
    const std::regex scripts(R"(<script[\s\S]*?</script>|<!--[\s\S]*?-->|<style[\s\S]*?</style>)", std::regex::icase);
    const std::regex tags(R"(<[\s\S]*?>)");
    for (std::string in : {"", "<", "a<b", "<a>b</a>", "x<SCRIPT>1<2</sCrIpt>y", "<script>no end", "<!-- a -- b -->c",
                           "<style>\n</style>d<style>", "<a\nhref='x'>e</a>", "<<>>", "1 < 2 > 0",
                           "<!--><script></script>-->f", "\xc3\xa9<b>\xff</b>"}) {
        CAPTURE(in);
        CHECK(filter("strip_html", in) == std::regex_replace(std::regex_replace(in, scripts, ""), tags, ""));
    }
}

TEST_CASE("YAML scalars: RE2 resolves numbers and timestamps as the old patterns did") {
    using blogconv::readers::is_yaml_timestamp;
    using blogconv::readers::resolve_plain_scalar;
    const std::regex date_re(R"(^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$)");
    const std::regex time_re(
        R"(^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$)");
    for (std::string in : {"2020-01-02", "2020-1-2", "2020-13-01", "2020-01-32", "20-01-01", "2020-01-02 10:00:00",
                           "2020-01-02T10:00:00Z", "2020-01-02\t\v10:00:00.5 +01:00", "-2020-01-02 1:00:00",
                           "2020-01-02 10:00:00 -8", "2020-01-02 10:00", "2020-01-02x", "2020-01-02 10:00:00\n"}) {
        CAPTURE(in);
        CHECK(is_yaml_timestamp(in) == (std::regex_match(in, date_re) || std::regex_match(in, time_re)));
    }
    struct Scalar {
        const char* text;
        blogconv::ir::Value value;
    };
    const Scalar scalars[] = {{"0", 0},        {"012", 10},      {"0b101", 5},       {"0x1F", 31},
                              {"1_000", 1000}, {"1,000", 1000},  {"-7", -7},         {"+7", 7},
                              {"1__0", "1__0"}, {"08", "08"},    {"1.5", 1.5},       {"1,000.5", 1000.5},
                              {"1.", 1.0},     {".5", 0.5},      {"1.5e+3", 1500.0}, {"1.5e3", "1.5e3"},
                              {"-.inf", -std::numeric_limits<double>::infinity()},  {"1-2", "1-2"}};
    for (const auto& sc : scalars) {
        CAPTURE(sc.text);
        CHECK(resolve_plain_scalar(sc.text) == sc.value);
    }
}

TEST_CASE("post_url compares names as text, as the per-lookup pattern did") {
    blogconv::readers::LinkIndex index;
    index.add("_posts/2020-01-01-a.md", "/a/", "posts", "_posts/2020-01-01-a.md");
    index.add("_posts/2020-01-01-b.c.md", "/bc/", "posts", "_posts/2020-01-01-b.c.md");
    index.add("cat/_posts/2020-01-02-x.md", "/cat-x/", "posts", "cat/_posts/2020-01-02-x.md");
    index.add("_posts/sub/2020-01-03-y.md", "/sub-y/", "posts", "_posts/sub/2020-01-03-y.md");
    index.add("_posts/2020-01-04-a+b(c).md", "/regex-chars/", "posts", "_posts/2020-01-04-a+b(c).md");
    index.add("_posts/2020-01-05-zz.md", "/zz/", "pages", "_posts/2020-01-05-zz.md");
    struct Lookup {
        const char* name;
        const char* url;  // "" when there is no such post
    };
    const Lookup lookups[] = {
        {"2020-01-01-a", "/a/"},
        {" /2020-01-01-a\n", "/a/"},
        {"2020-01-01-b", "/bc/"},         // `\.[^.]+` is searched, not matched to the end
        {"2020-01-01-b.c", "/bc/"},
        {"cat/2020-01-02-x", "/cat-x/"},  // <path>_posts/<name>
        {"sub/2020-01-03-y", "/sub-y/"},  // _posts/<path><name>
        {"2020-01-03-y", "/sub-y/"},      // the deprecated fallback: anywhere under _posts
        {"2020-01-04-a+b(c)", "/regex-chars/"},
        {"2020-01-04-a.b(c)", ""},        // a '.' in the name is a dot, not "any character"
        {"2020-01-04-a+b", ""},
        {"2020-01-05-zz", ""},            // not in the posts collection
        {"2020-01-01-a\r", ""},          // `.` matched no line break
        {"x/y/2020-01-02-x", "/cat-x/"},  // the fallback again
        {"2020-01-01", ""},
        {"2020-01-01-", ""},
    };
    for (const auto& l : lookups) {
        CAPTURE(l.name);
        auto t = index.post_url(l.name);
        CHECK((t ? t->url : std::string()) == l.url);
    }
}

// The standard regex may not come back: a guard over every source file of the code that reads or
// writes input. (Tests may mention it; these folders may not, not even in a comment, so that a
// plain text search stays a complete check.)
TEST_CASE("no source under readers/, writers/, ir/ or cli/ uses the standard regex") {
    const fs::path root = BLOGCONV_SOURCE_DIR;
    const std::string banned[] = {"<regex>", "std::regex", "std::sregex", "std::smatch", "std::cmatch",
                                  "std::wregex", "std::basic_regex"};
    int files = 0;
    for (const char* dir : {"readers", "writers", "ir", "cli"}) {
        REQUIRE(fs::is_directory(root / dir));
        for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
            const auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h" && ext != ".hpp")) continue;
            ++files;
            const std::string text = read_file(entry.path());
            for (const auto& b : banned) {
                CAPTURE(entry.path().string());
                CHECK_MESSAGE(text.find(b) == std::string::npos,
                              b << " in " << entry.path().string()
                                << ": it recurses per character and overflows the stack; use RE2 or a scanner");
            }
        }
    }
    CHECK(files > 20);  // the walk really saw the sources
}
