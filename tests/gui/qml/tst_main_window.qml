import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Shapes
import QtQuick.Window
import QtQuick.Dialogs
import Qt.labs.folderlistmodel
import QtTest
import KubeStage.Core
import KubeStage.Ui

// The main window shows the default scenario: three node cards and every pod.
// Importing every module the app uses makes a missing runtime package fail here.
TestCase {
    name: "MainWindow"
    when: windowShown
    visible: true
    width: 1200
    height: 800

    Component {
        id: mainComponent
        Main {}
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

    function test_defaultScenarioIsShown() {
        compare(App.nodes.count, 3)
        compare(App.pods.count, 5)
        compare(App.pods.pendingCount, 3)
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        tryVerify(() => window.visible)
        const flow = findByName(window.contentItem, "nodeFlow")
        verify(flow, "node flow exists")
        // One NodeCard per node (the Repeater is a child too).
        tryVerify(() => flow.children.length === 4, 2000, "three node cards and the Repeater")
        compare(flow.children[0].name, "node-a1")
        compare(flow.children[2].taints.length, 1)
        compare(flow.children[2].taints[0].effect, "NoSchedule")
    }

    function test_brokenScenarioKeepsTheWorkingOne() {
        verify(!App.loadScenario(["/nonexistent/cluster.yaml"]))
        verify(App.loadErrors.length > 0)
        compare(App.nodes.count, 3, "the previous cluster is kept")
    }
}
