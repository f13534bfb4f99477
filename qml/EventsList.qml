import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The cluster's Events as `kubectl get events` lists them.
ColumnLayout {
    spacing: 0
    readonly property var widths: [90, 60, 120, 120]
    Row {
        Layout.fillWidth: true
        Layout.topMargin: 4
        Repeater {
            model: ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
            delegate: Text {
                required property string modelData
                required property int index
                width: index < 4 ? widths[index] * Theme.scale : 200
                text: modelData
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.textMuted
            }
        }
    }
    ListView {
        id: list
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: App.events
        ScrollBar.vertical: ScrollBar {}
        delegate: Item {
            id: row
            required property string lastSeen
            required property string type
            required property string reason
            required property string object
            required property string message
            width: ListView.view.width
            height: Math.max(line.implicitHeight, text.implicitHeight) + 6
            Row {
                id: line
                y: 3
                Repeater {
                    model: [row.lastSeen, row.type, row.reason, row.object]
                    delegate: Text {
                        required property string modelData
                        required property int index
                        width: widths[index] * Theme.scale
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                        text: modelData
                        font.pixelSize: Theme.fontSmall
                        color: index === 1 && modelData === "Warning" ? Theme.warning : Theme.text
                    }
                }
            }
            Text {
                id: text
                y: 3
                x: (widths[0] + widths[1] + widths[2] + widths[3]) * Theme.scale
                width: row.width - x
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                text: row.message
                font.pixelSize: Theme.fontSmall
                color: Theme.text
            }
        }
        Text {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("No events yet")
            color: Theme.textMuted
            font.pixelSize: Theme.fontNormal
        }
    }
}
