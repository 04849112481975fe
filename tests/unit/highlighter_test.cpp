#include "writers/highlight/highlighter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace blogconv::writers::highlight;

namespace {

const std::vector<std::string> languages = {"c", "cpp", "python", "ruby", "javascript", "js", "typescript", "json",
                                            "yaml", "html", "xml", "css", "bash", "shell", "sh", "go", "rust",
                                            "java", "sql", "markdown", "diff", "no-such-language", ""};

// Inputs meant to trip a scanner: unterminated literals and comments, escapes at the very end,
// multi-byte UTF-8 next to delimiters, CRLF, lone delimiters.
const std::vector<std::string> tricky = {
    "",
    "\n",
    "\"",
    "'",
    "`",
    "\\",
    "/*",
    "<!--",
    "<",
    "<a href=\"x",
    "\"abc\\",
    "'unterminated\nnext line\n",
    "s = \"é\\\"ü\" // ñ\r\n",
    "x = '京' + \"都\" # の秋\n",
    "fn f<'a>(x: &'a str) -> char { 'b' }\n",
    "R\"(raw \" string)\" r#\"x\"# b\"y\"\n",
    "/* never closed\n * ü",
    "\"\"\"doc\nstring\"\"\" '''x",
    "$ echo \"$HOME ${x:-é}\" $# $1 # comment\n",
    "key: value # c\n- item: 'it''s'\n\"q\": [1, 2.5e-3, true]\n",
    "<!DOCTYPE html><p class=x id='y'>a &amp; b &nope</p><![CDATA[ <x> ]]><?xml v?>",
    "@media (max-width: 10px) { a:hover { color: #fff !important; } }",
    "SELECT * FROM t WHERE a = 'x' -- c\n/* d */ select 1;",
    "# Heading\n> quote\n- item `code` [l](u)\n```js\nvar x;\n```\n~~~\nopen",
    "diff --git a b\n--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n same",
    "#include <stdio.h>\\\n  more\nint main() { return 0x1F + 1'000 + .5f; }",
    "\xe4\xb8\xad\xe6\x96\x87\xf0\x9f\x98\x80`\xc3\xa9",
    "0xZZ 1e+ 1.2.3 .. ... 9abc _x $ ${ ${x",
};

// The HTML back to text: tags dropped, the four escapes undone.
std::string text_of(const std::string& html) {
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        if (html[i] == '<') {
            i = html.find('>', i) + 1;
            continue;
        }
        if (html[i] == '&') {
            const std::size_t semi = html.find(';', i);
            const std::string e = html.substr(i, semi - i + 1);
            out += e == "&amp;" ? "&" : e == "&lt;" ? "<" : e == "&gt;" ? ">" : e == "&quot;" ? "\"" : "?";
            i = semi + 1;
            continue;
        }
        out += html[i++];
    }
    return out;
}

std::string class_of(const std::string& code, const std::string& language, const std::string& piece) {
    const std::size_t at = code.find(piece);
    REQUIRE(at != std::string::npos);
    for (const auto& t : tokenize(code, language))
        if (t.begin <= at && at + piece.size() <= t.begin + t.length) return css_class(t.kind);
    return "(split)";
}

}  // namespace

TEST_CASE("highlighting never alters the code") {
    for (const auto& lang : languages) {
        for (const auto& code : tricky) {
            CAPTURE(lang);
            CAPTURE(code);
            const auto tokens = tokenize(code, lang);
            std::size_t at = 0;
            for (const auto& t : tokens) {
                CHECK(t.begin == at);
                CHECK(t.length > 0);
                // Never inside a UTF-8 sequence: a token starts on a lead or ASCII byte.
                CHECK((static_cast<unsigned char>(code[t.begin]) & 0xC0) != 0x80);
                at = t.begin + t.length;
            }
            CHECK(at == code.size());
            CHECK(text_of(highlight_html(code, lang)) == code);
        }
    }
}

