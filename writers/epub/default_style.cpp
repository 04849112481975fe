#include "writers/epub/default_style.h"

namespace blogconv::writers::epub {

// Sizes are relative so the reader's font-size setting wins; no fixed widths, so phones work.
const std::string_view default_style = R"css(/* blogconv default book style */
html, body { margin: 0; padding: 0; }
body { line-height: 1.45; widows: 2; orphans: 2; }
h1, h2, h3, h4, h5, h6 { line-height: 1.2; page-break-after: avoid; break-after: avoid; hyphens: manual; }
h1 { font-size: 1.6em; margin: 1em 0 0.5em; }
h2 { font-size: 1.35em; margin: 1.2em 0 0.4em; }
h3 { font-size: 1.15em; margin: 1.1em 0 0.3em; }
h4, h5, h6 { font-size: 1em; margin: 1em 0 0.3em; }
p { margin: 0 0 0.8em; }
a { color: inherit; text-decoration: underline; }
.post-header { margin-bottom: 1.5em; }
.post-title { margin-top: 0; }
.post-meta { font-size: 0.9em; font-style: italic; margin: 0 0 0.3em; }
.post-tags { font-size: 0.85em; list-style: none; margin: 0; padding: 0; }
.post-tags li { display: inline; margin-right: 0.6em; }
.post-tags li::before { content: "#"; }
img, svg, video { max-width: 100%; height: auto; }
figure { margin: 1em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
figcaption { font-size: 0.9em; font-style: italic; }
.missing-image, .remote-image { font-style: italic; }
blockquote { margin: 1em 1.2em; padding-left: 0.8em; border-left: 0.2em solid #888; }
pre { font-size: 0.85em; line-height: 1.3; white-space: pre-wrap; word-wrap: break-word; overflow-wrap: break-word;
      overflow-x: auto; margin: 1em 0; padding: 0.5em; border: 1px solid #999; }
code, kbd, samp { font-family: monospace; font-size: 0.9em; hyphens: none; }
pre code { font-size: 1em; }
p code, li code { overflow-wrap: break-word; word-wrap: break-word; }
table { border-collapse: collapse; max-width: 100%; margin: 1em 0; font-size: 0.9em; display: block; overflow-x: auto; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; }
th { font-weight: bold; }
hr { border: none; border-top: 1px solid #888; margin: 1.5em 20%; }
dt { font-weight: bold; }
dd { margin: 0 0 0.5em 1.5em; }
.math { font-family: monospace; }
sup, sub { line-height: 0; }
.footnotes { font-size: 0.9em; margin-top: 2em; border-top: 1px solid #888; }
aside.footnote { margin: 0.5em 0; }
.title-page { text-align: center; margin-top: 20%; }
.title-page .book-title { font-size: 2em; }
.title-page .book-author { font-size: 1.2em; margin-top: 1em; }
.cover { text-align: center; margin: 0; padding: 0; }
.cover img { max-height: 100%; }
.unsupported { white-space: pre-wrap; }
nav ol { list-style: none; padding-left: 1em; }
)css";

}  // namespace blogconv::writers::epub
