import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The Inspector's YAML tab: the selected object as the core writer prints it, editable, with
// syntax colours. Apply checks it with the codec first: each error is listed as
// LINE:COL: field.path: message, its line is marked, and clicking it puts the cursor there; a
// document with errors is never applied. A valid one goes through the same recorded edit as the
// forms (kubectl replace, --force for a pod).
ColumnLayout {
    id: tab
    spacing: 4
    readonly property var inspector: App.inspector
    property alias editor: editor
    property alias highlighter: highlighter
    // The text differs from the stored object's: it is not replaced while the cluster moves.
    property bool edited: false
    property bool loading: false

    function load() {
        loading = true
        editor.text = inspector.yaml
        loading = false
        edited = false
    }
    // Character offset of (1-based line, 1-based column).
    function offsetOf(line, column) {
        const text = editor.text
        let offset = 0
        for (let l = 1; l < line; ++l) {
            const nl = text.indexOf("\n", offset)
            if (nl < 0) return text.length
            offset = nl + 1
        }
        return Math.min(text.length, offset + Math.max(0, column - 1))
    }
    function goTo(line, column) {
        editor.cursorPosition = offsetOf(line, column)
        editor.forceActiveFocus()
    }

    Connections {
        target: tab.inspector
        function onObjectChanged() { if (!tab.edited) tab.load() }
    }
    Component.onCompleted: load()

    ScrollView {
        id: scroll
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        TextArea {
            id: editor
            objectName: "yamlEditor"
            selectByMouse: true
            wrapMode: TextEdit.NoWrap
            textFormat: TextEdit.PlainText
            font.family: "monospace"
            font.pixelSize: Theme.fontSmall
            color: Theme.text
            background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: 3 }
            onTextChanged: if (!tab.loading) { tab.edited = true; checkTimer.restart() }
        }
    }
    YamlHighlighter {
        id: highlighter
        objectName: "yamlHighlighter"
        document: editor.textDocument
        keyColor: Theme.accent
        stringColor: Theme.ok
        numberColor: Theme.warning
        commentColor: Theme.textMuted
        markerColor: Theme.taintNoExecute
        errorColor: Theme.danger
        errorLines: tab.inspector.yamlErrors.map(e => e.line).filter(l => l > 0)
    }
    // Errors are listed while typing too, after a pause.
    Timer {
        id: checkTimer
        interval: 400
        onTriggered: if (tab.edited) tab.inspector.checkYaml(editor.text)
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 1
        Repeater {
            model: tab.inspector.yamlErrors
            delegate: Text {
                required property var modelData
                required property int index
                objectName: "yamlError" + index
                Layout.fillWidth: true
                text: modelData.text
                color: Theme.danger
                font.pixelSize: Theme.fontSmall
                font.family: "monospace"
                font.underline: errorMouse.containsMouse
                wrapMode: Text.Wrap
                MouseArea {
                    id: errorMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    onClicked: if (modelData.line > 0) tab.goTo(modelData.line, modelData.column)
                }
            }
        }
    }
    RowLayout {
        spacing: Theme.spacing / 2
        Button {
            objectName: "yamlApply"
            text: tab.inspector.kind === "Pod" ? qsTr("Apply (re-create pod)") : qsTr("Apply")
            font.pixelSize: Theme.fontSmall
            enabled: tab.edited && tab.inspector.exists
            onClicked: if (tab.inspector.applyYaml(editor.text)) tab.load()
        }
        Button {
            objectName: "yamlRevert"
            text: qsTr("Revert")
            font.pixelSize: Theme.fontSmall
            enabled: tab.edited
            onClicked: { tab.load(); tab.inspector.checkYaml(editor.text) }
        }
        Text {
            Layout.fillWidth: true
            text: tab.inspector.fileName
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            horizontalAlignment: Text.AlignRight
            elide: Text.ElideLeft
        }
    }
}