TEST_CASE("tokens are classified") {
    struct Case {
        std::string language, code, piece, cls;
    };
    const std::vector<Case> cases = {
        {"c", "#include <stdio.h>\nint main(void) { return 0; }", "#include <stdio.h>", "hl-pp"},
        {"c", "int main(void) { return 0; }", "return", "hl-kw"},
        {"c", "int main(void) { return 0; }", "int", "hl-ty"},
        {"c", "int main(void) { return 0; }", "main", "hl-fn"},
        {"cpp", "auto s = \"a \\\" b\"; // done", "\"a \\\" b\"", "hl-str"},
        {"cpp", "auto s = \"a \\\" b\"; // done", "// done", "hl-com"},
        {"cpp", "x = nullptr;", "nullptr", "hl-lit"},
        {"c++", "template <class T> T f();", "template", "hl-kw"},
        {"python", "def f(x):\n    \"\"\"doc \" string\"\"\"\n    return None  # c", "\"\"\"doc \" string\"\"\"", "hl-str"},
        {"python", "def f(x):\n    return None  # c", "None", "hl-lit"},
        {"py", "def f(x):\n    return None  # c", "# c", "hl-com"},
        {"ruby", "def hi\n  puts \"hi\" # greet\nend", "end", "hl-kw"},
        {"ruby", "x = nil", "nil", "hl-lit"},
        {"javascript", "const x = `a ${b}`; // c", "const", "hl-kw"},
        {"js", "const x = `a ${b}`; // c", "`a ${b}`", "hl-str"},
        {"typescript", "interface A { b: number }", "interface", "hl-kw"},
        {"ts", "let a: number = 1.5e3;", "number", "hl-ty"},
        {"ts", "let a: number = 1.5e3;", "1.5e3", "hl-num"},
        {"json", "{\"name\": \"value\", \"n\": 12}", "\"name\"", "hl-key"},
        {"json", "{\"name\": \"value\", \"n\": 12}", "\"value\"", "hl-str"},
        {"json", "{\"a\": true}", "true", "hl-lit"},
        {"yaml", "title: My blog\nurl: http://x#y # c\n", "title", "hl-key"},
        {"yaml", "title: My blog\nurl: http://x#y # c\n", "# c", "hl-com"},
        {"yml", "draft: false\n", "false", "hl-lit"},
        {"html", "<p class=\"x\">a &amp; b</p><!-- c -->", "class", "hl-attr"},
        {"html", "<p class=\"x\">a &amp; b</p><!-- c -->", "\"x\"", "hl-str"},
        {"html", "<p class=\"x\">a &amp; b</p><!-- c -->", "<!-- c -->", "hl-com"},
        {"xml", "<p class=\"x\">a &amp; b</p>", "&amp;", "hl-lit"},
        {"xml", "<p class=\"x\">a</p>", "</p", "hl-tag"},
        {"css", "a { color: red; } /* c */", "color", "hl-key"},
        {"css", "a { color: red; } /* c */", "/* c */", "hl-com"},
        {"css", "@media print { }", "@media", "hl-kw"},
        {"bash", "echo \"$HOME\" $PATH # c", "$PATH", "hl-var"},
        {"bash", "if true; then echo a#b; fi # c", "fi", "hl-kw"},
        {"sh", "echo a#b # c", "# c", "hl-com"},
        {"shell", "echo a#b # c", "a#b", ""},
        {"go", "func main() { s := `raw` }", "func", "hl-kw"},
        {"go", "func main() { s := `raw` }", "`raw`", "hl-str"},
        {"rust", "fn f<'a>(x: &'a str) -> char { 'b' }", "'b'", "hl-str"},
        {"rust", "fn f<'a>(x: &'a str) -> char { 'b' }", "fn", "hl-kw"},
        {"rust", "let v: Vec<u8> = Vec::new();", "u8", "hl-ty"},
        {"java", "public class A { String s = null; }", "public", "hl-kw"},
        {"java", "public class A { String s = null; }", "String", "hl-ty"},
        {"sql", "select a from t where b = 'x' -- c", "select", "hl-kw"},
        {"sql", "SELECT a FROM t WHERE b = 'x' -- c", "'x'", "hl-str"},
        {"sql", "SELECT a FROM t WHERE b = 'x' -- c", "-- c", "hl-com"},
        {"markdown", "# Title\n\nSome `code` here\n", "# Title", "hl-hd"},
        {"md", "Some `code` here\n", "`code`", "hl-str"},
        {"diff", "--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n", "-old", "hl-del"},
        {"diff", "--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n", "+new", "hl-ins"},
        {"patch", "--- a\n+++ b\n@@ -1 +1 @@\n", "@@ -1 +1 @@", "hl-hd"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.language);
        CAPTURE(c.code);
        CAPTURE(c.piece);
        CHECK(class_of(c.code, c.language, c.piece) == c.cls);
    }
}

TEST_CASE("language names") {
    CHECK(canonical_language("C++") == "cpp");
    CHECK(canonical_language("sh") == "bash");
    CHECK(canonical_language("{.python}") == "python");
    CHECK(canonical_language("yml") == "yaml");
    CHECK(canonical_language("brainfuck").empty());
    CHECK_FALSE(supports("text"));
    // Unknown languages: escaped text, no spans.
    CHECK(highlight_html("a < b", "plaintext") == "a &lt; b");
}
