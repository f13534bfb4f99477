import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The Inspector's form for a node: labels, taints and cordon. Each button is one kubectl
// command (label, taint, cordon / uncordon) recorded as an edit; the label and taint being
// typed are checked by the codec and shown in the what-if breakdown before they are added.
ColumnLayout {
    id: form
    spacing: Theme.spacing / 2
    readonly property var inspector: App.inspector

    function pending() {
        return { labelKey: labelKey.text, labelValue: labelValue.text,
                 taintKey: taintKey.text, taintValue: taintValue.text, taintEffect: taintEffect.value }
    }
    function preview() { form.inspector.previewNode(form.pending()) }

    // Another node: what was being typed belonged to the last one.
    Connections {
        target: App
        function onSelectionChanged() {
            labelKey.text = ""
            labelValue.text = ""
            taintKey.text = ""
            taintValue.text = ""
        }
    }

    InspectorSection {
        title: qsTr("Labels")
        Repeater {
            model: form.inspector.labels
            delegate: RowLayout {
                required property var modelData
                Layout.fillWidth: true
                spacing: 4
                Text {
                    text: modelData.key + " ="
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    Layout.maximumWidth: form.width * 0.5
                    elide: Text.ElideMiddle
                }
                InspectorField {
                    objectName: "labelValue:" + modelData.key
                    Layout.fillWidth: true
                    Layout.minimumWidth: 90 * Theme.scale
                    value: modelData.value
                    onEditingFinished: if (text !== modelData.value) form.inspector.setNodeLabel(modelData.key, text)
                }
                SmallButton {
                    objectName: "removeLabel:" + modelData.key
                    text: "✕"
                    onClicked: form.inspector.removeNodeLabel(modelData.key)
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            InspectorField {
                id: labelKey
                objectName: "newLabelKey"
                Layout.fillWidth: true
                placeholderText: qsTr("key")
                onTextEdited: form.preview()
            }
            InspectorField {
                id: labelValue
                objectName: "newLabelValue"
                Layout.fillWidth: true
                placeholderText: qsTr("value")
                onTextEdited: form.preview()
            }
            SmallButton {
                objectName: "addLabel"
                text: qsTr("Add")
                enabled: labelKey.text !== ""
                onClicked: {
                    if (form.inspector.setNodeLabel(labelKey.text, labelValue.text)) {
                        labelKey.text = ""
                        labelValue.text = ""
                        form.preview()
                    }
                }
            }
        }
        InspectorErrors { prefix: "metadata.labels"; Layout.fillWidth: true }
    }

    InspectorSection {
        title: qsTr("Taints")
        Repeater {
            model: form.inspector.taints
            delegate: RowLayout {
                required property var modelData
                Layout.fillWidth: true
                Rectangle {
                    radius: 3
                    color: Theme.taintColor(modelData.effect)
                    implicitWidth: taintText.implicitWidth + 8
                    implicitHeight: taintText.implicitHeight + 4
                    Layout.maximumWidth: form.width - 40 * Theme.scale
                    Text {
                        id: taintText
                        anchors.centerIn: parent
                        width: Math.min(implicitWidth, parent.width - 8)
                        elide: Text.ElideRight
                        text: modelData.key + (modelData.value ? "=" + modelData.value : "") + ":" + modelData.effect
                        font.pixelSize: Theme.fontSmall
                        color: "white"
                    }
                }
                Item { Layout.fillWidth: true }
                SmallButton {
                    objectName: "removeTaint:" + modelData.key + ":" + modelData.effect
                    text: "✕"
                    onClicked: form.inspector.removeNodeTaint(modelData.key, modelData.effect)
                }
            }
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 4
            rowSpacing: 3
            InspectorField {
                id: taintKey
                objectName: "newTaintKey"
                Layout.fillWidth: true
                placeholderText: qsTr("key")
                onTextEdited: form.preview()
            }
            InspectorField {
                id: taintValue
                objectName: "newTaintValue"
                Layout.fillWidth: true
                placeholderText: qsTr("value")
                onTextEdited: form.preview()
            }
            SmallCombo {
                id: taintEffect
                objectName: "newTaintEffect"
                Layout.fillWidth: true
                model: ["NoSchedule", "PreferNoSchedule", "NoExecute"]
                value: "NoSchedule"
                onPicked: (v) => { value = v; form.preview() }
            }
            SmallButton {
                objectName: "addTaint"
                text: qsTr("Add taint")
                enabled: taintKey.text !== ""
                onClicked: {
                    if (form.inspector.addNodeTaint(taintKey.text, taintValue.text, taintEffect.value)) {
                        taintKey.text = ""
                        taintValue.text = ""
                        form.preview()
                    }
                }
            }
        }
        InspectorErrors { prefix: "spec.taints"; Layout.fillWidth: true }
    }

    InspectorSection {
        title: qsTr("Scheduling")
        Switch {
            objectName: "cordon"
            text: qsTr("Cordoned (spec.unschedulable)")
            font.pixelSize: Theme.fontSmall
            checked: form.inspector.unschedulable
            onToggled: form.inspector.setCordoned(checked)
        }
    }

    Text {
        objectName: "commandError"
        visible: form.inspector.commandError !== ""
        Layout.fillWidth: true
        text: form.inspector.commandError
        color: Theme.danger
        font.pixelSize: Theme.fontSmall
        font.family: "monospace"
        wrapMode: Text.Wrap
    }
    InspectorErrors { prefix: "spec.unschedulable"; Layout.fillWidth: true }

    WhatIfView { Layout.fillWidth: true; Layout.topMargin: Theme.spacing }
}
