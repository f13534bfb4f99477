import QtQuick
import QtQuick.Controls
import QtTest
import KubeStage.Core
import KubeStage.Ui

// Zooming the canvas: the cards scale; zoomed out they give way to the NodeMap's tiles, which
// select what is clicked and show the animated cycle's verdicts like the cards' badges.
TestCase {
    name: "CanvasZoom"
    when: windowShown
    visible: true
    width: 1400
    height: 900

    Component {
        id: mainComponent
        Main {}
    }

    function init() {
        verify(App.loadDefaultScenario())
        App.playing = false
        App.speed = 1
        App.clearSelection()
    }

    function findByName(item, name) {
        if (!item) return null
        if (item.objectName === name) return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByName(item.children[i], name)
            if (found) return found
        }
        if (item.contentItem && item.contentItem !== item) return findByName(item.contentItem, name)
        return null
    }

    function test_zoomingOutSwitchesCardsForTiles() {
        const window = createTemporaryObject(mainComponent, null)
        const canvas = findByName(window.contentItem, "canvas")
        const map = findByName(window.contentItem, "nodeMap")
        compare(canvas.zoom, 1)
        verify(findByName(window.contentItem, "zones"))
        verify(!map.visible)
        compare(map.tileRect("node-c1").width, 0)  // no model while the cards show

        canvas.setZoom(0.5)
        verify(canvas.mapMode)
        verify(map.visible)
        verify(!findByName(window.contentItem, "zones").visible)  // the cards are hidden
        const tile = map.tileRect("node-c1")
        verify(tile.width > 0)
        compare(tile.width, Math.round(160 * 0.5))
        compare(canvas.contentHeight, map.implicitHeight)

        canvas.setZoom(1)
        verify(!canvas.mapMode)
        verify(findByName(window.contentItem, "zones"))
    }

    function test_zoomIsClampedAndScalesTheCards() {
        const window = createTemporaryObject(mainComponent, null)
        const canvas = findByName(window.contentItem, "canvas")
        canvas.setZoom(10)
        compare(canvas.zoom, canvas.maxZoom)
        canvas.setZoom(0.01)
        compare(canvas.zoom, canvas.minZoom)
        canvas.setZoom(1.5)
        const zones = findByName(window.contentItem, "zones")
        compare(zones.scale, 1.5)
        // Laid out at the width they will have once scaled.
        compare(zones.width, canvas.availableWidth / 1.5)
        tryVerify(() => Math.abs(canvas.contentHeight - zones.height * 1.5) < 0.5)
        compare(findByName(window.contentItem, "zoomReset").text, "150%")
    }

    function test_buttonsZoom() {
        const window = createTemporaryObject(mainComponent, null)
        const canvas = findByName(window.contentItem, "canvas")
        mouseClick(findByName(window.contentItem, "zoomIn"))
        compare(canvas.zoom, 1.25)
        mouseClick(findByName(window.contentItem, "zoomOut"))
        mouseClick(findByName(window.contentItem, "zoomOut"))
        compare(canvas.zoom, 0.8)
        compare(findByName(window.contentItem, "zoomReset").text, "80%")
        mouseClick(findByName(window.contentItem, "zoomReset"))
        compare(canvas.zoom, 1)
    }

    function test_ctrlWheelZooms() {
        const window = createTemporaryObject(mainComponent, null)
        const canvas = findByName(window.contentItem, "canvas")
        const background = findByName(window.contentItem, "canvasBackground")
        mouseWheel(background, 20, 20, 0, -120, Qt.NoButton, Qt.ControlModifier)
        verify(canvas.zoom < 1)
        const out = canvas.zoom
        mouseWheel(background, 20, 20, 0, 120, Qt.NoButton, Qt.ControlModifier)
        verify(canvas.zoom > out)
        // Without Ctrl the wheel scrolls and leaves the zoom alone.
        canvas.setZoom(1)
        mouseWheel(background, 20, 20, 0, -120)
        compare(canvas.zoom, 1)
    }

    function test_clickingATileSelects() {
        const window = createTemporaryObject(mainComponent, null)
        const canvas = findByName(window.contentItem, "canvas")
        const map = findByName(window.contentItem, "nodeMap")
        canvas.setZoom(0.6)
        waitForRendering(map)
        const tile = map.tileRect("node-b1")
        mouseClick(map, tile.x + tile.width / 2, tile.y + 4)
        compare(App.selection.kind, "Node")
        compare(App.selection.name, "node-b1")
        compare(map.selectedNode, "node-b1")
        // Empty space (beside the first zone's heading) clears it.
        mouseClick(map, map.width / 2, 2)
        compare(App.selection.kind, undefined)
        compare(map.selectedNode, "")
    }

    function test_tilesShowTheAnimatedVerdicts() {
        const window = createTemporaryObject(mainComponent, null)
        const canvas = findByName(window.contentItem, "canvas")
        const map = findByName(window.contentItem, "nodeMap")
        const animator = findByName(window.contentItem, "cycleAnimator")
        animator.manual = true
        canvas.setZoom(0.5)
        // #11: trainer, unschedulable; its first failing plugins differ by node.
        while (App.timeline.count < 10) verify(App.stepForward())
        verify(App.stepForward())
        compare(App.cycle.seq, 11)
        compare(animator.phase, "queue")
        compare(Object.keys(map.verdicts).length, 0)
        const plugins = App.cycle.filterPlugins
        for (let i = 0; i < plugins.length; ++i) {
            animator.advance()
            compare(animator.phase, "filter")
            for (const node of ["node-a1", "node-b1", "node-c1"]) {
                // The verdict the cards' badges show: failed at or before this plugin, or passed.
                let failed = false
                for (let f = 0; f <= i; ++f)
                    if (App.cycle.filterCell(node, plugins[f].name).indexOf("fail") === 0) failed = true
                compare(map.verdicts[node], failed ? "fail" : "pass", node + " after " + plugins[i].name)
            }
        }
        // Trainer fits nowhere: every node ends failed.
        compare(map.verdicts["node-c1"], "fail")
        while (animator.active) animator.advance()
        compare(Object.keys(map.verdicts).length, 0)
    }
}
