// ir/walk.h: every node kind is visited, in document order, parent before children, by the const
// and the mutable walk alike; Descend::no prunes; a mutable walk rewrites in place.
#include <doctest/doctest.h>

#include <cctype>
#include <functional>
#include <string>
#include <vector>

#include "ir/walk.h"

using namespace blogconv;

namespace {

ir::Inline text(std::string s) { return ir::Text{std::move(s)}; }
ir::Block para(int line, ir::Inlines children) { return ir::Block(ir::Paragraph{std::move(children), {}}, {line, 1}); }

// A body holding every block kind and every inline kind, each container with something inside.
// Block lines are distinct so that the owner handed to an inline callback can be told apart.
ir::Blocks every_kind() {
    ir::Emphasis em{{text("em")}};
    ir::Strong strong{{ir::Strikethrough{{text("del")}}}};
    ir::Link link;
    link.url = "/l";
    link.children = {text("link"), ir::Code{"code", {}}};
    ir::Image image;
    image.url = "/i.png";
    image.alt = {text("alt"), ir::RawInline{"html", "<br>"}};
    ir::Blocks body;
    body.push_back(para(1, {text("p"), std::move(em), std::move(strong), std::move(link), std::move(image),
                            ir::SoftBreak{}, ir::HardBreak{}, ir::FootnoteReference{"1"}, ir::Math{false, "x"},
                            ir::UnsupportedInline{"liquid-tag", "{% x %}", {}}}));
    body.push_back(ir::Block(ir::Heading{2, {text("h")}, {}}, {2, 1}));
    body.push_back(ir::Block(ir::CodeBlock{"c", "code\n", false, {}, {}}, {3, 1}));
    body.push_back(ir::Block(ir::BlockQuote{{para(5, {text("quoted")})}, {}}, {4, 1}));
    ir::List inner;
    inner.items.push_back({{para(9, {text("nested")})}, std::nullopt});
    ir::List list;
    list.items.push_back({{para(7, {text("item")})}, std::nullopt});
    list.items.push_back({{ir::Block(std::move(inner), {8, 3})}, true});
    body.push_back(ir::Block(std::move(list), {6, 1}));
    ir::DefinitionList dl;
    dl.items.push_back({{text("term1")}, {{para(11, {text("def1a")})}, {para(12, {text("def1b")})}}});
    dl.items.push_back({{text("term2")}, {{ir::Block(ir::RawBlock{"html", "<hr>"}, {13, 1})}}});
    body.push_back(ir::Block(std::move(dl), {10, 1}));
    ir::Table table;
    table.alignments = {ir::Alignment::none, ir::Alignment::left};
    table.head = {{ir::TableCell{{text("head1")}}, ir::TableCell{{text("head2")}}}};
    table.body = {{ir::TableCell{{text("body1")}}, ir::TableCell{{}}}};
    body.push_back(ir::Block(std::move(table), {14, 1}));
    body.push_back(ir::Block(ir::ThematicBreak{}, {15, 1}));
    body.push_back(ir::Block(ir::RawBlock{"html", "<div></div>"}, {16, 1}));
    body.push_back(ir::Block(ir::FootnoteDefinition{"1", {para(18, {text("note")})}}, {17, 1}));
    body.push_back(ir::Block(ir::UnsupportedBlock{"include", "{% include x %}", {}}, {19, 1}));
    return body;
}

// One word per node kind (the test's own exhaustive list, independent of the walk's).
std::string name(const ir::Block& b) {
    return std::visit(ir::overloaded{[](const ir::Paragraph&) { return std::string("Paragraph"); },
                                     [](const ir::Heading&) { return std::string("Heading"); },
                                     [](const ir::CodeBlock&) { return std::string("CodeBlock"); },
                                     [](const ir::BlockQuote&) { return std::string("BlockQuote"); },
                                     [](const ir::List&) { return std::string("List"); },
                                     [](const ir::DefinitionList&) { return std::string("DefinitionList"); },
                                     [](const ir::Table&) { return std::string("Table"); },
                                     [](const ir::ThematicBreak&) { return std::string("ThematicBreak"); },
                                     [](const ir::RawBlock&) { return std::string("RawBlock"); },
                                     [](const ir::FootnoteDefinition&) { return std::string("FootnoteDefinition"); },
                                     [](const ir::UnsupportedBlock&) { return std::string("UnsupportedBlock"); }},
                      b.node) +
           "@" + std::to_string(b.pos.line);
}
std::string name(const ir::Inline& in) {
    return ir::visit(ir::overloaded{[](const ir::Text& x) { return "'" + x.text + "'"; },
                                    [](const ir::Emphasis&) { return std::string("Emphasis"); },
                                    [](const ir::Strong&) { return std::string("Strong"); },
                                    [](const ir::Strikethrough&) { return std::string("Strikethrough"); },
                                    [](const ir::Code&) { return std::string("Code"); },
                                    [](const ir::Link&) { return std::string("Link"); },
                                    [](const ir::Image&) { return std::string("Image"); },
                                    [](const ir::SoftBreak&) { return std::string("SoftBreak"); },
                                    [](const ir::HardBreak&) { return std::string("HardBreak"); },
                                    [](const ir::RawInline&) { return std::string("RawInline"); },
                                    [](const ir::FootnoteReference&) { return std::string("FootnoteReference"); },
                                    [](const ir::Math&) { return std::string("Math"); },
                                    [](const ir::UnsupportedInline&) { return std::string("UnsupportedInline"); }},
                     in);
}

using Seq = std::vector<std::string>;

// The inlines of the paragraph at line 1, each with its owner's line.
const Seq paragraph_inlines = {"'p'@1",     "Emphasis@1",  "'em'@1",     "Strong@1",       "Strikethrough@1",
                               "'del'@1",   "Link@1",      "'link'@1",   "Code@1",         "Image@1",
                               "'alt'@1",   "RawInline@1", "SoftBreak@1", "HardBreak@1",   "FootnoteReference@1",
                               "Math@1",    "UnsupportedInline@1"};

Seq concat(std::initializer_list<Seq> parts) {
    Seq out;
    for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

// Everything, blocks as "Kind@line", inlines as "name@owner line", in the walk's order.
const Seq everything = concat({
    {"Paragraph@1"},
    paragraph_inlines,
    {"Heading@2", "'h'@2", "CodeBlock@3", "BlockQuote@4", "Paragraph@5", "'quoted'@5", "List@6", "Paragraph@7",
     "'item'@7", "List@8", "Paragraph@9", "'nested'@9", "DefinitionList@10", "'term1'@10", "Paragraph@11",
     "'def1a'@11", "Paragraph@12", "'def1b'@12", "'term2'@10", "RawBlock@13", "Table@14", "'head1'@14",
     "'head2'@14", "'body1'@14", "ThematicBreak@15", "RawBlock@16", "FootnoteDefinition@17", "Paragraph@18",
     "'note'@18", "UnsupportedBlock@19"},
});

Seq only(const Seq& seq, bool blocks) {
    Seq out;
    for (const auto& s : seq) {
        // Block names start with an upper-case kind and have no inline counterpart of that name.
        static const std::vector<std::string> block_kinds = {
            "Paragraph@", "Heading@", "CodeBlock@", "BlockQuote@", "List@", "DefinitionList@", "Table@",
            "ThematicBreak@", "RawBlock@", "FootnoteDefinition@", "UnsupportedBlock@"};
        bool is_block = false;
        for (const auto& k : block_kinds) is_block = is_block || s.rfind(k, 0) == 0;
        if (is_block == blocks) out.push_back(s);
    }
    return out;
}

// A walk over a copy of every_kind(), const or mutable, recording what it sees.
struct Case {
    std::string name;
    std::function<Seq(bool mutable_walk)> run;
    Seq expected;
};

template <class Body>
Seq record_walk(Body& body) {
    Seq seen;
    ir::walk(
        body, [&](auto& b) { seen.push_back(name(b)); },
        [&](auto& in, auto& owner) { seen.push_back(name(in) + "@" + std::to_string(owner.pos.line)); });
    return seen;
}
template <class Body>
Seq record_blocks(Body& body) {
    Seq seen;
    ir::for_each_block(body, [&](auto& b) { seen.push_back(name(b)); });
    return seen;
}
template <class Body>
Seq record_inlines(Body& body) {
    Seq seen;
    ir::for_each_inline(body, [&](auto& in, auto& owner) {
        seen.push_back(name(in) + "@" + std::to_string(owner.pos.line));
    });
    return seen;
}
// Descend::no on images, block quotes and lists: their insides are left out.
template <class Body>
Seq record_pruned(Body& body) {
    Seq seen;
    ir::walk(
        body,
        [&](auto& b) {
            seen.push_back(name(b));
            bool leaf = std::holds_alternative<ir::BlockQuote>(b.node) || std::holds_alternative<ir::List>(b.node);
            return leaf ? ir::Descend::no : ir::Descend::yes;
        },
        [&](auto& in, auto& owner) {
            seen.push_back(name(in) + "@" + std::to_string(owner.pos.line));
            return ir::get_if<ir::Image>(in) ? ir::Descend::no : ir::Descend::yes;
        });
    return seen;
}

template <Seq (*F)(ir::Blocks&), Seq (*G)(const ir::Blocks&)>
std::function<Seq(bool)> both() {
    return [](bool mutable_walk) {
        ir::Blocks body = every_kind();
        if (mutable_walk) return F(body);
        const ir::Blocks& view = body;
        return G(view);
    };
}

Seq pruned_expected() {
    Seq out = {"Paragraph@1"};
    for (const auto& s : paragraph_inlines)
        if (s != "'alt'@1" && s != "RawInline@1") out.push_back(s);
    Seq rest = {"Heading@2", "'h'@2", "CodeBlock@3", "BlockQuote@4", "List@6", "DefinitionList@10", "'term1'@10",
                "Paragraph@11", "'def1a'@11", "Paragraph@12", "'def1b'@12", "'term2'@10", "RawBlock@13", "Table@14",
                "'head1'@14", "'head2'@14", "'body1'@14", "ThematicBreak@15", "RawBlock@16", "FootnoteDefinition@17",
                "Paragraph@18", "'note'@18", "UnsupportedBlock@19"};
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
}

}  // namespace

TEST_CASE("the walk visits every node kind in document order, parent first; const and mutable alike") {
    const std::vector<Case> cases = {
        {"walk", both<record_walk<ir::Blocks>, record_walk<const ir::Blocks>>(), everything},
        {"for_each_block", both<record_blocks<ir::Blocks>, record_blocks<const ir::Blocks>>(), only(everything, true)},
        {"for_each_inline", both<record_inlines<ir::Blocks>, record_inlines<const ir::Blocks>>(),
         only(everything, false)},
        {"Descend::no prunes", both<record_pruned<ir::Blocks>, record_pruned<const ir::Blocks>>(), pruned_expected()},
    };
    for (const auto& c : cases) {
        for (bool mutable_walk : {false, true}) {
            CAPTURE(c.name);
            CAPTURE(mutable_walk);
            CHECK(c.run(mutable_walk) == c.expected);
        }
    }
}

TEST_CASE("for_each_inline over a bare inline list, const and mutable") {
    ir::Link link;
    link.children = {text("a"), ir::Emphasis{{text("b")}}};
    ir::Image image;
    image.alt = {text("c")};
    ir::Inlines ins = {std::move(link), std::move(image), text("d")};
    const Seq expected = {"Link", "'a'", "Emphasis", "'b'", "Image", "'c'", "'d'"};
    Seq seen;
    const ir::Inlines& view = ins;
    ir::for_each_inline(view, [&](const ir::Inline& in) { seen.push_back(name(in)); });
    CHECK(seen == expected);
    seen.clear();
    ir::for_each_inline(ins, [&](ir::Inline& in) { seen.push_back(name(in)); });
    CHECK(seen == expected);
}

TEST_CASE("a mutable walk rewrites in place: every text, and a block replaced before its children are visited") {
    ir::Blocks body = every_kind();
    // Upper-case every text, wherever it is.
    ir::for_each_inline(body, [](ir::Inline& in) {
        if (auto* t = ir::get_if<ir::Text>(in))
            for (char& c : t->text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    });
    // A code block becomes a block quote holding a paragraph of its text: the walk then enters it.
    Seq seen;
    ir::walk(
        body,
        [&](ir::Block& b) {
            if (auto* code = std::get_if<ir::CodeBlock>(&b.node))
                b.node = ir::BlockQuote{{para(30, {text(code->text)})}, {}};
            seen.push_back(name(b));
        },
        [&](ir::Inline& in, ir::Block& owner) { seen.push_back(name(in) + "@" + std::to_string(owner.pos.line)); });

    ir::Blocks expected = every_kind();
    ir::for_each_inline(expected, [](ir::Inline& in) {
        if (auto* t = ir::get_if<ir::Text>(in))
            for (char& c : t->text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    });
    expected[2].node = ir::BlockQuote{{para(30, {text("code\n")})}, {}};
    CHECK(body == expected);
    // Spot-checks that the rewrite reached the deepest containers, written out by hand.
    CHECK(std::get<ir::Paragraph>(std::get<ir::List>(std::get<ir::List>(body[4].node).items[1].children[0].node)
                                      .items[0]
                                      .children[0]
                                      .node)
              .children[0] == text("NESTED"));
    CHECK(std::get<ir::DefinitionList>(body[5].node).items[1].term[0] == text("TERM2"));
    CHECK(std::get<ir::Table>(body[6].node).head[0][1].children[0] == text("HEAD2"));
    CHECK(ir::get_if<ir::Image>(std::get<ir::Paragraph>(body[0].node).children[4])->alt[0] == text("ALT"));
    // The replaced block's new children were walked.
    CHECK(std::vector<std::string>(seen.begin() + 20, seen.begin() + 23) ==
          Seq{"BlockQuote@3", "Paragraph@30", "'code\n'@30"});
}
