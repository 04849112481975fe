#!/usr/bin/env bash
# The installed package works for others: `cmake --install` into a temporary prefix, build
# examples/convert against it with find_package(blogconv), run it on samples/, check the feed.
# Also checks that the tool, man page and completions land where they belong.
# usage: tests/install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

fail() { echo "install_test: FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install"; }

for f in bin/blogconv share/man/man1/blogconv.1 share/bash-completion/completions/blogconv \
         share/zsh/vendor-completions/_blogconv share/fish/vendor_completions.d/blogconv.fish \
         include/blogconv/ir/site.h include/blogconv/readers/jekyll_site.h include/blogconv/writers/registry.h; do
  [[ -f $prefix/$f ]] || fail "$f was not installed"
done
ls "$prefix"/lib*/libblogconv_readers.a "$prefix"/lib*/*/libblogconv_readers.a >/dev/null 2>&1 ||
  find "$prefix" -name libblogconv_readers.a | grep -q . || fail "libblogconv_readers.a was not installed"
config=$(find "$prefix" -name blogconvConfig.cmake | head -n1)
[[ -n $config ]] || fail "blogconvConfig.cmake was not installed"
# Every header the installed headers include must be installed too.
while read -r inc; do
  [[ -f $prefix/include/blogconv/$inc ]] || fail "installed headers include $inc, which was not installed"
done < <(grep -rhoE '#include "(ir|readers|writers)/[^"]+"' "$prefix/include/blogconv" | sed -E 's/#include "(.*)"/\1/' | sort -u)

"$prefix/bin/blogconv" --version | grep -Eq '^blogconv [0-9]' || fail "installed blogconv --version"

# The consumer sees only the installed tree: not the source folder, not the build folder.
cmake -S "$src/examples/convert" -B "$tmp/example" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release \
  >"$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log"; fail "configuring examples/convert"; }
cmake --build "$tmp/example" -j2 >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "building examples/convert"; }
if grep -q -- "-I$src" "$tmp/example/CMakeFiles/convert.dir/flags.make" 2>/dev/null; then
  fail "the example was compiled against the source tree, not the installed headers"
fi

"$tmp/example/convert" "$src/samples" "$tmp/feed.xml" || fail "convert samples/ exited $?"
grep -q '<feed xmlns="http://www.w3.org/2005/Atom"' "$tmp/feed.xml" || fail "feed.xml is not an Atom feed"
entries=$(grep -c '<entry>' "$tmp/feed.xml" || true)
[[ $entries -ge 1 ]] || fail "feed.xml has no entries"
# The library and the tool are the same code: the same feed, byte for byte.
"$prefix/bin/blogconv" "$src/samples" --to atom -o "$tmp/tool.xml"
cmp -s "$tmp/feed.xml" "$tmp/tool.xml" || fail "the example's feed differs from blogconv --to atom"
echo "install_test: ok ($entries entries)"
