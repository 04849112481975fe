#!/usr/bin/env ruby
# frozen_string_literal: true
# Writes tests/data/kramdown-emphasis.tsv: kramdown's own answer (GFM input, as Jekyll reads
# Markdown) for short paragraphs built from emphasis delimiters and what stands around them:
# letters, digits, punctuation, CJK letters and punctuation, spaces, escapes, code spans, links.
# Each row is the input and the HTML inside kramdown's <p>. Deterministic (fixed seed).
#   ruby scripts/truth/kramdown-emphasis.rb > tests/data/kramdown-emphasis.tsv
require 'kramdown'
require 'kramdown-parser-gfm'

DELIMS = ['*', '**', '_', '__', '***'].freeze
AROUND = ['a', 'bc', '1', '.', '-', ',', '(', ')', '「', '」', '中', '，', ' ', '\\*', '\\_', '`c*`', '[l](u)', 'x_y'].freeze

def kramdown(text)
  Kramdown::Document.new(text, input: 'GFM', hard_wrap: false).to_html
end

rng = Random.new(20)
rows = {}
# Every delimiter between every pair of neighbours, twice in a row (an opener and a closer).
DELIMS.each do |d|
  AROUND.each do |l|
    AROUND.each do |r|
      rows["x#{l}#{d}#{r}y#{l}#{d}#{r}z"] = true
    end
  end
end
# Random mixes for nesting and runs of several delimiters.
4000.times do
  parts = Array.new(rng.rand(3..8)) { rng.rand < 0.45 ? DELIMS.sample(random: rng) : AROUND.sample(random: rng) }
  rows["x#{parts.join}y"] = true
end

# Long runs of openers without a closer, which a naive scan pairs in quadratic time.
['*a ', '**a *b ', '*a **b ', '_a ', '__a _b '].each do |unit|
  ['', 'c*', 'c**', 'c_', 'c__'].each { |tail| rows["x#{unit * 20}#{tail}y"] = true }
end

rows.each_key do |text|
  # Typographic dashes and two code spans side by side (a code-span rule) are not this table's subject.
  next if text.include?('--') || text.include?('``')
  html = kramdown(text)
  m = html.match(%r{\A<p>(.*)</p>\n\z}m)
  next unless m
  puts "#{text}\t#{m[1]}"
end
