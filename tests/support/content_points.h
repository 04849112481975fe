// Rendered-content comparison with Jekyll on five points, shared by the corpus oracle test, the
// whole-site oracle test and the kramdown-cases conformance test.
//
// Both sides go through one tolerant HTML tokenizer (the oracle is HTML, not XML) and are reduced
// to five lists per document: visible text, headings (level, id, text), link targets, image
// sources and code block contents. What legitimately differs between kramdown and cmark-gfm is
// normalised away before comparing: white space between and inside blocks, attribute order and
// quoting, entity spelling (both sides are decoded), percent-encoding of URLs (cmark encodes,
// kramdown does not), comments (Jekyll's stub markers, our unsupported-node comments) and the
// line-number gutter of highlighted code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace blogconv::test {

struct Points {
    std::string text;                   // visible text, white space collapsed
    std::vector<std::string> headings;  // "h2 #id text"
    std::vector<std::string> hrefs;
    std::vector<std::string> images;
    std::vector<std::string> code;      // contents of each <pre> (not line-number gutters)
};

Points extract(std::string_view html);

// A short diff of two lists or texts: where they first differ, or "" when they are equal.
std::string list_diff(const std::vector<std::string>& ours, const std::vector<std::string>& jekyll);
std::string text_diff(const std::string& ours, const std::string& jekyll);

// Every point on which two renderings differ, as "point: diff"; empty when they agree.
std::vector<std::string> compare_points(std::string_view ours_html, std::string_view jekyll_html);

// Liquid markers outside comments: what a reader would see of unrendered Liquid.
int count_liquid_markers(std::string_view html);

}  // namespace blogconv::test
