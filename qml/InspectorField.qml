import QtQuick
import QtQuick.Controls
import KubeStage.Core

// A compact text field of the Inspector's forms.
TextField {
    font.pixelSize: Theme.fontSmall
    color: Theme.text
    selectByMouse: true
    implicitWidth: 80 * Theme.scale
    leftPadding: 4; rightPadding: 4; topPadding: 2; bottomPadding: 2
    background: Rectangle {
        color: Theme.surface
        border.color: parent.activeFocus ? Theme.accent : Theme.border
        radius: 3
    }
}
