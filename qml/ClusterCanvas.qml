import QtQuick
import QtQuick.Controls
import KubeStage.Core

// The nodes grouped by zone (then hostname). Close up, each zone is a box of node cards; boxes
// and the cards inside them wrap with the width of the window. Zoomed out, or with more nodes
// than cards stay smooth with, every node is a tile of one NodeMap: name, bars and a dot per
// pod, drawn in a few textures instead of thousands of items.
ScrollView {
    id: canvas
    clip: true
    property var animator: null  // CycleAnimator, for the node cards
    // 1: cards at their own size. Ctrl + wheel, Ctrl + = / Ctrl + - / Ctrl + 0 and ZoomControls
    // change it.
    property real zoom: 1
    readonly property real minZoom: 0.25
    readonly property real maxZoom: 2
    // Above this many nodes the cards would cost seconds to create and frames to scroll.
    readonly property int cardsMaxNodes: 60
    readonly property real cardsMinZoom: 0.75
    readonly property bool mapMode: App.nodes.count > cardsMaxNodes || zoom < cardsMinZoom
    readonly property Item flick: contentItem
    function setZoom(z) { zoom = Math.max(minZoom, Math.min(maxZoom, Math.round(z * 100) / 100)) }
    function zoomBy(factor) { setZoom(zoom * factor) }

    contentWidth: availableWidth
    contentHeight: mapMode ? nodeMap.implicitHeight : (cards.item ? cards.item.height * zoom : 0)

    // A click on empty canvas clears the selection (cards and chips take their own clicks).
    MouseArea {
        objectName: "canvasBackground"
        width: canvas.availableWidth
        height: Math.max(canvas.availableHeight, canvas.contentHeight)
        onClicked: App.clearSelection()
        onWheel: function (wheel) {
            if (wheel.modifiers & Qt.ControlModifier) canvas.zoomBy(wheel.angleDelta.y > 0 ? 1.1 : 1 / 1.1)
            else wheel.accepted = false
        }
    }

    // Small clusters keep their cards while zoomed out, so zooming back in costs nothing.
    Loader {
        id: cards
        active: App.nodes.count <= canvas.cardsMaxNodes
        visible: !canvas.mapMode
        sourceComponent: Flow {
            objectName: "zones"
            // Laid out at the zoomed-out width, then scaled, so the cards wrap as they appear.
            width: canvas.availableWidth / canvas.zoom
            scale: canvas.zoom
            transformOrigin: Item.TopLeft
            spacing: Theme.spacing
            Repeater {
                model: App.zones
                delegate: ZoneGroup {
                    required property string modelData
                    zone: modelData
                    maxWidth: canvas.availableWidth / canvas.zoom
                    animator: canvas.animator
                }
            }
        }
    }

    NodeMap {
        id: nodeMap
        objectName: "nodeMap"
        visible: canvas.mapMode
        nodes: canvas.mapMode ? App.nodes : null
        width: canvas.availableWidth
        height: implicitHeight
        readonly property real unit: Theme.scale * canvas.zoom
        tileWidth: Math.round(160 * unit)
        tileHeight: Math.round(84 * unit)
        spacing: Math.max(2, Math.round(Theme.spacing * canvas.zoom))
        fontPixelSize: Math.round(12 * unit)
        visibleArea: Qt.rect(0, canvas.flick.contentY, width, canvas.flick.height)
        colors: ({
            background: Theme.background, surface: Theme.surface, surfaceAlt: Theme.surfaceAlt,
            border: Theme.border, text: Theme.text, textMuted: Theme.textMuted, accent: Theme.accent,
            ok: Theme.ok, warning: Theme.warning, danger: Theme.danger,
            Pending: Theme.phasePending, Running: Theme.phaseRunning,
            Succeeded: Theme.phaseSucceeded, Failed: Theme.phaseFailed,
            NoSchedule: Theme.taintNoSchedule, PreferNoSchedule: Theme.taintPreferNoSchedule,
            NoExecute: Theme.taintNoExecute
        })
        selectedNode: App.selection.kind === "Node" ? App.selection.name : ""
        selectedPod: App.selection.kind === "Pod" ? App.selection.namespace + "/" + App.selection.name : ""
        highlightedNodes: {
            const names = []
            const spot = App.lesson.spotlight
            for (let i = 0; i < spot.length; ++i)
                if (spot[i].startsWith("node-card:")) names.push(spot[i].substring(10))
            const a = canvas.animator
            if (App.cycle.valid && App.cycle.selectedNode !== "" && !(a && a.hidesOutcome)) names.push(App.cycle.selectedNode)
            return names
        }
        // The animated cycle, as the cards' badges show it: the current Filter plugin's
        // verdict, a failed node keeping its failure.
        verdicts: {
            const a = canvas.animator
            if (!canvas.mapMode || !a || !a.active || a.phase === "queue") return {}
            const upTo = a.phase === "filter" ? a.pluginIndex : a.filterCount
            const out = {}
            for (const name in a.nodes) {
                const info = a.nodes[name]
                if (info.row.evaluated) out[name] = info.failAt >= 0 && info.failAt <= upTo ? "fail" : "pass"
            }
            return out
        }
        hiddenPod: canvas.animator && canvas.animator.active ? canvas.animator.pod : ""
        onClicked: function (kind, namespaceName, name) {
            if (kind === "") App.clearSelection()
            else App.select(kind, namespaceName, name)
        }

        ToolTip.text: hoverText
        ToolTip.visible: hoverText !== ""
        ToolTip.delay: 400

        // Where the bound pod lands during the animation: the winner's tile.
        Item {
            id: winnerTile
            objectName: "winnerTile"
            readonly property string node: canvas.animator ? canvas.animator.selectedNode : ""
            readonly property rect tile: canvas.mapMode && node !== "" ? nodeMap.tileRect(node) : Qt.rect(0, 0, 0, 0)
            x: tile.x; y: tile.y; width: tile.width; height: tile.height
        }
        Connections {
            target: canvas.animator
            enabled: canvas.mapMode
            function onPhaseChanged() {
                const a = canvas.animator
                if (a.active && a.selectedNode !== "" && a.winnerCard !== winnerTile) a.winnerCard = winnerTile
            }
        }
    }

    Shortcut { sequences: ["Ctrl+=", "Ctrl++"]; onActivated: canvas.zoomBy(1.25) }
    Shortcut { sequence: "Ctrl+-"; onActivated: canvas.zoomBy(1 / 1.25) }
    Shortcut { sequence: "Ctrl+0"; onActivated: canvas.setZoom(1) }
}
