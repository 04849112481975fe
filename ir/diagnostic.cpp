#include "ir/diagnostic.h"

#include <algorithm>

namespace blogconv::ir {

void Diagnostics::add(Diagnostic d) {
    std::lock_guard lock(mu_);
    items_.push_back(std::move(d));
}

void Diagnostics::add_all(const std::vector<Diagnostic>& ds) {
    std::lock_guard lock(mu_);
    items_.insert(items_.end(), ds.begin(), ds.end());
}

std::vector<Diagnostic> Diagnostics::items() const {
    std::lock_guard lock(mu_);
    return items_;
}

std::size_t Diagnostics::count(Severity s) const {
    std::lock_guard lock(mu_);
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.severity == s; }));
}

std::string code_name(DiagnosticCode code) {
    std::string digits = std::to_string(static_cast<unsigned>(code));
    return "BC" + std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::note: return "note";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

}  // namespace blogconv::ir
