#!/usr/bin/env bash
# Installs the Debian 12 packages KubeStage needs, only those that are missing.
# Sourced by run.sh and test.sh; safe to run again (a second run installs nothing).
set -euo pipefail

KUBESTAGE_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libyaml-cpp-dev nlohmann-json3-dev
  qt6-base-dev qt6-declarative-dev qt6-svg-dev qt6-l10n-tools
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-controls
  qml6-module-qtquick-templates qml6-module-qtquick-layouts qml6-module-qtquick-shapes
  qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel qml6-module-qt-labs-settings
  qml6-module-qttest
  xvfb xauth imagemagick fonts-wqy-microhei libgl1-mesa-dri
)

missing=()
for pkg in "${KUBESTAGE_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  echo "Installing missing packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
