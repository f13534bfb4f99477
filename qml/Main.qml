import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The main window: transport bar, control plane strip, the cluster canvas with the scheduler
// view below it (or the matrix view in their place: M), and a side panel (lesson, timeline, events, pods). The lesson browser covers
// it all when open (the first screen without --scenario or --lesson).
ApplicationWindow {
    id: root
    width: 1400
    height: 900
    visible: true
    // The scenario's file name, and * while it has unsaved edits.
    title: Files.windowTitle
    color: Theme.background

    // The player hides while the lesson browser covers the window.
    header: TransportBar { objectName: "player"; visible: !App.lesson.browserOpen; fileActions: fileActions }

    // File menu actions, their keys and dialogs; unsaved edits are saved or discarded on close.
    // Export canvas grabs the view shown (cards or matrix).
    FileActions { id: fileActions; objectName: "fileActions"; canvas: root.mainView; window: root }
    onClosing: (close) => { close.accepted = fileActions.mayClose() }

    Shortcut { context: Qt.ApplicationShortcut; sequence: "Space"; onActivated: App.togglePlay() }
    Shortcut { context: Qt.ApplicationShortcut; sequence: "Right"; onActivated: App.stepForward() }
    Shortcut { context: Qt.ApplicationShortcut; sequence: "Left"; onActivated: App.stepBack() }
    Shortcut { context: Qt.ApplicationShortcut; sequence: "Home"; onActivated: App.jumpToStart() }
    Shortcut { context: Qt.ApplicationShortcut; sequence: "+"; onActivated: App.speed = App.speed * 2 }
    Shortcut { context: Qt.ApplicationShortcut; sequence: "-"; onActivated: App.speed = App.speed / 2 }
    Shortcut { context: Qt.ApplicationShortcut; sequence: "F5"; onActivated: Theme.presentation = !Theme.presentation }
    // Cards or matrix in the main area (a text field keeps its own M).
    Shortcut { context: Qt.ApplicationShortcut; sequence: "M"; onActivated: root.canvasView = root.canvasView === "matrix" ? "cards" : "matrix" }
    // Undo / redo the user's edits to the cluster (a text field keeps its own Ctrl+Z).
    Shortcut { context: Qt.ApplicationShortcut; sequences: [StandardKey.Undo]; onActivated: App.undo() }
    Shortcut { context: Qt.ApplicationShortcut; sequences: [StandardKey.Redo]; onActivated: App.redo() }
    Shortcut {
        context: Qt.ApplicationShortcut; sequence: "Escape"; enabled: Theme.presentation
        onActivated: Theme.presentation = false
    }
    // Escape outside presentation mode lets go of the Inspector's object.
    Shortcut {
        context: Qt.ApplicationShortcut; sequence: "Escape"
        enabled: !Theme.presentation && App.selection.kind !== undefined
        onActivated: App.clearSelection()
    }

    // kubestage --presentation, --theme dark
    property bool startInPresentation: false
    property bool startDark: false
    // kubestage --view cards|matrix
    property string startView: "cards"
    // The main area: "cards" (node cards by zone) or "matrix" (the scheduling cycle as one table,
    // nodes × plugins, which then also stands in for the scheduler view's tables).
    property string canvasView: "cards"
    readonly property Item mainView: matrixLoader.item ? matrixLoader.item : clusterCanvas
    Component.onCompleted: {
        if (startView === "matrix") canvasView = "matrix"
        if (startDark) Theme.dark = true
        if (startInPresentation) Theme.presentation = true
    }

    // Screenshots and measurements keep the size they asked for (--size), presentation or not.
    property bool fixedSize: false
    // Presentation mode fills the projector; leaving it restores the window as it was.
    visibility: Theme.presentation && !fixedSize ? Window.FullScreen : Window.AutomaticVisibility
    // Controls (buttons, combo boxes, tabs) take the theme's colours too, dark included.
    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.surfaceAlt
    palette.text: Theme.text
    palette.button: Theme.surfaceAlt
    palette.buttonText: Theme.text
    palette.mid: Theme.border
    palette.highlight: Theme.accent
    palette.highlightedText: "#ffffff"
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text
    palette.placeholderText: Theme.textMuted

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ControlPlaneStrip {
            id: controlPlaneStrip
            objectName: "controlPlane"
            Layout.fillWidth: true
            Layout.preferredHeight: 112 * Theme.scale
            Layout.fillHeight: false
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing
                RowLayout {
                    Layout.fillWidth: true
                    ViewSwitch {
                        objectName: "viewSwitch"
                        view: root.canvasView
                        onPicked: (view) => root.canvasView = view
                    }
                    Item { Layout.fillWidth: true }
                    ZoomControls {
                        objectName: "zoomControls"
                        canvas: clusterCanvas
                        visible: root.canvasView === "cards"
                    }
                }
                Item {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 200 * Theme.scale
                    // Hidden, the cards keep their place and scroll but follow no animation.
                    ClusterCanvas {
                        id: clusterCanvas
                        objectName: "canvas"
                        anchors.fill: parent
                        visible: root.canvasView === "cards"
                        animator: visible ? cycleAnimator : null
                    }
                    // Made only while shown: it rebuilds its table at every cycle.
                    Loader {
                        id: matrixLoader
                        anchors.fill: parent
                        active: root.canvasView === "matrix"
                        sourceComponent: MatrixCanvas {
                            objectName: "matrixCanvas"
                            animator: cycleAnimator
                        }
                    }
                }
                SchedulerView {
                    objectName: "schedulerView"
                    // The matrix has these tables in it.
                    visible: root.canvasView === "cards"
                    animator: cycleAnimator
                    Layout.fillWidth: true
                    // Its own height, at most 45 % of the window, and less on a short window
                    // (1280x720 in presentation): a layout item that does not fill keeps its
                    // preferred height as a minimum and pushed the window's bottom, with the
                    // lesson's Back / Next, out of sight. Filling, it shrinks down to its
                    // minimum and its tables scroll; the canvas takes what is left.
                    Layout.fillHeight: true
                    Layout.minimumHeight: 60 * Theme.scale
                    Layout.preferredHeight: implicitHeight
                    Layout.maximumHeight: Math.min(implicitHeight, root.height * 0.45)
                }
            }

            SidePanel {
                objectName: "sidePanel"
                // In presentation mode only a lesson's text stays beside the canvas.
                visible: !Theme.presentation || App.lesson.active
                Layout.preferredWidth: Math.min(420 * Theme.scale, root.width * 0.28)
                Layout.fillHeight: true
            }
        }
    }

    // A forward step onto a scheduling cycle animates it on the canvas and the scheduler view.
    CycleAnimator { id: cycleAnimator; objectName: "cycleAnimator" }
    CycleOverlay {
        anchors.fill: parent
        z: 40
        animator: cycleAnimator
        strip: controlPlaneStrip
        canvas: root.mainView
    }

    // Rings what the lesson step points at, above everything but the browser.
    Spotlight {
        anchors.fill: parent
        z: 50
        searchRoot: root.contentItem.parent
    }

    LessonBrowser {
        objectName: "lessonBrowser"
        anchors.fill: parent
        z: 100
        visible: App.lesson.browserOpen
    }
}
