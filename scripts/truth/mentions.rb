#!/usr/bin/env ruby
# frozen_string_literal: true
# Writes tests/data/mentions.tsv: which `@name`s jekyll-mentions links, as Ruby's regex engine
# decides it. The pattern is html-pipeline 2's MentionFilter::MentionPatterns with the username
# pattern jekyll-mentions passes (`\w[\w-]*`), run with gsub as the filter runs it over one text
# node, and the filter's rule that the mention* names stay text. Each row is the text (a newline
# written as \n) and the text with every linked mention in brackets: `[@name]`.
# Deterministic (fixed seed).
#   ruby scripts/truth/mentions.rb > tests/data/mentions.tsv

USERNAME = /\w[\w-]*/.freeze
PATTERN = /
  (?:^|\W)
  @((?>#{USERNAME}))
  (?!\/)
  (?=
    \.+[ \t\W]|
    \.+$|
    [^0-9a-zA-Z_.]|
    $
  )
/ix.freeze
RESERVED = %w[mention mentions mentioned mentioning].freeze

def linked(text)
  text.gsub(PATTERN) do |match|
    login = Regexp.last_match(1)
    RESERVED.include?(login.downcase) ? match : match.sub("@#{login}", "[@#{login}]")
  end
end

PIECES = ['@', '@', '@', 'al', 'b-c', 'x_1', '9', '-', '.', '..', '/', ' ', "\n", ',', '(', ')', 'é', '@@',
          'mention', 'Mentions', ':', '#', 'e@x.org', '_', "\t"].freeze

rng = Random.new(7)
rows = {}
PIECES.each { |a| PIECES.each { |b| rows["#{a}#{b}"] = true } }
PIECES.each { |a| PIECES.each { |b| rows["@#{a}#{b}"] = true } }
3000.times { rows[Array.new(rng.rand(2..7)) { PIECES.sample(random: rng) }.join] = true }
rows.each_key do |text|
  out = linked(text)
  puts "#{text.gsub("\n", '\n').gsub("\t", '\t')}\t#{out.gsub("\n", '\n').gsub("\t", '\t')}"
end
