import QtQuick
import QtQuick.Controls
import KubeStage.Core

// The main area's view: "cards" (node cards by zone) or "matrix" (the scheduling cycle as one
// table, nodes × plugins). A small segmented control; M toggles it too.
Rectangle {
    id: control
    property string view: "cards"
    signal picked(string view)
    readonly property var choices: [
        { view: "cards", label: qsTr("Cards"), tip: qsTr("Node cards grouped by zone (M switches)") },
        { view: "matrix", label: qsTr("Matrix"), tip: qsTr("The scheduling cycle as one table: nodes × Filter and Score plugins (M switches)") }
    ]
    implicitWidth: segments.implicitWidth + 2
    implicitHeight: Math.round(22 * Theme.scale)
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    border.width: 1
    Row {
        id: segments
        x: 1
        y: 1
        height: control.height - 2
        Repeater {
            model: control.choices
            delegate: Rectangle {
                id: segment
                required property var modelData
                readonly property bool chosen: control.view === modelData.view
                objectName: "view:" + modelData.view
                width: label.implicitWidth + 2 * Theme.spacing + 4
                height: segments.height
                radius: Theme.radius - 1
                color: chosen ? Theme.accent : hover.containsMouse ? Theme.surfaceAlt : "transparent"
                Text {
                    id: label
                    anchors.centerIn: parent
                    text: segment.modelData.label
                    font.pixelSize: Theme.fontSmall
                    font.bold: segment.chosen
                    color: segment.chosen ? "white" : Theme.text
                }
                MouseArea {
                    id: hover
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    onClicked: control.picked(segment.modelData.view)
                }
                ToolTip.visible: hover.containsMouse
                ToolTip.text: segment.modelData.tip
                ToolTip.delay: 500
            }
        }
    }
}
