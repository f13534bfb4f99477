import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The side panel: the lesson (when one is open), the timeline, the events and the pods.
Rectangle {
    id: side
    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius
    property alias currentIndex: tabs.currentIndex

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        spacing: 0
        TabBar {
            id: tabs
            objectName: "sideTabs"
            Layout.fillWidth: true
            TabButton { text: qsTr("Lesson") }
            TabButton { text: qsTr("Timeline") }
            TabButton { text: qsTr("Events") + " (" + App.events.count + ")" }
            TabButton { text: qsTr("Pods") }
            Component.onCompleted: currentIndex = App.lesson.active ? 0 : 1
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex
            LessonPanel { objectName: "lessonPanel" }
            TimelineList { objectName: "timeline" }
            EventsList { objectName: "events" }
            PodsList { objectName: "pods" }
        }
    }
}
