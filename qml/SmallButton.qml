import QtQuick
import QtQuick.Controls
import KubeStage.Core

// A small flat button of the Inspector's forms ("Add", "✕").
Button {
    font.pixelSize: Theme.fontSmall
    padding: 3
    leftPadding: 6
    rightPadding: 6
    implicitHeight: Math.round(22 * Theme.scale)
}
