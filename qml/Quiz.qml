import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The lesson's quiz: single choice as radio buttons, multiple choice as check boxes. "Check"
// grades the answers in C++ (App.lesson.checkQuiz), then every option shows whether it is right
// and each question its explanation, in the lesson's language. The choices survive a language
// switch: they are kept here by index, not in the delegates.
ScrollView {
    id: quiz
    readonly property var lesson: App.lesson
    readonly property var questions: lesson.quiz
    readonly property var result: lesson.quizResult
    readonly property bool checked: result.questions !== undefined
    function t(en, zh) { return lesson.language === "zh" ? zh : en }

    // answers[q] = indices of the chosen options of question q
    property var answers: []
    function resetAnswers() {
        const a = []
        for (let i = 0; i < questions.length; ++i) a.push([])
        answers = a
    }
    function isChosen(q, c) { return answers[q] !== undefined && answers[q].indexOf(c) >= 0 }
    function choose(q, c, on, multiple) {
        const a = answers.slice()
        let list = multiple ? (a[q] || []).filter(x => x !== c) : []
        if (on) list.push(c)
        a[q] = list
        answers = a
    }
    function allAnswered() {
        if (answers.length !== questions.length) return false
        for (let i = 0; i < answers.length; ++i)
            if (answers[i].length === 0) return false
        return true
    }
    Connections {
        target: quiz.lesson
        // A new lesson starts with a blank quiz; a language switch keeps the choices.
        property string shown: ""
        function onQuizChanged() {
            if (quiz.lesson.lessonId !== shown || quiz.answers.length !== quiz.questions.length) quiz.resetAnswers()
            shown = quiz.lesson.lessonId
        }
    }
    Component.onCompleted: resetAnswers()

    clip: true
    contentWidth: availableWidth

    Column {
        width: quiz.availableWidth
        spacing: Theme.spacing * 1.5

        Text {
            width: parent.width
            text: quiz.t("Check what you learned. Some questions have more than one right answer (check boxes).",
                         "检查一下学到了什么。有的题不止一个正确答案（复选框）。")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }

        Repeater {
            model: quiz.questions
            delegate: Column {
                id: question
                required property var modelData
                required property int index
                readonly property var graded: quiz.checked ? quiz.result.questions[index] : null
                width: quiz.availableWidth
                spacing: Theme.spacing / 2
                Text {
                    width: parent.width
                    text: "<b>" + (question.index + 1) + ".</b> " + Theme.lessonHtml(question.modelData.question)
                          + (question.modelData.multiple ? " <i>(" + quiz.t("choose all that apply", "多选") + ")</i>" : "")
                    textFormat: Text.StyledText
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontNormal
                    color: Theme.text
                }
                Repeater {
                    model: question.modelData.choices
                    delegate: RowLayout {
                        id: choice
                        required property string modelData
                        required property int index
                        readonly property var verdict: question.graded ? question.graded.choices[index] : null
                        width: question.width
                        spacing: 2
                        Loader {
                            Layout.alignment: Qt.AlignTop
                            sourceComponent: question.modelData.multiple ? checkComponent : radioComponent
                            Component {
                                id: radioComponent
                                RadioButton {
                                    objectName: "choice:" + question.index + ":" + choice.index
                                    // The style's 14-pixel box, grown with the text on a projector.
                                    indicator.implicitWidth: Math.round(14 * Theme.scale)
                                    indicator.implicitHeight: Math.round(14 * Theme.scale)
                                    checked: quiz.isChosen(question.index, choice.index)
                                    enabled: !quiz.checked
                                    onToggled: {
                                        quiz.choose(question.index, choice.index, checked, false)
                                        checked = Qt.binding(() => quiz.isChosen(question.index, choice.index))
                                    }
                                }
                            }
                            Component {
                                id: checkComponent
                                CheckBox {
                                    objectName: "choice:" + question.index + ":" + choice.index
                                    // The style's 14-pixel box, grown with the text on a projector.
                                    indicator.implicitWidth: Math.round(14 * Theme.scale)
                                    indicator.implicitHeight: Math.round(14 * Theme.scale)
                                    checked: quiz.isChosen(question.index, choice.index)
                                    enabled: !quiz.checked
                                    onToggled: {
                                        quiz.choose(question.index, choice.index, checked, true)
                                        checked = Qt.binding(() => quiz.isChosen(question.index, choice.index))
                                    }
                                }
                            }
                        }
                        Text {
                            Layout.fillWidth: true
                            Layout.alignment: Qt.AlignVCenter
                            text: Theme.lessonHtml(choice.modelData)
                            textFormat: Text.StyledText
                            wrapMode: Text.Wrap
                            font.pixelSize: Theme.fontNormal
                            color: !choice.verdict ? Theme.text : choice.verdict.correct ? Theme.okText
                                 : choice.verdict.chosen ? Theme.danger : Theme.textMuted
                            MouseArea {
                                anchors.fill: parent
                                enabled: !quiz.checked
                                onClicked: quiz.choose(question.index, choice.index,
                                                       !quiz.isChosen(question.index, choice.index) || !question.modelData.multiple,
                                                       question.modelData.multiple)
                            }
                        }
                        Text {
                            objectName: "verdict:" + question.index + ":" + choice.index
                            Layout.alignment: Qt.AlignVCenter
                            Layout.preferredWidth: 24 * Theme.scale
                            // ✓ a right answer (chosen or missed), ✗ a wrong one that was chosen.
                            text: !choice.verdict ? "" : choice.verdict.correct ? "✓" : choice.verdict.chosen ? "✗" : ""
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            color: choice.verdict && choice.verdict.correct ? Theme.ok : Theme.danger
                        }
                    }
                }
                Rectangle {
                    visible: question.graded !== null
                    width: parent.width
                    height: explanation.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: question.graded && question.graded.right ? "#1a2e9d5b" : "#1ad64545"
                    border.color: question.graded && question.graded.right ? Theme.ok : Theme.danger
                    Text {
                        id: explanation
                        objectName: "explanation:" + question.index
                        x: Theme.spacing
                        y: Theme.spacing
                        width: parent.width - 2 * Theme.spacing
                        text: "<b>" + (question.graded && question.graded.right ? quiz.t("Right.", "答对了。")
                                                                               : quiz.t("Not quite.", "不完全对。"))
                              + "</b> " + Theme.lessonHtml(question.modelData.explanation)
                        textFormat: Text.StyledText
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontSmall
                        color: Theme.text
                    }
                }
            }
        }

        RowLayout {
            width: parent.width
            Button {
                objectName: "checkQuiz"
                visible: !quiz.checked
                text: quiz.t("Check", "检查答案")
                highlighted: true
                enabled: quiz.allAnswered()
                onClicked: quiz.lesson.checkQuiz(quiz.answers)
            }
            Button {
                objectName: "retryQuiz"
                visible: quiz.checked
                text: quiz.t("Try again", "重新作答")
                onClicked: {
                    quiz.resetAnswers()
                    quiz.lesson.resetQuiz()
                }
            }
            Text {
                objectName: "quizScore"
                visible: quiz.checked
                Layout.fillWidth: true
                text: quiz.checked ? quiz.t("%1 of %2 right", "答对 %1 题，共 %2 题").arg(quiz.result.score).arg(quiz.result.total) : ""
                font.pixelSize: Theme.fontNormal
                font.bold: true
                color: quiz.checked && quiz.result.score === quiz.result.total ? Theme.ok : Theme.text
            }
        }
    }
}
