import QtQuick
import QtQuick.Controls
import QtTest
import KubeStage.Core
import KubeStage.Ui

// The side panel's kubectl console: a typed taint reaches the node model, the transcript shows
// kubectl's words, Up recalls the command, and the edit survives stepping back and forth.
TestCase {
    name: "Console"
    when: windowShown
    visible: true
    width: 1400
    height: 900

    Component {
        id: mainComponent
        Main {}
    }

    // The panel itself in the test's window, so that typed keys reach its prompt.
    ConsolePanel {
        id: panel
        width: 800
        height: 400
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
    function nodeRow(name) {
        for (let i = 0; i < App.nodes.count; ++i) {
            const index = App.nodes.index(i, 0)
            if (App.nodes.data(index, Qt.UserRole + 1) === name)
                return { unschedulable: App.nodes.data(index, Qt.UserRole + 5), taints: App.nodes.data(index, Qt.UserRole + 6) }
        }
        return null
    }

    function typeLine(text) {
        const prompt = panel.prompt
        prompt.forceActiveFocus()
        verify(prompt.activeFocus)
        for (const c of text) keyClick(c)
        keyClick(Qt.Key_Return)
    }

    function test_consoleTabInSidePanel() {
        const window = createTemporaryObject(mainComponent, null)
        const tabs = findByName(window.contentItem, "sideTabs")
        verify(tabs)
        tabs.currentIndex = tabs.count - 1
        const shown = findByName(window.contentItem, "console")
        verify(shown)
        tryVerify(() => shown.visible)
        verify(findByName(shown, "consolePrompt"))
    }

    function test_taintFromTheConsole() {
        const prompt = panel.prompt
        compare(nodeRow("node-a1").taints.length, 0)
        typeLine("kubectl taint nodes node-a1 dedicated=gpu:NoSchedule")
        compare(prompt.text, "")
        const taints = nodeRow("node-a1").taints
        compare(taints.length, 1)
        compare(taints[0].key, "dedicated")
        compare(taints[0].value, "gpu")
        compare(taints[0].effect, "NoSchedule")
        const output = findByName(panel, "consoleOutput")
        verify(output.text.indexOf("$ kubectl taint nodes node-a1 dedicated=gpu:NoSchedule\nnode/node-a1 tainted\n") >= 0)

        // Up recalls the command; removing the taint with `key-` empties the list again.
        keyClick(Qt.Key_Up)
        compare(prompt.text, "kubectl taint nodes node-a1 dedicated=gpu:NoSchedule")
        prompt.text = ""
        typeLine("taint nodes node-a1 dedicated-")
        compare(nodeRow("node-a1").taints.length, 0)
        verify(output.text.indexOf("node/node-a1 untainted\n") >= 0)

        // Errors are shown as kubectl prints them and change nothing.
        typeLine("cordon nope")
        verify(output.text.indexOf("Error from server (NotFound): nodes \"nope\" not found\n") >= 0)
    }

    function test_editSurvivesSteppingBack() {
        verify(App.stepForward())
        verify(App.stepForward())
        let edited = 0
        const counter = function() { edited++ }
        App.clusterEdited.connect(counter)
        typeLine("cordon node-b1")
        App.clusterEdited.disconnect(counter)
        compare(edited, 1)
        verify(nodeRow("node-b1").unschedulable)
        const at = App.position
        verify(App.stepForward())
        verify(nodeRow("node-b1").unschedulable)
        // Back before the edit: the node is schedulable again; forward to it: cordoned again.
        verify(App.goToStep(at - 1))
        verify(!nodeRow("node-b1").unschedulable)
        verify(App.goToStep(at + 1))
        verify(nodeRow("node-b1").unschedulable)
        verify(App.goToStep(at))
        verify(nodeRow("node-b1").unschedulable)
    }
}
