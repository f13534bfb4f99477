import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import KubeStage.Core

// What the File menu does, and its keys (Ctrl+O, Ctrl+S, Ctrl+Shift+S, Ctrl+E): the dialogs that
// choose files, the errors of a scenario that did not open (the working one stays), notices,
// the offer to restore unsaved work after a crash, and the question (save, discard, cancel)
// before unsaved edits would go: closing, or opening another scenario. Files (C++) does the work.
Item {
    id: actions

    // What Export canvas grabs.
    property Item canvas
    // The window that closes once unsaved edits are saved or discarded.
    property var window
    property bool closeConfirmed: false
    // What runs once the unsaved edits are saved or discarded (closing, opening another scenario).
    property var pending: null

    // The dialogs, for tests.
    readonly property alias errorDialog: errorDialog
    readonly property alias noticeDialog: noticeDialog
    readonly property alias restoreDialog: restoreDialog
    readonly property alias closeDialog: closeDialog

    // Tells a test (or anyone) where a grab went.
    signal canvasExported(string path, bool ok)

    function openScenario() { whenSavedOrDiscarded(() => openDialog.open()) }
    function saveAs() { saveDialog.open() }
    function importSnapshot() { whenSavedOrDiscarded(() => importDialog.open()) }
    function exportCanvas() { exportDialog.open() }

    // Runs `action` now, or after asking what becomes of the unsaved edits. A lesson's try-it
    // edits belong to the lesson, which replays them; only a scenario's are asked about.
    function whenSavedOrDiscarded(action) {
        if (!Files.modified || App.lesson.active) {
            action()
            return
        }
        pending = action
        closeDialog.open()
    }
    function runPending() {
        const action = pending
        pending = null
        if (action) action()
    }

    function save() {
        if (Files.currentFile === "") {
            saveAs()
            return false
        }
        if (!Files.save()) {
            showErrors(qsTr("The scenario was not saved."))
            return false
        }
        return true
    }
    function openFiles(files) {
        if (!Files.open(files)) showErrors(qsTr("The scenario did not open; the working one is unchanged."))
    }
    function openExample(path) {
        whenSavedOrDiscarded(() => {
            if (!Files.openExample(path)) showErrors(qsTr("The example did not open."))
        })
    }
    function openRecent(entry) {
        whenSavedOrDiscarded(() => {
            if (!Files.openRecent(entry) && Files.errors.length > 0)
                showErrors(qsTr("The scenario did not open; the working one is unchanged."))
        })
    }
    function importFile(file) {
        if (!Files.importSnapshot(file)) showErrors(qsTr("The snapshot was not imported; the working scenario is unchanged."))
    }
    function exportCanvasTo(path) {
        if (!canvas) return false
        return canvas.grabToImage(function (result) {
            const ok = result.saveToFile(path)
            if (!ok) showErrors(qsTr("Could not write %1.").arg(path))
            actions.canvasExported(path, ok)
        })
    }
    function showErrors(headline) {
        errorDialog.headline = headline
        errorDialog.open()
    }
    // Called by the window's onClosing: false keeps the window open and asks first. (Without a
    // session, as in tests, windows close without asking.)
    function mayClose() {
        if (closeConfirmed || !Files.modified || !Files.autosaving || App.lesson.active) return true
        pending = closeNow
        closeDialog.open()
        return false
    }
    function closeNow() {
        closeConfirmed = true
        if (window) window.close()
    }

    Shortcut { context: Qt.ApplicationShortcut; sequences: [StandardKey.Open]; onActivated: actions.openScenario() }
    Shortcut { context: Qt.ApplicationShortcut; sequences: [StandardKey.Save]; onActivated: actions.save() }
    Shortcut { context: Qt.ApplicationShortcut; sequence: "Ctrl+Shift+S"; onActivated: actions.saveAs() }
    Shortcut { context: Qt.ApplicationShortcut; sequence: "Ctrl+E"; onActivated: actions.exportCanvas() }

    readonly property var manifestFilters: [qsTr("Kubernetes manifests (*.yaml *.yml *.json)"), qsTr("All files (*)")]

    FileDialog {
        id: openDialog
        title: qsTr("Open scenario")
        fileMode: FileDialog.OpenFiles
        nameFilters: actions.manifestFilters
        onAccepted: actions.openFiles(selectedFiles)
    }
    FileDialog {
        id: saveDialog
        title: qsTr("Save scenario as")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "yaml"
        nameFilters: actions.manifestFilters
        onAccepted: {
            if (!Files.saveAs(selectedFile)) {
                actions.pending = null
                actions.showErrors(qsTr("The scenario was not saved."))
            } else {
                actions.runPending()
            }
        }
        onRejected: actions.pending = null
    }
    FileDialog {
        id: importDialog
        title: qsTr("Import cluster snapshot (kubectl get … -A -o yaml)")
        fileMode: FileDialog.OpenFile
        nameFilters: actions.manifestFilters
        onAccepted: actions.importFile(selectedFile)
    }
    FileDialog {
        id: exportDialog
        title: qsTr("Export canvas as PNG")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "png"
        nameFilters: [qsTr("PNG images (*.png)")]
        onAccepted: actions.exportCanvasTo(Files.localPath(selectedFile))
    }

    // FILE:LINE:COL messages of a scenario that did not open, selectable for copying.
    Dialog {
        id: errorDialog
        objectName: "fileErrors"
        property string headline
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width * 0.8 : 800, 900 * Theme.scale)
        modal: true
        title: qsTr("Problems")
        standardButtons: Dialog.Close
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing
            Label {
                text: errorDialog.headline
                font.pixelSize: Theme.fontNormal
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(errorText.implicitHeight + 8, 320 * Theme.scale)
                TextArea {
                    id: errorText
                    objectName: "fileErrorText"
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.Wrap
                    font.family: "monospace"
                    font.pixelSize: Theme.fontSmall
                    text: Files.errors.join("\n")
                }
            }
        }
    }

    Dialog {
        id: noticeDialog
        objectName: "fileNotice"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width * 0.7 : 700, 700 * Theme.scale)
        modal: true
        title: qsTr("Files")
        standardButtons: Dialog.Ok
        Label {
            width: parent.width
            text: Files.notice
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontNormal
        }
        onClosed: Files.notice = ""
    }
    Connections {
        target: Files
        function onNoticeChanged() { if (Files.notice !== "") noticeDialog.open() }
    }

    // After a crash or a kill: the last session's unsaved work, as it was after its last edit.
    Dialog {
        id: restoreDialog
        objectName: "restoreDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width * 0.7 : 640, 640 * Theme.scale)
        modal: true
        closePolicy: Popup.NoAutoClose
        title: qsTr("Restore unsaved work?")
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontNormal
            text: qsTr("KubeStage did not close properly last time. The cluster as it was after your last edit was kept: restore it, or discard it and go on with what is open now.")
        }
        footer: DialogButtonBox {
            Button {
                objectName: "restoreButton"
                text: qsTr("Restore")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "discardButton"
                text: qsTr("Discard")
                DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
                onClicked: {
                    Files.discardAutosave()
                    restoreDialog.close()
                }
            }
        }
        onAccepted: if (!Files.restoreAutosave()) actions.showErrors(qsTr("The unsaved work could not be restored."))
    }
    Connections {
        target: Files
        function onRestoreAvailableChanged() { if (Files.restoreAvailable) restoreDialog.open() }
    }
    Component.onCompleted: if (Files.restoreAvailable) restoreDialog.open()

    Dialog {
        id: closeDialog
        objectName: "closeDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width * 0.7 : 640, 640 * Theme.scale)
        modal: true
        title: qsTr("Save your changes?")
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontNormal
            text: qsTr("The cluster has edits that are not saved in a file.")
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Save")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "discardEditsButton"
                text: qsTr("Discard")
                DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
                onClicked: {
                    closeDialog.close()
                    actions.runPending()
                }
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        onAccepted: {
            // Without a file of its own, Save as asks for one and runs what waits once saved.
            if (actions.save()) actions.runPending()
            else if (!saveDialog.visible) actions.pending = null
        }
        onRejected: actions.pending = null
    }
}
