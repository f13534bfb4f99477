import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// One pod (anti-)affinity term: labelSelector.matchLabels (k=v,...), topologyKey and namespaces,
// with the weight when it is a preferred term. Edits go through the PodEditor `owner`.
Rectangle {
    id: term
    property var owner
    property var termPath: []      // the PodAffinityTerm in spec
    property var weightPath: null  // the WeightedPodAffinityTerm holding it, when preferred
    property string errorPrefix: ""
    signal removeTerm()
    readonly property var value: owner.get(owner.spec, termPath) || ({})
    Layout.fillWidth: true
    implicitHeight: grid.implicitHeight + 8
    color: "transparent"
    border.color: Theme.border
    radius: 3

    function set(change) {
        const p = term.termPath
        term.owner.edit(s => change(term.owner.get(s, p)))
    }

    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.margins: 4
        columns: 2
        columnSpacing: 4
        rowSpacing: 3
        Text { visible: term.weightPath !== null; text: qsTr("weight"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
        InspectorField {
            visible: term.weightPath !== null
            Layout.preferredWidth: 50 * Theme.scale
            value: term.weightPath ? term.owner.weightText(term.weightPath) : ""
            onTextEdited: {
                const p = term.weightPath, t = text
                term.owner.edit(s => term.owner.get(s, p).weight = term.owner.numberOrText(t))
            }
        }
        Text { text: "matchLabels"; color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
        InspectorField {
            objectName: term.objectName + ".matchLabels"
            Layout.fillWidth: true
            placeholderText: "app=web,tier=front"
            value: term.owner.labelsText(term.value.labelSelector ? term.value.labelSelector.matchLabels : null)
            onTextEdited: { const t = text; term.set(v => { if (!v.labelSelector) v.labelSelector = {}; v.labelSelector.matchLabels = term.owner.parseLabels(t) }) }
        }
        Text { text: "topologyKey"; color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
        InspectorField {
            objectName: term.objectName + ".topologyKey"
            Layout.fillWidth: true
            value: term.value.topologyKey || ""
            onTextEdited: { const t = text; term.set(v => v.topologyKey = t) }
        }
        Text { text: "namespaces"; color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
        InspectorField {
            Layout.fillWidth: true
            placeholderText: qsTr("the pod's own namespace")
            value: (term.value.namespaces || []).join(",")
            onTextEdited: {
                const t = text
                term.set(v => { const l = term.owner.splitList(t); if (l.length) v.namespaces = l; else delete v.namespaces })
            }
        }
        SmallButton { Layout.columnSpan: 2; text: qsTr("Remove term"); onClicked: term.removeTerm() }
        InspectorErrors { Layout.columnSpan: 2; prefix: term.errorPrefix; Layout.fillWidth: true }
    }
}
