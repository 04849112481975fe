#!/usr/bin/env bash
# Installs what blogconv needs from Debian 12 packages (only what is missing), then builds it.
# Safe to re-run. Usage: scripts/setup.sh [--tests | --bench]   (--tests also installs the
# validators the test suite runs: xmllint, feedparser, …; --bench the rivals bench/run.py times)
# Environment: BUILD_DIR (default build), BUILD_TYPE (default RelWithDebInfo), CMAKE_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build and runtime dependencies: the design card's libraries plus the Debian libraries we use
# where the card is silent (IANA zones, JSON, UTF-8). tzdata: date/tz.h reads /usr/share/zoneinfo.
packages=(build-essential cmake pkg-config git tzdata
          libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libre2-dev libpugixml-dev libzip-dev
          libcli11-dev doctest-dev libdeflate-dev libhowardhinnant-date-dev nlohmann-json3-dev libutfcpp-dev
          libgoogle-perftools-dev)  # tcmalloc, the executable's allocator (cli/CMakeLists.txt)
if [[ "${1:-}" == "--tests" ]]; then
  # The ecosystem's own validators: RELAX NG/Schematron (xmllint), feedparser (Debian's python3).
  # xmllint (RELAX NG, Schematron), feedparser, epubcheck (Java), the real hugo, pandoc (reads
  # our EPUB back), tidy and a headless chromium (standalone HTML).
  packages+=(libxml2-utils python3 python3-feedparser epubcheck default-jre-headless hugo pandoc tidy
             chromium fonts-dejavu-core
             unzip zsh fish  # the golden test unpacks EPUBs; the completions are syntax-checked by their shells
             clang libclang-rt-14-dev)  # libFuzzer for the fuzz smoke runs
fi
if [[ "${1:-}" == "--bench" ]]; then
  # bench/run.py: GNU time, the bare cmark-gfm, zip, pandoc, Jekyll with jekyll-feed, Hugo.
  packages+=(time cmark-gfm zip unzip pandoc jekyll ruby-jekyll-feed hugo)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" ${CMAKE_ARGS:-} >/dev/null
if [[ "${1:-}" == "--tests" ]]; then
  cmake --build "$BUILD_DIR" -j"$(nproc)"
else
  cmake --build "$BUILD_DIR" -j"$(nproc)" --target blogconv
fi
