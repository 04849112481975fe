// The doctest main shared by every test program, plus pandoc's `--accept` switch: a golden test
// run with `--accept` (or BLOGCONV_ACCEPT=1 in its environment) rewrites its golden files from
// the current output instead of comparing (tests/golden/README.md).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <vector>

#include "tests/test_support.h"

namespace blogconv::test {
bool accept_golden = false;
}

int main(int argc, char** argv) {
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (i > 0 && std::strcmp(argv[i], "--accept") == 0)
            blogconv::test::accept_golden = true;
        else
            args.push_back(argv[i]);
    }
    if (const char* env = std::getenv("BLOGCONV_ACCEPT"); env && std::strcmp(env, "1") == 0)
        blogconv::test::accept_golden = true;
    doctest::Context context(static_cast<int>(args.size()), args.data());
    return context.run();
}
