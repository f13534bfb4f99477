import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The open lesson: the step's text (safe rich text rendered by the core), the try-it prompt with
// its hint and the live check, Back / Next, the quiz after the last step, and the language. Its
// own labels follow the lesson's language too.
ColumnLayout {
    id: panel
    readonly property var lesson: App.lesson
    readonly property bool zh: lesson.language === "zh"
    function t(en, zhText) { return zh ? zhText : en }
    spacing: Theme.spacing

    // The panel's buttons take their size from the theme like its text, so that on a projector
    // (Theme.scale) a button is not a small box around large words.
    component PanelButton: Button {
        font.pixelSize: Theme.fontNormal
        padding: Theme.controlPadding
        leftPadding: Theme.controlPaddingWide
        rightPadding: Theme.controlPaddingWide
        implicitHeight: Math.max(Theme.controlHeight, implicitContentHeight + topPadding + bottomPadding)
    }

    // The lesson browser and the language; the step counter sits between Back and Next below,
    // where it has the panel's width to itself (beside these two it overlapped "☰ Lessons" in a
    // narrow panel with large fonts).
    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing / 2
        spacing: Theme.spacing
        PanelButton {
            id: browserButton
            objectName: "openLessonBrowser"
            text: panel.t("☰ Lessons", "☰ 课程")
            onClicked: panel.lesson.browserOpen = true
        }
        Item { Layout.fillWidth: true }
        ComboBox {
            objectName: "lessonLanguage"
            model: ["English", "中文"]
            currentIndex: panel.zh ? 1 : 0
            onActivated: index => panel.lesson.language = index === 1 ? "zh" : "en"
            font.pixelSize: Theme.fontNormal
            implicitContentWidthPolicy: ComboBox.WidestText
            // The style sizes the box for its normal font only (its text field reports no
            // height): as tall as the button beside it, so that large text is not cut.
            implicitHeight: browserButton.implicitHeight
        }
    }

    Text {
        visible: !panel.lesson.active
        Layout.fillWidth: true
        text: panel.t("No lesson is open. Choose one in the lesson browser, or start the kube-scheduler chapter with its first lesson.",
                      "还没有打开课程。在课程列表里选一课，或者从 kube-scheduler 一章的第一课开始。")
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontNormal
        color: Theme.textMuted
    }
    PanelButton {
        visible: !panel.lesson.active
        text: panel.t("Start: sched-01-overview", "开始：sched-01-overview")
        onClicked: panel.lesson.resume("sched-01-overview")
    }
    Text {
        objectName: "lessonTitle"
        visible: panel.lesson.active
        Layout.fillWidth: true
        text: panel.lesson.title
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
    }
    Text {
        visible: text !== "" && !panel.lesson.quizOpen
        Layout.fillWidth: true
        text: panel.lesson.stepTitle
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        font.pixelSize: Theme.fontNormal
        font.bold: true
        color: Theme.accentText
    }

    ScrollView {
        id: stepScroll
        visible: panel.lesson.active && !panel.lesson.quizOpen
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        contentWidth: availableWidth
        Column {
            width: stepScroll.availableWidth
            spacing: Theme.spacing
            Text {
                objectName: "stepText"
                width: parent.width
                text: Theme.lessonHtml(panel.lesson.stepHtml)
                textFormat: Text.StyledText
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontNormal
                color: Theme.text
                linkColor: Theme.accentText
                onLinkActivated: link => {
                    if (link.startsWith("lesson:")) panel.lesson.resume(link.substring(7))
                }
            }
            Rectangle {
                objectName: "tryIt"
                visible: panel.lesson.hasTryIt
                width: parent.width
                height: tryItColumn.implicitHeight + 2 * Theme.spacing
                color: panel.lesson.tryItSolved ? "#1a2e9d5b" : "#1a326ce5"
                border.color: panel.lesson.tryItSolved ? Theme.ok : Theme.accent
                radius: Theme.radius
                Column {
                    id: tryItColumn
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    spacing: Theme.spacing / 2
                    Text {
                        width: parent.width
                        text: "<b>" + panel.t("Try it", "动手试试") + ":</b> " + Theme.lessonHtml(panel.lesson.tryItHtml)
                        textFormat: Text.StyledText
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontNormal
                        color: Theme.text
                    }
                    Text {
                        objectName: "tryItHint"
                        visible: hintButton.checked && panel.lesson.tryItHintHtml !== ""
                        width: parent.width
                        text: "<i>" + panel.t("Hint", "提示") + ":</i> " + Theme.lessonHtml(panel.lesson.tryItHintHtml)
                        textFormat: Text.StyledText
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                    Text {
                        objectName: "tryItStatus"
                        width: parent.width
                        text: panel.lesson.tryItSolved
                              ? panel.t("✓ Well done: the cluster now does what the step asked. Go on with Next.",
                                        "✓ 做到了：集群已经达到这一步的要求。点「下一步」继续。")
                              : panel.t("Waiting for the cluster: make the change, then let the simulation run (Play or Step).",
                                        "等待集群变化：先做修改，再让模拟运行（播放或单步）。")
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontSmall
                        font.bold: panel.lesson.tryItSolved
                        color: panel.lesson.tryItSolved ? Theme.okText : Theme.textMuted
                    }
                    Flow {
                        width: parent.width
                        spacing: Theme.spacing
                        PanelButton {
                            id: hintButton
                            objectName: "tryItHintButton"
                            visible: panel.lesson.tryItHintHtml !== ""
                            checkable: true
                            text: checked ? panel.t("Hide hint", "隐藏提示") : panel.t("Hint", "提示")
                        }
                        PanelButton {
                            objectName: "showMe"
                            enabled: !panel.lesson.tryItSolved
                            text: panel.t("Show me", "演示答案")
                            onClicked: panel.lesson.showMe()
                        }
                    }
                }
            }
            LessonInspector {
                width: parent.width
            }
        }
    }

    Quiz {
        objectName: "quiz"
        // Its radio buttons, check boxes and buttons take this size.
        font.pixelSize: Theme.fontNormal
        visible: panel.lesson.active && panel.lesson.quizOpen
        Layout.fillWidth: true
        Layout.fillHeight: true
    }

    RowLayout {
        visible: panel.lesson.active
        Layout.fillWidth: true
        spacing: Theme.spacing
        PanelButton {
            objectName: "lessonBack"
            text: panel.t("Back", "上一步")
            enabled: panel.lesson.step > 0 || panel.lesson.quizOpen
            onClicked: panel.lesson.back()
        }
        Text {
            objectName: "stepCounter"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
            text: panel.lesson.quizOpen ? panel.t("Quiz", "测验")
                                        : panel.t("Step %1 of %2", "第 %1 步，共 %2 步").arg(panel.lesson.step + 1).arg(panel.lesson.stepCount)
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        PanelButton {
            objectName: "lessonNext"
            readonly property bool last: panel.lesson.step + 1 >= panel.lesson.stepCount
            visible: !panel.lesson.quizOpen
            text: last ? panel.t("Quiz", "测验") : panel.t("Next", "下一步")
            highlighted: true
            enabled: last ? panel.lesson.quiz.length > 0 && (!panel.lesson.hasTryIt || panel.lesson.tryItSolved)
                          : panel.lesson.canAdvance
            onClicked: panel.lesson.next()
        }
        PanelButton {
            objectName: "nextLesson"
            visible: panel.lesson.quizOpen
            text: panel.lesson.nextLessonId !== "" ? panel.t("Next lesson", "下一课") : panel.t("All lessons", "全部课程")
            highlighted: panel.lesson.quizResult.score !== undefined
            onClicked: {
                if (panel.lesson.nextLessonId !== "") panel.lesson.resume(panel.lesson.nextLessonId)
                else panel.lesson.browserOpen = true
            }
        }
    }
}
