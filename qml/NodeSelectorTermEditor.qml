import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// One node selector term of a pod's node affinity (matchExpressions: key, operator, values),
// with the weight when it is a preferred term. Edits go through the PodEditor `owner`.
Rectangle {
    id: term
    property var owner
    property var termPath: []      // the NodeSelectorTerm in spec
    property var weightPath: null  // the PreferredSchedulingTerm holding it, when preferred
    property string errorPrefix: ""
    signal removeTerm()
    readonly property var value: owner.get(owner.spec, termPath) || ({})
    readonly property var expressions: value.matchExpressions || []
    Layout.fillWidth: true
    implicitHeight: column.implicitHeight + 8
    color: "transparent"
    border.color: Theme.border
    radius: 3

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 4
        spacing: 3
        RowLayout {
            spacing: 4
            visible: term.weightPath !== null
            Text { text: qsTr("weight"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
            InspectorField {
                Layout.preferredWidth: 50 * Theme.scale
                value: term.weightPath ? term.owner.weightText(term.weightPath) : ""
                onTextEdited: {
                    const p = term.weightPath, t = text
                    term.owner.edit(s => term.owner.get(s, p).weight = term.owner.numberOrText(t))
                }
            }
        }
        Repeater {
            model: term.expressions.length
            delegate: GridLayout {
                id: expr
                required property int index
                readonly property var e: term.expressions[index] || ({})
                Layout.fillWidth: true
                columns: 3
                columnSpacing: 4
                rowSpacing: 2
                function set(field, v) {
                    const p = term.termPath, i = index
                    term.owner.edit(s => term.owner.get(s, p).matchExpressions[i][field] = v)
                }
                InspectorField {
                    objectName: term.objectName + ".key" + expr.index
                    Layout.fillWidth: true
                    placeholderText: qsTr("key")
                    value: expr.e.key || ""
                    onTextEdited: expr.set("key", text)
                }
                SmallCombo {
                    Layout.preferredWidth: 100 * Theme.scale
                    model: ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"]
                    value: expr.e.operator || "In"
                    onPicked: (v) => {
                        const p = term.termPath, i = expr.index
                        term.owner.edit(s => {
                            const x = term.owner.get(s, p).matchExpressions[i]
                            x.operator = v
                            if (v === "Exists" || v === "DoesNotExist") delete x.values
                            else if (!x.values) x.values = []
                        })
                    }
                }
                SmallButton {
                    text: "✕"
                    onClicked: {
                        const p = term.termPath, i = expr.index
                        term.owner.edit(s => term.owner.get(s, p).matchExpressions.splice(i, 1))
                    }
                }
                InspectorField {
                    objectName: term.objectName + ".values" + expr.index
                    Layout.columnSpan: 3
                    Layout.fillWidth: true
                    visible: expr.e.operator !== "Exists" && expr.e.operator !== "DoesNotExist"
                    placeholderText: qsTr("values, comma separated")
                    value: (expr.e.values || []).join(",")
                    onTextEdited: expr.set("values", term.owner.splitList(text))
                }
            }
        }
        RowLayout {
            spacing: 4
            SmallButton {
                text: qsTr("Add expression")
                onClicked: {
                    const p = term.termPath
                    term.owner.edit(s => {
                        const t = term.owner.get(s, p)
                        if (!t.matchExpressions) t.matchExpressions = []
                        t.matchExpressions.push({ key: "", operator: "In", values: [] })
                    })
                }
            }
            SmallButton { text: qsTr("Remove term"); onClicked: term.removeTerm() }
        }
        InspectorErrors { prefix: term.errorPrefix; Layout.fillWidth: true }
    }
}
