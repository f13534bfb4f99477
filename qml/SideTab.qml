import QtQuick
import QtQuick.Controls

// A tab of the side panel; underlined in the accent colour when a lesson points at it.
TabButton {
    id: tab
    property bool spotlit: false
    Rectangle {
        visible: tab.spotlit
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: 3
        color: Theme.accent
    }
}
