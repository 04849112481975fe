#include "readers/plugins/body_plugins.h"

#include "readers/plugins/jemoji.h"
#include "readers/plugins/mentions.h"
#include "readers/plugins/relative_links.h"

namespace blogconv::readers {

BodyPlugins body_plugins(const SiteConfig& config, const ir::Document& doc, bool markdown_source) {
    BodyPlugins out;
    const EnabledPlugins& on = config.enabled_plugins;
    out.relative_links = on.relative_links && relative_links_apply(config.raw, doc.collection.empty(), markdown_source);
    if (on.mentions) out.mention_base = mention_base(config.raw, doc.front_matter);
    out.jemoji = on.jemoji;
    return out;
}

BodyPlugins excerpt_plugins(BodyPlugins plugins) {
    plugins.mention_base.reset();
    plugins.jemoji = false;
    return plugins;
}

void apply_body_plugins(const BodyPlugins& plugins, ir::Blocks& body, const std::string& folder,
                        const LinkResolver* links) {
    if (plugins.relative_links && links) resolve_relative_links(body, folder, *links);
    if (plugins.mention_base) link_mentions(body, *plugins.mention_base);
    if (plugins.jemoji) replace_emoji(body);
}

}  // namespace blogconv::readers
