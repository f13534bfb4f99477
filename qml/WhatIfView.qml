import QtQuick
import QtQuick.Layouts
import KubeStage.Core

// What-if: where the pod would go if the edits being made were applied. One scheduling cycle
// runs on a copy of the cluster (nothing is written); each node shows its Filter verdict (the
// first failing plugin's reason) or its total score, and the winner is marked.
ColumnLayout {
    id: view
    objectName: "whatIf"
    spacing: 2
    readonly property var inspector: App.inspector
    visible: inspector.whatIfPod !== "" || inspector.whatIfMessage !== ""

    Text {
        Layout.fillWidth: true
        text: qsTr("What if — %1").arg(view.inspector.whatIfPod)
              + (view.inspector.whatIfPending ? "  …" : "")
        font.pixelSize: Theme.fontNormal
        font.bold: true
        color: Theme.text
        elide: Text.ElideRight
    }
    Text {
        objectName: "whatIfOutcome"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontSmall
        text: view.inspector.whatIfWinner !== "" ? qsTr("would be bound to %1").arg(view.inspector.whatIfWinner)
                                                 : view.inspector.whatIfMessage
        color: view.inspector.whatIfWinner !== "" ? Theme.ok : Theme.danger
    }
    Repeater {
        model: view.inspector.whatIf
        delegate: Rectangle {
            required property var modelData
            Layout.fillWidth: true
            implicitHeight: row.implicitHeight + 4
            radius: 3
            color: modelData.winner ? Qt.rgba(Theme.ok.r, Theme.ok.g, Theme.ok.b, 0.18) : "transparent"
            border.color: modelData.winner ? Theme.ok : "transparent"
            RowLayout {
                id: row
                anchors.fill: parent
                anchors.margins: 2
                spacing: Theme.spacing / 2
                Text {
                    text: !modelData.evaluated ? "–" : modelData.feasible ? "✔" : "✖"
                    color: !modelData.evaluated ? Theme.textMuted : modelData.feasible ? Theme.ok : Theme.danger
                    font.pixelSize: Theme.fontSmall
                    Layout.alignment: Qt.AlignTop
                }
                Text {
                    text: modelData.node
                    color: Theme.text
                    font.pixelSize: Theme.fontSmall
                    font.bold: modelData.winner
                    Layout.preferredWidth: 90 * Theme.scale
                    Layout.alignment: Qt.AlignTop
                    elide: Text.ElideRight
                }
                Text {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontSmall
                    color: modelData.feasible ? Theme.text : Theme.textMuted
                    text: !modelData.evaluated ? qsTr("not evaluated")
                          : modelData.feasible ? (modelData.score === undefined || modelData.score === null
                                                  ? qsTr("feasible") : qsTr("score %1").arg(modelData.score))
                                                 + (modelData.winner ? "  ·  " + qsTr("winner") : "")
                          : modelData.plugin + ": " + modelData.reason
                }
            }
        }
    }
}
