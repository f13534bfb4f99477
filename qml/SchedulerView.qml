import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The scheduling cycle shown (the selected or the last "Schedule" record): Filter verdicts and
// Score points per node, plugin by plugin in profile order, the winner highlighted.
Panel {
    id: view
    readonly property var cycle: App.cycle
    // A cycle over hundreds of nodes would make thousands of cells: the tables show the winner,
    // the feasible nodes with the best totals, then the others, in snapshot order; the Matrix
    // view lists every node.
    readonly property int maxNodes: 24
    readonly property var rows: cycle.nodeCount <= maxNodes ? cycle.rows : cycle.someRows(maxNodes)
    readonly property var spot: App.lesson.spotlight
    // The scheduling-cycle animation (CycleAnimator): the tables reveal plugin by plugin with
    // the canvas, and the winner shows at the bind.
    property var animator: null
    readonly property bool outcomeShown: !animator || !animator.hidesOutcome
    function filterRevealed(i) { return !animator || animator.filterRevealed(i) }
    function scoreRevealed(i) { return !animator || animator.scoreRevealed(i) }
    function current(phase, i) { return animator !== null && animator.phase === phase && animator.pluginIndex === i }
    title: cycle.valid
           ? qsTr("Scheduling cycle #%1: pod %2 (attempt %3) → %4").arg(cycle.seq).arg(cycle.pod).arg(cycle.attempt)
                 .arg(!outcomeShown ? "…" : cycle.selectedNode !== "" ? cycle.selectedNode : qsTr("unschedulable"))
           : qsTr("Scheduling cycle: none yet — step forward")
    spotlit: spot.indexOf("scheduler.filter-table") >= 0 || spot.indexOf("scheduler.score-table") >= 0

    bodyHeight: content.implicitHeight + Theme.spacing * 2  // room for a horizontal scroll bar
    ScrollView {
        width: parent.width
        height: parent.height
        clip: true
        ColumnLayout {
            id: content
            spacing: Theme.spacing / 2
            Text {
                objectName: "preemption"
                visible: (view.cycle.nominatedNode !== "" || view.cycle.preempted.length > 0) && view.outcomeShown
                Layout.maximumWidth: view.width - 3 * Theme.spacing
                text: qsTr("Preemption: nominated node %1; victims: %2")
                          .arg(view.cycle.nominatedNode !== "" ? view.cycle.nominatedNode : "—")
                          .arg(view.cycle.preempted.length > 0 ? view.cycle.preempted.join(", ") : "—")
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.warning
            }
            Text {
                objectName: "someNodesShown"
                visible: view.rows.length < view.cycle.nodeCount
                text: qsTr("Showing %1 of %2 nodes: the winner and the best totals first. The Matrix view (M) lists them all.")
                          .arg(view.rows.length).arg(view.cycle.nodeCount)
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            Text {
                visible: view.cycle.message !== "" && view.outcomeShown
                Layout.maximumWidth: view.width - 3 * Theme.spacing
                text: view.cycle.message
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontSmall
                color: Theme.danger
            }
            // The two tables side by side when they fit, else the Score table below.
            Flow {
                Layout.preferredWidth: view.width - 3 * Theme.spacing
                spacing: Theme.spacing * 2
                visible: view.cycle.valid
                // Filter: rows are plugins, columns are nodes.
                Column {
                    objectName: "filterTable"
                    Row {
                        PluginHeader { name: qsTr("Filter"); legacy: qsTr("predicates"); suffix: "" }
                        Repeater {
                            model: view.rows
                            delegate: MatrixCell {
                                required property var modelData
                                text: modelData.name
                                bold: true
                                tint: Theme.surfaceAlt
                                highlight: modelData.winner && view.outcomeShown
                            }
                        }
                    }
                    Repeater {
                        model: view.cycle.filterPlugins
                        delegate: Row {
                            id: filterRow
                            required property var modelData
                            required property int index
                            readonly property bool revealed: view.filterRevealed(index)
                            objectName: "filterRow:" + modelData.name
                            opacity: revealed ? 1 : 0.15
                            PluginHeader {
                                name: filterRow.modelData.name; legacy: filterRow.modelData.legacy
                                border.color: view.current("filter", filterRow.index) ? Theme.accent : Theme.border
                                border.width: view.current("filter", filterRow.index) ? 2 : 0.5
                            }
                            Repeater {
                                model: view.rows
                                delegate: MatrixCell {
                                    required property var modelData
                                    // While the plugin lists and the rows of a new cycle arrive one after
                                    // the other, an index can point past a row's cells for a moment.
                                    readonly property var verdict: modelData.filters[filterRow.index] || ({ evaluated: false, pass: false, reason: "" })
                                    objectName: "filter:" + modelData.name + ":" + filterRow.modelData.name
                                    text: !verdict.evaluated ? "—" : verdict.pass ? "✓" : "✗ " + verdict.reason
                                    tip: verdict.reason
                                    tint: !verdict.evaluated ? "transparent" : verdict.pass ? "#1a2e9d5b" : "#33d64545"
                                    textColor: !verdict.evaluated ? Theme.textMuted : verdict.pass ? Theme.ok : Theme.danger
                                    highlight: modelData.winner && view.outcomeShown
                                }
                            }
                        }
                    }
                }
                // Score: normalized × weight per plugin, then the total.
                Column {
                    objectName: "scoreTable"
                    visible: view.cycle.scorePlugins.length > 0
                    Row {
                        PluginHeader { name: qsTr("Score"); legacy: qsTr("priorities"); suffix: ""; width: 300 * Theme.scale }
                        Repeater {
                            model: view.rows
                            delegate: MatrixCell {
                                required property var modelData
                                text: modelData.name
                                bold: true
                                tint: Theme.surfaceAlt
                                highlight: modelData.winner && view.outcomeShown
                            }
                        }
                    }
                    Repeater {
                        model: view.cycle.scorePlugins
                        delegate: Row {
                            id: scoreRow
                            required property var modelData
                            required property int index
                            readonly property bool revealed: view.scoreRevealed(index)
                            objectName: "scoreRow:" + modelData.name
                            opacity: revealed ? 1 : 0.15
                            PluginHeader {
                                border.color: view.current("score", scoreRow.index) ? Theme.accent : Theme.border
                                border.width: view.current("score", scoreRow.index) ? 2 : 0.5
                                width: 300 * Theme.scale
                                name: scoreRow.modelData.name
                                suffix: " ×" + scoreRow.modelData.weight
                                legacy: scoreRow.modelData.legacy
                            }
                            Repeater {
                                model: view.rows
                                delegate: MatrixCell {
                                    required property var modelData
                                    readonly property var score: modelData.scores[scoreRow.index] || ({ present: false })
                                    objectName: "score:" + modelData.name + ":" + scoreRow.modelData.name
                                    text: score.present ? score.text : "—"
                                    tip: score.present ? qsTr("raw %1, normalized %2, weight %3").arg(score.raw).arg(score.normalized).arg(score.weight) : ""
                                    textColor: score.present ? Theme.text : Theme.textMuted
                                    highlight: modelData.winner && view.outcomeShown
                                }
                            }
                        }
                    }
                    Row {
                        objectName: "totalRow"
                        opacity: view.outcomeShown ? 1 : 0.15
                        PluginHeader { width: 300 * Theme.scale; name: qsTr("Total"); legacy: "" }
                        Repeater {
                            model: view.rows
                            delegate: MatrixCell {
                                required property var modelData
                                objectName: "total:" + modelData.name
                                text: modelData.total !== undefined ? modelData.total : "—"
                                bold: true
                                tint: modelData.winner && view.outcomeShown ? Theme.accent : "transparent"
                                textColor: modelData.winner && view.outcomeShown ? "white" : Theme.text
                                highlight: modelData.winner && view.outcomeShown
                            }
                        }
                    }
                }
            }
        }
    }
}
