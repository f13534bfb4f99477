import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The side panel: the lesson (when one is open), the timeline, the events, the pods, the
// inspector of the selected object and the kubectl console.
Rectangle {
    id: side
    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius
    property alias currentIndex: tabs.currentIndex
    readonly property int inspectorIndex: 4

    // Qt 6.4 leaves the keyboard focus in a field that presentation mode hides (the console's
    // prompt, an Inspector field); it would go on swallowing Space and the arrow keys there.
    // Presentation mode shows the lesson panel alone (and only with a lesson open).
    function releaseHiddenFocus() {
        const focused = side.Window.activeFocusItem
        if (!focused) return
        let inSide = false, inLesson = false
        for (let item = focused; item; item = item.parent) {
            if (item === lessonPanel) inLesson = true
            if (item === side) inSide = true
        }
        // Dropping it hands the keys back to the enclosing focus scope (the window's content).
        if (inSide && !(inLesson && App.lesson.active)) focused.focus = false
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        spacing: 0
        TabBar {
            id: tabs
            objectName: "sideTabs"
            Layout.fillWidth: true
            // Presentation mode shows the lesson alone: no console, no tabs.
            visible: !Theme.presentation
            readonly property var spot: App.lesson.spotlight
            SideTab { text: qsTr("Lesson") }
            SideTab { text: qsTr("Timeline"); spotlit: tabs.spot.indexOf("timeline") >= 0 }
            SideTab { text: qsTr("Events") + " (" + App.events.count + ")"; spotlit: tabs.spot.indexOf("events") >= 0 }
            SideTab { text: qsTr("Pods") }
            SideTab { objectName: "inspectorTab"; text: qsTr("Inspector") }
            SideTab { text: qsTr("Console") }
            Component.onCompleted: currentIndex = App.lesson.active ? 0 : 1
        }
        Connections {
            // Selecting an object shows it in the Inspector.
            target: App
            function onSelectionChanged() {
                if (App.selection.kind !== undefined && !Theme.presentation) tabs.currentIndex = side.inspectorIndex
            }
        }
        Connections {
            target: Theme
            function onPresentationChanged() {
                if (!Theme.presentation) return
                tabs.currentIndex = 0
                side.releaseHiddenFocus()
            }
        }
        Connections {
            // Opening a lesson brings its text to the front.
            target: App.lesson
            property string shown: ""
            Component.onCompleted: shown = App.lesson.lessonId
            function onChanged() {
                if (App.lesson.active && App.lesson.lessonId !== shown) tabs.currentIndex = 0
                shown = App.lesson.lessonId
            }
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex
            LessonPanel { id: lessonPanel; objectName: "lessonPanel" }
            TimelineList { objectName: "timeline" }
            EventsList { objectName: "events" }
            PodsList { objectName: "pods" }
            InspectorPanel { objectName: "inspectorPanel" }
            ConsolePanel { objectName: "console" }
        }
    }
}
