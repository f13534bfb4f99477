import QtQuick
import QtQuick.Controls
import QtTest
import KubeStage.Core
import KubeStage.Ui

// The scheduling cycle animated in the real window: a forward step onto a "Schedule" record
// runs queue, filter (plugin by plugin), score, bind; node badges show the cycle's verdicts;
// stepping back or jumping shows the final state at once.
TestCase {
    name: "CycleAnimation"
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

    // Steps forward until the step before the one that shows cycle `seq` (default scenario:
    // #11 trainer unschedulable, #13 web-1 -> node-b1, #15 web-2 -> node-a1).
    function stepUpTo(seq) {
        for (let i = 0; i < 100 && App.timeline.count < seq - 1; ++i) verify(App.stepForward())
        compare(App.timeline.count, seq - 1)
    }

    function firstFailure(node, plugins) {
        for (let f = 0; f < plugins.length; ++f)
            if (App.cycle.filterCell(node, plugins[f].name).indexOf("fail") === 0) return f
        return -1
    }

    function test_phasesRunInOrderWithTheRightVerdicts() {
        const window = createTemporaryObject(mainComponent, null)
        const animator = findByName(window.contentItem, "cycleAnimator")
        verify(animator)
        animator.manual = true
        stepUpTo(13)
        const phases = []
        const log = () => phases.push(animator.phase)
        animator.phaseChanged.connect(log)
        verify(App.stepForward())
        compare(App.cycle.seq, 13)
        compare(App.cycle.pod, "default/web-1")
        compare(animator.phase, "queue")
        verify(animator.active)
        const flying = findByName(window.contentItem, "flyingPod")
        verify(flying.visible)
        compare(flying.text, "web-1")
        // The outcome waits for the bind.
        compare(findByName(window.contentItem, "node:node-b1").winner, false)
        compare(findByName(window.contentItem, "total:node-b1").highlight, false)

        const plugins = App.cycle.filterPlugins
        const rows = App.cycle.rows
        verify(plugins.length > 3)
        compare(rows.length, 3)
        for (let i = 0; i < plugins.length; ++i) {
            animator.advance()
            compare(animator.phase, "filter")
            compare(animator.pluginIndex, i)
            // The Filter table reveals the plugin's row, not the next one.
            compare(findByName(window.contentItem, "filterRow:" + plugins[i].name).opacity, 1)
            if (i + 1 < plugins.length)
                verify(findByName(window.contentItem, "filterRow:" + plugins[i + 1].name).opacity < 1)
            for (let r = 0; r < rows.length; ++r) {
                const node = rows[r].name
                const badge = findByName(window.contentItem, "cycleBadge:" + node)
                verify(badge, node + " has a badge")
                const pill = findByName(badge, "filterVerdict")
                const f = firstFailure(node, plugins)
                if (f >= 0 && f <= i) {
                    compare(pill.text, "✗ " + plugins[f].name, node + " at " + plugins[i].name)
                    const reason = findByName(badge, "failReason")
                    verify(reason.visible)
                    compare("fail: " + reason.text, App.cycle.filterCell(node, plugins[f].name))
                } else {
                    compare(App.cycle.filterCell(node, plugins[i].name), "pass")
                    compare(pill.text, "✓ " + plugins[i].name, node + " at " + plugins[i].name)
                    verify(!findByName(badge, "failReason").visible)
                }
            }
        }
        // node-c1 is rejected by TaintToleration: its reason stays visible.
        const c1 = findByName(window.contentItem, "cycleBadge:node-c1")
        compare(findByName(c1, "failReason").text, "node(s) had untolerated taint {dedicated: gpu}")

        const scores = App.cycle.scorePlugins
        verify(scores.length > 0)
        for (let s = 0; s < scores.length; ++s) {
            animator.advance()
            compare(animator.phase, "score")
            compare(animator.pluginIndex, s)
            compare(findByName(window.contentItem, "scoreRow:" + scores[s].name).opacity, 1)
            const bars = findByName(findByName(window.contentItem, "cycleBadge:node-a1"), "scoreBars")
            verify(bars.visible, "a feasible node shows its score bars")
            compare(findByName(bars, "scoreText").text,
                    scores[s].name + " " + App.cycle.scoreCell("node-a1", scores[s].name))
            verify(!findByName(c1, "scoreBars").visible, "an infeasible node has no score")
        }
        verify(findByName(window.contentItem, "totalRow").opacity < 1)

        animator.advance()
        compare(animator.phase, "bind")
        compare(animator.pluginIndex, 0)
        verify(findByName(window.contentItem, "node:node-b1").winner)
        compare(findByName(window.contentItem, "totalRow").opacity, 1)
        verify(findByName(window.contentItem, "bindArrowScheduler").visible)
        verify(!findByName(window.contentItem, "bindArrowNode").visible)
        compare(findByName(findByName(window.contentItem, "cycleBadge:node-b1"), "scoreText").text, "total 473")
        compare(animator.winnerCard.parent.objectName, "node:node-b1")
        animator.advance()
        compare(animator.pluginIndex, 1)
        verify(findByName(window.contentItem, "bindArrowNode").visible)
        animator.advance()
        compare(animator.phase, "done")
        verify(!flying.visible)
        compare(phases, ["queue", "filter", "score", "bind", "done"])
    }

    function test_unschedulablePodGoesBackWithItsMessage() {
        const window = createTemporaryObject(mainComponent, null)
        const animator = findByName(window.contentItem, "cycleAnimator")
        animator.manual = true
        stepUpTo(11)
        verify(App.stepForward())
        compare(App.cycle.pod, "default/trainer")
        compare(App.cycle.selectedNode, "")
        while (animator.phase !== "bind") animator.advance()
        const failed = findByName(window.contentItem, "failedScheduling")
        verify(failed.visible)
        verify(!findByName(window.contentItem, "bindArrowScheduler").visible, "no Binding is sent")
        compare(animator.message, App.cycle.message)
        verify(App.cycle.message.indexOf("0/3 nodes are available") === 0)
    }

    function test_runsOnItsOwnInAboutTwoAndAHalfSeconds() {
        const window = createTemporaryObject(mainComponent, null)
        const animator = findByName(window.contentItem, "cycleAnimator")
        stepUpTo(13)
        const phases = []
        animator.phaseChanged.connect(() => phases.push(animator.phase))
        const started = Date.now()
        verify(App.stepForward())
        compare(animator.totalMs, 2500)
        tryCompare(animator, "phase", "done", 8000)
        verify(Date.now() - started >= 2000, "the cycle takes its time")
        compare(phases, ["queue", "filter", "score", "bind", "done"])
        // Faster speeds shorten it; play does not (it waits for the cycle, tst_play_pacing).
        App.speed = 4
        compare(animator.totalMs, 625)
        App.speed = 1
        App.playing = true
        compare(animator.totalMs, 2500)
        App.playing = false
    }

    function test_stepBackAndJumpShowTheFinalState() {
        const window = createTemporaryObject(mainComponent, null)
        const animator = findByName(window.contentItem, "cycleAnimator")
        animator.manual = true
        stepUpTo(13)
        verify(App.stepForward())
        animator.advance()
        compare(animator.phase, "filter")
        verify(App.stepBack())
        verify(!animator.active)
        compare(animator.phase, "done")
        compare(findByName(window.contentItem, "totalRow").opacity, 1)
        tryVerify(() => findByName(window.contentItem, "cycleBadge:node-c1") === null, 1000, "badges go")
        // A jump onto a later cycle does not animate.
        verify(App.jumpToRecord(15))
        compare(App.cycle.pod, "default/web-2")
        verify(!animator.active)
        verify(findByName(window.contentItem, "node:node-a1").winner)
        // Nor does a step that stays on the same cycle.
        verify(App.stepForward())
        verify(!animator.active)
    }

    function test_otherRecordsShowAMessageArrow() {
        const window = createTemporaryObject(mainComponent, null)
        const animator = findByName(window.contentItem, "cycleAnimator")
        stepUpTo(14)
        verify(App.stepForward())
        compare(App.timeline.count, 14)
        verify(!animator.active, "record #14 is not a scheduling cycle")
        compare(animator.messageKind, "watch")
        verify(findByName(window.contentItem, "messageArrow").visible)
        verify(findByName(window.contentItem, "messageText").text.indexOf("watch: MODIFIED") === 0)
        tryCompare(animator, "messageKind", "", 3000)
    }
}
