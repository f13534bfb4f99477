import QtQuick
import QtQuick.Controls
import KubeStage.Core

// The nodes grouped by zone (then hostname): each zone is a box of node cards; boxes and the
// cards inside them wrap with the width of the window.
ScrollView {
    id: canvas
    clip: true
    contentWidth: availableWidth
    contentHeight: zonesFlow.height
    property var animator: null  // CycleAnimator, for the node cards
    // A click on empty canvas clears the selection (cards and chips take their own clicks).
    MouseArea {
        objectName: "canvasBackground"
        width: canvas.availableWidth
        height: Math.max(canvas.availableHeight, zonesFlow.height)
        onClicked: App.clearSelection()
    }
    Flow {
        id: zonesFlow
        objectName: "zones"
        width: canvas.availableWidth
        spacing: Theme.spacing
        Repeater {
            model: App.zones
            delegate: ZoneGroup {
                required property string modelData
                zone: modelData
                maxWidth: zonesFlow.width
                animator: canvas.animator
            }
        }
    }
}
