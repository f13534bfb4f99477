#!/usr/bin/env bash
# Refreshes resources/i18n/*.ts from the strings in qml/ and app/gui/ (qsTr / tr), keeping the
# existing translations; new entries are marked unfinished until someone translates them.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=/usr/lib/qt6/bin/lupdate
for ts in resources/i18n/*.ts; do
  "$LUPDATE" -locations relative -no-obsolete qml app/gui -ts "$ts"
done
