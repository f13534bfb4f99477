import QtQuick
import QtQuick.Controls
import QtTest
import KubeStage.Core
import KubeStage.Ui

// Play waits for each scheduling cycle's animation: a student watching play mode sees every
// cycle to its end (bind or FailedScheduling) before the next step, at the chosen speed.
// Stepping by hand, jumping and scrubbing stay immediate.
TestCase {
    name: "PlayPacing"
    when: windowShown
    visible: true
    width: 1400
    height: 900

    Component {
        id: mainComponent
        Main {}
    }

    function init() {
        App.playing = false
        App.animationRunning = false
        verify(App.loadDefaultScenario())
        App.speed = 1
    }
    function cleanup() {
        App.playing = false
        App.animationRunning = false
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

    // Steps by hand up to the step before the one that shows record `seq` (default scenario:
    // #11 trainer unschedulable, #13 web-1 -> node-b1, #15 web-2 -> node-a1).
    function stepUpTo(seq) {
        for (let i = 0; i < 100 && App.timeline.count < seq - 1; ++i) verify(App.stepForward())
        compare(App.timeline.count, seq - 1)
    }

    // Records every phase of the animator with the position it happened at and the time.
    function recorder(animator) {
        const log = []
        const onPhase = () => log.push({ phase: animator.phase, position: App.position, seq: animator.seq,
                                         index: animator.pluginIndex, ms: Date.now() })
        animator.phaseChanged.connect(onPhase)
        return log
    }

    // The cycles the log shows: each from its "queue" to the next "done".
    function cyclesOf(log) {
        const cycles = []
        for (let i = 0; i < log.length; ++i) {
            if (log[i].phase !== "queue") continue
            let end = i + 1
            while (end < log.length && log[end].phase !== "done" && log[end].phase !== "queue") ++end
            const done = end < log.length && log[end].phase === "done" ? log[end] : null
            const phases = log.slice(i, end).map(e => e.phase)
            cycles.push({ seq: log[i].seq, position: log[i].position, start: log[i].ms,
                          phases: phases, done: done })
        }
        return cycles
    }

    function test_playWaitsForEachCycleToFinish() {
        const window = createTemporaryObject(mainComponent, null)
        const animator = findByName(window.contentItem, "cycleAnimator")
        verify(animator)
        stepUpTo(10)
        const log = recorder(animator)
        App.speed = 8
        compare(animator.totalMs, 2500 / 8, "playing does not shorten the cycle")
        App.playing = true
        // Records #11, #13 and #15 are the three scheduling cycles of the default scenario.
        tryVerify(() => App.timeline.count >= 16, 15000, "play reaches record #16")
        App.playing = false
        const cycles = cyclesOf(log)
        compare(cycles.map(c => c.seq), [11, 13, 15], "every Schedule record is animated")
        for (const c of cycles) {
            verify(c.done !== null, "cycle #" + c.seq + " reaches done")
            // A cycle cut short would be finished by the next step, at a later position.
            compare(c.done.position, c.position, "cycle #" + c.seq + " ends before the position moves past it")
            compare(c.phases[0], "queue")
            verify(c.phases.indexOf("filter") > 0, "cycle #" + c.seq + " sweeps the filters")
            compare(c.phases[c.phases.length - 1], "bind", "cycle #" + c.seq + " binds (or gives up) last")
            // Its full length at this speed (timers only run late, never early).
            verify(c.done.ms - c.start >= 0.9 * animator.totalMs,
                   "cycle #" + c.seq + " took " + (c.done.ms - c.start) + " ms of " + animator.totalMs)
        }
        compare(App.animationRunning, false)
    }

    function test_fasterSpeedGivesShorterCycles() {
        const window = createTemporaryObject(mainComponent, null)
        const animator = findByName(window.contentItem, "cycleAnimator")
        const log = recorder(animator)
        const measure = (speed, seq) => {
            stepUpTo(seq)
            App.speed = speed
            App.playing = true
            tryVerify(() => App.timeline.count > seq, 10000)
            App.playing = false
            tryCompare(animator, "phase", "done", 5000)
            const c = cyclesOf(log).filter(x => x.seq === seq)[0]
            verify(c && c.done, "cycle #" + seq + " ran")
            return c.done.ms - c.start
        }
        compare(animator.totalMs, 2500)
        const slow = measure(2, 13)     // 1250 ms
        const fast = measure(8, 15)     // 312 ms, and a little more: each phase lasts 16 ms or more
        verify(slow >= 1100, "x2 took " + slow + " ms")
        verify(fast < 0.6 * slow, "x8 took " + fast + " ms, x2 " + slow + " ms")
        App.speed = 4
        compare(animator.totalMs, 625)
    }

    function test_playHoldsWhileTheAnimationRuns() {
        const window = createTemporaryObject(mainComponent, null)
        const animator = findByName(window.contentItem, "cycleAnimator")
        animator.manual = true          // the test moves the animation from phase to phase
        stepUpTo(13)
        App.speed = 16
        App.playing = true
        tryCompare(App.timeline, "count", 13, 2000)
        compare(App.cycle.seq, 13)
        verify(animator.active)
        verify(App.animationRunning)
        verify(App.playing, "play stays on while it waits")
        const at = App.position
        wait(300)                       // six play intervals at x16
        compare(App.position, at, "play waits for the running animation")
        while (animator.active) animator.advance()
        compare(animator.phase, "done")
        compare(App.animationRunning, false)
        tryVerify(() => App.position > at, 1000, "then play goes on")
        App.playing = false
    }

    function test_handStepsAndJumpsStayImmediate() {
        const window = createTemporaryObject(mainComponent, null)
        const animator = findByName(window.contentItem, "cycleAnimator")
        animator.manual = true
        stepUpTo(13)
        verify(App.stepForward())
        verify(animator.active)
        // A step by hand during the animation goes at once; the cycle shows its final state.
        const at = App.position
        verify(App.stepForward())
        compare(App.position, at + 1)
        verify(!animator.active)
        compare(App.animationRunning, false)
        // Back onto the cycle and a jump: no animation, nothing held.
        verify(App.stepBack())
        verify(!animator.active)
        verify(App.jumpToRecord(15))
        verify(!animator.active)
        compare(App.animationRunning, false)
    }

    function test_playStartedDuringAnAnimationWaitsForIt() {
        const window = createTemporaryObject(mainComponent, null)
        const animator = findByName(window.contentItem, "cycleAnimator")
        animator.manual = true
        stepUpTo(11)
        verify(App.stepForward())
        verify(animator.active)
        const at = App.position
        App.speed = 16
        App.playing = true
        wait(200)
        compare(App.position, at)
        while (animator.active) animator.advance()
        tryVerify(() => App.position > at, 1000)
    }

    // The facade alone: whoever sets animationRunning holds play, and only play.
    function test_facadeHoldsPlayOnly() {
        App.speed = 16
        App.animationRunning = true
        App.playing = true
        verify(App.playing)
        wait(250)
        compare(App.position, 0, "held")
        verify(App.stepForward(), "a step by hand is not held")
        compare(App.position, 1)
        App.animationRunning = false
        tryVerify(() => App.position >= 3, 2000, "play resumes at its speed")
        App.playing = false
        const at = App.position
        wait(150)
        compare(App.position, at)
    }
}
