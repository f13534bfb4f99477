import QtQuick
import QtQuick.Controls

// A plugin's name with its legacy predicate / priority names (Policy API, until v1.22) beside it.
Rectangle {
    id: header
    required property string name
    required property string legacy
    property string suffix: ""
    width: 250 * Theme.scale
    height: Theme.fontSmall + 10
    color: Theme.surfaceAlt
    border.color: Theme.border
    border.width: 0.5
    clip: true
    MouseArea {
        id: hover
        anchors.fill: parent
        hoverEnabled: true
    }
    ToolTip.visible: hover.containsMouse && header.legacy !== ""
    ToolTip.text: header.name + ": " + header.legacy
    Row {
        anchors.fill: parent
        anchors.leftMargin: 4
        spacing: 6
        Text {
            anchors.verticalCenter: parent.verticalCenter
            textFormat: Text.PlainText
            text: header.name + header.suffix
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.text
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            textFormat: Text.PlainText
            text: header.legacy
            font.pixelSize: Theme.fontSmall
            font.italic: true
            color: Theme.textMuted
        }
    }
}
