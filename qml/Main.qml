import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The main window: the cluster's nodes (grouped by zone) and the pods waiting to be scheduled.
ApplicationWindow {
    id: root
    width: 1400
    height: 900
    visible: true
    title: "KubeStage — " + App.scenarioName
    color: Theme.background

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            Label {
                text: "KubeStage"
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.accent
            }
            Label {
                text: App.scenarioName
                font.pixelSize: Theme.fontNormal
                Layout.fillWidth: true
            }
            Label {
                objectName: "summary"
                text: qsTr("%1 nodes, %2 pods").arg(App.nodes.count).arg(App.pods.count)
                font.pixelSize: Theme.fontNormal
                Layout.rightMargin: Theme.spacing
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            Flow {
                id: nodeFlow
                objectName: "nodeFlow"
                width: parent.width
                spacing: Theme.spacing
                Repeater {
                    model: App.nodes
                    delegate: NodeCard {}
                }
            }
        }

        Rectangle {
            Layout.preferredWidth: 320 * Theme.scale
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                Label {
                    text: qsTr("Pods")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                ListView {
                    objectName: "podList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 4
                    model: App.pods
                    delegate: RowLayout {
                        required property string name
                        required property string namespaceName
                        required property string phase
                        required property string nodeName
                        width: ListView.view.width
                        PodChip { name: parent.name; phase: parent.phase }
                        Label {
                            text: parent.nodeName === "" ? qsTr("Pending") : "→ " + parent.nodeName
                            color: parent.nodeName === "" ? Theme.warning : Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                    }
                }
            }
        }
    }
}
