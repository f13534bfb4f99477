import QtQuick
import QtQuick.Controls
import KubeStage.Core

// A small flat button of the Inspector's forms ("Add", "✕").
Button {
    font.pixelSize: Theme.fontSmall
    padding: Math.round(3 * Theme.scale)
    leftPadding: Math.round(6 * Theme.scale)
    rightPadding: Math.round(6 * Theme.scale)
    implicitHeight: Math.max(Math.round(22 * Theme.scale), implicitContentHeight + topPadding + bottomPadding)
}
