import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// A kubectl prompt on the shown cluster: the transcript in a monospace font, Enter runs the
// line, Up and Down recall earlier commands. Changes are recorded edits of the run (App).
ColumnLayout {
    id: panel
    spacing: 4
    property alias shell: shell
    property alias prompt: prompt

    Console { id: shell }

    ScrollView {
        id: scroll
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        TextArea {
            id: output
            objectName: "consoleOutput"
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.NoWrap
            textFormat: TextEdit.PlainText
            font.family: "monospace"
            font.pixelSize: Theme.fontSmall
            color: Theme.text
            text: shell.transcript.length > 0 ? shell.transcript
                                               : qsTr("Type a kubectl command, e.g. get pods -o wide\n")
            // Keep the newest output in view.
            onTextChanged: cursorPosition = length
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 4
        Text {
            text: "$ kubectl"
            font.family: "monospace"
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        TextField {
            id: prompt
            objectName: "consolePrompt"
            Layout.fillWidth: true
            font.family: "monospace"
            font.pixelSize: Theme.fontSmall
            placeholderText: "get pods -o wide"
            // -1: editing a new line; 0: the newest history entry, 1: the one before, ...
            property int recallIndex: -1
            onAccepted: {
                shell.run(text)
                text = ""
                recallIndex = -1
            }
            Keys.onUpPressed: {
                if (recallIndex + 1 < shell.history.length) {
                    recallIndex++
                    text = shell.recall(recallIndex)
                }
            }
            Keys.onDownPressed: {
                if (recallIndex >= 0) {
                    recallIndex--
                    text = recallIndex >= 0 ? shell.recall(recallIndex) : ""
                }
            }
        }
    }
}
