import QtQuick
import QtQuick.Controls
import QtTest
import KubeStage.Core
import KubeStage.Ui

// Undo / redo of the user's edits: a taint typed in the console is taken back by Ctrl+Z (and
// the Undo button), put back by Ctrl+Shift+Z, and a new edit clears what could be redone.
TestCase {
    name: "Undo"
    when: windowShown
    visible: true
    width: 1400
    height: 900

    Component {
        id: mainComponent
        Main {}
    }

    ConsolePanel {
        id: panel
        width: 600
        height: 300
    }

    function init() {
        verify(App.loadDefaultScenario())
        App.playing = false
    }

    function findByName(item, name) {
        if (item.objectName === name) return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByName(item.children[i], name)
            if (found) return found
        }
        if (item.contentItem && item.contentItem !== item) return findByName(item.contentItem, name)
        return null
    }

    // NodeListModel roles: Qt.UserRole + 1 is the name, + 5 unschedulable, + 6 the taints.
    function node(name) {
        for (let i = 0; i < App.nodes.count; ++i) {
            const index = App.nodes.index(i, 0)
            if (App.nodes.data(index, Qt.UserRole + 1) === name)
            {
                const taints = App.nodes.data(index, Qt.UserRole + 6)
                const keys = []
                for (let t = 0; t < taints.length; ++t) keys.push(taints[t].key + "=" + taints[t].value + ":" + taints[t].effect)
                return { unschedulable: App.nodes.data(index, Qt.UserRole + 5), taints: keys.join(",") }
            }
        }
        return null
    }

    function test_undoRedoOfConsoleEdits() {
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        verify(!App.canUndo)
        const before = node("node-b1").taints
        compare(panel.shell.run("kubectl taint nodes node-b1 lab=demo:NoSchedule"), 0)
        verify(node("node-b1").taints.indexOf("lab") >= 0, node("node-b1").taints)
        compare(panel.shell.run("kubectl cordon node-a1"), 0)
        verify(node("node-a1").unschedulable)
        verify(App.canUndo)
        verify(!App.canRedo)

        window.requestActivate()
        tryVerify(() => window.active)
        keyClick(Qt.Key_Z, Qt.ControlModifier)       // takes back the cordon only
        verify(!node("node-a1").unschedulable)
        verify(node("node-b1").taints.indexOf("lab") >= 0)
        verify(App.canRedo)

        mouseClick(findByName(window.header, "undo"))  // and the taint
        compare(node("node-b1").taints, before)
        verify(!App.canUndo)

        keyClick(Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
        verify(node("node-b1").taints.indexOf("lab") >= 0, "redo puts the taint back")
        verify(!node("node-a1").unschedulable, "one redo, one edit")
        verify(App.canRedo)

        compare(panel.shell.run("kubectl label nodes node-c1 tier=gold"), 0)
        verify(!App.canRedo, "a new edit starts a new future")
    }

    function test_undoSurvivesSteppingAndKeepsTheRunExact() {
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        // Pending pods exist; untaint the GPU node so that the trainer can schedule there.
        verify(App.pods.pendingCount > 0)
        const pending = App.pods.pendingCount
        compare(panel.shell.run("kubectl taint nodes node-c1 dedicated-"), 0)
        for (let i = 0; i < 12; ++i) App.stepForward()
        const after = App.pods.pendingCount
        verify(after < pending)
        const position = App.position
        verify(App.undo())
        compare(App.position, position, "undo keeps the current step")
        verify(node("node-c1").taints.indexOf("dedicated") >= 0, "the taint is back")
        verify(App.redo())
        compare(App.pods.pendingCount, after, "redo gives the same run as before")
    }
}
