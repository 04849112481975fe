#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer (CI runs it):
# builds in build-asan (or $ASAN_BUILD_DIR) with -DBLOGCONV_SANITIZE=ON, then ctest. Any
# sanitizer report fails the test that triggered it (UBSan does not recover; leaks are errors).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${ASAN_BUILD_DIR:-build-asan}
cmake -S . -B "$BUILD_DIR" -DBLOGCONV_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j"${JOBS:-2}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$BUILD_DIR"
# Sanitized binaries are 2-5x slower: a longer per-test timeout than scripts/test.sh.
ctest --output-on-failure -j"${JOBS:-2}" --timeout 2400
