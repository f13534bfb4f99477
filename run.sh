#!/usr/bin/env bash
# Builds KubeStage (Release, with ccache) and starts the GUI on the built-in default scenario.
# Installs missing Debian packages first. Arguments after -- go to the app, e.g.
#   ./run.sh -- --scenario my-cluster.yaml
set -euo pipefail
cd "$(dirname "$0")"
./scripts/ensure-deps.sh

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/kubestage-ccache}"
# QML compiled ahead of time for a faster start (./test.sh builds the same tree without it).
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKUBESTAGE_GUI=ON -DKUBESTAGE_QML_CACHEGEN=ON >/dev/null
# Only what runs: the tests are test.sh's business.
cmake --build build -j "$(nproc)" --target kubestage kubestage-cli

if [ "${1:-}" = "--" ]; then shift; fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found: starting under xvfb-run (set DISPLAY to see the window)." >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" ./build/bin/kubestage "$@"
fi
exec ./build/bin/kubestage "$@"
