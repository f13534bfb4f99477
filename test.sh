#!/usr/bin/env bash
# Builds KubeStage and runs the whole test suite:
#   1. the Release build (core, CLI, GUI) and its tests: the GUI's adapter, Qt Quick and
#      screenshot tests, the golden CLI tests and every lesson;
#   2. a core-only build with -fsanitize=address,undefined and the core unit tests, the golden
#      CLI tests and the lessons again in it.
# Installs missing Debian packages first. Exits non-zero on any failure. The sanitizer build keeps
# only line tables (-g1): full debug info made it a third slower, and reports still name lines.
# In it the core library has both sanitizers; the test bodies and the CLI's argument handling
# AddressSanitizer only (tests/CMakeLists.txt says why).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/ensure-deps.sh

JOBS="${JOBS:-$(nproc)}"
export QT_QPA_PLATFORM=offscreen
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/kubestage-ccache}"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-2G}"

# The core unit tests are built and run once, in the sanitizer build below, where they check
# more; CORE_TESTS_RELEASE=1 runs them in the Release build as well (two more minutes).
echo "== Release build =="
# Without ahead-of-time QML compilation (a fifth of the compile time; the engine compiles the
# same QML when it loads it). ./run.sh turns it back on for the build it launches.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKUBESTAGE_GUI=ON -DKUBESTAGE_QML_CACHEGEN=OFF \
  -DKUBESTAGE_CORE_TESTS="$([ "${CORE_TESTS_RELEASE:-0}" = 1 ] && echo ON || echo OFF)" >/dev/null
cmake --build build -j "$JOBS"
ctest --test-dir build --output-on-failure -j "$JOBS" --timeout 600

echo "== Core-only build with AddressSanitizer and UndefinedBehaviorSanitizer =="
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKUBESTAGE_GUI=OFF -DKUBESTAGE_SANITIZE=ON \
  -DCMAKE_CXX_FLAGS="-O1" -DCMAKE_CXX_FLAGS_DEBUG="-g1" >/dev/null
cmake --build build-asan -j "$JOBS"
ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  ctest --test-dir build-asan --output-on-failure -j "$JOBS" --timeout 900
echo "All tests passed."
