#!/usr/bin/env bash
# A short run of every libFuzzer target (fuzz/fuzz_*.cpp) over its seed corpus plus a few
# thousand mutations: part of the test suite (scripts/test.sh calls it). It needs clang and
# libclang-rt (Debian: clang, libclang-rt-14-dev) and builds in its own folder.
#
#   scripts/fuzz-smoke.sh                 # every target, 2000 runs each
#   RUNS=20000 scripts/fuzz-smoke.sh      # longer
#   FUZZ_BUILD_DIR=/tmp/f scripts/fuzz-smoke.sh
#
# Long runs (what issue 8 asks for, 10 minutes a target), by hand:
#   build-fuzz/fuzz/fuzz_markdown CORPUS_DIR fuzz/corpus/markdown -max_total_time=600 \
#       -rss_limit_mb=2048 -timeout=10
# ../shared/corpus posts can seed them at run time (never copy them into fuzz/corpus/):
#   SHARED_SEEDS=1 scripts/fuzz-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz-smoke}
RUNS=${RUNS:-2000}
if ! command -v clang++ >/dev/null; then
  echo "fuzz-smoke: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 1
fi
# A folder scripts/sanitize.sh already configured for fuzzing (tests and all) is used as it is.
if ! grep -q '^BLOGCONV_FUZZ:BOOL=ON' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DBLOGCONV_FUZZ=ON \
    -DBLOGCONV_SANITIZE=ON -DBLOGCONV_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
targets=()
for src in fuzz/fuzz_*.cpp; do targets+=("$(basename "$src" .cpp)"); done
cmake --build "$BUILD_DIR" -j"${JOBS:-2}" --target "${targets[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for t in "${targets[@]}"; do
  name=${t#fuzz_}
  seeds=(fuzz/corpus/"$name")
  if [[ -n "${SHARED_SEEDS:-}" && -d ../shared/corpus ]]; then
    mkdir -p "$work/shared-$name"
    find ../shared/corpus -name '*.md' -size -64k | head -200 | while read -r f; do
      cp "$f" "$work/shared-$name/$(echo "$f" | md5sum | cut -c1-16).md"
    done
    seeds+=("$work/shared-$name")
  fi
  mkdir -p "$work/$name"
  # Crash, leak or timeout: libFuzzer exits non-zero and writes the input to $work.
  if "$BUILD_DIR/fuzz/$t" "$work/$name" "${seeds[@]}" -runs="$RUNS" -rss_limit_mb=2048 -timeout=10 \
       -max_len=16384 -artifact_prefix="$work/" >"$work/$name.log" 2>&1; then
    echo "fuzz-smoke: $t ok ($(grep -o 'cov: [0-9]* ft: [0-9]*' "$work/$name.log" | tail -1))"
  else
    echo "fuzz-smoke: $t FAILED" >&2
    tail -40 "$work/$name.log" >&2
    for a in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
      [[ -e "$a" ]] && mkdir -p fuzz/findings && cp "$a" fuzz/findings/ && echo "  input kept in fuzz/findings/$(basename "$a")" >&2
    done
    status=1
  fi
done
exit $status
