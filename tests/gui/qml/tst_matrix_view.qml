import QtQuick
import QtQuick.Controls
import QtTest
import KubeStage.Core
import KubeStage.Ui

// The matrix view in the real window: it replaces the cards (and the scheduler view's tables)
// with one table of nodes × plugins for the cycle shown, follows the cycle animation column by
// column, selects a node on click, and creates rows only for what is visible.
// Default scenario: #11 trainer unschedulable, #13 web-1 -> node-b1 (total 473), #15 web-2.
TestCase {
    name: "MatrixView"
    when: windowShown
    visible: true
    width: 1400
    height: 900

    Component {
        id: mainComponent
        Main {}
    }
    Component {
        id: fieldComponent
        TextField {}
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

    // A window in the matrix view; the animator steps only when told (manual).
    function matrixWindow() {
        const window = createTemporaryObject(mainComponent, null, { startView: "matrix" })
        verify(window)
        const animator = findByName(window.contentItem, "cycleAnimator")
        animator.manual = true
        const matrix = findByName(window.contentItem, "matrixCanvas")
        verify(matrix, "the matrix view is shown")
        return { window: window, animator: animator, matrix: matrix }
    }

    // Steps forward to the step before the one that shows cycle `seq`.
    function stepUpTo(seq) {
        for (let i = 0; i < 100 && App.timeline.count < seq - 1; ++i) verify(App.stepForward())
        compare(App.timeline.count, seq - 1)
    }

    // Steps onto cycle `seq` and lets its animation end.
    function showCycle(w, seq) {
        stepUpTo(seq)
        verify(App.stepForward())
        compare(App.cycle.seq, seq)
        w.animator.finish()
        compare(w.animator.phase, "done")
    }

    function test_switchesBetweenCardsAndMatrix() {
        const window = createTemporaryObject(mainComponent, null)
        const canvas = findByName(window.contentItem, "canvas")
        compare(window.canvasView, "cards")
        verify(canvas.visible)
        verify(findByName(window.contentItem, "schedulerView").visible)
        compare(findByName(window.contentItem, "matrixCanvas"), null, "made only when shown")

        mouseClick(findByName(window.contentItem, "view:matrix"))
        compare(window.canvasView, "matrix")
        const matrix = findByName(window.contentItem, "matrixCanvas")
        verify(matrix && matrix.visible)
        verify(!canvas.visible)
        verify(!findByName(window.contentItem, "schedulerView").visible, "the matrix has the scheduler view's tables")
        verify(matrix.width > 600 && matrix.height > 200, "it fills the canvas' place: " + matrix.width + "x" + matrix.height)
        // Export canvas (Ctrl+E) and the flying pod follow the view shown.
        compare(findByName(window.contentItem, "fileActions").canvas, matrix)
        compare(window.mainView, matrix)

        // M toggles, both ways.
        keyClick(Qt.Key_M)
        compare(window.canvasView, "cards")
        verify(canvas.visible)
        tryVerify(() => findByName(window.contentItem, "matrixCanvas") === null, 1000)
        compare(findByName(window.contentItem, "fileActions").canvas, canvas)
        keyClick(Qt.Key_M)
        compare(window.canvasView, "matrix")
        mouseClick(findByName(window.contentItem, "view:cards"))
        compare(window.canvasView, "cards")

        // A text field of the window (the console's prompt, the Inspector's forms) keeps its M.
        const field = createTemporaryObject(fieldComponent, window.contentItem)
        field.forceActiveFocus()
        verify(field.activeFocus)
        keyClick("m")
        compare(field.text, "m")
        compare(window.canvasView, "cards")
    }

    function test_startsInTheViewAsked() {
        const window = createTemporaryObject(mainComponent, null, { startView: "matrix" })
        compare(window.canvasView, "matrix")
        verify(findByName(window.contentItem, "matrixCanvas").visible)
        compare(findByName(window.contentItem, "view:matrix").chosen, true)
        compare(findByName(window.contentItem, "view:cards").chosen, false)
    }

    function test_placeholderBeforeTheFirstCycle() {
        const w = matrixWindow()
        App.jumpToStart()
        verify(!App.cycle.valid)
        verify(findByName(w.matrix, "matrixPlaceholder").visible)
        verify(findByName(w.matrix, "matrixPlaceholder").text.indexOf("No scheduling cycle yet") === 0)
        verify(!findByName(w.matrix, "matrixList").visible)
        showCycle(w, 11)
        verify(!findByName(w.matrix, "matrixPlaceholder").visible)
        verify(findByName(w.matrix, "matrixList").visible)
    }

    function test_filterCellsOfAnUnschedulablePod() {
        const w = matrixWindow()
        showCycle(w, 11)
        compare(App.cycle.pod, "default/trainer")
        compare(findByName(w.matrix, "matrixTitle").text, "Scheduling cycle #11: pod default/trainer (attempt 1) → unschedulable")
        compare(findByName(w.matrix, "matrixCounts").text, "3 nodes: 3 evaluated, 0 feasible")
        compare(findByName(w.matrix, "matrixMessage").text, App.cycle.message)

        // Every Filter cell says what App.cycle says, plugin by plugin.
        const plugins = App.cycle.filterPlugins
        for (const node of ["node-a1", "node-b1", "node-c1"]) {
            for (let f = 0; f < plugins.length; ++f) {
                const cell = findByName(w.matrix, "matrixFilter:" + node + ":" + plugins[f].name)
                verify(cell, node + " " + plugins[f].name)
                const expected = App.cycle.filterCell(node, plugins[f].name)
                compare(cell.text, expected === "pass" ? "✓" : "✗ " + expected.substring(6))
            }
        }
        // node-c1's taint: TaintToleration is the plugin upstream reports.
        const taint = findByName(w.matrix, "matrixFilter:node-c1:TaintToleration")
        compare(taint.text, "✗ node(s) had untolerated taint {dedicated: gpu}")
        verify(taint.reported)
        compare(taint.opacity, 1)
        // The cells after the first failure are dimmer (upstream never ran those plugins).
        const after = findByName(w.matrix, "matrixFilter:node-c1:NodeResourcesFit")
        verify(after.afterFailure)
        verify(after.opacity < 1 && after.opacity > 0.2)
        compare(after.text, "✓")
        // node-a1 has no GPU: NodeResourcesFit is its first failure.
        const fit = findByName(w.matrix, "matrixFilter:node-a1:NodeResourcesFit")
        verify(fit.reported)
        compare(fit.text, "✗ Insufficient nvidia.com/gpu")
        compare(findByName(w.matrix, "matrixFilter:node-a1:TaintToleration").text, "✓")

        // The tooltips: the whole reason, and which failure upstream reports.
        const c1 = w.matrix.rows[w.matrix.rowIndexOf("node-c1")]
        const taintColumn = w.matrix.columnAt(taint.x + 5)
        compare(taintColumn.kind, "filter")
        compare(plugins[taintColumn.index].name, "TaintToleration")
        compare(w.matrix.cellTip(c1, taintColumn),
                "TaintToleration rejects the node: node(s) had untolerated taint {dedicated: gpu}\n"
                + "The first failing plugin: the one upstream reports.")
        compare(w.matrix.cellTip(c1, w.matrix.columnAt(after.x + 5)),
                "NodeResourcesFit: passes (upstream does not run it after TaintToleration failed)")
        compare(w.matrix.columnAt(w.matrix.stick + 5).kind, "node")

        // No score for infeasible nodes, no winner.
        for (const node of ["node-a1", "node-b1", "node-c1"]) {
            compare(findByName(w.matrix, "matrixTotal:" + node).text, "")
            verify(!findByName(w.matrix, "matrixRow:" + node).winner)
        }
        // The headers show the legacy predicate names beside the plugin names.
        const header = findByName(w.matrix, "matrixFilterHeader:TaintToleration")
        compare(header.name, "TaintToleration")
        compare(header.legacy, "PodToleratesNodeTaints")
        compare(findByName(header, "legacy").text, "PodToleratesNodeTaints")
    }

    function test_scoresTotalsAndTheWinner() {
        const w = matrixWindow()
        showCycle(w, 13)
        compare(App.cycle.pod, "default/web-1")
        compare(App.cycle.selectedNode, "node-b1")
        compare(findByName(w.matrix, "matrixCounts").text, "3 nodes: 3 evaluated, 2 feasible")
        const scores = App.cycle.scorePlugins
        verify(scores.length > 3)
        for (const node of ["node-a1", "node-b1"]) {
            let sum = 0
            for (let s = 0; s < scores.length; ++s) {
                const cell = findByName(w.matrix, "matrixScore:" + node + ":" + scores[s].name)
                // App.cycle's "normalized×weight=weighted".
                const parts = App.cycle.scoreCell(node, scores[s].name).split("=")
                compare(cell.text, parts[1], node + " " + scores[s].name)
                compare(findByName(cell, "bar").width, (cell.width - 10) * Number(parts[1]) / w.matrix.maxWeighted)
                sum += Number(cell.text)
            }
            compare(findByName(w.matrix, "matrixTotal:" + node).text, String(sum), node + "'s total is the sum")
        }
        compare(findByName(w.matrix, "matrixTotal:node-b1").text, "473")
        // TaintToleration ×3 is the heaviest: 100 × 3 fills its bar.
        compare(w.matrix.maxWeighted, 300)
        compare(findByName(findByName(w.matrix, "matrixScoreHeader:TaintToleration"), "weight").text, "×3")
        // node-c1 fails Filter: no score.
        compare(findByName(w.matrix, "matrixScore:node-c1:TaintToleration").text, "")

        // The winner row.
        const b1 = findByName(w.matrix, "matrixRow:node-b1")
        verify(b1.winner)
        verify(findByName(b1, "winnerBadge").visible)
        verify(Qt.colorEqual(findByName(w.matrix, "matrixTotal:node-b1").color, Theme.accent))
        verify(!findByName(w.matrix, "matrixRow:node-a1").winner)
        verify(!findByName(findByName(w.matrix, "matrixRow:node-a1"), "winnerBadge").visible)

        // Zone by zone, in the scheduler's order within a zone.
        compare(w.matrix.rows.map(r => r.name), ["node-a1", "node-b1", "node-c1"])
        compare(w.matrix.rows.map(r => r.zoneStart), [true, true, true])
        compare(w.matrix.rows.map(r => r.position), [1, 2, 3])
    }

    // taints-and-tolerations #17: trainer -> node-gpu. node-1 fails NodeAffinity (reported) and
    // NodeResourcesFit too; with one feasible node upstream skips Score.
    function test_laterFailuresAreDimmerAndOneFeasibleNodeSkipsScore() {
        const file = String(Qt.resolvedUrl("../../../resources/scenarios/taints-and-tolerations.yaml")).replace(/^file:\/\//, "")
        verify(App.loadScenario([file]), App.loadErrors.join("\n"))
        const w = matrixWindow()
        for (let i = 0; i < 40 && App.cycle.seq !== 17; ++i) verify(App.stepForward())
        w.animator.finish()
        compare(App.cycle.pod, "default/trainer")
        compare(App.cycle.selectedNode, "node-gpu")
        const reported = findByName(w.matrix, "matrixFilter:node-1:NodeAffinity")
        verify(reported.reported)
        compare(reported.opacity, 1)
        verify(reported.text.indexOf("✗ node(s) didn't match Pod's node affinity/selector") === 0, reported.text)
        const later = findByName(w.matrix, "matrixFilter:node-1:NodeResourcesFit")
        verify(!later.reported && later.afterFailure)
        compare(later.text, "✗ Insufficient cpu")
        compare(later.opacity, 0.5)
        compare(w.matrix.cellTip(w.matrix.rows[w.matrix.rowIndexOf("node-1")], w.matrix.columnAt(later.x + 5)),
                "NodeResourcesFit would also reject the node: Insufficient cpu\n"
                + "Upstream stops at the first failing plugin (NodeAffinity).")
        compare(findByName(w.matrix, "matrixCounts").text, "3 nodes: 3 evaluated, 1 feasible (only one: Score is skipped)")
        compare(App.cycle.scorePlugins.length, 0)
        verify(findByName(w.matrix, "matrixRow:node-gpu").winner)
    }

    function test_aStepOnTheSameCycleKeepsTheRows() {
        const w = matrixWindow()
        showCycle(w, 13)
        const row = findByName(w.matrix, "matrixRow:node-a1")
        verify(App.stepForward())
        compare(App.timeline.count, 14)
        compare(App.cycle.seq, 13, "record #14 is not a scheduling cycle")
        verify(findByName(w.matrix, "matrixRow:node-a1") === row, "the same delegate")
        // The next cycle is built anew.
        verify(App.stepForward())
        compare(App.cycle.seq, 15)
        compare(w.matrix.builtSeq, 15)
        w.animator.finish()
        verify(findByName(w.matrix, "matrixRow:node-a1").winner)
        // An undo replays the run: the table follows it.
        App.jumpToStart()
        verify(!App.cycle.valid)
        verify(findByName(w.matrix, "matrixPlaceholder").visible)
        compare(w.matrix.rows.length, 0)
    }

    function test_clickSelectsTheNode() {
        const w = matrixWindow()
        showCycle(w, 13)
        const row = findByName(w.matrix, "matrixRow:node-c1")
        verify(!row.selected)
        const cell = findByName(w.matrix, "matrixFilter:node-c1:NodeName")
        mouseClick(cell)
        compare(App.selection.kind, "Node")
        compare(App.selection.name, "node-c1")
        verify(row.selected)
        // The node cell too.
        mouseClick(findByName(w.matrix, "matrixNode:node-a1"))
        compare(App.selection.name, "node-a1")
        verify(!row.selected)
    }

    function test_followsTheCycleAnimation() {
        const w = matrixWindow()
        stepUpTo(13)
        verify(App.stepForward())
        compare(w.animator.phase, "queue")
        compare(findByName(w.matrix, "matrixTitle").text, "Scheduling cycle #13: pod default/web-1 (attempt 1) → …")
        verify(!findByName(w.matrix, "matrixRow:node-b1").winner, "the outcome waits for the bind")
        compare(findByName(findByName(w.matrix, "matrixTotal:node-b1"), "totalText").text, "…")

        const plugins = App.cycle.filterPlugins
        const column = findByName(w.matrix, "currentColumn")
        for (let i = 0; i < plugins.length; ++i) {
            w.animator.advance()
            compare(w.animator.phase, "filter")
            compare(w.animator.pluginIndex, i)
            // The plugin's column is revealed and highlighted, the next one is not yet.
            compare(findByName(w.matrix, "matrixFilter:node-a1:" + plugins[i].name).opacity, 1)
            verify(findByName(w.matrix, "matrixFilterHeader:" + plugins[i].name).current)
            if (i + 1 < plugins.length) {
                verify(findByName(w.matrix, "matrixFilter:node-a1:" + plugins[i + 1].name).opacity < 0.5)
                verify(!findByName(w.matrix, "matrixFilterHeader:" + plugins[i + 1].name).current)
            }
            // The table scrolls sideways to the column at work, which is ringed.
            verify(column.visible)
            const cell = findByName(w.matrix, "matrixFilter:node-a1:" + plugins[i].name)
            const at = cell.mapToItem(w.matrix, 0, 0)
            verify(at.x >= w.matrix.nodeWidth && at.x + cell.width <= w.matrix.width - w.matrix.totalWidth, plugins[i].name + " in view at " + at.x)
            compare(column.x, at.x)
            compare(column.width, cell.width)
        }
        const scores = App.cycle.scorePlugins
        for (let s = 0; s < scores.length; ++s) {
            w.animator.advance()
            compare(w.animator.phase, "score")
            const cell = findByName(w.matrix, "matrixScore:node-a1:" + scores[s].name)
            compare(cell.opacity, 1)
            const at = cell.mapToItem(w.matrix, 0, 0)
            verify(at.x >= w.matrix.nodeWidth && at.x + cell.width <= w.matrix.width - w.matrix.totalWidth, scores[s].name + " in view at " + at.x)
            if (s + 1 < scores.length)
                verify(findByName(w.matrix, "matrixScore:node-a1:" + scores[s + 1].name).opacity < 0.5)
        }
        w.animator.advance()
        compare(w.animator.phase, "bind")
        verify(!column.visible)
        verify(findByName(w.matrix, "matrixRow:node-b1").winner)
        compare(findByName(findByName(w.matrix, "matrixTotal:node-b1"), "totalText").text, "473")
        const total = findByName(w.matrix, "matrixTotal:node-b1")
        verify(total.mapToItem(w.matrix, 0, 0).x + total.width <= w.matrix.width, "the total is in view")
        // The pod flies to the winner's row.
        compare(w.animator.winnerCard, findByName(w.matrix, "matrixNode:node-b1"))
        w.animator.advance()
        w.animator.advance()
        compare(w.animator.phase, "done")
    }

    function test_largeClusterMakesOnlyVisibleRowsAndMarksNodesNotEvaluated() {
        const file = String(Qt.resolvedUrl("data/matrix-120-nodes.yaml")).replace(/^file:\/\//, "")
        verify(App.loadScenario([file]), App.loadErrors.join("\n"))
        const w = matrixWindow()
        for (let i = 0; i < 20 && !App.cycle.valid; ++i) verify(App.stepForward())
        w.animator.finish()
        compare(App.cycle.pod, "default/web")
        const rows = App.cycle.rows
        compare(rows.length, 120)
        // More nodes than minFeasibleNodesToFind (100): the scheduler stops after 100 feasible ones.
        compare(rows.filter(r => r.evaluated).length, 100)
        compare(findByName(w.matrix, "matrixCounts").text, "120 nodes: 100 evaluated, 100 feasible")
        compare(w.matrix.rows.length, 120)
        // Three zones of 40, each in snapshot order.
        compare(w.matrix.rows.filter(r => r.zoneStart).map(r => r.zone), ["zone-a", "zone-b", "zone-c"])
        compare(w.matrix.rows[0].zoneCount, 40)
        for (let i = 1; i < 40; ++i) verify(w.matrix.rows[i].position > w.matrix.rows[i - 1].position)

        const list = findByName(w.matrix, "matrixList")
        let made = 0
        for (let i = 0; i < list.contentItem.children.length; ++i)
            if (String(list.contentItem.children[i].objectName).indexOf("matrixRow:") === 0 && list.contentItem.children[i].visible) ++made
        verify(made > 5 && made < 60, "rows made: " + made)

        // A node the scheduler never looked at, selected elsewhere (e.g. the Pods tab): its row
        // scrolls into view.
        const skipped = rows.filter(r => !r.evaluated).slice(-1)[0].name
        const index = w.matrix.rowIndexOf(skipped)
        verify(index > 60, skipped + " at " + index)
        verify(findByName(w.matrix, "matrixRow:" + skipped) === null)
        App.select("Node", "", skipped)
        tryVerify(() => findByName(w.matrix, "notEvaluated:" + skipped) !== null, 1000)
        verify(findByName(w.matrix, "matrixRow:" + skipped).selected)
        const label = findByName(w.matrix, "notEvaluated:" + skipped)
        verify(label.visible)
        compare(findByName(w.matrix, "matrixFilter:" + skipped + ":NodeName").text, "")
        compare(findByName(w.matrix, "matrixTotal:" + skipped).text, "")
        verify(w.matrix.cellTip(w.matrix.rows[index], { kind: "filter", index: 0 }).indexOf("Not evaluated") === 0)
    }
}
