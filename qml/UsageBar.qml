import QtQuick

// A labelled bar: requested versus allocatable for one resource of a node.
Item {
    id: bar
    required property string label
    required property real used
    required property real total
    property string usedText: ""
    implicitHeight: Theme.fontSmall + 10
    implicitWidth: 200

    readonly property real fraction: total > 0 ? Math.min(1, used / total) : 0

    Text {
        id: caption
        anchors.left: parent.left
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.fontSmall * 3.5
        text: bar.label
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
    }
    Rectangle {
        id: track
        anchors.left: caption.right
        anchors.right: value.left
        anchors.rightMargin: 4
        anchors.verticalCenter: parent.verticalCenter
        height: Math.max(6, Theme.fontSmall * 0.6)
        radius: height / 2
        color: Theme.surfaceAlt
        border.color: Theme.border
        Rectangle {
            width: parent.width * bar.fraction
            height: parent.height
            radius: parent.radius
            color: bar.fraction > 0.9 ? Theme.danger : bar.fraction > 0.7 ? Theme.warning : Theme.accent
            Behavior on width { NumberAnimation { duration: Theme.animationMs } }
        }
    }
    Text {
        id: value
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.fontSmall * 5.5
        horizontalAlignment: Text.AlignRight
        text: bar.usedText
        font.pixelSize: Theme.fontSmall
        color: Theme.text
    }
}
