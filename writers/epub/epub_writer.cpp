#include "writers/epub/epub_writer.h"

#include <algorithm>
#include <optional>
#include <cstdio>
#include <set>
#include <stdexcept>

#include "ir/parallel.h"
#include "writers/epub/book.h"
#include "writers/epub/chapter.h"
#include "writers/epub/default_style.h"
#include "writers/site_urls.h"
#include "writers/epub/images.h"
#include "writers/epub/navigation.h"
#include "writers/epub/package.h"
#include "writers/epub/zip.h"
#include "writers/html/escape.h"

namespace blogconv::writers {

namespace {

using namespace epub;

std::string esc(const std::string& s) { return html::escape(html::xml_clean(s)); }

bool rtl_language(const std::string& lang) {
    std::string primary = lang.substr(0, lang.find_first_of("-_"));
    for (char& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const char* const rtl[] = {"ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", "syr"};
    for (const char* r : rtl)
        if (primary == r) return true;
    return false;
}

// Posts make the book; a site of pages only (or single files) gives all its documents.
std::vector<const ir::Document*> chosen_documents(const ir::Site& site, EpubOrder order) {
    std::vector<const ir::Document*> docs;
    bool any_posts = std::any_of(site.documents.begin(), site.documents.end(),
                                 [](const ir::Document& d) { return d.is_post(); });
    for (const auto& d : site.documents)
        if (!any_posts || d.is_post()) docs.push_back(&d);
    // The reader sorts already; sorting again keeps the book stable whatever the caller did.
    std::stable_sort(docs.begin(), docs.end(), [](const ir::Document* a, const ir::Document* b) {
        std::int64_t ta = a->date ? a->date->utc_seconds : 0, tb = b->date ? b->date->utc_seconds : 0;
        if (ta != tb) return ta < tb;
        return a->source_path < b->source_path;
    });
    if (order == EpubOrder::newest) std::reverse(docs.begin(), docs.end());
    return docs;
}

std::string book_author(const ir::Site& site, const std::vector<const ir::Document*>& docs) {
    std::vector<std::string> names;
    auto add = [&](const std::string& n) {
        if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    };
    for (const auto& a : site.authors) add(a.name);
    if (names.empty())
        for (const auto* d : docs)
            for (const auto& a : d->authors) add(a);
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < 3; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > 3) out += ", et al.";
    return out;
}

const char* const container_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "  <rootfiles>\n"
    "    <rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
    "  </rootfiles>\n"
    "</container>\n";

}  // namespace

void write_epub(const ir::Site& site, const EpubOptions& options, Sink& sink, ir::Diagnostics& diagnostics) {
    std::vector<const ir::Document*> docs = chosen_documents(site, options.order);

    Book book;
    book.lang = language_tag(!options.lang.empty() ? options.lang : site.lang);
    if (book.lang.empty()) book.lang = "en";
    book.rtl = rtl_language(book.lang);
    book.title = !options.title.empty() ? options.title : !site.title.empty() ? site.title : "Untitled";
    book.author = !options.author.empty() ? options.author : book_author(site, docs);
    book.description = site.description;
    book.identifier = !options.identifier.empty()
                          ? options.identifier
                          : "urn:uuid:" + name_uuid("blogconv-epub\n" + site.url + site.baseurl + "\n" + book.title);
    std::set<std::string> subjects;
    std::int64_t newest = 0;
    bool dated = false;
    for (const auto* d : docs) {
        subjects.insert(d->tags.begin(), d->tags.end());
        for (const auto* t : {&d->date, &d->last_modified})
            if (*t) {
                newest = dated ? std::max(newest, (*t)->utc_seconds) : (*t)->utc_seconds;
                dated = true;
            }
    }
    book.subjects.assign(subjects.begin(), subjects.end());
    if (!dated && site.time.utc_seconds != 0) {
        newest = site.time.utc_seconds;
        dated = true;
    }
    const std::int64_t modified = options.modified ? *options.modified : newest;
    book.modified = utc_timestamp(modified);
    if (dated) book.date = utc_timestamp(newest);

    const std::string root = !options.site_root.empty() ? options.site_root : site.root;
    std::optional<FolderResources> folder;
    const ResourceReader* reader = options.resources;
    if (!reader && !root.empty()) reader = &folder.emplace(root);
    EmbedBudget budget(options.max_embedded_bytes);
    ImageStore images(reader, site.url, site.baseurl, &budget);

    // The cover goes first so it is images/cover.*, whatever the posts use.
    if (!options.cover_image.empty()) {
        ImageLookup c = images.add_file(options.cover_image, "cover-image");
        if (c.kind == ImageLookup::Kind::embedded) book.cover_href = c.href;
        else diagnostics.add({ir::DiagnosticCode::epub_cover_unused, ir::Severity::warning, options.cover_image, 0, 0,
                               "cover not used: " + c.message});
    } else if (std::string rel = site.cover; !rel.empty()) {
        rel = std::string(strip_baseurl(rel, site.baseurl));
        while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
        if (rel.find("://") == std::string::npos) {
            ImageLookup c = images.add_site_file(rel, "cover-image");
            if (c.kind == ImageLookup::Kind::embedded) book.cover_href = c.href;
            else diagnostics.add({ir::DiagnosticCode::epub_cover_unused, ir::Severity::warning, "_config.yml", 0, 0,
                                   "cover not used: " + c.message});
        }
    }

    ChapterContext ctx;
    ctx.site = &site;
    ctx.images = &images;
    ctx.lang = book.lang;
    ctx.rtl = book.rtl;
    ctx.diagnostics = &diagnostics;
    book.chapters.resize(docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "c%04zu", i + 1);
        Chapter& ch = book.chapters[i];
        ch.doc = docs[i];
        ch.id = id;
        ch.file = ch.id + ".xhtml";
        ch.title = !docs[i]->title.empty() ? docs[i]->title : !docs[i]->slug.empty() ? docs[i]->slug : docs[i]->source_path;
        ctx.file_by_source.emplace(docs[i]->source_path, ch.file);
        if (!docs[i]->url.empty()) ctx.file_by_url.emplace(docs[i]->url, ch.file);
    }
    // A window of chapters at a time, so that only a window of parsed trees is alive at once:
    // rendered in book order (the renderer embeds the images as it writes them, and they are
    // numbered in the order the book first uses them), parsed and fixed in parallel, reported
    // in book order, then finished (link checks, serialized, deflated) in parallel. A chapter
    // linking into an element of a later window waits for the end.
    ChapterIndex index;
    index.chapters = &book.chapters;
    for (std::size_t i = 0; i < book.chapters.size(); ++i) index.by_file.emplace(book.chapters[i].file, i);
    const unsigned threads = ir::thread_count(options.jobs);
    const std::size_t window = 32 * static_cast<std::size_t>(threads);
    std::vector<std::size_t> deferred;
    for (std::size_t lo = 0; lo < book.chapters.size(); lo += window) {
        const std::size_t hi = std::min(book.chapters.size(), lo + window);
        for (std::size_t i = lo; i < hi; ++i) render_chapter(book.chapters[i], ctx);
        ir::parallel_for(hi - lo, threads, [&](std::size_t k) { fix_chapter(book.chapters[lo + k], ctx); });
        for (std::size_t i = lo; i < hi; ++i) report_chapter(book.chapters[i], ctx);
        std::vector<char> later(hi - lo, 0);
        ir::parallel_for(hi - lo, threads, [&](std::size_t k) {
            Chapter& ch = book.chapters[lo + k];
            if (needs_later_chapters(ch, index, hi)) later[k] = 1;
            else finish_chapter(ch, index, ctx);
        });
        for (std::size_t k = 0; k < later.size(); ++k)
            if (later[k]) deferred.push_back(lo + k);
    }
    ir::parallel_for(deferred.size(), threads,
                     [&](std::size_t k) { finish_chapter(book.chapters[deferred[k]], index, ctx); });
    book.resources = images.take_resources();
    if (budget.refused())
        diagnostics.add({ir::DiagnosticCode::embed_budget, ir::Severity::warning, "", 0, 0, budget.message()});

