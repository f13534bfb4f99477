import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The lesson browser: the first screen of the app. Chapters and their lessons in course order,
// each with its title in the lesson language, the course section it annotates and the learner's
// progress; the place to start (or to continue) stands out. Choosing a lesson opens it in the
// lesson panel beside the canvas.
Rectangle {
    id: browser
    readonly property var lesson: App.lesson
    readonly property var catalog: App.lesson.catalog
    readonly property bool zh: lesson.language === "zh"
    function t(en, zhText) { return zh ? zhText : en }
    function chapterTitle(chapter) {
        if (chapter === "kube-scheduler") return t("Chapter 1 · kube-scheduler: how a Pod finds its node", "第 1 章 · kube-scheduler：Pod 如何找到节点")
        return chapter
    }
    color: Theme.background

    // Swallow clicks and wheel events meant for the window below.
    MouseArea { anchors.fill: parent; hoverEnabled: true; onWheel: wheel => wheel.accepted = true }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 3
        spacing: Theme.spacing * 2

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing * 2
            Text {
                text: "KubeStage"
                font.pixelSize: Theme.fontTitle * 1.4
                font.bold: true
                color: Theme.accent
            }
            Text {
                Layout.fillWidth: true
                text: browser.t("Lessons: the Kubernetes control plane, one live cluster at a time",
                                "课程：在一个活的集群里，一步步看懂 Kubernetes 控制平面")
                elide: Text.ElideRight
                font.pixelSize: Theme.fontLarge
                color: Theme.text
            }
            ComboBox {
                objectName: "browserLanguage"
                model: ["English", "中文"]
                currentIndex: browser.zh ? 1 : 0
                onActivated: index => browser.lesson.language = index === 1 ? "zh" : "en"
                // Sized with the theme like the text around it (a projector enlarges both).
                font.pixelSize: Theme.fontNormal
                implicitContentWidthPolicy: ComboBox.WidestText
                implicitHeight: closeButton.implicitHeight
            }
            Button {
                id: closeButton
                objectName: "closeLessonBrowser"
                font.pixelSize: Theme.fontNormal
                padding: Theme.controlPadding
                leftPadding: Theme.controlPaddingWide
                rightPadding: Theme.controlPaddingWide
                text: browser.t("Explore the cluster ✕", "自由探索集群 ✕")
                onClicked: browser.lesson.browserOpen = false
            }
        }

        // Where to go on: the first lesson, or the one last open.
        Rectangle {
            objectName: "startCard"
            Layout.fillWidth: true
            Layout.preferredHeight: startRow.implicitHeight + Theme.spacing * 3
            radius: Theme.radius * 2
            color: Theme.accent
            RowLayout {
                id: startRow
                anchors.fill: parent
                anchors.margins: Theme.spacing * 1.5
                spacing: Theme.spacing * 2
                Column {
                    Layout.fillWidth: true
                    spacing: 4
                    Text {
                        width: parent.width
                        text: browser.catalog.canContinue ? browser.t("Continue where you left off", "从上次停下的地方继续")
                                                          : browser.t("New here? Start with the overview", "第一次来？从概览开始")
                        font.pixelSize: Theme.fontNormal
                        color: "#dce6fb"
                    }
                    Text {
                        objectName: "startTitle"
                        width: parent.width
                        text: browser.catalog.startTitle
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        color: "white"
                    }
                }
                Button {
                    objectName: "startLesson"
                    text: browser.catalog.canContinue ? browser.t("Continue ▶", "继续 ▶") : browser.t("Start ▶", "开始 ▶")
                    font.pixelSize: Theme.fontLarge
                    onClicked: browser.lesson.resume(browser.catalog.startId)
                }
            }
        }

        ListView {
            id: list
            objectName: "lessonList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: browser.catalog
            ScrollBar.vertical: ScrollBar {}
            section.property: "chapter"
            section.delegate: Text {
                required property string section
                width: list.width
                topPadding: Theme.spacing
                bottomPadding: Theme.spacing / 2
                text: browser.chapterTitle(section)
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            delegate: Rectangle {
                id: row
                required property string lessonId
                required property int order
                required property string title
                required property string summary
                required property string course
                required property int step
                required property int stepCount
                required property string status
                required property string statusText
                required property string quizText
                required property bool startHere
                objectName: "lesson:" + lessonId
                width: list.width - 14
                height: rowLayout.implicitHeight + Theme.spacing * 2
                radius: Theme.radius
                color: mouse.containsMouse ? Theme.surfaceAlt : Theme.surface
                border.color: startHere ? Theme.accent : Theme.border
                border.width: startHere ? 3 : 1
                MouseArea {
                    id: mouse
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    onClicked: browser.lesson.resume(row.lessonId)
                }
                RowLayout {
                    id: rowLayout
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.margins: Theme.spacing * 1.5
                    spacing: Theme.spacing * 1.5
                    Rectangle {
                        Layout.alignment: Qt.AlignTop
                        width: 34 * Theme.scale
                        height: width
                        radius: width / 2
                        color: row.status === "done" ? Theme.ok : row.status === "started" ? Theme.accent : Theme.surfaceAlt
                        border.color: Theme.border
                        Text {
                            anchors.centerIn: parent
                            text: row.status === "done" ? "✓" : row.order
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                            color: row.status === "new" ? Theme.text : "white"
                        }
                    }
                    Column {
                        Layout.fillWidth: true
                        spacing: 3
                        Row {
                            width: parent.width
                            spacing: Theme.spacing
                            Text {
                                id: titleText
                                width: Math.min(implicitWidth, parent.width - (badge.visible ? badge.width + Theme.spacing : 0))
                                text: row.title
                                elide: Text.ElideRight
                                font.pixelSize: Theme.fontLarge
                                font.bold: true
                                color: Theme.text
                            }
                            Rectangle {
                                id: badge
                                visible: row.startHere
                                anchors.verticalCenter: titleText.verticalCenter
                                width: badgeText.implicitWidth + 12
                                height: badgeText.implicitHeight + 4
                                radius: 3
                                color: Theme.accent
                                Text {
                                    id: badgeText
                                    anchors.centerIn: parent
                                    text: browser.catalog.canContinue ? browser.t("continue here", "从这里继续") : browser.t("start here", "从这里开始")
                                    font.pixelSize: Theme.fontSmall
                                    color: "white"
                                }
                            }
                        }
                        Text {
                            width: parent.width
                            text: Theme.lessonHtml(row.summary)
                            textFormat: Text.StyledText
                            wrapMode: Text.Wrap
                            maximumLineCount: 2
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                        Text {
                            width: parent.width
                            text: browser.t("Course section: ", "课程章节：") + row.course + "   ·   " + row.lessonId
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                    }
                    Column {
                        Layout.alignment: Qt.AlignVCenter
                        Layout.preferredWidth: 170 * Theme.scale
                        spacing: 4
                        Text {
                            objectName: "status:" + row.lessonId
                            width: parent.width
                            horizontalAlignment: Text.AlignRight
                            text: row.statusText
                            font.pixelSize: Theme.fontNormal
                            font.bold: row.status !== "new"
                            color: row.status === "done" ? Theme.ok : row.status === "started" ? Theme.accent : Theme.textMuted
                        }
                        Rectangle {
                            width: parent.width
                            height: 6
                            radius: 3
                            color: Theme.surfaceAlt
                            border.color: Theme.border
                            Rectangle {
                                width: row.status === "done" ? parent.width
                                     : row.step < 0 || row.stepCount === 0 ? 0 : parent.width * (row.step + 1) / row.stepCount
                                height: parent.height
                                radius: 3
                                color: row.status === "done" ? Theme.ok : Theme.accent
                            }
                        }
                        Text {
                            objectName: "quiz:" + row.lessonId
                            width: parent.width
                            horizontalAlignment: Text.AlignRight
                            visible: text !== ""
                            text: row.quizText
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                    }
                }
            }
        }

        Text {
            visible: browser.catalog.loadErrors.length > 0
            Layout.fillWidth: true
            text: browser.catalog.loadErrors.join("\n")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
            color: Theme.danger
        }
    }
}
