import QtQuick
import QtQuick.Layouts
import KubeStage.Core

// The control plane: the API server with etcd, the kube-scheduler replicas (leader badge) and
// the leader's scheduling queue.
RowLayout {
    id: strip
    readonly property var cp: App.controlPlane
    readonly property var spot: App.lesson.spotlight
    spacing: Theme.spacing

    Panel {
        objectName: "apiserverPanel"
        title: "kube-apiserver + etcd"
        spotlit: strip.spot.indexOf("control-plane.apiserver") >= 0
        Layout.preferredWidth: 300 * Theme.scale
        Layout.fillHeight: true
        Text {
            width: parent.width
            text: qsTr("%1 objects").arg(strip.cp.objectCount) + "\n" + strip.cp.objectSummary
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
    }

    Panel {
        objectName: "schedulerPanel"
        title: "kube-scheduler"
        spotlit: strip.spot.indexOf("control-plane.scheduler") >= 0
        Layout.preferredWidth: 240 * Theme.scale
        Layout.fillHeight: true
        Column {
            width: parent.width
            spacing: 4
            Repeater {
                model: strip.cp.schedulers
                delegate: Row {
                    required property var modelData
                    spacing: 6
                    Text {
                        text: modelData.name
                        font.pixelSize: Theme.fontSmall
                        color: Theme.text
                    }
                    Rectangle {
                        objectName: "leaderBadge"
                        visible: modelData.leader
                        color: Theme.accent
                        radius: 3
                        width: badge.implicitWidth + 8
                        height: badge.implicitHeight + 2
                        Text {
                            id: badge
                            anchors.centerIn: parent
                            text: qsTr("leader")
                            font.pixelSize: Theme.fontSmall
                            color: "white"
                        }
                    }
                }
            }
            Text {
                visible: strip.cp.leader === ""
                text: qsTr("no leader yet (Lease not held)")
                font.pixelSize: Theme.fontSmall
                color: Theme.warning
            }
        }
    }

    Panel {
        objectName: "queuePanel"
        title: qsTr("Scheduling queue")
        spotlit: strip.spot.indexOf("scheduler.queue") >= 0 || strip.spot.indexOf("queue") >= 0
        Layout.fillWidth: true
        Layout.fillHeight: true
        // The four boxes share the width equally, whatever their chips.
        RowLayout {
            width: parent.width
            spacing: Theme.spacing
            QueueBox { objectName: "incoming"; title: qsTr("not queued"); pods: strip.cp.incoming; Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.alignment: Qt.AlignTop }
            QueueBox { objectName: "activeQ"; title: "activeQ"; pods: strip.cp.activeQ; Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.alignment: Qt.AlignTop }
            QueueBox { objectName: "backoffQ"; title: "backoffQ"; pods: strip.cp.backoffQ; Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.alignment: Qt.AlignTop }
            QueueBox { objectName: "unschedulableQ"; title: "unschedulable"; pods: strip.cp.unschedulableQ; Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.alignment: Qt.AlignTop }
        }
    }
}
