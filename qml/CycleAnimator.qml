import QtQuick
import KubeStage.Core

// The state of the scheduling-cycle animation that the views bind to. When a forward step (or
// play) arrives at a new "Schedule" record, the cycle is played as the course teaches it:
//   queue   the pod leaves the scheduling queue for the scheduler
//   filter  plugin by plugin (pluginIndex), every evaluated node gets the plugin's verdict
//   score   plugin by plugin, the feasible nodes' normalized × weight bars fill up
//   bind    leg 0: kube-scheduler → kube-apiserver, leg 1: kube-apiserver → node
//           (unschedulable: the pod goes back to the unschedulable queue)
//   done    the final state, as after a jump; "idle" before any animation
// Stepping back, jumping, scrubbing or selecting another record shows the final state at once.
Item {
    id: animator
    visible: false

    property string phase: "idle"
    property int pluginIndex: -1
    // The cycle being animated (a copy, so that views can index it while App.cycle changes).
    property int seq: 0
    property string pod: ""
    property string selectedNode: ""
    property string message: ""
    // name -> {row, failAt}: failAt is the first failing Filter plugin's index, or -1.
    property var nodes: ({})
    property int filterCount: 0
    property int scoreCount: 0
    property real maxTotal: 1         // sum of 100 × weight over the Score plugins
    property int stepMs: 0            // the duration of the current step
    // The winning node's card, registered by the card itself while the cycle is animated.
    property Item winnerCard: null

    readonly property bool active: phase === "queue" || phase === "filter" || phase === "score" || phase === "bind"
    // Until the bind, the outcome (winner, totals) stays hidden.
    readonly property bool hidesOutcome: active && phase !== "bind"

    // The whole cycle takes about 2.5 s at x1 and scales with the speed, playing or not: play
    // waits for it (App.animationRunning) before the next step, so it is never cut short.
    readonly property real totalMs: 2500 / App.speed

    // Play holds its next step while a cycle runs. A frozen screenshot frame never ends, so it
    // does not hold play.
    readonly property bool holdsPlay: active && AnimationOptions.freezePhase === ""
    onHoldsPlayChanged: App.animationRunning = holdsPlay
    Component.onDestruction: if (holdsPlay) App.animationRunning = false

    // What the views ask.
    function info(name) { return active ? nodes[name] : undefined }
    function filterRevealed(i) { return !active || phase === "score" || phase === "bind" || (phase === "filter" && i <= pluginIndex) }
    function scoreRevealed(i) { return !active || phase === "bind" || (phase === "score" && i <= pluginIndex) }

    function finish() {
        timer.stop()
        steps = []
        winnerCard = null
        if (phase !== "idle") phase = "done"
        pluginIndex = -1
    }

    // Clusters with more nodes show no cards (ClusterCanvas.cardsMaxNodes).
    property int cardsMaxNodes: 60
    // Starts the animation of App.cycle.
    function start() {
        const cycle = App.cycle
        if (!cycle.valid) { finish(); return }
        const map = {}
        let anyFeasible = false
        // Each evaluated node's first failing Filter plugin (-1: passed them all).
        const fails = cycle.firstFailures
        if (cycle.nodeCount > cardsMaxNodes) {
            // No cards to badge: the tiles need the verdicts only, and converting hundreds of
            // rows of cells into script objects per cycle stalls play.
            for (const name in fails) {
                const failAt = fails[name]
                if (failAt < 0) anyFeasible = true
                map[name] = { row: { name: name, evaluated: true, feasible: failAt < 0 }, failAt: failAt }
            }
        } else {
            const rows = cycle.rows
            for (let r = 0; r < rows.length; ++r) {
                const row = rows[r]
                if (row.feasible) anyFeasible = true
                map[row.name] = { row: row, failAt: fails[row.name] !== undefined ? fails[row.name] : -1 }
            }
        }
        let max = 0
        for (let s = 0; s < cycle.scorePlugins.length; ++s) max += 100 * cycle.scorePlugins[s].weight
        seq = cycle.seq
        pod = cycle.pod
        selectedNode = cycle.selectedNode
        message = cycle.message
        nodes = map
        filterCount = cycle.filterPlugins.length
        scoreCount = anyFeasible ? cycle.scorePlugins.length : 0
        maxTotal = Math.max(1, max)
        winnerCard = null

        const t = totalMs
        const list = [{ phase: "queue", index: -1, ms: 0.12 * t }]
        for (let i = 0; i < filterCount; ++i) list.push({ phase: "filter", index: i, ms: 0.36 * t / filterCount })
        for (let i = 0; i < scoreCount; ++i) list.push({ phase: "score", index: i, ms: 0.28 * t / scoreCount })
        list.push({ phase: "bind", index: 0, ms: 0.12 * t })
        list.push({ phase: "bind", index: 1, ms: 0.12 * t })
        steps = list
        next()
    }

    // Tests set manual and call advance() to go from step to step.
    property bool manual: false
    function advance() { if (active) next() }

    property var steps: []
    function next() {
        if (steps.length === 0) { finish(); return }
        const s = steps[0]
        steps = steps.slice(1)
        stepMs = Math.max(16, Math.round(s.ms))
        pluginIndex = s.index
        phase = s.phase
        // Held here for a screenshot (KUBESTAGE_ANIMATION_FREEZE).
        if (AnimationOptions.freezePhase === s.phase && (s.phase === "queue" || AnimationOptions.freezeIndex === s.index))
            return
        // A screenshot's frozen frame is reached at once.
        if (AnimationOptions.freezePhase !== "") { next(); return }
        if (manual) return
        timer.interval = stepMs
        timer.restart()
    }

    Timer {
        id: timer
        repeat: false
        onTriggered: animator.next()
    }

    // Other records of a forward step, as a short arrow through the API server: "watch" (the
    // API server sends a watch event to the informers: ADDED, MODIFIED, DELETED) or "request"
    // (kube-scheduler calls the API server, e.g. for its Lease), with messageText.
    property string messageKind: ""
    property string messageText: ""
    function showMessage() {
        const model = App.timeline
        if (model.count === 0) return
        const at = model.index(model.count - 1, 0)
        const actor = String(model.data(at, 260))   // TimelineModel::ActorRole
        const action = String(model.data(at, 261))  // ActionRole
        const objects = model.data(at, 262)         // ObjectsRole
        const what = objects && objects.length > 0 ? String(objects[0]) : ""
        messageKind = actor === "kube-apiserver" ? "watch" : actor.indexOf("kube-scheduler") === 0 ? "request" : ""
        messageText = action + (what !== "" ? " " + what : "")
        if (messageKind !== "") {
            messageTimer.interval = Math.max(100, 700 / App.speed)
            messageTimer.restart()
        }
    }
    Timer {
        id: messageTimer
        onTriggered: animator.messageKind = ""
    }

    // Which moves animate: one step forward onto a new cycle.
    // Plain values (set on completion), not bindings: they hold where the last move came from.
    property int lastPosition: -1
    property int lastSeq: -1
    Connections {
        target: App
        function onPositionChanged() {
            const forward = App.position === animator.lastPosition + 1
            const fresh = App.cycle.valid && App.cycle.seq !== animator.lastSeq && App.cycle.selectedSeq === 0
            animator.lastPosition = App.position
            animator.lastSeq = App.cycle.seq
            if (forward && fresh) animator.start()
            else animator.finish()
            if (forward && !fresh) animator.showMessage()
            else animator.messageKind = ""
        }
        function onScenarioChanged() {
            animator.lastPosition = App.position
            animator.lastSeq = App.cycle.seq
            animator.finish()
        }
    }
    Connections {
        target: App.cycle
        // Another record selected (the timeline): no animation.
        function onChanged() {
            if (App.position === animator.lastPosition && App.cycle.seq !== animator.seq) {
                animator.lastSeq = App.cycle.seq
                animator.finish()
            }
        }
    }
    Component.onCompleted: {
        lastPosition = App.position
        lastSeq = App.cycle.seq
        if (AnimationOptions.freezePhase !== "" && App.cycle.valid) start()
    }
}
