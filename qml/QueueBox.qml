import QtQuick
import QtQuick.Layouts

// One queue of the scheduler (activeQ, backoffQ, unschedulable) with its pods as chips.
Rectangle {
    id: box
    required property string title
    required property var pods  // pod names
    color: Theme.surfaceAlt
    radius: Theme.radius
    border.color: Theme.border
    implicitHeight: column.implicitHeight + Theme.spacing
    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing / 2
        spacing: 2
        Text {
            text: box.title + " (" + box.pods.length + ")"
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.textMuted
        }
        Flow {
            Layout.fillWidth: true
            spacing: 4
            Repeater {
                model: box.pods
                delegate: PodChip {
                    required property string modelData
                    // The queue names pods "ns/name" outside the default namespace.
                    name: modelData.indexOf("/") >= 0 ? modelData.split("/")[1] : modelData
                    namespaceName: modelData.indexOf("/") >= 0 ? modelData.split("/")[0] : "default"
                    label: modelData
                    phase: "Pending"
                }
            }
        }
        Text {
            visible: box.pods.length === 0
            text: "—"
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
    }
}
