import QtQuick
import QtQuick.Layouts

// One queue of the scheduler (activeQ, backoffQ, unschedulable) with its pods as chips.
Rectangle {
    id: box
    required property string title
    required property var pods  // pod names
    // A queue can hold thousands of pods; the box shows the first ones and a count of the rest.
    property int maxChips: 40
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
            Layout.fillWidth: true
            elide: Text.ElideRight
            text: box.title + " (" + box.pods.length + ")"
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.textMuted
        }
        Flow {
            Layout.fillWidth: true
            spacing: 4
            Repeater {
                model: box.pods.length > box.maxChips ? box.pods.slice(0, box.maxChips) : box.pods
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
            objectName: "morePods"
            visible: box.pods.length > box.maxChips
            text: qsTr("+%1 more").arg(box.pods.length - box.maxChips)
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        Text {
            visible: box.pods.length === 0
            text: "—"
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
    }
}
