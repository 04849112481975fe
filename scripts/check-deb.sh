#!/usr/bin/env bash
# The .deb works on a fresh Debian 12: builds blogconv_*.deb with CPack, installs it with apt into
# a new minbase root made by debootstrap, then checks that `blogconv samples --to epub` writes a
# book and that `man blogconv` shows the page. Needs root and the Debian mirror; takes minutes,
# so it is not part of the test suite.
#
# usage: scripts/check-deb.sh [BUILD_DIR] [ROOT]
#   BUILD_DIR  a configured build folder (default: build)
#   ROOT       where the Debian root lives (default: /tmp/blogconv-deb-root); made with
#              debootstrap when missing; an earlier blogconv in it is purged first.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
root=${2:-/tmp/blogconv-deb-root}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

step() { printf '\n== %s\n' "$*"; }

step "build and package"
cmake --build "$build" -j2 --target blogconv
(cd "$build" && rm -f ./*.deb && cpack -G DEB)
deb=$(ls "$build"/blogconv_*_amd64.deb)
dpkg-deb -f "$deb" Package Version Depends

step "a fresh Debian 12 root in $root"
command -v debootstrap >/dev/null || apt-get install -y debootstrap
if [[ ! -x $root/usr/bin/apt-get ]]; then
  debootstrap --variant=minbase bookworm "$root" "$mirror"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive "$@"; }
in_root dpkg -s blogconv >/dev/null 2>&1 && in_root apt-get purge -y blogconv
rm -rf "$root/tmp/check"
mkdir -p "$root/tmp/check"
cp "$deb" "$root/tmp/check/"
cp -r samples "$root/tmp/check/samples"

step "apt install ./$(basename "$deb") (and man-db, to read the page)"
in_root apt-get update -q
in_root sh -c "cd /tmp/check && apt-get install -y -q ./$(basename "$deb") man-db"

step "blogconv samples --to epub -o x.epub"
in_root blogconv --version
in_root sh -c 'cd /tmp/check && blogconv samples --to epub -o x.epub && ls -l x.epub'
head -c 58 "$root/tmp/check/x.epub" | grep -q 'mimetypeapplication/epub+zip' || { echo "x.epub is not an EPUB" >&2; exit 1; }

step "man blogconv"
in_root sh -c 'MANWIDTH=80 man -P cat blogconv' >"$root/tmp/check/man.txt"
head -n 12 "$root/tmp/check/man.txt"
grep -q -- '--to' "$root/tmp/check/man.txt" || { echo "man blogconv did not show the page" >&2; exit 1; }

step "blogconv check samples"
in_root sh -c 'cd /tmp/check && blogconv check samples'

echo
echo "check-deb: ok"
