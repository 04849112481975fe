#include "ir/select.h"

#include <algorithm>
#include <cctype>

namespace blogconv::ir {

namespace {
std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool any_match(const std::vector<std::string>& have, const std::vector<std::string>& want) {
    if (want.empty()) return true;
    for (const auto& h : have)
        for (const auto& w : want)
            if (lower(h) == lower(w)) return true;
    return false;
}
}  // namespace

void select_documents(Site& site, const Selection& sel) {
    auto& docs = site.documents;
    std::erase_if(docs, [&](const Document& d) {
        if (sel.posts_only && d.collection != "posts") return true;
        if (!any_match(d.tags, sel.tags)) return true;
        if (!any_match(d.categories, sel.categories)) return true;
        if (sel.since && (!d.date || d.date->utc_seconds < sel.since->utc_seconds)) return true;
        if (sel.until && (!d.date || d.date->utc_seconds > sel.until->utc_seconds)) return true;
        return false;
    });
    if (sel.limit && docs.size() > sel.limit) {
        // The newest N, kept in their original order.
        std::vector<std::size_t> idx(docs.size());
        for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
            auto ta = docs[a].date ? docs[a].date->utc_seconds : INT64_MIN;
            auto tb = docs[b].date ? docs[b].date->utc_seconds : INT64_MIN;
            return ta > tb;
        });
        std::vector<bool> keep(docs.size(), false);
        for (std::size_t i = 0; i < sel.limit; ++i) keep[idx[i]] = true;
        std::vector<Document> kept;
        kept.reserve(sel.limit);
        for (std::size_t i = 0; i < docs.size(); ++i)
            if (keep[i]) kept.push_back(std::move(docs[i]));
        docs = std::move(kept);
    }
}

}  // namespace blogconv::ir
