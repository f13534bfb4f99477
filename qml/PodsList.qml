import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// Every pod, pending pods first, with the node it runs on.
ListView {
    objectName: "podList"
    clip: true
    spacing: 4
    model: App.pods
    ScrollBar.vertical: ScrollBar {}
    delegate: RowLayout {
        id: row
        required property string name
        required property string namespaceName
        required property string phase
        required property string nodeName
        width: ListView.view.width
        PodChip { name: parent.name; namespaceName: parent.namespaceName; phase: parent.phase }
        Label {
            text: parent.nodeName === "" ? qsTr("Pending") : "→ " + parent.nodeName
            color: parent.nodeName === "" ? Theme.warning : Theme.textMuted
            font.pixelSize: Theme.fontSmall
            Layout.fillWidth: true
            elide: Text.ElideRight
            // The whole row selects its pod, not only the chip.
            MouseArea {
                anchors.fill: parent
                onClicked: App.select("Pod", row.namespaceName, row.name)
            }
        }
    }
}
