#!/usr/bin/env bash
# The README's first command: set up, build, and convert the embedded sample site (samples/) to
# every output format blogconv has, into out/. Usage: scripts/run.sh [SITE] (default samples)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
site=${1:-samples}
mkdir -p out
status=0
# One output per output format the registry lists (folder formats get a folder): the rows after
# the "Output formats (--to):" heading of --list-formats.
while read -r name _; do
  name=${name%,}
  [[ -n $name ]] || continue
  case "$name" in
    json) target=out/site.json ;;
    atom) target=out/feed.atom ;;
    rss) target=out/feed.rss ;;
    json-feed) target=out/feed.json ;;
    epub) target=out/blog.epub ;;
    html) target=out/blog.html ;;
    hugo) target=out/hugo-site ;;
    *) target=out/$name ;;
  esac
  echo "blogconv $site --to $name -o $target"
  "$BUILD_DIR/blogconv" "$site" --to "$name" -o "$target" --force || status=$?
done < <("$BUILD_DIR/blogconv" --list-formats | sed -n '/^Output formats/,$p' | tail -n +2)
echo "run: outputs are in out/"
exit "$status"
