// Keyword lists are deliberately the reserved words plus the few built-ins readers expect to see
// coloured (print, len…are not: colouring library names misleads more than it helps).
#include "writers/highlight/highlight_rules.h"

namespace blogconv::writers::highlight {

namespace {

const StringRule dq{"\"", "\""};
const StringRule sq{"'", "'"};
const StringRule dq_multi{"\"", "\"", '\\', true};
const StringRule sq_multi{"'", "'", '\\', true};

std::vector<LanguageRules> make_rules() {
    std::vector<LanguageRules> r;

    const std::vector<std::string_view> c_keywords = {
        "auto", "break", "case", "const", "continue", "default", "do", "else", "enum", "extern", "for", "goto", "if",
        "inline", "register", "restrict", "return", "sizeof", "static", "struct", "switch", "typedef", "union",
        "volatile", "while", "_Static_assert", "_Alignas", "_Alignof", "_Noreturn", "_Thread_local"};
    const std::vector<std::string_view> c_types = {"bool", "char", "double", "float", "int", "long", "short",
                                                   "signed", "unsigned", "void", "size_t", "ssize_t", "int8_t",
                                                   "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t",
                                                   "uint32_t", "uint64_t", "FILE", "wchar_t", "_Bool"};

    {
        LanguageRules l;
        l.name = "c";
        l.aliases = {"h"};
        l.line_comments = {"//"};
        l.block_comments = {{"/*", "*/"}};
        l.strings = {dq, StringRule{"'", "'", '\\', false, 8}};
        l.keywords = c_keywords;
        l.types = c_types;
        l.literals = {"NULL", "true", "false"};
        l.hash_preprocessor = true;
        r.push_back(l);

        l.name = "cpp";
        l.aliases = {"c++", "cxx", "cc", "hpp", "hxx", "h++"};
        l.strings = {StringRule{"R\"(", ")\"", 0, true}, dq, StringRule{"'", "'", '\\', false, 8}};
        l.keywords.insert(l.keywords.end(),
                          {"alignas", "alignof", "catch", "class", "concept", "consteval", "constexpr", "constinit",
                           "const_cast", "co_await", "co_return", "co_yield", "decltype", "delete", "dynamic_cast",
                           "explicit", "export", "final", "friend", "mutable", "namespace", "new", "noexcept",
                           "operator", "override", "private", "protected", "public", "reinterpret_cast", "requires",
                           "static_assert", "static_cast", "template", "this", "throw", "try", "typeid", "typename",
                           "using", "virtual"});
        l.types.insert(l.types.end(), {"char8_t", "char16_t", "char32_t", "std", "string", "vector", "map"});
        l.literals = {"nullptr", "true", "false", "NULL"};
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "python";
        l.aliases = {"py", "python3", "py3", "pycon"};
        l.line_comments = {"#"};
        l.strings = {StringRule{"\"\"\"", "\"\"\"", '\\', true}, StringRule{"'''", "'''", '\\', true}, dq, sq};
        l.keywords = {"and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
                      "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
                      "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match",
                      "case"};
        l.types = {"int", "float", "str", "bytes", "list", "dict", "set", "tuple", "bool", "object"};
        l.literals = {"True", "False", "None", "self"};
        l.capitalised_types = true;
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "ruby";
        l.aliases = {"rb", "gemfile", "rake"};
        l.line_comments = {"#"};
        l.strings = {dq_multi, sq_multi};
        l.keywords = {"alias", "and", "begin", "break", "case", "class", "def", "defined?", "do", "else", "elsif",
                      "end", "ensure", "for", "if", "in", "module", "next", "not", "or", "redo", "rescue", "retry",
                      "return", "super", "then", "undef", "unless", "until", "when", "while", "yield", "require",
                      "require_relative", "attr_accessor", "attr_reader", "attr_writer", "puts", "raise"};
        l.literals = {"true", "false", "nil", "self"};
        l.capitalised_types = true;
        r.push_back(l);
    }
    const std::vector<std::string_view> js_keywords = {
        "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
        "do", "else", "export", "extends", "finally", "for", "from", "function", "if", "import", "in", "instanceof",
        "let", "new", "of", "return", "static", "super", "switch", "this", "throw", "try", "typeof", "var", "void",
        "while", "with", "yield"};
    {
        LanguageRules l;
        l.name = "javascript";
        l.aliases = {"js", "jsx", "mjs", "cjs", "node"};
        l.line_comments = {"//"};
        l.block_comments = {{"/*", "*/"}};
        l.strings = {dq, sq, StringRule{"`", "`", '\\', true}};
        l.keywords = js_keywords;
        l.literals = {"true", "false", "null", "undefined", "NaN", "Infinity"};
        l.identifier_start_extra = "$";
        l.identifier_extra = "$";
        r.push_back(l);

        l.name = "typescript";
        l.aliases = {"ts", "tsx", "mts"};
        l.keywords.insert(l.keywords.end(), {"abstract", "as", "declare", "enum", "implements", "interface", "is",
                                             "keyof", "namespace", "private", "protected", "public", "readonly",
                                             "satisfies", "type"});
        l.types = {"any", "boolean", "never", "number", "object", "string", "symbol", "unknown", "bigint"};
        l.capitalised_types = true;
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "json";
        l.aliases = {"jsonc", "json5", "geojson"};
        l.line_comments = {"//"};  // JSONC; harmless for plain JSON, where `//` never occurs outside strings
        l.block_comments = {{"/*", "*/"}};
        l.strings = {dq};
        l.literals = {"true", "false", "null"};
        l.keys = true;
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "yaml";
        l.aliases = {"yml"};
        l.line_comments = {"#"};
        l.strings = {dq, StringRule{"'", "'", 0}};
        l.literals = {"true", "false", "null", "yes", "no", "on", "off", "True", "False", "Null", "~"};
        l.keys = true;
        l.identifier_extra = "-.";
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "html";
        l.aliases = {"xml", "xhtml", "svg", "htm", "rss", "atom", "xsl", "plist", "vue"};
        l.scanner = Scanner::markup;
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "css";
        l.aliases = {"scss", "less"};
        l.line_comments = {};  // `//` is a URL part in CSS; SCSS comments are the rare case
        l.block_comments = {{"/*", "*/"}};
        l.strings = {dq, sq};
        l.keywords = {"@media", "@import", "@font-face", "@keyframes", "@supports", "@page", "@charset",
                      "@layer", "@container", "@mixin", "@include", "@extend", "@use", "!important"};
        l.literals = {"inherit", "initial", "unset", "none", "auto"};
        l.keys = true;
        l.identifier_start_extra = "@-!";
        l.identifier_extra = "-";
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "bash";
        l.aliases = {"sh", "shell", "zsh", "ksh", "console", "shell-session", "terminal"};
        l.line_comments = {"#"};
        l.strings = {StringRule{"\"", "\"", '\\', true}, StringRule{"'", "'", 0, true}};
        l.keywords = {"if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac",
                      "in", "function", "return", "local", "export", "readonly", "declare", "set", "unset",
                      "source", "exit", "shift", "trap", "eval", "exec", "cd", "echo", "sudo"};
        l.literals = {"true", "false"};
        l.shell_variables = true;
        l.identifier_extra = "-";
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "go";
        l.aliases = {"golang"};
        l.line_comments = {"//"};
        l.block_comments = {{"/*", "*/"}};
        l.strings = {dq, StringRule{"`", "`", 0, true}, StringRule{"'", "'", '\\', false, 12}};
        l.keywords = {"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
                      "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return",
                      "select", "struct", "switch", "type", "var"};
        l.types = {"bool", "byte", "complex64", "complex128", "error", "float32", "float64", "int", "int8",
                   "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64",
                   "uintptr", "any"};
        l.literals = {"true", "false", "nil", "iota"};
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "rust";
        l.aliases = {"rs"};
        l.line_comments = {"//"};
        l.block_comments = {{"/*", "*/"}};
        l.strings = {StringRule{"r#\"", "\"#", 0, true}, StringRule{"b\"", "\"", '\\', true}, dq_multi,
                     StringRule{"'", "'", '\\', false, 10}};
        l.keywords = {"as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
                      "extern", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
                      "pub", "ref", "return", "static", "struct", "super", "trait", "type", "unsafe", "use",
                      "where", "while", "Self", "self"};
        l.types = {"bool", "char", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32",
                   "u64", "u128", "usize", "str", "String", "Vec", "Option", "Result", "Box"};
        l.literals = {"true", "false", "None", "Some", "Ok", "Err"};
        l.capitalised_types = true;
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "java";
        l.aliases = {"kotlin"};
        l.line_comments = {"//"};
        l.block_comments = {{"/*", "*/"}};
        l.strings = {StringRule{"\"\"\"", "\"\"\"", '\\', true}, dq, StringRule{"'", "'", '\\', false, 8}};
        l.keywords = {"abstract", "assert", "break", "case", "catch", "class", "continue", "default", "do",
                      "else", "enum", "extends", "final", "finally", "for", "if", "implements", "import",
                      "instanceof", "interface", "native", "new", "package", "private", "protected", "public",
                      "record", "return", "static", "super", "switch", "synchronized", "this", "throw", "throws",
                      "transient", "try", "var", "volatile", "while", "yield"};
        l.types = {"boolean", "byte", "char", "double", "float", "int", "long", "short", "void"};
        l.literals = {"true", "false", "null"};
        l.capitalised_types = true;
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "sql";
        l.aliases = {"mysql", "postgresql", "postgres", "psql", "sqlite", "plsql"};
        l.line_comments = {"--"};
        l.block_comments = {{"/*", "*/"}};
        l.strings = {StringRule{"'", "'", 0, true}, StringRule{"\"", "\"", 0}};
        l.keywords = {"add", "all", "alter", "and", "as", "asc", "begin", "between", "by", "case", "check",
                      "column", "commit", "constraint", "create", "cross", "database", "default", "delete", "desc",
                      "distinct", "drop", "else", "end", "exists", "foreign", "from", "full", "group", "having",
                      "if", "in", "index", "inner", "insert", "into", "is", "join", "key", "left", "like", "limit",
                      "not", "offset", "on", "or", "order", "outer", "primary", "references", "returning", "right",
                      "rollback", "select", "set", "table", "then", "transaction", "union", "unique", "update",
                      "using", "values", "view", "when", "where", "with"};
        l.types = {"bigint", "blob", "boolean", "char", "date", "decimal", "float", "int", "integer", "numeric",
                   "real", "serial", "smallint", "text", "timestamp", "varchar", "uuid", "jsonb"};
        l.literals = {"null", "true", "false"};
        l.ignore_case = true;
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "markdown";
        l.aliases = {"md", "mkd", "kramdown", "gfm"};
        l.scanner = Scanner::markdown;
        r.push_back(l);
    }
    {
        LanguageRules l;
        l.name = "diff";
        l.aliases = {"patch", "udiff"};
        l.scanner = Scanner::diff;
        r.push_back(l);
    }
    return r;
}

}  // namespace

const std::vector<LanguageRules>& all_language_rules() {
    static const std::vector<LanguageRules> rules = make_rules();
    return rules;
}

}  // namespace blogconv::writers::highlight
