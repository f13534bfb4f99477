import QtQuick
import QtQuick.Layouts
import KubeStage.Core

// One node: name, zone, taints, usage bars and its pods as chips.
Rectangle {
    id: card
    required property string name
    required property string zone
    required property bool ready
    required property bool unschedulable
    required property var taints        // [{key, value, effect}]
    required property var labels        // [{key, value, wellKnown}]
    // The labels a scheduling rule is likely about: not those every kubelet sets.
    readonly property var ownLabels: labels.filter(l => !l.wellKnown)
    required property var pods          // [{name, phase}]
    required property real cpuRequested
    required property real cpuAllocatable
    required property real memoryRequested
    required property real memoryAllocatable
    required property int podCount
    required property int podCapacity
    required property string cpuText
    required property string memoryText

    width: 300 * Theme.scale
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    // Highlighted when a lesson points at it, or when it won the scheduling cycle shown.
    readonly property bool spotlit: App.lesson.spotlight.indexOf("node-card:" + name) >= 0
    readonly property bool winner: App.cycle.valid && App.cycle.selectedNode === name
                                   && !(animator && animator.hidesOutcome)
    // The scheduling-cycle animation (CycleAnimator), when the window has one.
    property var animator: null
    readonly property var cycleInfo: animator ? animator.info(name) : undefined
    // The scheduled pod's own chip waits on the winner until the flying chip lands.
    readonly property bool podInFlight: animator !== null && animator.active && App.cycle.selectedNode === name
    // The Inspector's object: a thick ring in the text colour, unlike the lesson's accent.
    readonly property bool selected: App.selection.kind === "Node" && App.selection.name === name
    objectName: "node:" + name
    border.color: selected ? Theme.text : spotlit || winner ? Theme.accent : unschedulable ? Theme.warning : Theme.border
    border.width: selected ? 3 : spotlit || winner ? 3 : unschedulable ? 2 : 1

    // Below the chips, which select their pod themselves.
    MouseArea {
        anchors.fill: parent
        onClicked: App.select("Node", "", card.name)
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing / 2

        RowLayout {
            Layout.fillWidth: true
            Rectangle {
                width: Theme.fontSmall; height: width; radius: width / 2
                color: card.ready ? Theme.ok : Theme.danger
            }
            Text {
                text: card.name
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Text {
                visible: card.unschedulable
                text: qsTr("cordoned")
                font.pixelSize: Theme.fontSmall
                color: Theme.warning
            }
        }
        Text {
            text: card.zone + (card.winner ? "  ·  " + qsTr("chosen for %1").arg(App.cycle.pod) : "")
            font.pixelSize: Theme.fontSmall
            color: card.winner ? Theme.accentText : Theme.textMuted
        }
        Flow {
            objectName: "labels"
            Layout.fillWidth: true
            spacing: 4
            visible: card.ownLabels.length > 0
            Repeater {
                model: card.ownLabels
                delegate: Rectangle {
                    required property var modelData
                    radius: 3
                    color: Theme.surfaceAlt
                    border.color: Theme.border
                    width: Math.min(labelText.implicitWidth + 8, card.width - 2 * Theme.spacing)
                    height: labelText.implicitHeight + 4
                    Text {
                        id: labelText
                        anchors.centerIn: parent
                        width: Math.min(implicitWidth, parent.width - 8)
                        elide: Text.ElideMiddle
                        text: modelData.key + "=" + modelData.value
                        font.pixelSize: Theme.fontSmall
                        color: Theme.text
                    }
                }
            }
        }
        Flow {
            Layout.fillWidth: true
            spacing: 4
            visible: card.taints.length > 0
            Repeater {
                model: card.taints
                delegate: Rectangle {
                    required property var modelData
                    radius: 3
                    color: Theme.taintColor(modelData.effect)
                    width: taintText.implicitWidth + 8
                    height: taintText.implicitHeight + 4
                    Text {
                        id: taintText
                        anchors.centerIn: parent
                        text: modelData.key + (modelData.value ? "=" + modelData.value : "") + ":" + modelData.effect
                        font.pixelSize: Theme.fontSmall
                        color: "white"
                    }
                }
            }
        }
        UsageBar { Layout.fillWidth: true; label: "cpu"; used: card.cpuRequested; total: card.cpuAllocatable; usedText: card.cpuText }
        UsageBar { Layout.fillWidth: true; label: "mem"; used: card.memoryRequested; total: card.memoryAllocatable; usedText: card.memoryText }
        UsageBar { Layout.fillWidth: true; label: "pods"; used: card.podCount; total: card.podCapacity; usedText: card.podCount + "/" + card.podCapacity }
        Flow {
            Layout.fillWidth: true
            spacing: 4
            Repeater {
                model: card.pods
                delegate: PodChip {
                    required property var modelData
                    name: modelData.name
                    namespaceName: modelData.namespace
                    phase: modelData.phase
                    opacity: card.podInFlight && modelData.namespace + "/" + modelData.name === card.animator.pod ? 0 : 1
                }
            }
        }
    }

    // The cycle's verdicts on this node while it is animated.
    Loader {
        anchors.fill: parent
        active: card.cycleInfo !== undefined && card.cycleInfo.row.evaluated
        sourceComponent: NodeCycleBadge {
            animator: card.animator
            nodeName: card.name
            info: card.cycleInfo
        }
    }
}