    std::string css(default_style);
    if (!options.css.empty()) css = options.css_mode == EpubCssMode::replace ? options.css : css + "\n" + options.css;

    std::string title_page = xhtml_prologue + xhtml_head(book.title, book.lang, book.rtl) +
                             " epub:type=\"frontmatter\"><section class=\"title-page\" epub:type=\"titlepage\">"
                             "<h1 class=\"book-title\" dir=\"auto\">" +
                             esc(book.title) + "</h1>";
    if (!book.author.empty()) title_page += "<p class=\"book-author\" dir=\"auto\">" + esc(book.author) + "</p>";
    if (!book.description.empty())
        title_page += "<p class=\"book-description\" dir=\"auto\">" + esc(book.description) + "</p>";
    if (!site.url.empty()) title_page += "<p class=\"book-url\"><a href=\"" + esc(site.url + site.baseurl + "/") + "\">" +
                                         esc(site.url + site.baseurl + "/") + "</a></p>";
    title_page += "</section></body></html>\n";

    const bool has_cover = !book.cover_href.empty();
    std::vector<TocEntry> toc = toc_entries(book, options.toc_depth, options.group_by_year_from);

    const std::string dir = package_dir;
    std::vector<ZipEntry> entries;
    entries.push_back(stored_entry("mimetype", "application/epub+zip"));
    auto add = [&](const std::string& name, std::string_view bytes) { entries.push_back(deflated_entry(name, bytes)); };
    add("META-INF/container.xml", container_xml);
    add(dir + "package.opf", package_document(book, has_cover));
    add(dir + nav_file, nav_document(book, toc, has_cover));
    add(dir + ncx_file, ncx_document(book, toc));
    add(dir + css_file, css);
    if (has_cover)
        add(dir + cover_file, xhtml_prologue + xhtml_head(book.title, book.lang, book.rtl) +
                                  " epub:type=\"cover\"><div class=\"cover\"><img src=\"" + esc(book.cover_href) +
                                  "\" alt=\"" + esc(book.title) + "\"/></div></body></html>\n");
    add(dir + title_file, title_page);
    for (auto& ch : book.chapters) entries.push_back(std::move(ch.packed));
    for (auto& r : book.resources) {
        add(dir + r.href, r.bytes);
        std::string().swap(r.bytes);
    }

    sink.write_owned("", zip_archive(entries, modified));
}

}  // namespace blogconv::writers
