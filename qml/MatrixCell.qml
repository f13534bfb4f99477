import QtQuick
import QtQuick.Controls

// One cell of the scheduler view's tables; the full text shows as a tooltip.
Rectangle {
    id: cell
    property string text: ""
    property string tip: ""
    property color tint: "transparent"
    property color textColor: Theme.text
    property bool bold: false
    property bool highlight: false
    width: 92 * Theme.scale
    height: Theme.fontSmall + 10
    color: tint
    border.color: highlight ? Theme.accent : Theme.border
    border.width: highlight ? 2 : 0.5
    Text {
        anchors.fill: parent
        anchors.leftMargin: 4
        anchors.rightMargin: 4
        verticalAlignment: Text.AlignVCenter
        text: cell.text
        elide: Text.ElideRight
        font.pixelSize: Theme.fontSmall
        font.bold: cell.bold
        color: cell.textColor
    }
    MouseArea {
        id: hover
        anchors.fill: parent
        hoverEnabled: true
    }
    ToolTip.visible: hover.containsMouse && cell.tip !== ""
    ToolTip.text: cell.tip
}
