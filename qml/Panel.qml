import QtQuick

// A titled surface: the frame every box of the window uses.
Rectangle {
    id: panel
    clip: true
    property string title: ""
    property bool spotlit: false
    default property alias content: body.data
    color: Theme.surface
    radius: Theme.radius
    border.color: spotlit ? Theme.accent : Theme.border
    border.width: spotlit ? 3 : 1
    // The body's natural height; a panel whose body scrolls sets it from its content instead.
    property real bodyHeight: body.childrenRect.height
    implicitHeight: bodyHeight + heading.height + 3 * Theme.spacing
    Text {
        id: heading
        x: Theme.spacing
        y: Theme.spacing
        text: panel.title
        visible: text !== ""
        height: visible ? implicitHeight : 0
        font.pixelSize: Theme.fontNormal
        font.bold: true
        color: Theme.text
    }
    Item {
        id: body
        anchors.top: heading.bottom
        anchors.topMargin: Theme.spacing
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing
    }
}
