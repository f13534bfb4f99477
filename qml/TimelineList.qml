import QtQuick
import QtQuick.Controls
import KubeStage.Core

// Every trace record of the run; clicking one jumps to the step where it happened and shows
// its scheduling cycle.
ListView {
    id: list
    clip: true
    spacing: 1
    model: App.timeline
    ScrollBar.vertical: ScrollBar {}
    onCountChanged: positionViewAtEnd()
    delegate: Rectangle {
        id: row
        required property int seq
        required property string timeText
        required property string actor
        required property string action
        required property string objects
        required property string message
        width: ListView.view.width
        height: body.implicitHeight + 6
        readonly property bool selected: App.cycle.seq === seq && action === "Schedule"
        readonly property bool current: seq === App.timeline.currentSeq
        color: selected ? "#26326ce5" : current ? Theme.surfaceAlt : "transparent"
        border.color: current ? Theme.accent : "transparent"
        Column {
            id: body
            x: 4
            y: 3
            width: row.width - 8
            Text {
                width: parent.width
                elide: Text.ElideRight
                textFormat: Text.PlainText
                text: "#" + row.seq + "  " + row.timeText + "  " + row.actor + "  " + row.action
                font.pixelSize: Theme.fontSmall
                font.bold: row.action === "Schedule"
                color: row.action === "Schedule" ? Theme.accent : Theme.text
            }
            Text {
                width: parent.width
                elide: Text.ElideRight
                textFormat: Text.PlainText
                text: row.objects + "  " + row.message
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }
        MouseArea {
            anchors.fill: parent
            onClicked: App.jumpToRecord(row.seq)
        }
    }
}
