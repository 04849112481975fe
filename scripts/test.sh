#!/usr/bin/env bash
# The README's second command (and all of CI): set up with the validators, build, run the whole
# test suite (ctest runs every doctest executable). ../shared (the corpus and the Jekyll oracle)
# must sit beside the project; under CI its absence fails the corpus tests loudly.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
BUILD_DIR=${BUILD_DIR:-build}
if [[ -n "${CI:-}" && ! -d ../shared/corpus ]]; then
  echo "test: ../shared/corpus is missing: CI needs the shared corpus beside the project" >&2
  exit 1
fi
status=0
(cd "$BUILD_DIR" && ctest --output-on-failure -j"$(nproc)" --timeout 900) || status=1
# The same suite under AddressSanitizer + UBSan, then a short run of every fuzz target (one
# clang build for both: scripts/sanitize.sh).
scripts/sanitize.sh || status=1
if ((status)); then
  echo "test: FAILED (see above)" >&2
else
  echo "test: all suites passed"
fi
exit "$status"
