#include "writers/epub/epub_writer.h"

#include <zip.h>

#include <algorithm>
#include <optional>
#include <cstdio>
#include <set>
#include <stdexcept>

#include "writers/epub/book.h"
#include "writers/epub/chapter.h"
#include "writers/epub/default_style.h"
#include "writers/epub/images.h"
#include "writers/epub/navigation.h"
#include "writers/epub/package.h"
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
                                 [](const ir::Document& d) { return d.collection == "posts"; });
    for (const auto& d : site.documents)
        if (!any_posts || d.collection == "posts") docs.push_back(&d);
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

// The cover named in _config.yml (`cover:` or `image:`, a path or a mapping with `path`).
std::string config_cover(const ir::Site& site) {
    for (const char* key : {"cover", "image"}) {
        const ir::Value* v = site.config.find(key);
        if (!v) continue;
        if (v->is_string()) return v->as_string();
        if (const ir::Value* p = v->is_object() ? v->find("path") : nullptr; p && p->is_string()) return p->as_string();
    }
    return "";
}

// The fixed per-entry zip timestamp: the book's modification date, in the DOS format (local
// time without zone, so we give UTC) and never before 1980, which DOS dates cannot hold.
void dos_time(std::int64_t seconds, zip_uint16_t& time, zip_uint16_t& date) {
    ir::CivilTime c = ir::to_civil(ir::DateTime{std::max<std::int64_t>(seconds, ir::civil_to_epoch(1980, 1, 1)), 0});
    if (c.year > 2107) c = ir::to_civil(ir::DateTime{ir::civil_to_epoch(2107, 12, 31), 0});
    time = static_cast<zip_uint16_t>((c.hour << 11) | (c.minute << 5) | (c.second / 2));
    date = static_cast<zip_uint16_t>(((c.year - 1980) << 9) | (c.month << 5) | c.day);
}

struct ZipEntry {
    std::string name;
    std::string bytes;
};

// The zip, built in memory: `mimetype` first and stored, everything else deflated, every entry
// with the same timestamp so the bytes depend on the content only.
std::string zip_book(const std::vector<ZipEntry>& entries, std::int64_t mtime) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) throw std::runtime_error(std::string("libzip: ") + zip_error_strerror(&error));
    zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!za) {
        zip_source_free(buffer);
        throw std::runtime_error(std::string("libzip: ") + zip_error_strerror(&error));
    }
    zip_source_keep(buffer);  // we read the archive back from it after zip_close
    auto fail = [&](const char* what) {
        std::string msg = std::string("libzip: ") + what + ": " + zip_strerror(za);
        zip_discard(za);
        zip_source_free(buffer);
        throw std::runtime_error(msg);
    };
    zip_uint16_t dtime = 0, ddate = 0;
    dos_time(mtime, dtime, ddate);
    for (const auto& e : entries) {
        zip_source_t* s = zip_source_buffer(za, e.bytes.data(), e.bytes.size(), 0);
        if (!s) fail("buffer");
        zip_int64_t idx = zip_file_add(za, e.name.c_str(), s, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(s);
            fail("add");
        }
        const bool stored = e.name == "mimetype";
        if (zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                     stored ? 0 : 9) < 0)
            fail("compression");
        if (zip_file_set_dostime(za, static_cast<zip_uint64_t>(idx), dtime, ddate, 0) < 0) fail("mtime");
    }
    if (zip_close(za) < 0) fail("close");

    std::string out;
    if (zip_source_open(buffer) < 0) {
        zip_source_free(buffer);
        throw std::runtime_error("libzip: cannot reopen the in-memory archive");
    }
    zip_source_seek(buffer, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    out.resize(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)));
    zip_int64_t got = zip_source_read(buffer, out.data(), out.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    if (got != size) throw std::runtime_error("libzip: short read of the in-memory archive");
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
    ImageStore images(reader, site.url, site.baseurl);

    // The cover goes first so it is images/cover.*, whatever the posts use.
    if (!options.cover_image.empty()) {
        ImageLookup c = images.add_file(options.cover_image, "cover-image");
        if (c.kind == ImageLookup::Kind::embedded) book.cover_href = c.href;
        else diagnostics.add({ir::Severity::warning, options.cover_image, 0, 0, "cover not used: " + c.message, ""});
    } else if (std::string rel = config_cover(site); !rel.empty()) {
        if (!site.baseurl.empty() && rel.starts_with(site.baseurl + "/")) rel.erase(0, site.baseurl.size());
        while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
        if (rel.find("://") == std::string::npos) {
            ImageLookup c = images.add_site_file(rel, "cover-image");
            if (c.kind == ImageLookup::Kind::embedded) book.cover_href = c.href;
            else diagnostics.add({ir::Severity::warning, "_config.yml", 0, 0, "cover not used: " + c.message, ""});
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
    for (auto& ch : book.chapters) build_chapter(ch, ctx);
    finish_chapters(book.chapters, ctx);
    book.resources = images.take_resources();

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

    std::vector<ZipEntry> entries;
    entries.push_back({"mimetype", "application/epub+zip"});
    entries.push_back({"META-INF/container.xml", container_xml});
    const std::string dir = package_dir;
    entries.push_back({dir + "package.opf", package_document(book, has_cover)});
    entries.push_back({dir + nav_file, nav_document(book, toc, has_cover)});
    entries.push_back({dir + ncx_file, ncx_document(book, toc)});
    entries.push_back({dir + css_file, css});
    if (has_cover)
        entries.push_back({dir + cover_file, xhtml_prologue + xhtml_head(book.title, book.lang, book.rtl) +
                                                 " epub:type=\"cover\"><div class=\"cover\"><img src=\"" +
                                                 esc(book.cover_href) + "\" alt=\"" + esc(book.title) +
                                                 "\"/></div></body></html>\n"});
    entries.push_back({dir + title_file, title_page});
    for (auto& ch : book.chapters) entries.push_back({dir + ch.file, std::move(ch.xhtml)});
    for (auto& r : book.resources) entries.push_back({dir + r.href, std::move(r.bytes)});

    sink.write("", zip_book(entries, modified));
}

}  // namespace blogconv::writers
