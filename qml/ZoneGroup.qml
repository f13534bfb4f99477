import QtQuick
import KubeStage.Core

// One zone: its name and its node cards in a Flow that wraps within the canvas width.
Rectangle {
    id: group
    required property string zone
    property real maxWidth: 1000
    property var animator: null  // CycleAnimator, for the node cards
    readonly property real cardWidth: 300 * Theme.scale
    readonly property alias count: nodesInZone.count
    color: "transparent"
    border.color: Theme.border
    radius: Theme.radius
    width: Math.min(maxWidth, Math.max(1, count) * (cardWidth + Theme.spacing) + Theme.spacing)
    height: heading.height + cards.height + 3 * Theme.spacing
    Text {
        id: heading
        x: Theme.spacing
        y: Theme.spacing / 2
        text: group.zone === "" ? qsTr("no zone label") : qsTr("zone %1").arg(group.zone)
        font.pixelSize: Theme.fontNormal
        font.bold: true
        color: Theme.textMuted
    }
    Flow {
        id: cards
        objectName: "zoneFlow"
        x: Theme.spacing
        y: heading.y + heading.height + Theme.spacing / 2
        width: group.width - 2 * Theme.spacing
        spacing: Theme.spacing
        Repeater {
            model: ZoneFilterModel {
                id: nodesInZone
                sourceModel: App.nodes
                zone: group.zone
            }
            delegate: NodeCard { animator: group.animator }
        }
    }
}
