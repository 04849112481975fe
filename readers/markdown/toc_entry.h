// The text of a kramdown table-of-contents entry, made from its heading's inlines.
#pragma once

#include "ir/body.h"

namespace blogconv::readers::markdown {

// The heading's inlines as kramdown's converter puts them into the toc (fix_for_toc_entry):
// without footnote references (their ids and numbers belong to the heading) and with links
// unwrapped to their text (the entry is itself a link), at any depth.
ir::Inlines toc_entry(const ir::Inlines& heading);

}  // namespace blogconv::readers::markdown
