import QtQuick
import KubeStage.Core

// Drawn over a node card while a scheduling cycle is animated (only on nodes the cycle
// evaluated): the current Filter plugin's verdict, then the failing plugin's reason on a greyed
// card, or the Score plugins' bars (normalized × weight) filling up and the total.
Item {
    id: badge
    required property var animator
    required property string nodeName
    required property var info          // {row, failAt} of this node
    objectName: "cycleBadge:" + nodeName

    readonly property string phase: animator.phase
    readonly property int step: animator.pluginIndex
    readonly property var row: info.row
    readonly property int failAt: info.failAt
    // The plugin whose verdict shows: the current one, or the one that failed.
    readonly property int shownFilter: phase === "queue" ? -1
                                       : phase === "filter" ? (failAt >= 0 && failAt < step ? failAt : step)
                                       : failAt
    readonly property bool failed: failAt >= 0 && shownFilter === failAt
    readonly property bool scoring: (phase === "score" || phase === "bind") && row.feasible
    // "pass", "fail" or "" (no verdict shown)
    readonly property string verdict: shownFilter < 0 ? "" : failed ? "fail" : "pass"
    readonly property string pluginName: shownFilter >= 0 && shownFilter < App.cycle.filterPlugins.length
                                         ? App.cycle.filterPlugins[shownFilter].name : ""

    // A failing node greys out (the veil covers the card, not the badge).
    Rectangle {
        anchors.fill: parent
        radius: Theme.radius
        color: Theme.background
        opacity: badge.failed ? 0.7 : 0
        Behavior on opacity { NumberAnimation { duration: badge.animator.stepMs } }
    }

    Rectangle {
        objectName: "filterVerdict"
        readonly property string text: pill.text
        visible: badge.verdict !== "" && !badge.scoring
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 4
        radius: height / 2
        color: badge.verdict === "fail" ? Theme.danger : Theme.ok
        width: Math.min(pill.implicitWidth + 12, badge.width - 8)
        height: pill.implicitHeight + 4
        Text {
            id: pill
            anchors.centerIn: parent
            width: Math.min(implicitWidth, badge.width - 20)
            elide: Text.ElideRight
            text: (badge.verdict === "fail" ? "✗ " : "✓ ") + badge.pluginName
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: "white"
        }
    }

    Text {
        objectName: "failReason"
        visible: badge.failed
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacing
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: badge.failed ? badge.row.filters[badge.failAt].reason : ""
        font.pixelSize: Theme.fontNormal
        font.bold: true
        color: Theme.danger
    }

    // Score: one bar segment per plugin (normalized × weight, out of 100 × weight for all
    // plugins), revealed plugin by plugin; the total once every plugin has scored. Over the pod
// chips, so that the node's name, taints and usage stay readable.
    Rectangle {
        objectName: "scoreBars"
        visible: badge.scoring
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 4
        height: scoreColumn.implicitHeight + 6
        radius: 4
        color: Theme.surface
        border.color: badge.row.winner && badge.phase === "bind" ? Theme.accent : Theme.border
        border.width: badge.row.winner && badge.phase === "bind" ? 2 : 1
        Column {
            id: scoreColumn
            x: 4; y: 3
            width: parent.width - 8
            spacing: 2
            Row {
                id: bars
                width: parent.width
                height: Theme.fontSmall
                Repeater {
                    model: badge.scoring ? App.cycle.scorePlugins.length : 0
                    delegate: Rectangle {
                        required property int index
                        readonly property var cell: badge.row.scores[index]
                        readonly property bool shown: badge.animator.scoreRevealed(index)
                        readonly property real points: cell && cell.present ? cell.weighted : 0
                        height: bars.height
                        width: shown ? bars.width * points / badge.animator.maxTotal : 0
                        color: ["#326ce5", "#2e9d5b", "#d08a00", "#8e44ad", "#17a2b8", "#d64545", "#6c757d", "#e83e8c"][index % 8]
                        Behavior on width { NumberAnimation { duration: badge.animator.stepMs; easing.type: Easing.OutCubic } }
                    }
                }
            }
            Text {
                objectName: "scoreText"
                readonly property int current: badge.phase === "score" ? badge.step : -1
                readonly property var cell: current >= 0 ? badge.row.scores[current] : undefined
                text: badge.phase === "bind"
                      ? qsTr("total %1").arg(badge.row.total !== undefined ? badge.row.total : "—")
                      : current >= 0 && cell && cell.present
                        ? App.cycle.scorePlugins[current].name + " " + cell.text
                        : current >= 0 ? App.cycle.scorePlugins[current].name + " —" : ""
                width: parent.width
                elide: Text.ElideRight
                font.pixelSize: Theme.fontSmall
                font.bold: badge.phase === "bind"
                color: badge.row.winner && badge.phase === "bind" ? Theme.accent : Theme.text
            }
        }
    }

    // The winner's card is where the pod flies to.
    Component.onCompleted: if (row.winner) animator.winnerCard = badge.parent
}
