import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The Inspector side tab: the selected object (App.selection) with a form for nodes and pods
// and its YAML. Edits are recorded like console commands (undo, redo, replay).
ColumnLayout {
    id: panel
    spacing: Theme.spacing / 2
    readonly property var inspector: App.inspector
    property alias yamlTab: yamlTab
    property alias tabs: modeTabs

    RowLayout {
        Layout.fillWidth: true
        Text {
            Layout.fillWidth: true
            text: panel.inspector.kind === "" ? qsTr("Nothing selected")
                  : panel.inspector.kind + " " + (panel.inspector.namespaceName !== "" ? panel.inspector.namespaceName + "/" : "")
                    + panel.inspector.name
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
            elide: Text.ElideMiddle
        }
        SmallButton {
            objectName: "clearSelection"
            visible: panel.inspector.kind !== ""
            text: "✕"
            onClicked: App.clearSelection()
        }
    }
    Text {
        Layout.fillWidth: true
        visible: panel.inspector.kind === "Pod" && panel.inspector.exists
        text: panel.inspector.phase + (panel.inspector.nodeName !== "" ? "  ·  " + qsTr("on %1").arg(panel.inspector.nodeName)
                                                                       : "  ·  " + qsTr("not scheduled"))
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }
    Text {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: panel.inspector.kind === "" || !panel.inspector.exists
        text: panel.inspector.kind === "" ? qsTr("Click a node, a pod or a row of the Pods list to inspect and edit it.")
                                          : qsTr("This object is not in the cluster at this step.")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }

    TabBar {
        id: modeTabs
        objectName: "inspectorTabs"
        visible: panel.inspector.kind !== "" && panel.inspector.exists
        Layout.fillWidth: true
        TabButton { text: qsTr("Form"); font.pixelSize: Theme.fontSmall }
        TabButton { text: "YAML"; font.pixelSize: Theme.fontSmall }
    }
    StackLayout {
        visible: modeTabs.visible
        Layout.fillWidth: true
        Layout.fillHeight: true
        currentIndex: modeTabs.currentIndex
        ScrollView {
            id: formScroll
            clip: true
            contentWidth: availableWidth
            ColumnLayout {
                width: formScroll.availableWidth - 4
                Loader {
                    objectName: "inspectorForm"
                    Layout.fillWidth: true
                    sourceComponent: panel.inspector.kind === "Node" ? nodeForm
                                   : panel.inspector.kind === "Pod" ? podForm : noForm
                }
            }
        }
        YamlEditor { id: yamlTab; objectName: "yamlTab" }
    }
    Component { id: nodeForm; NodeEditor { objectName: "nodeEditor" } }
    Component { id: podForm; PodEditor { objectName: "podEditor" } }
    Component {
        id: noForm
        Text {
            text: qsTr("No form for this kind: edit it in the YAML tab.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
    }
}
