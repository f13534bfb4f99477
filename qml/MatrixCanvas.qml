import QtQuick
import QtQuick.Controls
import KubeStage.Core

// The scheduling cycle shown (App.cycle) as one table in place of the node cards: a row per node
// (grouped by zone, in the scheduler's snapshot order within a zone), the Filter plugins, then
// the Score plugins, then the total as columns, in profile order. Filter cells show pass / fail
// with the plugin's reason: the first failing plugin is the one upstream reports (it stops
// there), later ones would also reject the node and show dimmer. Score cells show normalized ×
// weight with a bar. It follows the CycleAnimator as the scheduler view does: columns reveal
// plugin by plugin, the current one highlighted, the outcome at the bind.
// A ListView creates rows only for what is visible, so 500 nodes cost what 30 do.
Rectangle {
    id: matrix
    property var animator: null
    readonly property var cycle: App.cycle
    readonly property var spot: App.lesson.spotlight
    color: Theme.surface
    radius: Theme.radius
    // A lesson step pointing at the scheduler's tables points here while the matrix replaces them.
    readonly property bool spotlit: spot.indexOf("scheduler.filter-table") >= 0 || spot.indexOf("scheduler.score-table") >= 0
    border.color: spotlit ? Theme.accent : Theme.border
    border.width: spotlit ? 3 : 1
    clip: true

    // The animation's state, as in SchedulerView.
    readonly property bool outcomeShown: !animator || !animator.hidesOutcome
    function filterRevealed(i) { return !animator || animator.filterRevealed(i) }
    function scoreRevealed(i) { return !animator || animator.scoreRevealed(i) }
    readonly property string currentPhase: animator && animator.active ? animator.phase : ""
    readonly property int currentIndex: animator ? animator.pluginIndex : -1

    // Column widths.
    readonly property real indexWidth: Math.round(34 * Theme.scale)
    readonly property real nodeWidth: Math.round(190 * Theme.scale)
    // A Filter column where some node fails is wider, for the reason.
    readonly property real filterWidth: Math.round(124 * Theme.scale)
    readonly property real failWidth: Math.round(210 * Theme.scale)
    readonly property real scoreWidth: Math.round(124 * Theme.scale)
    readonly property real totalWidth: Math.round(76 * Theme.scale)
    readonly property real rowHeight: Math.round(Theme.fontSmall * 2 + 4)
    readonly property real zoneHeight: Math.round(Theme.fontSmall * 2 + 6)
    readonly property real smallFont: Math.max(9, Math.round(Theme.fontSmall * 0.85))
    readonly property real filterX: nodeWidth
    // The Filter columns' left edges, and the right edge of the last.
    readonly property var filterXs: {
        const out = []
        let x = filterX
        for (let i = 0; i < filterPlugins.length; ++i) {
            out.push(x)
            x += filterFails[i] ? failWidth : filterWidth
        }
        out.push(x)
        return out
    }
    readonly property real scoreX: filterXs[filterXs.length - 1]
    // The left edge of Filter column i (i = the count: the right edge of the last); safe while the
    // plugin list and the delegates of the old one briefly disagree.
    function filterColumnX(i) { return i < filterXs.length ? filterXs[i] : scoreX }
    readonly property real totalX: scoreX + scorePlugins.length * scoreWidth
    readonly property real tableWidth: totalX + totalWidth
    // The node column stays at the left edge while the table scrolls sideways, the total at the
    // right edge (table coordinates).
    readonly property real stick: Math.max(0, list.contentX - list.originX)
    readonly property real totalStickX: Math.max(stick + nodeWidth, Math.min(totalX, stick + list.width - totalWidth))

    // The table, rebuilt when the cycle shown changes (never per cell).
    property var filterPlugins: []
    property var scorePlugins: []
    property var filterFails: []   // per Filter plugin: does any node fail it?
    // [{name, zone, position, zoneStart, zoneCount, evaluated, feasible, winner, failAt,
    //   filters, scores, total}], zone by zone (App.zones' order), snapshot order within a zone.
    property var rows: []
    property int evaluatedCount: 0
    property int feasibleCount: 0
    property real maxWeighted: 100   // 100 × the largest weight: the longest score bar

    // The record shown when the table was last built: a step that stays on the same cycle (most
    // steps) keeps the rows, their delegates and the scroll position.
    property int builtSeq: -1
    function refresh() {
        if (!cycle.valid || cycle.seq !== builtSeq) rebuild()
    }
    function rebuild() {
        builtSeq = cycle.valid ? cycle.seq : -1
        if (!cycle.valid) {
            rows = []
            filterFails = []
            filterPlugins = []
            scorePlugins = []
            evaluatedCount = feasibleCount = 0
            return
        }
        const source = cycle.rows
        // Each node's zone label as the cards show it (NodeListModel: NameRole 257, ZoneRole 258).
        const nodes = App.nodes
        const zoneOf = {}
        for (let i = 0; i < nodes.count; ++i) {
            const at = nodes.index(i, 0)
            zoneOf[nodes.data(at, 257)] = nodes.data(at, 258)
        }
        const order = App.zones.slice()
        const byZone = {}
        let evaluated = 0, feasible = 0
        const fails = cycle.filterPlugins.map(() => false)
        for (let r = 0; r < source.length; ++r) {
            const row = source[r]
            const zone = zoneOf[row.name] !== undefined ? zoneOf[row.name] : ""
            let failAt = -1
            if (row.evaluated)
                for (let f = 0; f < row.filters.length; ++f)
                    if (!row.filters[f].pass) {
                        if (failAt < 0) failAt = f
                        fails[f] = true
                    }
            if (row.evaluated) ++evaluated
            if (row.feasible) ++feasible
            if (byZone[zone] === undefined) {
                byZone[zone] = []
                if (order.indexOf(zone) < 0) order.push(zone)  // a node gone since the cycle
            }
            byZone[zone].push({ name: row.name, zone: zone, position: r + 1, evaluated: row.evaluated,
                                feasible: row.feasible, winner: row.winner, failAt: failAt,
                                filters: row.filters, scores: row.scores, total: row.total })
        }
        const out = []
        for (let z = 0; z < order.length; ++z) {
            const group = byZone[order[z]]
            if (!group) continue
            for (let i = 0; i < group.length; ++i) {
                group[i].zoneStart = i === 0
                group[i].zoneCount = group.length
                out.push(group[i])
            }
        }
        let most = 1
        const scores = cycle.scorePlugins
        for (let s = 0; s < scores.length; ++s) most = Math.max(most, 100 * scores[s].weight)
        maxWeighted = most
        evaluatedCount = evaluated
        feasibleCount = feasible
        // Another cycle over the same nodes: the same nodes stay in view.
        const top = rows.length > 0 ? list.indexAt(list.contentX + 1, list.contentY + 1) : -1
        filterFails = fails
        filterPlugins = cycle.filterPlugins
        scorePlugins = scores
        rows = out
        if (top > 0 && top < out.length) list.positionViewAtIndex(top, ListView.Beginning)
    }
    Connections {
        target: App.cycle
        function onChanged() { matrix.refresh() }
    }
    // A node selected elsewhere (the Pods tab, --select, a lesson) scrolls into view.
    function showSelected() {
        if (App.selection.kind !== "Node") return
        const i = rowIndexOf(App.selection.name)
        if (i >= 0) list.positionViewAtIndex(i, ListView.Contain)
    }
    Connections {
        target: App
        function onSelectionChanged() { matrix.showSelected() }
    }
    // An edit, undo or redo replays the run: a record of the same number may be another cycle.
    Connections {
        target: App
        function onZonesChanged() { matrix.rebuild() }
        function onScenarioChanged() { matrix.rebuild() }
        function onEditsChanged() { matrix.rebuild() }
        function onClusterEdited() { matrix.rebuild() }
    }
    Component.onCompleted: { rebuild(); showSelected() }

    function rowIndexOf(name) {
        for (let i = 0; i < rows.length; ++i) if (rows[i].name === name) return i
        return -1
    }

    // At the bind, the winner's row scrolls into view and its node cell is where the pod lands.
    function showWinner() {
        if (!animator || !animator.active || animator.phase !== "bind" || animator.selectedNode === "") return
        const i = rowIndexOf(animator.selectedNode)
        if (i < 0) return
        list.positionViewAtIndex(i, ListView.Contain)
        const item = list.itemAtIndex(i)
        if (item && animator.winnerCard !== item.nodeCell) animator.winnerCard = item.nodeCell
    }
    // While a cycle is animated the table scrolls sideways to the column at work: the plugin,
    // then the total at the bind.
    function showColumn(left, right) {
        const scroll = list.contentX - list.originX
        let next = scroll
        if (left < scroll + nodeWidth) next = left - nodeWidth
        else if (right > scroll + list.width - totalWidth) next = right - list.width + totalWidth
        next = Math.max(0, Math.min(next, tableWidth - list.width))
        if (next !== scroll) list.contentX = list.originX + next
    }
    function followAnimation() {
        if (!animator || !animator.active) return
        const i = animator.pluginIndex
        if (animator.phase === "queue") showColumn(filterX, filterX)
        else if (animator.phase === "filter" && i >= 0 && i < filterPlugins.length) showColumn(filterXs[i], filterXs[i + 1])
        else if (animator.phase === "score" && i >= 0 && i < scorePlugins.length) showColumn(scoreX + i * scoreWidth, scoreX + (i + 1) * scoreWidth)
    }
    Connections {
        target: matrix.animator
        function onPhaseChanged() { matrix.followAnimation(); matrix.showWinner() }
        function onPluginIndexChanged() { matrix.followAnimation() }
    }

    // Which column is at x (row coordinates): {kind: "node" | "filter" | "score" | "total", index}.
    function columnAt(x) {
        if (x >= stick && x < stick + nodeWidth) return { kind: "node", index: -1 }
        if (x >= totalStickX && x < totalStickX + totalWidth) return { kind: "total", index: -1 }
        if (x >= filterX && x < scoreX) {
            let i = 0
            while (i + 1 < filterXs.length - 1 && x >= filterXs[i + 1]) ++i
            return { kind: "filter", index: i }
        }
        if (x >= scoreX && x < totalX) return { kind: "score", index: Math.floor((x - scoreX) / scoreWidth) }
        return { kind: "", index: -1 }
    }

    readonly property string notEvaluatedTip:
        qsTr("Not evaluated: the scheduler had already found enough feasible nodes " +
             "(percentageOfNodesToScore), the pod's nominated node was tried first and fits, " +
             "or a PreFilter result left this node out.")

    // The full text of a cell, for its tooltip.
    function cellTip(row, column) {
        if (!row) return ""
        if (column.kind === "node")
            return qsTr("%1, %2, position %3 in the scheduler's node list. Click to inspect it.")
                .arg(row.name).arg(row.zone === "" ? qsTr("no zone label") : qsTr("zone %1").arg(row.zone)).arg(row.position)
        if (column.kind === "filter") {
            const plugin = filterPlugins[column.index]
            const cell = row.filters[column.index]
            if (!plugin || !cell) return ""
            if (!row.evaluated) return notEvaluatedTip
            if (cell.pass)
                return row.failAt >= 0 && column.index > row.failAt
                    ? qsTr("%1: passes (upstream does not run it after %2 failed)").arg(plugin.name).arg(filterPlugins[row.failAt].name)
                    : qsTr("%1: passes").arg(plugin.name)
            if (column.index === row.failAt)
                return qsTr("%1 rejects the node: %2\nThe first failing plugin: the one upstream reports.").arg(plugin.name).arg(cell.reason)
            return qsTr("%1 would also reject the node: %2\nUpstream stops at the first failing plugin (%3).")
                .arg(plugin.name).arg(cell.reason).arg(filterPlugins[row.failAt].name)
        }
        if (column.kind === "score") {
            const plugin = scorePlugins[column.index]
            const score = row.scores[column.index]
            if (!plugin || !score || !score.present) return row.feasible || !row.evaluated ? "" : qsTr("Not scored: the node did not pass Filter.")
            return qsTr("%1: raw %2, normalized %3 × weight %4 = %5")
                .arg(plugin.name).arg(score.raw).arg(score.normalized).arg(score.weight).arg(score.weighted)
        }
        if (column.kind === "total" && row.total !== undefined)
            return qsTr("Total %1: the sum of the weighted scores").arg(row.total)
        return ""
    }

    // The summary above the table: the cycle, its outcome, preemption and the failure message.
    Column {
        id: summary
        x: Theme.spacing
        y: Theme.spacing
        width: matrix.width - 2 * Theme.spacing
        spacing: 2
        visible: matrix.cycle.valid
        Text {
            objectName: "matrixTitle"
            width: parent.width
            elide: Text.ElideRight
            text: qsTr("Scheduling cycle #%1: pod %2 (attempt %3) → %4")
                      .arg(matrix.cycle.seq).arg(matrix.cycle.pod).arg(matrix.cycle.attempt)
                      .arg(!matrix.outcomeShown ? "…" : matrix.cycle.selectedNode !== "" ? matrix.cycle.selectedNode : qsTr("unschedulable"))
            font.pixelSize: Theme.fontNormal
            font.bold: true
            color: Theme.text
        }
        Text {
            objectName: "matrixCounts"
            width: parent.width
            elide: Text.ElideRight
            // With one feasible node upstream binds to it without running Score.
            text: qsTr("%1 nodes: %2 evaluated, %3 feasible").arg(matrix.rows.length).arg(matrix.evaluatedCount)
                      .arg(matrix.outcomeShown ? matrix.feasibleCount : "…")
                  + (matrix.outcomeShown && matrix.feasibleCount === 1 && matrix.scorePlugins.length === 0
                     ? qsTr(" (only one: Score is skipped)") : "")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        Text {
            visible: (matrix.cycle.nominatedNode !== "" || matrix.cycle.preempted.length > 0) && matrix.outcomeShown
            width: parent.width
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            text: qsTr("Preemption: nominated node %1; victims: %2")
                      .arg(matrix.cycle.nominatedNode !== "" ? matrix.cycle.nominatedNode : "—")
                      .arg(matrix.cycle.preempted.length > 0 ? matrix.cycle.preempted.join(", ") : "—")
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.warning
        }
        Text {
            objectName: "matrixMessage"
            visible: matrix.cycle.message !== "" && matrix.outcomeShown
            width: parent.width
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            text: matrix.cycle.message
            font.pixelSize: Theme.fontSmall
            color: Theme.danger
        }
    }

    // No cycle yet.
    Text {
        objectName: "matrixPlaceholder"
        visible: !matrix.cycle.valid
        anchors.centerIn: parent
        width: Math.min(matrix.width - 4 * Theme.spacing, 560 * Theme.scale)
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: qsTr("No scheduling cycle yet. Step forward (→) until kube-scheduler picks a pod from the queue: " +
                   "this table then shows every node's Filter verdicts and Score points.")
        font.pixelSize: Theme.fontLarge
        color: Theme.textMuted
    }

    ListView {
        id: list
        objectName: "matrixList"
        visible: matrix.cycle.valid
        x: 1
        y: summary.y + summary.height + Theme.spacing
        width: matrix.width - 2
        height: matrix.height - y - 1
        clip: true
        model: matrix.rows
        contentWidth: matrix.tableWidth
        flickableDirection: Flickable.AutoFlickIfNeeded
        boundsBehavior: Flickable.StopAtBounds
        pixelAligned: true
        reuseItems: true
        headerPositioning: ListView.OverlayHeader
        header: headerComponent
        delegate: rowComponent
        ScrollBar.vertical: ScrollBar { objectName: "matrixVScroll" }
        ScrollBar.horizontal: ScrollBar { objectName: "matrixHScroll" }
    }

    // The column being animated, over the rows.
    Rectangle {
        objectName: "currentColumn"
        readonly property bool filtering: matrix.currentPhase === "filter" && matrix.currentIndex < matrix.filterPlugins.length
        readonly property real columnX: filtering ? matrix.filterColumnX(matrix.currentIndex)
                                      : matrix.currentPhase === "score" ? matrix.scoreX + matrix.currentIndex * matrix.scoreWidth : -1
        readonly property real columnWidth: filtering ? matrix.filterColumnX(matrix.currentIndex + 1) - columnX : matrix.scoreWidth
        readonly property real leftEdge: list.x + columnX - matrix.stick
        readonly property real totalLeft: list.x + matrix.totalStickX - matrix.stick
        visible: list.visible && columnX >= 0 && matrix.currentIndex >= 0
        x: Math.max(list.x + matrix.nodeWidth, leftEdge)
        width: Math.max(0, Math.min(leftEdge + columnWidth, totalLeft) - x)
        y: list.y
        height: Math.min(list.height, list.contentHeight)
        color: "#1f326ce5"
        border.color: Theme.accent
        border.width: 2
    }

    Component {
        id: headerComponent
        Rectangle {
            id: head
            width: Math.max(matrix.tableWidth, list.width)
            height: groupRow.height + pluginRow.height
            z: 3
            color: Theme.surfaceAlt
            readonly property real groupHeight: Math.round(Theme.fontSmall + 10)
            Item {
                id: groupRow
                width: matrix.tableWidth
                height: head.groupHeight
                HeaderCell {
                    x: matrix.filterX
                    width: matrix.scoreX - matrix.filterX
                    height: parent.height
                    visible: width > 0
                    title: qsTr("Filter")
                    subtitle: qsTr("predicates: a node must pass every plugin. A red bar marks the failure upstream reports; later failures are dimmer.")
                }
                HeaderCell {
                    x: matrix.scoreX
                    width: matrix.totalX - matrix.scoreX
                    height: parent.height
                    visible: width > 0
                    title: qsTr("Score")
                    subtitle: qsTr("priorities: normalized (0–100) × weight")
                }
            }
            Item {
                id: pluginRow
                y: groupRow.height
                width: matrix.tableWidth
                height: Math.round(Theme.fontSmall + matrix.smallFont + 12)
                Repeater {
                    model: matrix.filterPlugins
                    delegate: PluginColumnHeader {
                        required property var modelData
                        required property int index
                        objectName: "matrixFilterHeader:" + modelData.name
                        x: matrix.filterColumnX(index)
                        width: matrix.filterColumnX(index + 1) - x
                        height: pluginRow.height
                        name: modelData.name
                        legacy: modelData.legacy
                        current: matrix.currentPhase === "filter" && matrix.currentIndex === index
                        opacity: matrix.filterRevealed(index) ? 1 : 0.35
                    }
                }
                Repeater {
                    model: matrix.scorePlugins
                    delegate: PluginColumnHeader {
                        required property var modelData
                        required property int index
                        objectName: "matrixScoreHeader:" + modelData.name
                        x: matrix.scoreX + index * matrix.scoreWidth
                        width: matrix.scoreWidth
                        height: pluginRow.height
                        name: modelData.name
                        suffix: "×" + modelData.weight
                        legacy: modelData.legacy
                        current: matrix.currentPhase === "score" && matrix.currentIndex === index
                        opacity: matrix.scoreRevealed(index) ? 1 : 0.35
                    }
                }
            }
            // The total's heading stays at the right like the totals.
            HeaderCell {
                x: matrix.totalStickX
                width: matrix.totalWidth
                height: head.height
                title: qsTr("Total")
                subtitle: ""
                opaque: true
            }
            // The node column's heading stays at the left like the node cells.
            HeaderCell {
                x: matrix.stick
                width: matrix.nodeWidth
                height: head.height
                title: qsTr("Node")
                subtitle: qsTr("#: snapshot order")
                opaque: true
            }
        }
    }

    component HeaderCell: Rectangle {
        id: cell
        property string title
        property string subtitle
        property bool opaque: false
        color: opaque ? Theme.surfaceAlt : "transparent"
        border.color: Theme.border
        border.width: 0.5
        clip: true
        Row {
            x: 6
            anchors.verticalCenter: parent.verticalCenter
            width: cell.width - 10
            spacing: 6
            Text {
                id: titleText
                text: cell.title
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.text
            }
            Text {
                anchors.baseline: titleText.baseline
                width: parent.width - titleText.width - 6
                text: cell.subtitle
                elide: Text.ElideRight
                font.pixelSize: matrix.smallFont
                font.italic: true
                color: Theme.textMuted
            }
        }
    }

    // A plugin's column heading: its name and, smaller, its legacy predicate / priority names.
    component PluginColumnHeader: Rectangle {
        id: ph
        property string name
        property string legacy
        property string suffix: ""   // a Score plugin's weight
        property bool current: false
        color: current ? "#33326ce5" : "transparent"
        border.color: current ? Theme.accent : Theme.border
        border.width: current ? 2 : 0.5
        clip: true
        Column {
            x: 5
            width: ph.width - 10
            anchors.verticalCenter: parent.verticalCenter
            Text {
                width: parent.width
                text: ph.name
                elide: Text.ElideRight
                textFormat: Text.PlainText
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.text
            }
            // A Score plugin's weight, then the legacy names.
            Row {
                width: parent.width
                spacing: 4
                Text {
                    id: weightText
                    objectName: "weight"
                    visible: ph.suffix !== ""
                    text: ph.suffix
                    font.pixelSize: matrix.smallFont
                    font.bold: true
                    color: Theme.accent
                }
                Text {
                    objectName: "legacy"
                    width: parent.width - (weightText.visible ? weightText.width + 4 : 0)
                    text: ph.legacy !== "" ? ph.legacy : " "
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    font.pixelSize: matrix.smallFont
                    font.italic: true
                    color: Theme.textMuted
                }
            }
        }
        MouseArea {
            id: headerHover
            anchors.fill: parent
            hoverEnabled: true
        }
        ToolTip.visible: headerHover.containsMouse && ph.legacy !== ""
        ToolTip.text: (ph.suffix !== "" ? qsTr("%1, weight %2").arg(ph.name).arg(ph.suffix.substring(1)) : ph.name) + "\n"
                      + qsTr("In the Policy API (until v1.22): %1").arg(ph.legacy)
        ToolTip.delay: 300
    }

    Component {
        id: rowComponent
        Item {
            id: rowItem
            required property var modelData
            required property int index
            // Read once: every cell reads the row, and modelData converts it at each read.
            readonly property var row: modelData
            readonly property string name: row.name
            readonly property bool winner: row.winner && matrix.outcomeShown
            readonly property bool selected: App.selection.kind === "Node" && App.selection.name === name
            readonly property bool spotlit: matrix.spot.indexOf("node-card:" + name) >= 0
            property alias nodeCell: nodeCell
            objectName: "matrixRow:" + name
            width: Math.max(matrix.tableWidth, list.width)
            height: (row.zoneStart ? matrix.zoneHeight : 0) + matrix.rowHeight

            // The zone's heading above its first node.
            Rectangle {
                visible: rowItem.row.zoneStart
                width: parent.width
                height: visible ? matrix.zoneHeight : 0
                color: Theme.surface
                Text {
                    x: matrix.stick + Theme.spacing
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: 3
                    text: (rowItem.row.zone === "" ? qsTr("no zone label") : qsTr("zone %1").arg(rowItem.row.zone))
                          + "  ·  " + (rowItem.row.zoneCount === 1 ? qsTr("1 node") : qsTr("%1 nodes").arg(rowItem.row.zoneCount))
                    font.pixelSize: Theme.fontNormal
                    font.bold: true
                    color: Theme.textMuted
                }
            }

            Item {
                id: line
                y: rowItem.row.zoneStart ? matrix.zoneHeight : 0
                width: matrix.tableWidth
                height: matrix.rowHeight
                Rectangle {
                    anchors.fill: parent
                    color: rowItem.winner ? "#2e326ce5" : rowItem.index % 2 ? Theme.surface : Theme.background
                }

                // Filter verdicts.
                Repeater {
                    model: matrix.filterPlugins.length
                    delegate: Rectangle {
                        id: fcell
                        required property int index
                        readonly property var verdict: rowItem.row.filters[index]
                        readonly property int failAt: rowItem.row.failAt
                        // The plugin upstream reports, or a later one (upstream never ran it).
                        readonly property bool reported: failAt === index
                        readonly property bool afterFailure: failAt >= 0 && index > failAt
                        readonly property string text: !rowItem.row.evaluated ? "" : verdict.pass ? "✓" : "✗ " + verdict.reason
                        objectName: "matrixFilter:" + rowItem.name + ":" + matrix.filterPlugins[index].name
                        x: matrix.filterColumnX(index)
                        width: matrix.filterColumnX(index + 1) - x
                        height: line.height
                        opacity: !matrix.filterRevealed(index) ? 0.12 : afterFailure ? 0.5 : 1
                        color: !rowItem.row.evaluated ? "transparent"
                               : verdict.pass ? "#1a2e9d5b" : reported ? "#4dd64545" : "#26d64545"
                        border.color: Theme.border
                        border.width: 0.5
                        // The reported failure: a strong bar at the left.
                        Rectangle {
                            visible: fcell.reported
                            width: 4
                            height: parent.height
                            color: Theme.danger
                        }
                        Text {
                            x: fcell.reported ? 8 : 5
                            width: parent.width - x - 4
                            anchors.verticalCenter: parent.verticalCenter
                            text: fcell.text
                            elide: Text.ElideRight
                            textFormat: Text.PlainText
                            font.pixelSize: Theme.fontSmall
                            font.bold: fcell.reported
                            color: fcell.verdict.pass ? Theme.ok : Theme.danger
                        }
                    }
                }
                // Not evaluated: one label across the Filter columns.
                Rectangle {
                    objectName: "notEvaluated:" + rowItem.name
                    visible: !rowItem.row.evaluated && matrix.filterPlugins.length > 0
                    x: matrix.filterX
                    width: matrix.scoreX - matrix.filterX
                    height: line.height
                    color: "transparent"
                    border.color: Theme.border
                    border.width: 0.5
                    Text {
                        x: Math.max(6, matrix.stick + matrix.nodeWidth - matrix.filterX + 6)
                        width: parent.width - x - 6
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("not evaluated")
                        elide: Text.ElideRight
                        font.pixelSize: Theme.fontSmall
                        font.italic: true
                        color: Theme.textMuted
                    }
                }

                // Score points: the weighted value and a bar (normalized × weight).
                Repeater {
                    model: matrix.scorePlugins.length
                    delegate: Rectangle {
                        id: scell
                        required property int index
                        readonly property var score: rowItem.row.scores[index]
                        readonly property bool present: score !== undefined && score.present === true
                        readonly property string text: present ? String(score.weighted) : ""
                        objectName: "matrixScore:" + rowItem.name + ":" + matrix.scorePlugins[index].name
                        x: matrix.scoreX + index * matrix.scoreWidth
                        width: matrix.scoreWidth
                        height: line.height
                        opacity: matrix.scoreRevealed(index) ? 1 : 0.12
                        color: "transparent"
                        border.color: Theme.border
                        border.width: 0.5
                        Text {
                            x: 5
                            anchors.top: parent.top
                            anchors.topMargin: 2
                            visible: scell.present
                            text: scell.present ? scell.score.normalized + "×" + scell.score.weight : ""
                            font.pixelSize: matrix.smallFont
                            color: Theme.textMuted
                        }
                        Text {
                            anchors.right: parent.right
                            anchors.rightMargin: 5
                            anchors.top: parent.top
                            anchors.topMargin: 1
                            text: scell.present ? scell.text : rowItem.row.evaluated ? "—" : ""
                            font.pixelSize: Theme.fontSmall
                            font.bold: scell.present
                            color: scell.present ? Theme.text : Theme.textMuted
                        }
                        Rectangle {
                            objectName: "bar"
                            visible: scell.present
                            x: 5
                            anchors.bottom: parent.bottom
                            anchors.bottomMargin: 3
                            width: scell.present ? (parent.width - 10) * scell.score.weighted / matrix.maxWeighted : 0
                            height: Math.max(3, Math.round(4 * Theme.scale))
                            radius: height / 2
                            color: Theme.accent
                        }
                    }
                }

                // The total.
                Rectangle {
                    objectName: "matrixTotal:" + rowItem.name
                    readonly property string text: rowItem.row.total !== undefined ? String(rowItem.row.total) : ""
                    x: matrix.totalStickX
                    width: matrix.totalWidth
                    height: line.height
                    color: rowItem.winner ? Theme.accent : Theme.surfaceAlt
                    border.color: Theme.border
                    border.width: 0.5
                    Text {
                        objectName: "totalText"
                        anchors.right: parent.right
                        anchors.rightMargin: 6
                        anchors.verticalCenter: parent.verticalCenter
                        // Until the bind the outcome stays hidden.
                        text: !matrix.outcomeShown ? (rowItem.row.feasible ? "…" : "")
                              : parent.text !== "" ? parent.text : rowItem.row.evaluated ? "—" : ""
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                        color: rowItem.winner ? "white" : parent.text !== "" ? Theme.text : Theme.textMuted
                    }
                }

                // The node: its position in the snapshot, name and zone; stays at the left.
                Rectangle {
                    id: nodeCell
                    objectName: "matrixNode:" + rowItem.name
                    x: matrix.stick
                    width: matrix.nodeWidth
                    height: line.height
                    color: rowItem.winner ? Qt.tint(Theme.surfaceAlt, "#40326ce5") : Theme.surfaceAlt
                    border.color: Theme.border
                    border.width: 0.5
                    Text {
                        id: position
                        x: 4
                        width: matrix.indexWidth - 8
                        anchors.verticalCenter: parent.verticalCenter
                        horizontalAlignment: Text.AlignRight
                        text: rowItem.row.position
                        font.pixelSize: matrix.smallFont
                        color: Theme.textMuted
                    }
                    Text {
                        id: nodeName
                        x: matrix.indexWidth
                        width: Math.min(implicitWidth, parent.width - x - (winnerBadge.visible ? winnerBadge.width + 8 : 4))
                        anchors.verticalCenter: parent.verticalCenter
                        text: rowItem.name
                        elide: Text.ElideMiddle
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                        color: rowItem.row.evaluated && !rowItem.row.feasible && matrix.outcomeShown ? Theme.textMuted : Theme.text
                    }
                    Text {
                        x: nodeName.x + nodeName.width + 6
                        width: parent.width - x - (winnerBadge.visible ? winnerBadge.width + 8 : 4)
                        visible: width > 40
                        anchors.baseline: nodeName.baseline
                        text: rowItem.row.zone
                        elide: Text.ElideRight
                        font.pixelSize: matrix.smallFont
                        color: Theme.textMuted
                    }
                    Rectangle {
                        id: winnerBadge
                        objectName: "winnerBadge"
                        visible: rowItem.winner
                        anchors.right: parent.right
                        anchors.rightMargin: 4
                        anchors.verticalCenter: parent.verticalCenter
                        width: winnerText.implicitWidth + 10
                        height: winnerText.implicitHeight + 2
                        radius: height / 2
                        color: Theme.accent
                        Text {
                            id: winnerText
                            anchors.centerIn: parent
                            text: qsTr("winner")
                            font.pixelSize: matrix.smallFont
                            font.bold: true
                            color: "white"
                        }
                    }
                }

                // The selected node (Inspector), or the one a lesson step points at.
                Rectangle {
                    anchors.fill: parent
                    visible: rowItem.selected || rowItem.spotlit || rowItem.winner
                    color: "transparent"
                    border.color: rowItem.spotlit ? Theme.warning : Theme.accent
                    border.width: rowItem.selected || rowItem.spotlit ? 3 : 2
                }

                MouseArea {
                    id: rowMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    property var column: ({ kind: "", index: -1 })
                    onPositionChanged: (mouse) => {
                        const c = matrix.columnAt(mouse.x)
                        if (c.kind !== column.kind || c.index !== column.index) column = c
                    }
                    onExited: column = { kind: "", index: -1 }
                    onClicked: App.select("Node", "", rowItem.name)
                    ToolTip.visible: containsMouse && ToolTip.text !== ""
                    ToolTip.text: matrix.cellTip(rowItem.row, column)
                    ToolTip.delay: 300
                }
            }
        }
    }
}
