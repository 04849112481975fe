#include "readers/plugins/optional_front_matter.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>

namespace blogconv::readers {

namespace {

std::string ascii_case(std::string s, bool upper) {
    for (char& c : s)
        if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        else if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool option_is(const ir::Value& raw, const char* key, bool value) {
    const ir::Value* settings = raw.find("optional_front_matter");
    const ir::Value* v = settings && settings->is_object() ? settings->find(key) : nullptr;
    return v && v->is_bool() && v->as_bool() == value;
}

// `include:` naming the file (by its path or its name) takes it off the refused names, as the
// plugin's EntryFilter#included? check does for plain names.
bool included(const ir::Value& raw, const std::string& relative_path) {
    const ir::Value* list = raw.find("include");
    if (!list || !list->is_array()) return false;
    const std::string name = std::filesystem::path(relative_path).filename().string();
    return std::any_of(list->as_array().begin(), list->as_array().end(), [&](const ir::Value& e) {
        return e.is_string() && (e.as_string() == relative_path || e.as_string() == name);
    });
}

}  // namespace

HeaderlessFile headerless_file(const SiteConfig& config, const std::string& relative_path) {
    HeaderlessFile out;
    const ir::Value* required = config.raw.find("require_front_matter");
    if (!config.enabled_plugins.optional_front_matter || option_is(config.raw, "enabled", false) ||
        (required && required->truthy()))
        return out;
    const std::filesystem::path path(relative_path);
    std::string ext = ascii_case(path.extension().string(), false);
    if (ext.empty() || std::find(config.markdown_ext.begin(), config.markdown_ext.end(), ext.substr(1)) ==
                           config.markdown_ext.end())
        return out;
    constexpr std::array<std::string_view, 8> refused{"README",       "LICENSE",        "LICENCE",
                                                      "COPYING",      "CODE_OF_CONDUCT", "CONTRIBUTING",
                                                      "ISSUE_TEMPLATE", "PULL_REQUEST_TEMPLATE"};
    const std::string stem = ascii_case(path.stem().string(), true);
    if (std::find(refused.begin(), refused.end(), stem) != refused.end() && !included(config.raw, relative_path))
        return out;
    out.page = true;
    out.keep_static = !option_is(config.raw, "remove_originals", true);
    return out;
}

}  // namespace blogconv::readers
