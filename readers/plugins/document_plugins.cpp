#include "readers/plugins/document_plugins.h"

#include "readers/plugins/redirect_from.h"
#include "readers/plugins/titles_from_headings.h"

namespace blogconv::readers {

void apply_document_plugins(const SiteConfig& config, PreparedDocument& st) {
    if (!st.keep) return;
    const EnabledPlugins& on = config.enabled_plugins;
    if (on.redirect_from) read_redirects(st.doc);
    if (on.titles_from_headings) {
        const ir::Value* title = st.doc.front_matter.find("title");
        const bool written = title && !title->is_null();
        if (titles_from_headings_apply(config.raw, st.doc.collection.empty(), st.doc.input_format == "markdown", written))
            if (auto heading = leading_heading(st.body)) {
                st.doc.title = heading_title(*heading, config.gfm_input ? MarkdownInput::gfm : MarkdownInput::kramdown);
                st.page.set("title", st.doc.title);  // Liquid renders later and sees it
            }
    }
}

}  // namespace blogconv::readers
