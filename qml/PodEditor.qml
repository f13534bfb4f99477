import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The Inspector's form for a pod: nodeSelector, node affinity, pod affinity and anti-affinity,
// tolerations, priority class and container requests. It edits a draft (App.inspector.podDraft);
// every change is validated by the codec at once and shown in the what-if breakdown. Apply
// re-creates the pod (kubectl replace --force): a pod's spec cannot change in place.
ColumnLayout {
    id: form
    spacing: Theme.spacing / 2
    readonly property var inspector: App.inspector
    readonly property var draft: inspector.podDraft
    readonly property var spec: draft && draft.spec ? draft.spec : ({})

    // Copies the draft, lets `change(spec, pod)` edit the copy, and hands it back.
    function edit(change) {
        const d = JSON.parse(JSON.stringify(form.inspector.podDraft))
        if (!d.spec) d.spec = {}
        change(d.spec, d)
        form.inspector.setPodDraft(d)
    }
    // Creates the objects on a path (["affinity", "nodeAffinity"]) and returns the last.
    function ensure(obj, keys) {
        let o = obj
        for (let i = 0; i < keys.length; ++i) {
            if (o[keys[i]] === undefined || o[keys[i]] === null) o[keys[i]] = {}
            o = o[keys[i]]
        }
        return o
    }
    function get(obj, keys) {
        let o = obj
        for (let i = 0; i < keys.length && o !== undefined && o !== null; ++i) o = o[keys[i]]
        return o === null ? undefined : o
    }
    // Removes empty objects and lists along a path, deepest first, so that removing the last
    // term also removes the affinity that held it.
    function prune(obj, keys) {
        for (let n = keys.length; n > 0; --n) {
            const parentObj = n === 1 ? obj : get(obj, keys.slice(0, n - 1))
            if (!parentObj) continue
            const v = parentObj[keys[n - 1]]
            const empty = v === undefined || v === null || (Array.isArray(v) ? v.length === 0
                          : typeof v === "object" && Object.keys(v).length === 0)
            if (empty) delete parentObj[keys[n - 1]]
        }
    }
    function weightText(path) {
        const holder = get(spec, path)
        return holder && holder.weight !== undefined ? String(holder.weight) : ""
    }
    function splitList(text) {
        return text.split(",").map(s => s.trim()).filter(s => s !== "")
    }
    function labelsText(map) {
        if (!map) return ""
        return Object.keys(map).map(k => k + "=" + map[k]).join(",")
    }
    function parseLabels(text) {
        const out = {}
        splitList(text).forEach(p => {
            const eq = p.indexOf("=")
            if (eq < 0) out[p] = ""
            else out[p.substring(0, eq).trim()] = p.substring(eq + 1).trim()
        })
        return out
    }
    // A number when the text is one, else the text (the codec names the field that is wrong).
    function numberOrText(text) {
        return /^-?[0-9]+$/.test(text.trim()) ? parseInt(text, 10) : text
    }

    readonly property var nodeAffinityPath: ["affinity", "nodeAffinity"]
    readonly property var requiredTermsPath: ["affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"]
    readonly property var preferredNodePath: ["affinity", "nodeAffinity", "preferredDuringSchedulingIgnoredDuringExecution"]

    Text {
        objectName: "recreateNote"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
        text: qsTr("A pod's spec cannot be changed in place. Apply deletes this pod and creates it again "
                   + "(kubectl replace --force): the new pod has no node, so the scheduler places it again.")
    }

    // ---- nodeSelector ----
    InspectorSection {
        title: "nodeSelector"
        Repeater {
            model: form.spec.nodeSelector ? Object.keys(form.spec.nodeSelector) : []
            delegate: RowLayout {
                required property string modelData
                Layout.fillWidth: true
                spacing: 4
                Text { text: modelData + " ="; color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                InspectorField {
                    Layout.fillWidth: true
                    value: form.spec.nodeSelector ? (form.spec.nodeSelector[modelData] || "") : ""
                    onTextEdited: { const k = modelData; const t = text; form.edit(s => s.nodeSelector[k] = t) }
                }
                SmallButton {
                    text: "✕"
                    onClicked: { const k = modelData; form.edit(s => { delete s.nodeSelector[k]; form.prune(s, ["nodeSelector"]) }) }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            InspectorField { id: selKey; objectName: "newSelectorKey"; Layout.fillWidth: true; placeholderText: qsTr("key") }
            InspectorField { id: selValue; objectName: "newSelectorValue"; Layout.fillWidth: true; placeholderText: qsTr("value") }
            SmallButton {
                objectName: "addSelector"
                text: qsTr("Add")
                enabled: selKey.text !== ""
                onClicked: {
                    const k = selKey.text, v = selValue.text
                    form.edit(s => form.ensure(s, ["nodeSelector"])[k] = v)
                    selKey.text = ""; selValue.text = ""
                }
            }
        }
        InspectorErrors { prefix: "spec.nodeSelector"; Layout.fillWidth: true }
    }

    // ---- tolerations ----
    InspectorSection {
        title: qsTr("Tolerations")
        Repeater {
            objectName: "tolerations"
            model: form.spec.tolerations ? form.spec.tolerations.length : 0
            delegate: Rectangle {
                id: tolBox
                required property int index
                readonly property var tol: form.spec.tolerations && form.spec.tolerations[index] ? form.spec.tolerations[index] : ({})
                Layout.fillWidth: true
                implicitHeight: tolGrid.implicitHeight + 8
                color: "transparent"
                border.color: Theme.border
                radius: 3
                function set(field, value) {
                    const i = index
                    form.edit(s => {
                        if (value === "" || value === undefined) delete s.tolerations[i][field]
                        else s.tolerations[i][field] = value
                    })
                }
                GridLayout {
                    id: tolGrid
                    anchors.fill: parent
                    anchors.margins: 4
                    columns: 3
                    columnSpacing: 4
                    rowSpacing: 3
                    InspectorField {
                        objectName: "tolerationKey" + tolBox.index
                        Layout.fillWidth: true
                        placeholderText: qsTr("key")
                        value: tolBox.tol.key || ""
                        onTextEdited: tolBox.set("key", text)
                    }
                    SmallCombo {
                        objectName: "tolerationOperator" + tolBox.index
                        Layout.preferredWidth: 80 * Theme.scale
                        model: ["Equal", "Exists"]
                        value: tolBox.tol.operator || "Equal"
                        onPicked: (v) => tolBox.set("operator", v)
                    }
                    InspectorField {
                        objectName: "tolerationValue" + tolBox.index
                        Layout.fillWidth: true
                        placeholderText: qsTr("value")
                        value: tolBox.tol.value || ""
                        onTextEdited: tolBox.set("value", text)
                    }
                    SmallCombo {
                        objectName: "tolerationEffect" + tolBox.index
                        Layout.fillWidth: true
                        model: ["", "NoSchedule", "PreferNoSchedule", "NoExecute"]
                        emptyText: qsTr("(all effects)")
                        value: tolBox.tol.effect || ""
                        onPicked: (v) => tolBox.set("effect", v)
                    }
                    InspectorField {
                        objectName: "tolerationSeconds" + tolBox.index
                        Layout.fillWidth: true
                        placeholderText: "tolerationSeconds"
                        value: tolBox.tol.tolerationSeconds === undefined ? "" : String(tolBox.tol.tolerationSeconds)
                        onTextEdited: tolBox.set("tolerationSeconds", text === "" ? "" : form.numberOrText(text))
                    }
                    SmallButton {
                        objectName: "removeToleration" + tolBox.index
                        text: "✕"
                        onClicked: { const i = tolBox.index; form.edit(s => { s.tolerations.splice(i, 1); form.prune(s, ["tolerations"]) }) }
                    }
                    InspectorErrors {
                        Layout.columnSpan: 3
                        Layout.fillWidth: true
                        prefix: "spec.tolerations[" + tolBox.index + "]"
                    }
                }
            }
        }
        SmallButton {
            objectName: "addToleration"
            text: qsTr("Add toleration")
            onClicked: form.edit(s => {
                if (!s.tolerations) s.tolerations = []
                s.tolerations.push({ key: "", operator: "Equal", value: "", effect: "NoSchedule" })
            })
        }
    }

    // ---- node affinity ----
    InspectorSection {
        title: qsTr("Node affinity")
        Text { text: qsTr("required (any term matches)"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
        Repeater {
            model: { const t = form.get(form.spec, form.requiredTermsPath); return t ? t.length : 0 }
            delegate: NodeSelectorTermEditor {
                required property int index
                Layout.fillWidth: true
                owner: form
                objectName: "requiredNodeTerm" + index
                termPath: form.requiredTermsPath.concat([index])
                errorPrefix: "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[" + index + "]"
                onRemoveTerm: {
                    const i = index
                    form.edit(s => {
                        form.get(s, form.requiredTermsPath).splice(i, 1)
                        form.prune(s, form.requiredTermsPath)
                        form.prune(s, form.nodeAffinityPath.concat(["requiredDuringSchedulingIgnoredDuringExecution"]))
                    })
                }
            }
        }
        SmallButton {
            objectName: "addRequiredNodeTerm"
            text: qsTr("Add required term")
            onClicked: form.edit(s => {
                const na = form.ensure(s, form.nodeAffinityPath)
                const req = form.ensure(na, ["requiredDuringSchedulingIgnoredDuringExecution"])
                if (!req.nodeSelectorTerms) req.nodeSelectorTerms = []
                req.nodeSelectorTerms.push({ matchExpressions: [{ key: "", operator: "In", values: [] }] })
            })
        }
        Text { text: qsTr("preferred (weights add to the score)"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
        Repeater {
            model: { const t = form.get(form.spec, form.preferredNodePath); return t ? t.length : 0 }
            delegate: NodeSelectorTermEditor {
                required property int index
                Layout.fillWidth: true
                owner: form
                objectName: "preferredNodeTerm" + index
                termPath: form.preferredNodePath.concat([index, "preference"])
                weightPath: form.preferredNodePath.concat([index])
                errorPrefix: "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[" + index + "]"
                onRemoveTerm: {
                    const i = index
                    form.edit(s => {
                        form.get(s, form.preferredNodePath).splice(i, 1)
                        form.prune(s, form.preferredNodePath)
                    })
                }
            }
        }
        SmallButton {
            objectName: "addPreferredNodeTerm"
            text: qsTr("Add preferred term")
            onClicked: form.edit(s => {
                const na = form.ensure(s, form.nodeAffinityPath)
                if (!na.preferredDuringSchedulingIgnoredDuringExecution) na.preferredDuringSchedulingIgnoredDuringExecution = []
                na.preferredDuringSchedulingIgnoredDuringExecution.push(
                    { weight: 1, preference: { matchExpressions: [{ key: "", operator: "In", values: [] }] } })
            })
        }
    }

    // ---- pod affinity and anti-affinity ----
    Repeater {
        model: [{ key: "podAffinity", title: qsTr("Pod affinity") },
                { key: "podAntiAffinity", title: qsTr("Pod anti-affinity") }]
        delegate: InspectorSection {
            id: affinitySection
            required property var modelData
            title: modelData.title
            readonly property var requiredPath: ["affinity", modelData.key, "requiredDuringSchedulingIgnoredDuringExecution"]
            readonly property var preferredPath: ["affinity", modelData.key, "preferredDuringSchedulingIgnoredDuringExecution"]
            Repeater {
                model: { const t = form.get(form.spec, affinitySection.requiredPath); return t ? t.length : 0 }
                delegate: PodAffinityTermEditor {
                    required property int index
                    objectName: affinitySection.modelData.key + ".required" + index
                    Layout.fillWidth: true
                    owner: form
                    termPath: affinitySection.requiredPath.concat([index])
                    errorPrefix: "spec.affinity." + affinitySection.modelData.key + ".requiredDuringSchedulingIgnoredDuringExecution[" + index + "]"
                    onRemoveTerm: {
                        const i = index, p = affinitySection.requiredPath
                        form.edit(s => { form.get(s, p).splice(i, 1); form.prune(s, p) })
                    }
                }
            }
            Repeater {
                model: { const t = form.get(form.spec, affinitySection.preferredPath); return t ? t.length : 0 }
                delegate: PodAffinityTermEditor {
                    required property int index
                    Layout.fillWidth: true
                    owner: form
                    weightPath: affinitySection.preferredPath.concat([index])
                    termPath: affinitySection.preferredPath.concat([index, "podAffinityTerm"])
                    errorPrefix: "spec.affinity." + affinitySection.modelData.key + ".preferredDuringSchedulingIgnoredDuringExecution[" + index + "]"
                    onRemoveTerm: {
                        const i = index, p = affinitySection.preferredPath
                        form.edit(s => { form.get(s, p).splice(i, 1); form.prune(s, p) })
                    }
                }
            }
            RowLayout {
                spacing: 4
                SmallButton {
                    objectName: "addRequired:" + affinitySection.modelData.key
                    text: qsTr("Add required")
                    onClicked: form.edit(s => {
                        const a = form.ensure(s, ["affinity", affinitySection.modelData.key])
                        if (!a.requiredDuringSchedulingIgnoredDuringExecution) a.requiredDuringSchedulingIgnoredDuringExecution = []
                        a.requiredDuringSchedulingIgnoredDuringExecution.push(
                            { labelSelector: { matchLabels: {} }, topologyKey: "kubernetes.io/hostname" })
                    })
                }
                SmallButton {
                    objectName: "addPreferred:" + affinitySection.modelData.key
                    text: qsTr("Add preferred")
                    onClicked: form.edit(s => {
                        const a = form.ensure(s, ["affinity", affinitySection.modelData.key])
                        if (!a.preferredDuringSchedulingIgnoredDuringExecution) a.preferredDuringSchedulingIgnoredDuringExecution = []
                        a.preferredDuringSchedulingIgnoredDuringExecution.push(
                            { weight: 1, podAffinityTerm: { labelSelector: { matchLabels: {} }, topologyKey: "kubernetes.io/hostname" } })
                    })
                }
            }
        }
    }

    // ---- priority ----
    InspectorSection {
        title: qsTr("Priority class")
        SmallCombo {
            objectName: "priorityClass"
            Layout.fillWidth: true
            model: [""].concat(form.inspector.priorityClasses)
            emptyText: qsTr("(none)")
            value: form.spec.priorityClassName || ""
            // The priority admission plugin fills spec.priority from the class: a re-created
            // pod must not carry the old number.
            onPicked: (v) => form.edit(s => {
                if (v === "") delete s.priorityClassName
                else s.priorityClassName = v
                delete s.priority
                delete s.preemptionPolicy
            })
        }
        InspectorErrors { prefix: "spec.priorityClassName"; Layout.fillWidth: true }
    }

    // ---- requests ----
    InspectorSection {
        title: qsTr("Container requests")
        Repeater {
            model: form.spec.containers ? form.spec.containers.length : 0
            delegate: ColumnLayout {
                id: containerRow
                required property int index
                readonly property var container: form.spec.containers[index] || ({})
                readonly property var requests: container.resources && container.resources.requests ? container.resources.requests : ({})
                Layout.fillWidth: true
                spacing: 2
                function setRequest(name, value) {
                    const i = index
                    form.edit(s => {
                        const req = form.ensure(s.containers[i], ["resources", "requests"])
                        if (value === "") delete req[name]
                        else req[name] = value
                        form.prune(s.containers[i], ["resources", "requests"])
                    })
                }
                RowLayout {
                    spacing: 4
                    Text {
                        text: containerRow.container.name || ""
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                        Layout.preferredWidth: 70 * Theme.scale
                        elide: Text.ElideRight
                    }
                    Text { text: "cpu"; color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    InspectorField {
                        objectName: "requestCpu" + containerRow.index
                        Layout.fillWidth: true
                        value: containerRow.requests.cpu === undefined ? "" : String(containerRow.requests.cpu)
                        onTextEdited: containerRow.setRequest("cpu", text)
                    }
                    Text { text: qsTr("memory"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    InspectorField {
                        objectName: "requestMemory" + containerRow.index
                        Layout.fillWidth: true
                        value: containerRow.requests.memory === undefined ? "" : String(containerRow.requests.memory)
                        onTextEdited: containerRow.setRequest("memory", text)
                    }
                }
                InspectorErrors { prefix: "spec.containers[" + containerRow.index + "].resources"; Layout.fillWidth: true }
            }
        }
    }

    // Errors no field above shows (the whole object, or fields the form does not edit).
    InspectorErrors {
        id: otherErrors
        Layout.fillWidth: true
        prefix: ""
        readonly property var shownPrefixes: ["spec.nodeSelector", "spec.tolerations", "spec.affinity",
                                              "spec.priorityClassName", "spec.containers"]
        matching: {
            const out = []
            const all = form.inspector.formErrors
            for (let i = 0; i < all.length; ++i) {
                const p = all[i].path
                if (!shownPrefixes.some(s => p.startsWith(s) && (s !== "spec.containers" || p.indexOf(".resources") >= 0)))
                    out.push(all[i].text)
            }
            return out
        }
    }

    RowLayout {
        spacing: Theme.spacing / 2
        Button {
            objectName: "applyPod"
            text: qsTr("Apply (re-create pod)")
            font.pixelSize: Theme.fontSmall
            enabled: form.inspector.draftDirty && form.inspector.formErrors.length === 0
            onClicked: form.inspector.applyPodDraft()
        }
        Button {
            objectName: "resetPod"
            text: qsTr("Reset")
            font.pixelSize: Theme.fontSmall
            enabled: form.inspector.draftDirty
            onClicked: form.inspector.resetPodDraft()
        }
    }
    Text {
        visible: form.inspector.commandError !== ""
        Layout.fillWidth: true
        text: form.inspector.commandError
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
        font.family: "monospace"
        wrapMode: Text.Wrap
    }

    WhatIfView { Layout.fillWidth: true; Layout.topMargin: Theme.spacing }
}
