import QtQuick
import QtQuick.Controls
import QtTest
import KubeStage.Core
import KubeStage.Ui

// The File menu: save and re-open (the edit is in the file, Ctrl+S writes to it again), the
// title's name and *, a broken scenario that reports FILE:LINE:COL and keeps the working
// cluster, a snapshot import, the examples, and the canvas exported as a PNG of its size.
TestCase {
    id: testCase
    name: "Files"
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

    Image {
        id: probe
        asynchronous: false
        cache: false
    }

    SignalSpy {
        id: exportSpy
        signalName: "canvasExported"
    }

    // Saved files and autosaves of this run go to a folder of their own.
    property string dir

    function initTestCase() {
        dir = Files.autosaveDirectory + "/tst_files"
        Files.autosaveDirectory = dir
        verify(Files.startSession(), "the folder is created and the session lock taken")
        verify(Files.autosaving)
        Files.discardAutosave()  // a run that was killed would have left one
    }

    function cleanupTestCase() {
        Files.endSession()
    }

    function init() {
        verify(Files.openExample(":/scenarios/default.yaml"))
        App.playing = false
    }

    function dataUrl(name) { return Qt.resolvedUrl("../../data/" + name) }

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
            if (App.nodes.data(index, Qt.UserRole + 1) === name) {
                const taints = App.nodes.data(index, Qt.UserRole + 6)
                const keys = []
                for (let t = 0; t < taints.length; ++t) keys.push(taints[t].key + "=" + taints[t].value + ":" + taints[t].effect)
                return { unschedulable: App.nodes.data(index, Qt.UserRole + 5), taints: keys.join(",") }
            }
        }
        return null
    }

    // PodListModel roles: Qt.UserRole + 1 is the name, + 4 the node.
    function podNode(name) {
        for (let i = 0; i < App.pods.count; ++i) {
            const index = App.pods.index(i, 0)
            if (App.pods.data(index, Qt.UserRole + 1) === name) return App.pods.data(index, Qt.UserRole + 4)
        }
        return undefined
    }

    function test_saveEditAndReopen() {
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        compare(window.title, "KubeStage — default")
        verify(!Files.modified)
        compare(panel.shell.run("kubectl taint nodes node-b1 lab=demo:NoSchedule"), 0)
        verify(Files.modified)
        compare(window.title, "KubeStage — default *")

        const path = dir + "/lab.yaml"
        verify(Files.saveAs(path))
        compare(Files.currentFile, path)
        verify(!Files.modified)
        compare(window.title, "KubeStage — lab.yaml")
        compare(Files.recentFiles[0], path)

        // The edit is in the file: the built-in scenario has no such taint, the saved one has.
        verify(Files.openExample(":/scenarios/default.yaml"))
        verify(node("node-b1").taints.indexOf("lab=demo:NoSchedule") < 0)
        verify(Files.open([path]))
        verify(node("node-b1").taints.indexOf("lab=demo:NoSchedule") >= 0, node("node-b1").taints)
        compare(App.nodes.count, 3)
        compare(App.pods.count, 5)
        compare(podNode("db-0"), "node-a1", "a bound pod stays bound")
        compare(podNode("web-1"), "", "a pending pod stays pending")
        compare(window.title, "KubeStage — lab.yaml")

        // Ctrl+S writes to the same file without asking.
        compare(panel.shell.run("kubectl cordon node-a1"), 0)
        compare(window.title, "KubeStage — lab.yaml *")
        window.requestActivate()
        tryVerify(() => window.active)
        keyClick(Qt.Key_S, Qt.ControlModifier)
        verify(!Files.modified)
        verify(Files.openExample(":/scenarios/default.yaml"))
        verify(!node("node-a1").unschedulable)
        verify(Files.open([path]))
        verify(node("node-a1").unschedulable, "Ctrl+S saved the cordon")
    }

    function test_scenarioWithErrorsKeepsTheWorkingOne() {
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        compare(panel.shell.run("kubectl label nodes node-c1 tier=gold"), 0)
        verify(Files.modified)
        const actions = findByName(window.contentItem, "fileActions")
        verify(actions)
        actions.openFiles([dataUrl("snapshot/broken-scenario.yaml")])
        tryVerify(() => actions.errorDialog.opened)
        verify(Files.errors.length > 0)
        verify(/broken-scenario\.yaml:15:5: spec\.containers\[0\]\.image: Required value/.test(Files.errors.join("\n")),
               Files.errors.join("\n"))
        const text = findByName(actions.errorDialog.contentItem, "fileErrorText")
        verify(text && text.text.indexOf("broken-scenario.yaml:15:5") >= 0)
        // Nothing of it replaced the working cluster or its unsaved edit.
        compare(App.nodes.count, 3)
        verify(node("lonely") === null)
        compare(App.scenarioName, "default")
        verify(Files.modified)
        actions.errorDialog.close()
    }

    function test_closingAsksAboutUnsavedEdits() {
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        const actions = findByName(window.contentItem, "fileActions")
        window.close()
        verify(!window.visible, "nothing unsaved: the window just closes")
        window.show()
        compare(panel.shell.run("kubectl label nodes node-a1 tier=gold"), 0)
        window.close()
        verify(window.visible, "unsaved edits: the window stays and asks")
        tryVerify(() => actions.closeDialog.opened)
        actions.closeDialog.reject()  // Cancel
        tryVerify(() => !actions.closeDialog.visible)
        verify(window.visible)
        window.close()
        tryVerify(() => actions.closeDialog.opened)
        actions.closeDialog.close()
        actions.closeNow()  // what Discard does
        verify(!window.visible)
    }

    function test_openingAnotherScenarioAsksAboutUnsavedEdits() {
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        const actions = findByName(window.contentItem, "fileActions")
        compare(panel.shell.run("kubectl label nodes node-a1 tier=gold"), 0)
        const example = Files.examples.find(e => e.path === ":/scenarios/preemption.yaml")
        actions.openExample(example.path)
        tryVerify(() => actions.closeDialog.opened)
        compare(App.nodes.count, 3, "nothing is replaced before the answer")
        actions.closeDialog.reject()  // Cancel
        tryVerify(() => !actions.closeDialog.visible)
        compare(App.nodes.count, 3)
        verify(Files.modified)

        actions.openExample(example.path)
        tryVerify(() => actions.closeDialog.opened)
        const discard = findByName(actions.closeDialog.footer, "discardEditsButton")
        verify(discard)
        mouseClick(discard)
        tryVerify(() => !actions.closeDialog.visible)
        compare(App.nodes.count, 2, "discarded: the example opened")
        verify(!Files.modified)
    }

    function test_importSnapshot() {
        verify(Files.importSnapshot(dataUrl("snapshot/kind-cluster.yaml")), Files.errors.join("\n"))
        compare(App.nodes.count, 2)
        compare(App.pods.count, 2)
        compare(podNode("web-6d4cf56db6-8xk2p"), "kind-worker", "the running pod stays on its node")
        compare(podNode("report"), "")
        compare(App.pods.pendingCount, 1)
        compare(Files.notice, "Imported 8 objects from kind-cluster.yaml; 1 runtime objects (Events, Leases) left out.")
        compare(Files.currentFile, "", "an import is not a scenario file yet: Save asks for a name")
        verify(Files.modified)
        compare(Files.windowTitle, "KubeStage — kind-cluster *")
        Files.notice = ""
    }

    function test_examples_data() {
        return [
            { tag: "taints-and-tolerations", nodes: 3, pods: 5 },
            { tag: "spread-over-zones", nodes: 4, pods: 6 },
            { tag: "preemption", nodes: 2, pods: 5 },
        ]
    }
    function test_examples(data) {
        const example = Files.examples.find(e => e.path === ":/scenarios/" + data.tag + ".yaml")
        verify(example, "listed in the menu")
        verify(example.title.length > 0 && example.description.length > 0)
        App.lesson.browserOpen = true
        verify(Files.openExample(example.path), Files.errors.join("\n"))
        verify(!App.lesson.browserOpen, "the lesson browser gives way to what was opened")
        compare(App.nodes.count, data.nodes)
        compare(App.pods.count, data.pods)
        compare(Files.currentFile, "", "built in: Save as asks where to write")
        verify(!Files.modified)
    }

    function test_fileMenuLists() {
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        const button = findByName(window.header, "fileMenuButton")
        verify(button)
        mouseClick(button)
        const fileMenu = button.menu
        verify(fileMenu)
        tryVerify(() => fileMenu.opened)
        const names = []
        for (let i = 0; i < fileMenu.count; ++i) {
            const item = fileMenu.itemAt(i)
            names.push(item.objectName || (item.subMenu ? item.subMenu.objectName : ""))
        }
        for (const expected of ["fileOpen", "fileExamples", "fileRecent", "fileImport", "fileSave", "fileSaveAs", "fileExport"])
            verify(names.indexOf(expected) >= 0, expected + " in " + names.join(","))
        let examples = null
        for (let i = 0; i < fileMenu.count; ++i)
            if (fileMenu.itemAt(i).subMenu && fileMenu.itemAt(i).subMenu.objectName === "fileExamples") examples = fileMenu.itemAt(i).subMenu
        verify(examples)
        compare(examples.count, Files.examples.length)
        fileMenu.close()
    }

    function test_exportCanvas() {
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        const actions = findByName(window.contentItem, "fileActions")
        const canvas = findByName(window.contentItem, "canvas")
        verify(actions && canvas)
        tryVerify(() => canvas.width > 0 && canvas.height > 0)
        exportSpy.target = actions
        exportSpy.clear()
        const path = dir + "/canvas.png"
        verify(actions.exportCanvasTo(path))
        exportSpy.wait(5000)
        compare(exportSpy.signalArguments[0][0], path)
        compare(exportSpy.signalArguments[0][1], true)
        probe.source = "file://" + path
        compare(probe.status, Image.Ready)
        compare(probe.implicitWidth, Math.round(canvas.width))
        compare(probe.implicitHeight, Math.round(canvas.height))
    }
}
