import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The open lesson: the step's text (safe rich text rendered by the core), the try-it prompt,
// Back / Next, and the language.
ColumnLayout {
    id: panel
    readonly property var lesson: App.lesson
    spacing: Theme.spacing

    Text {
        visible: !panel.lesson.active
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing
        text: qsTr("No lesson is open. Start the kube-scheduler chapter with its first lesson.")
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontNormal
        color: Theme.textMuted
    }
    Button {
        visible: !panel.lesson.active
        text: qsTr("Open sched-01-overview")
        onClicked: App.openLesson("sched-01-overview", 0)
    }
    Text {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing
        text: panel.lesson.title
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
    }
    RowLayout {
        visible: panel.lesson.active
        Layout.fillWidth: true
        Text {
            objectName: "stepCounter"
            text: qsTr("Step %1 of %2").arg(panel.lesson.step + 1).arg(panel.lesson.stepCount)
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            Layout.fillWidth: true
        }
        ComboBox {
            model: ["en", "zh"]
            currentIndex: panel.lesson.language === "zh" ? 1 : 0
            onActivated: panel.lesson.language = currentText
            implicitWidth: 70
        }
    }
    Text {
        visible: text !== ""
        Layout.fillWidth: true
        text: panel.lesson.stepTitle
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        font.pixelSize: Theme.fontNormal
        font.bold: true
        color: Theme.accent
    }
    ScrollView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        contentWidth: availableWidth
        Column {
            width: parent.width
            spacing: Theme.spacing
            Text {
                objectName: "stepText"
                width: parent.width
                text: panel.lesson.stepHtml
                textFormat: Text.StyledText
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontNormal
                color: Theme.text
                onLinkActivated: link => {
                    if (link.startsWith("lesson:")) App.openLesson(link.substring(7), 0)
                }
            }
            Rectangle {
                visible: panel.lesson.tryItHtml !== ""
                width: parent.width
                height: tryIt.implicitHeight + 2 * Theme.spacing
                color: "#1a326ce5"
                border.color: Theme.accent
                radius: Theme.radius
                Text {
                    id: tryIt
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    text: "<b>" + qsTr("Try it") + ":</b> " + panel.lesson.tryItHtml
                    textFormat: Text.StyledText
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontNormal
                    color: Theme.text
                }
            }
        }
    }
    RowLayout {
        visible: panel.lesson.active
        Layout.fillWidth: true
        Button {
            objectName: "lessonBack"
            text: qsTr("Back")
            enabled: panel.lesson.step > 0
            onClicked: panel.lesson.back()
        }
        Item { Layout.fillWidth: true }
        Button {
            objectName: "lessonNext"
            text: qsTr("Next")
            highlighted: true
            enabled: panel.lesson.step + 1 < panel.lesson.stepCount
            onClicked: panel.lesson.next()
        }
    }
}
