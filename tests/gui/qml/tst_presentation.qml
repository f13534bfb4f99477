import QtQuick
import QtQuick.Controls
import QtQuick.Window
import QtTest
import KubeStage.Core
import KubeStage.Ui

// Presentation mode on a projector: every control grows with the fonts (Theme.scale), nothing
// in the transport bar or the lesson panel is cut or overlaps at 1280x720, 1600x1000 and
// 1920x1080 in English and Chinese, the keys of the course work whatever has the focus, and
// the colours keep a high contrast.
TestCase {
    name: "Presentation"
    when: windowShown
    visible: true
    width: 1400
    height: 900

    Component {
        id: mainComponent
        Main {}
    }

    // A console outside the window makes an edit to undo (the window hides its own).
    ConsolePanel {
        id: consolePanel
        width: 400
        height: 200
        visible: false
    }

    function init() {
        App.playing = false
        App.speed = 1
        UiLanguage.language = "en"
        Theme.presentation = false
        Theme.dark = false
        verify(App.openLesson("sched-09-taints", 1))
    }
    function cleanup() {
        App.playing = false
        App.speed = 1
        UiLanguage.language = "en"
        Theme.presentation = false
        Theme.dark = false
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

    // The window in presentation mode at a projector's size. (The test screen is smaller than a
    // projector, so the window leaves full screen and takes the size itself.)
    function presenting(w, h) {
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        Theme.presentation = true
        window.visibility = Window.Windowed
        window.width = w
        window.height = h
        tryCompare(window, "width", w)
        tryCompare(window, "height", h)
        waitForRendering(window.contentItem)
        return window
    }

    function rectOf(item) {
        const p = item.mapToItem(null, 0, 0)
        return { x: p.x, y: p.y, w: item.width, h: item.height }
    }
    function overlaps(a, b) {
        return a.x + a.w > b.x + 0.5 && b.x + b.w > a.x + 0.5 && a.y + a.h > b.y + 0.5 && b.y + b.h > a.y + 0.5
    }
    // The visible children of a row: none overlaps another, all inside `bounds`, and none is
    // squeezed below its own width (text that would be cut), unless it elides on purpose.
    function checkRow(row, bounds, what) {
        const items = []
        for (let i = 0; i < row.children.length; ++i) {
            const c = row.children[i]
            if (c.visible && c.width > 0) items.push(c)
        }
        verify(items.length >= 2, what + " has items")
        for (let i = 0; i < items.length; ++i) {
            const r = rectOf(items[i])
            const name = what + ": " + (items[i].objectName || items[i].text || i)
            verify(r.x >= bounds.x - 0.5 && r.x + r.w <= bounds.x + bounds.w + 0.5,
                   name + " inside [" + bounds.x + ", " + (bounds.x + bounds.w) + "]: " + r.x + " + " + r.w)
            if (items[i].text !== undefined && (items[i].elide === undefined || items[i].elide === Text.ElideNone))
                verify(items[i].width >= items[i].implicitWidth - 1,
                       name + " is not squeezed: " + items[i].width + " < " + items[i].implicitWidth)
            for (let j = i + 1; j < items.length; ++j)
                verify(!overlaps(r, rectOf(items[j])), name + " overlaps " + (items[j].objectName || items[j].text || j))
        }
    }

    function test_controlsFitAndScale_data() {
        const rows = []
        for (const size of [[1280, 720], [1600, 1000], [1920, 1080]])
            for (const lang of ["en", "zh"])
                rows.push({ tag: size[0] + "x" + size[1] + " " + lang, w: size[0], h: size[1], lang: lang })
        return rows
    }
    function test_controlsFitAndScale(data) {
        UiLanguage.language = data.lang
        compare(App.lesson.language, data.lang)
        // The heights of the controls in normal mode, to compare with.
        const names = ["openLessonBrowser", "lessonLanguage", "lessonBack", "lessonNext", "showMe"]
        const normal = createTemporaryObject(mainComponent, null)
        waitForRendering(normal.contentItem)
        const normalHeight = {}
        for (const n of names) {
            const item = findByName(normal.contentItem, n)
            verify(item && item.visible, n + " is shown")
            normalHeight[n] = item.height
        }
        normalHeight.playPause = findByName(normal.header, "playPause").height
        normalHeight.languageSwitch = findByName(normal.header, "languageSwitch").height
        normal.destroy()

        const window = presenting(data.w, data.h)
        const big = Theme.fontNormal
        compare(big, Math.round(14 * 1.4))
        for (const n of names) {
            const item = findByName(window.contentItem, n)
            verify(item.visible, n)
            compare(item.font.pixelSize, big, n + " takes the theme's font")
            verify(item.height >= 1.25 * normalHeight[n], n + " grows: " + item.height + " vs " + normalHeight[n])
            verify(item.height >= item.font.pixelSize + 2 * Theme.controlPadding, n + " holds its text")
        }
        for (const n of ["playPause", "languageSwitch"])
            verify(findByName(window.header, n).height >= 1.25 * normalHeight[n], n + " grows")
        compare(findByName(window.contentItem, "quiz").font.pixelSize, big, "the quiz's controls too")

        // The lesson panel: its header (browser, language) and its footer (Back, the step counter,
        // Next) each fit the panel without overlapping; the header is not the counter's place.
        const side = findByName(window.contentItem, "sidePanel")
        verify(side.visible)
        const panelRect = rectOf(side)
        const browser = findByName(window.contentItem, "openLessonBrowser")
        const counter = findByName(window.contentItem, "stepCounter")
        checkRow(browser.parent, panelRect, "lesson header")
        checkRow(counter.parent, panelRect, "lesson footer")
        compare(counter.parent, findByName(window.contentItem, "lessonNext").parent)
        compare(counter.text, data.lang === "zh" ? "第 2 步，共 4 步" : "Step 2 of 4")
        verify(counter.implicitWidth <= counter.width + 0.5, "the step counter is whole: " + counter.text)
        const language = findByName(window.contentItem, "lessonLanguage")
        compare(language.height, browser.height, "the language box is as tall as the button beside it")

        // The transport bar: whatever is shown fits; what gives way has a key.
        const bar = window.header
        checkRow(findByName(bar, "playPause").parent, { x: 0, y: 0, w: bar.width, h: bar.height }, "transport bar")
        for (const n of ["jumpToStart", "stepBack", "playPause", "stepForward", "speed", "scrubber", "clock",
                         "stepLabel", "languageSwitch", "themeSwitch", "presentationSwitch", "fileMenuButton"])
            verify(findByName(bar, n).visible, n + " stays")
        compare(findByName(bar, "speed").width, Math.round(80 * Theme.scale))
        verify(findByName(bar, "scrubber").width >= 80 * Theme.scale, "the timeline keeps room to scrub")
        // The lesson's own bottom row is on screen at every size: the scheduler view below the
        // canvas shrinks (and scrolls) on a short window instead of pushing it out.
        const next = rectOf(findByName(window.contentItem, "lessonNext"))
        verify(next.y + next.h <= window.height + 0.5, "Next is on screen: " + (next.y + next.h))
        const scheduler = rectOf(findByName(window.contentItem, "schedulerView"))
        verify(scheduler.y + scheduler.h <= window.height + 0.5, "the scheduler view ends on screen: " + (scheduler.y + scheduler.h))
    }

    function test_normalModeKeepsEverything() {
        const window = createTemporaryObject(mainComponent, null)
        window.width = 1400
        tryCompare(window, "width", 1400)
        waitForRendering(window.contentItem)
        const bar = window.header
        for (const n of ["undo", "redo", "scenarioName"]) verify(findByName(bar, n).visible, n)
        compare(findByName(bar, "presentationSwitch").text, "Present")
        verify(findByName(bar, "stepLabel").text.indexOf("step ") === 0)
        checkRow(findByName(bar, "playPause").parent, { x: 0, y: 0, w: bar.width, h: bar.height }, "transport bar")
        compare(findByName(window.contentItem, "lessonNext").font.pixelSize, 14)
    }

    // The course's keys (Space, Right / Left, + / -, Ctrl+Z / Ctrl+Shift+Z, Esc) in presentation
    // mode, after a click has given the focus to a button or the speed slider.
    function test_keysWorkWithTheFocusAnywhere() {
        const window = presenting(1600, 1000)
        window.requestActivate()
        tryVerify(() => window.active)
        for (const focus of ["lessonBack", "speed"]) {
            const item = focus === "speed" ? findByName(window.header, focus) : findByName(window.contentItem, focus)
            item.forceActiveFocus()
            verify(item.activeFocus, focus)
            const at = App.position
            keyClick(Qt.Key_Right)
            compare(App.position, at + 1, "Right steps forward (focus on " + focus + ")")
            keyClick(Qt.Key_Left)
            compare(App.position, at, "Left steps back (focus on " + focus + ")")
            compare(App.speed, 1, "the keys do not move the speed slider")
            keyClick(Qt.Key_Plus)
            compare(App.speed, 2, "+ is faster")
            keyClick(Qt.Key_Minus)
            compare(App.speed, 1, "- is slower")
            const step = App.lesson.step
            keyClick(Qt.Key_Space)
            verify(App.playing, "Space plays (focus on " + focus + ")")
            keyClick(Qt.Key_Space)
            verify(!App.playing, "Space pauses")
            compare(App.lesson.step, step, "Space did not press the focused button")
        }
        verify(!App.canUndo)
        compare(consolePanel.shell.run("kubectl cordon node-1"), 0)
        verify(App.canUndo)
        keyClick(Qt.Key_Z, Qt.ControlModifier)
        verify(!App.canUndo, "Ctrl+Z undoes")
        verify(App.canRedo)
        keyClick(Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
        verify(App.canUndo, "Ctrl+Shift+Z redoes")
        verify(Theme.presentation, "still presenting")
        keyClick(Qt.Key_Escape)
        verify(!Theme.presentation, "Esc leaves")
    }

    // A teacher types in the console, then presents: the prompt is hidden with the console and
    // must not keep the keys (Space would type a blank instead of playing).
    function test_keysAfterTypingInTheConsole() {
        const window = createTemporaryObject(mainComponent, null)
        window.requestActivate()
        tryVerify(() => window.active)
        const side = findByName(window.contentItem, "sidePanel")
        side.currentIndex = 5
        const prompt = findByName(window.contentItem, "consolePrompt")
        tryVerify(() => prompt.visible)
        prompt.forceActiveFocus()
        verify(prompt.activeFocus)
        keyClick(Qt.Key_Space)
        verify(!App.playing, "in the console a blank is typed")
        compare(prompt.text, " ")
        keyClick(Qt.Key_F5)
        verify(Theme.presentation)
        tryVerify(() => !prompt.visible)
        tryVerify(() => !prompt.activeFocus, 1000, "the hidden prompt lets go of the keys")
        keyClick(Qt.Key_Space)
        verify(App.playing, "Space plays")
        keyClick(Qt.Key_Space)
        verify(!App.playing)
        const at = App.position
        keyClick(Qt.Key_Right)
        compare(App.position, at + 1)
        keyClick(Qt.Key_Home)
        compare(App.position, 0, "Home goes back to the start")
        compare(prompt.text, " ", "nothing more was typed")
    }

    // WCAG contrast ratio of two colours.
    function luminance(c) {
        const lin = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
        return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
    }
    function contrast(a, b) {
        const la = luminance(a), lb = luminance(b)
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    }
    function test_highContrast_data() {
        return [{ tag: "light", dark: false }, { tag: "dark", dark: true }]
    }
    function test_highContrast(data) {
        Theme.dark = data.dark
        for (const presenting of [false, true]) {
            Theme.presentation = presenting
            const needed = presenting ? 6 : 4.5
            const mode = data.tag + (presenting ? " presentation" : "")
            for (const bg of [Theme.background, Theme.surface]) {
                for (const fg of ["text", "textMuted", "accentText", "okText", "codeText"])
                    verify(contrast(Theme[fg], bg) >= needed,
                           fg + " on " + bg + " in " + mode + ": " + contrast(Theme[fg], bg).toFixed(2))
            }
            if (presenting) {
                verify(contrast(Theme.text, Theme.background) >= 15, "text is black on white or white on black")
                verify(contrast(Theme.border, Theme.surface) >= 7, "borders as strong as text")
            }
        }
    }

    function test_lessonCodeTakesTheThemeColour() {
        const window = createTemporaryObject(mainComponent, null)
        const text = findByName(window.contentItem, "stepText")
        verify(App.lesson.stepHtml.indexOf("#c7254e") > 0, "the adapter colours code")
        Theme.dark = true
        verify(text.text.indexOf("#c7254e") < 0)
        verify(text.text.indexOf(String(Theme.codeText)) > 0)
    }
}
