// The built-in stylesheet of the standalone HTML writer, inlined into every page.
//
// Colours are custom properties so that the light and dark themes differ in one place each:
// the automatic theme follows prefers-color-scheme unless the page pins one with
// `data-theme` on <html> (StandaloneTheme). System font stacks only: a web font would be a
// request (or hundreds of kilobytes of data: URI), and system fonts read well everywhere.
#include "writers/standalone/standalone_writer.h"

#include <string>

namespace blogconv::writers {

namespace {

// The dark theme's colours, written twice into the sheet: inside the media query for the automatic
// theme, and for a page that pins `data-theme="dark"` (CSS cannot join a media query and a
// selector in one rule).
constexpr std::string_view dark_palette =
    "--bg: #16181d; --fg: #e3e6ea; --muted: #9aa3ae; --accent: #7cb7ff; --rule: #30353d;\n"
    "--code-bg: #1f232a; --mark: #5c4b00;\n"
    "--hl-kw: #d291e4; --hl-ty: #5fd3e6; --hl-lit: #f0b35a; --hl-str: #8fd694; --hl-num: #f0b35a;\n"
    "--hl-com: #8b949e; --hl-pp: #f78fb3; --hl-fn: #82aaff; --hl-tag: #ff8fa3; --hl-attr: #f0b35a;\n"
    "--hl-var: #c4a7ff; --hl-key: #82aaff; --hl-hd: #82aaff; --hl-ins: #8fd694; --hl-del: #ff9b9b;\n"
    "--hl-ins-bg: #173221; --hl-del-bg: #3b1c1c;\n"
    "color-scheme: dark;\n";

std::string indented(std::string_view lines, std::string_view indent) {
    std::string out;
    for (std::size_t at = 0; at < lines.size();) {
        std::size_t end = lines.find('\n', at);
        end = end == std::string_view::npos ? lines.size() : end + 1;
        out.append(indent).append(lines.substr(at, end - at));
        at = end;
    }
    return out;
}

}  // namespace

std::string_view default_css() {
    static const std::string css = std::string(R"css(:root {
  --bg: #fdfcfa; --fg: #1f2328; --muted: #5d6673; --accent: #0b5cad; --rule: #d9dde3;
  --code-bg: #f3f4f6; --mark: #fff3bf;
  --hl-kw: #a626a4; --hl-ty: #0e7490; --hl-lit: #b45309; --hl-str: #2f7d32; --hl-num: #b45309;
  --hl-com: #6b7280; --hl-pp: #9d174d; --hl-fn: #1d4ed8; --hl-tag: #be123c; --hl-attr: #b45309;
  --hl-var: #7c3aed; --hl-key: #1d4ed8; --hl-hd: #1d4ed8; --hl-ins: #166534; --hl-del: #b91c1c;
  --hl-ins-bg: #e6f4ea; --hl-del-bg: #fdecea;
  color-scheme: light;
}
)css") +
                                   "@media (prefers-color-scheme: dark) {\n  :root:not([data-theme=\"light\"]) {\n" +
                                   indented(dark_palette, "    ") + "  }\n}\n:root[data-theme=\"dark\"] {\n" +
                                   indented(dark_palette, "  ") + "}\n" + R"css(*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 2rem 1.25rem 4rem; max-width: 42rem;
  background: var(--bg); color: var(--fg);
  font: 1.0625rem/1.65 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Noto Serif", "DejaVu Serif", serif;
  font-kerning: normal; hanging-punctuation: first; overflow-wrap: break-word;
}
h1, h2, h3, h4, h5, h6 {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  line-height: 1.25; margin: 2em 0 0.6em; text-wrap: balance;
}
h1 { font-size: 2.1rem; } h2 { font-size: 1.55rem; } h3 { font-size: 1.25rem; } h4, h5, h6 { font-size: 1.05rem; }
p, ul, ol, dl, blockquote, pre, table, figure { margin: 0 0 1.1em; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
img, video, svg { max-width: 100%; height: auto; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2.5em 0; }
blockquote { margin-left: 0; padding-left: 1.1em; border-left: 3px solid var(--rule); color: var(--muted); }
mark { background: var(--mark); color: inherit; }
small, .meta, figcaption { color: var(--muted); font-size: 0.9em; }
li + li { margin-top: 0.25em; }
dt { font-weight: 600; }
dd { margin-left: 1.5em; }
.cover { border-bottom: 1px solid var(--rule); padding-bottom: 1.5rem; margin-bottom: 2rem; }
.cover h1 { margin-top: 0.5em; }
.cover .description { font-size: 1.15rem; color: var(--muted); margin-bottom: 0.4em; }
.site-nav { font-size: 0.9rem; margin-bottom: 1rem; }
.toc ol { padding-left: 1.4em; }
.toc time, .post-list time { color: var(--muted); font-size: 0.85em; white-space: nowrap; }
.post { margin-top: 3.5rem; padding-top: 1rem; border-top: 1px solid var(--rule); }
.post:first-child { border-top: 0; margin-top: 1rem; }
.post > header h2, .post > header h1 { margin-top: 0.2em; }
.post-meta { color: var(--muted); font-size: 0.92rem; margin: 0 0 1.5em; }
.tags { list-style: none; padding: 0; margin: 0.4em 0 0; display: flex; flex-wrap: wrap; gap: 0.4em; }
.tags li { margin: 0; }
.tags a { font-size: 0.85em; padding: 0.05em 0.55em; border: 1px solid var(--rule); border-radius: 1em; text-decoration: none; }
.back { font-size: 0.9rem; }
.tag-index { margin-top: 4rem; border-top: 1px solid var(--rule); padding-top: 1rem; }
.tag-index h3 { font-size: 1.05rem; margin-bottom: 0.3em; }
.heading-anchor { margin-left: 0.35em; color: var(--muted); text-decoration: none; opacity: 0; font-weight: 400; }
h1:hover > .heading-anchor, h2:hover > .heading-anchor, h3:hover > .heading-anchor,
h4:hover > .heading-anchor, h5:hover > .heading-anchor, h6:hover > .heading-anchor, .heading-anchor:focus { opacity: 1; }
:target { scroll-margin-top: 1rem; }
code, kbd, samp, pre {
  font-family: ui-monospace, "SFMono-Regular", "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  font-size: 0.88em;
}
:not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
pre {
  background: var(--code-bg); padding: 0.9em 1.1em; border-radius: 6px; overflow-x: auto;
  line-height: 1.5; tab-size: 4; -moz-tab-size: 4;
}
pre code { font-size: 1em; background: none; padding: 0; }
.hl-kw { color: var(--hl-kw); } .hl-ty { color: var(--hl-ty); } .hl-lit { color: var(--hl-lit); }
.hl-str { color: var(--hl-str); } .hl-num { color: var(--hl-num); } .hl-com { color: var(--hl-com); font-style: italic; }
.hl-pp { color: var(--hl-pp); } .hl-fn { color: var(--hl-fn); } .hl-tag { color: var(--hl-tag); }
.hl-attr { color: var(--hl-attr); } .hl-var { color: var(--hl-var); } .hl-key { color: var(--hl-key); }
.hl-hd { color: var(--hl-hd); font-weight: 600; }
.hl-ins { color: var(--hl-ins); background: var(--hl-ins-bg); } .hl-del { color: var(--hl-del); background: var(--hl-del-bg); }
table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; font-size: 0.95em; }
th, td { border: 1px solid var(--rule); padding: 0.4em 0.75em; vertical-align: top; }
thead th { background: var(--code-bg); }
tbody tr:nth-child(even) { background: color-mix(in srgb, var(--code-bg) 50%, transparent); }
.footnotes { margin-top: 2.5em; border-top: 1px solid var(--rule); font-size: 0.9em; color: var(--muted); }
.footnotes ol { padding-left: 1.4em; }
sup[role="doc-noteref"] a, a.footnote { text-decoration: none; padding: 0 0.1em; }
.reversefootnote { text-decoration: none; }
.math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", serif; }
.unsupported { color: var(--muted); border-left: 3px solid var(--hl-del); }
.remote-image, .missing-image { font-style: italic; }
.task-list-item { list-style: none; }
.task-list-item input { margin: 0 0.4em 0 -1.3em; }
@media (max-width: 30rem) { body { font-size: 1rem; padding: 1.25rem 1rem 3rem; } h1 { font-size: 1.75rem; } }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #333; --accent: #000; --code-bg: #f4f4f4; color-scheme: light; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .site-nav, .heading-anchor, .back { display: none; }
  .post { break-before: page; border-top: 0; }
  h1, h2, h3, h4 { break-after: avoid; }
  pre, blockquote, table, img, figure { break-inside: avoid; }
  pre { white-space: pre-wrap; border: 1px solid #ccc; }
  a { text-decoration: none; }
  .post a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; }
}
)css";
    return css;
}

}  // namespace blogconv::writers
