import QtQuick
import QtQuick.Controls

// A tab of the side panel; underlined in the accent colour when a lesson points at it. As wide
// as its text (the bar scrolls when they do not all fit) rather than an equal share of the bar,
// which cut "Inspector" and "Events (12)" short in a 1280-pixel window.
TabButton {
    id: tab
    property bool spotlit: false
    width: implicitWidth
    leftPadding: Theme.spacing / 2
    rightPadding: Theme.spacing / 2
    topPadding: Theme.controlPadding
    bottomPadding: Theme.controlPadding
    font.pixelSize: Theme.fontSmall
    Rectangle {
        visible: tab.spotlit
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: Math.max(3, Math.round(3 * Theme.scale))
        color: Theme.accent
    }
}
