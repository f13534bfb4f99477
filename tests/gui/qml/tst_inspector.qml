import QtQuick
import QtQuick.Controls
import QtTest
import KubeStage.Core
import KubeStage.Ui

// The Inspector on the real window: selecting (node card, Pods list row, Escape, empty canvas),
// a taint added through the node form reaches the store and undo takes it back, a toleration
// typed into a pending pod's form changes the what-if breakdown before anything is applied and
// Apply re-creates the pod, which the scheduler then places; a broken YAML document lists its
// errors at line and column, marks the line and changes nothing.
TestCase {
    id: test
    name: "Inspector"
    when: windowShown
    visible: true
    width: 1600
    height: 1000

    Component {
        id: mainComponent
        Main { width: 1600; height: 1000 }
    }

    function init() {
        verify(App.loadDefaultScenario())
        App.playing = false
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

    // NodeListModel roles: Qt.UserRole + 1 is the name, + 5 unschedulable, + 6 the taints.
    function taintsOf(name) {
        for (let i = 0; i < App.nodes.count; ++i) {
            const index = App.nodes.index(i, 0)
            if (App.nodes.data(index, Qt.UserRole + 1) === name) {
                const taints = App.nodes.data(index, Qt.UserRole + 6)
                const out = []
                for (let t = 0; t < taints.length; ++t) out.push(taints[t].key + "=" + taints[t].value + ":" + taints[t].effect)
                return out.join(",")
            }
        }
        return null
    }
    // PodListModel roles: Qt.UserRole + 1 the name, + 4 the node.
    function nodeOfPod(name) {
        for (let i = 0; i < App.pods.count; ++i) {
            const index = App.pods.index(i, 0)
            if (App.pods.data(index, Qt.UserRole + 1) === name) return App.pods.data(index, Qt.UserRole + 4)
        }
        return null
    }

    function typeInto(field, text) {
        verify(field, "field")
        field.forceActiveFocus()
        verify(field.activeFocus)
        for (const c of text) keyClick(c)
    }

    function test_selectNodeAndTaintIt() {
        const window = createTemporaryObject(mainComponent, null)
        window.requestActivate()
        tryVerify(() => window.active)
        const card = findByName(window.contentItem, "node:node-a1")
        verify(card)
        mouseClick(card, card.width - 20, 12)
        compare(App.selection.kind, "Node")
        compare(App.selection.name, "node-a1")
        verify(card.selected)
        compare(findByName(window.contentItem, "sidePanel").currentIndex, 4, "the Inspector tab opens")
        const panel = findByName(window.contentItem, "inspectorPanel")
        tryVerify(() => panel.visible)
        compare(App.inspector.name, "node-a1")

        // The taint being typed is validated and previewed; Add runs `kubectl taint`.
        compare(taintsOf("node-a1"), "")
        typeInto(findByName(panel, "newTaintKey"), "lab")
        typeInto(findByName(panel, "newTaintValue"), "demo")
        compare(App.inspector.formErrors.length, 0)
        compare(taintsOf("node-a1"), "", "nothing applied while typing")
        mouseClick(findByName(panel, "addTaint"))
        compare(taintsOf("node-a1"), "lab=demo:NoSchedule")
        verify(App.canUndo)
        compare(findByName(panel, "newTaintKey").text, "", "the add row is cleared")

        // An invalid key is refused next to the field, and what was typed stays.
        typeInto(findByName(panel, "newTaintKey"), "bad key")
        tryVerify(() => App.inspector.formErrors.length > 0)
        const error = App.inspector.formErrors[0]
        verify(error.path.startsWith("spec.taints"), error.path)
        verify(/^node-node-a1\.yaml:\d+:\d+: spec\.taints\[1\]\.key: /.test(error.text), error.text)
        mouseClick(findByName(panel, "addTaint"))
        compare(taintsOf("node-a1"), "lab=demo:NoSchedule")
        compare(findByName(panel, "newTaintKey").text, "bad key")

        // Undo takes the taint back; a label and cordon go through the form too.
        verify(App.undo())
        compare(taintsOf("node-a1"), "")
        findByName(panel, "newTaintKey").text = ""
        typeInto(findByName(panel, "newLabelKey"), "tier")
        typeInto(findByName(panel, "newLabelValue"), "gold")
        mouseClick(findByName(panel, "addLabel"))
        verify(App.inspector.labels.some(l => l.key === "tier" && l.value === "gold"))
        mouseClick(findByName(panel, "cordon"))
        verify(App.inspector.unschedulable)
        verify(App.undo())
        verify(!App.inspector.unschedulable)

        // Escape lets go; so does a click on empty canvas.
        keyClick(Qt.Key_Escape)
        compare(App.selection.kind, undefined)
        verify(!card.selected)
        mouseClick(card, card.width - 20, 12)
        compare(App.selection.name, "node-a1")
        const background = findByName(window.contentItem, "canvasBackground")
        const canvas = findByName(window.contentItem, "canvas")
        mouseClick(canvas, canvas.width - 30, canvas.height - 30)
        compare(App.selection.kind, undefined)
    }

    function test_podTolerationWhatIf() {
        const window = createTemporaryObject(mainComponent, null)
        window.requestActivate()
        tryVerify(() => window.active)
        const side = findByName(window.contentItem, "sidePanel")
        side.currentIndex = 3
        const list = findByName(window.contentItem, "pods")
        tryVerify(() => list.visible)
        const chip = findByName(list, "pod:default/trainer")
        verify(chip)
        tryVerify(() => chip.width > 0 && chip.visible)
        mouseClick(chip)
        compare(App.selection.kind, "Pod")
        compare(App.selection.name, "trainer")
        compare(side.currentIndex, 4)
        const panel = findByName(window.contentItem, "inspectorPanel")
        verify(findByName(panel, "recreateNote").visible)

        // Before: the only node with a GPU is tainted.
        tryCompare(App.inspector, "whatIfPending", false)
        compare(App.inspector.whatIfPod, "default/trainer")
        compare(App.inspector.whatIfWinner, "")
        verify(App.inspector.whatIfMessage.indexOf("node(s) had untolerated taint {dedicated: gpu}") >= 0,
               App.inspector.whatIfMessage)
        const c1 = App.inspector.whatIf.find(r => r.node === "node-c1")
        verify(!c1.feasible)
        compare(c1.plugin, "TaintToleration")

        // A toleration typed into the form: the breakdown follows before Apply. (The pod already
        // has the not-ready and unreachable tolerations admission gives every pod; the button
        // may be below the fold, so it is pressed by its signal.)
        const before = (App.inspector.podDraft.spec.tolerations || []).length
        findByName(panel, "addToleration").clicked()
        const n = before
        tryVerify(() => findByName(panel, "tolerationKey" + n) !== null)
        typeInto(findByName(panel, "tolerationKey" + n), "dedicated")
        typeInto(findByName(panel, "tolerationValue" + n), "gpu")
        compare(App.inspector.formErrors.length, 0, JSON.stringify(App.inspector.formErrors))
        verify(App.inspector.draftDirty)
        tryCompare(App.inspector, "whatIfWinner", "node-c1")
        verify(App.inspector.whatIf.find(r => r.node === "node-c1").winner)
        verify(!App.inspector.whatIf.find(r => r.node === "node-a1").feasible)
        // Nothing reached the store.
        verify(App.inspector.yaml.indexOf("key: dedicated") < 0)
        compare(nodeOfPod("trainer"), "")
        verify(!App.canUndo)

        // A wrong tolerationSeconds is shown at the field and blocks Apply.
        typeInto(findByName(panel, "tolerationSeconds" + n), "x")
        tryVerify(() => App.inspector.formErrors.length > 0)
        verify(App.inspector.formErrors[0].path.startsWith("spec.tolerations[" + n + "]"), App.inspector.formErrors[0].text)
        verify(!findByName(panel, "applyPod").enabled)
        keyClick(Qt.Key_Backspace)
        tryVerify(() => App.inspector.formErrors.length === 0, 5000, "the error goes with the text")

        // Apply re-creates the pod without a node; the scheduler places it on node-c1.
        const apply = findByName(panel, "applyPod")
        verify(apply.enabled)
        mouseClick(apply)
        verify(App.canUndo)
        verify(App.inspector.yaml.indexOf("key: dedicated") >= 0)
        for (let i = 0; i < 40 && nodeOfPod("trainer") !== "node-c1"; ++i) App.stepForward()
        compare(nodeOfPod("trainer"), "node-c1")
        verify(App.undo())
        verify(App.inspector.yaml.indexOf("key: dedicated") < 0)
    }

    function test_nodeEditPreviewsLastPod() {
        const window = createTemporaryObject(mainComponent, null)
        App.select("Pod", "default", "web-1")
        App.select("Node", "", "node-c1")
        App.inspector.recomputeWhatIf()
        compare(App.inspector.whatIfPod, "default/web-1")
        verify(!App.inspector.whatIf.find(r => r.node === "node-c1").feasible)
        // Removing the taint in the draft would make node-c1 feasible: preview a label instead,
        // and a taint on a free node makes it infeasible.
        App.select("Node", "", "node-b1")
        App.inspector.previewNode({ taintKey: "maint", taintValue: "", taintEffect: "NoExecute" })
        App.inspector.recomputeWhatIf()
        const b1 = App.inspector.whatIf.find(r => r.node === "node-b1")
        verify(!b1.feasible)
        compare(b1.reason, "node(s) had untolerated taint {maint: }")
        compare(taintsOf("node-b1"), "")
    }

    function test_yamlErrors() {
        const window = createTemporaryObject(mainComponent, null)
        window.requestActivate()
        tryVerify(() => window.active)
        App.select("Node", "", "node-b1")
        const panel = findByName(window.contentItem, "inspectorPanel")
        tryVerify(() => panel.visible)
        panel.tabs.currentIndex = 1
        const editor = findByName(panel, "yamlEditor")
        tryVerify(() => editor.visible)
        verify(editor.text.indexOf("name: node-b1") >= 0)
        const highlighter = panel.yamlTab.highlighter
        verify(highlighter)
        compare(highlighter.formatAt(1, 0), "key")    // apiVersion
        compare(highlighter.formatAt(1, 12), "")      // v1

        editor.text = "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-b1\nspec:\n  taints:\n  - key: x\n    effect: Sometimes\n"
        mouseClick(findByName(panel, "yamlApply"))
        verify(App.inspector.yamlErrors.length >= 1)
        const e = App.inspector.yamlErrors[0]
        compare(e.line, 8)
        verify(e.text.startsWith("8:" + e.column + ": spec.taints[0].effect: Unsupported value: \"Sometimes\""), e.text)
        compare(taintsOf("node-b1"), "", "the store is unchanged")
        verify(!App.canUndo)
        verify(highlighter.errorLines.indexOf(8) >= 0)
        compare(editor.text.indexOf("Sometimes") > 0, true, "the text stays as typed")
        const errorText = findByName(panel, "yamlError0")
        waitForRendering(window.contentItem)
        mouseClick(errorText, 5, 5)
        compare(editor.cursorPosition, panel.yamlTab.offsetOf(8, e.column))

        // Fixed, it applies through the recorded edit.
        editor.text = editor.text.replace("Sometimes", "NoSchedule")
        mouseClick(findByName(panel, "yamlApply"))
        compare(App.inspector.yamlErrors.length, 0, JSON.stringify(App.inspector.yamlErrors))
        compare(taintsOf("node-b1"), "x=:NoSchedule")
        verify(App.canUndo)
        verify(App.undo())
        compare(taintsOf("node-b1"), "")
    }

    function test_nodeAffinityAndPodYaml() {
        const window = createTemporaryObject(mainComponent, null)
        window.requestActivate()
        tryVerify(() => window.active)
        App.select("Pod", "default", "web-1")
        const panel = findByName(window.contentItem, "inspectorPanel")
        tryVerify(() => panel.visible)
        App.inspector.recomputeWhatIf()
        verify(App.inspector.whatIf.find(r => r.node === "node-b1").feasible)

        // A required node affinity term typed into the form: only node-a1 has disktype=ssd.
        findByName(panel, "addRequiredNodeTerm").clicked()
        tryVerify(() => findByName(panel, "requiredNodeTerm0.key0") !== null)
        typeInto(findByName(panel, "requiredNodeTerm0.key0"), "disktype")
        typeInto(findByName(panel, "requiredNodeTerm0.values0"), "ssd")
        compare(App.inspector.formErrors.length, 0, JSON.stringify(App.inspector.formErrors))
        tryCompare(App.inspector, "whatIfPending", false)
        const term = App.inspector.podDraft.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]
        compare(JSON.stringify(term), JSON.stringify({ matchExpressions: [{ key: "disktype", operator: "In", values: ["ssd"] }] }))
        tryCompare(App.inspector, "whatIfWinner", "node-a1")
        const b1 = App.inspector.whatIf.find(r => r.node === "node-b1")
        verify(!b1.feasible)
        compare(b1.plugin, "NodeAffinity")
        compare(b1.reason, "node(s) didn't match Pod's node affinity/selector")
        App.inspector.resetPodDraft()
        verify(!App.inspector.draftDirty)

        // Pod affinity to the db pod on its host: only node-a1, where db-0 runs.
        App.inspector.recomputeWhatIf()
        verify(App.inspector.whatIf.find(r => r.node === "node-b1").feasible)
        findByName(panel, "addRequired:podAffinity").clicked()
        tryVerify(() => findByName(panel, "podAffinity.required0.matchLabels") !== null)
        typeInto(findByName(panel, "podAffinity.required0.matchLabels"), "app=db")
        compare(findByName(panel, "podAffinity.required0.topologyKey").text, "kubernetes.io/hostname")
        compare(App.inspector.formErrors.length, 0, JSON.stringify(App.inspector.formErrors))
        verify(App.inspector.whatIfPending)
        tryCompare(App.inspector, "whatIfPending", false)
        compare(App.inspector.whatIfWinner, "node-a1")
        const c1 = App.inspector.whatIf.find(r => r.node === "node-b1")
        compare(c1.plugin, "InterPodAffinity")
        compare(c1.reason, "node(s) didn't match pod affinity rules")
        App.inspector.resetPodDraft()

        // The pod's YAML, edited and applied: the pod is re-created with the new image.
        panel.tabs.currentIndex = 1
        const editor = findByName(panel, "yamlEditor")
        tryVerify(() => editor.visible)
        verify(editor.text.indexOf("image: nginx:1.27") >= 0)
        editor.text = editor.text.replace("image: nginx:1.27", "image: nginx:1.28")
        mouseClick(findByName(panel, "yamlApply"))
        compare(App.inspector.yamlErrors.length, 0, JSON.stringify(App.inspector.yamlErrors))
        verify(App.inspector.yaml.indexOf("image: nginx:1.28") >= 0)
        verify(App.canUndo)
        verify(App.undo())
        verify(App.inspector.yaml.indexOf("image: nginx:1.27") >= 0)
    }

    function test_highlighterParts() {
        const window = createTemporaryObject(mainComponent, null)
        App.select("Node", "", "node-a1")
        const panel = findByName(window.contentItem, "inspectorPanel")
        panel.tabs.currentIndex = 1
        const editor = findByName(panel, "yamlEditor")
        editor.text = "# a comment\n---\nkind: \"Node\"  # why\nreplicas: 5\nok: true\nname: web-5\n"
        const h = panel.yamlTab.highlighter
        compare(h.formatAt(1, 2), "comment")
        compare(h.formatAt(2, 0), "marker")
        compare(h.formatAt(3, 0), "key")
        compare(h.formatAt(3, 7), "string")
        compare(h.formatAt(3, 16), "comment")
        compare(h.formatAt(4, 10), "number")
        compare(h.formatAt(5, 4), "number")   // booleans share the scalar colour
        compare(h.formatAt(6, 8), "")         // web-5 is a plain string
    }

    function test_presentationHidesTheInspector() {
        const window = createTemporaryObject(mainComponent, null)
        const side = findByName(window.contentItem, "sidePanel")
        Theme.presentation = true
        App.select("Node", "", "node-a1")
        verify(!side.visible, "no lesson open: the side panel is hidden")
        compare(App.selection.name, "node-a1")
        Theme.presentation = false
        verify(side.visible)
    }
}
