import QtQuick
import QtQuick.Controls
import QtQuick.Window
import QtTest
import KubeStage.Core
import KubeStage.Ui

// Classroom settings: the language switch translates the window's own words live and takes the
// lesson along; presentation mode (F5) enlarges, goes full screen and hides everything but the
// lesson; the dark theme reaches the controls' palette.
TestCase {
    name: "Classroom"
    when: windowShown
    visible: true
    width: 1200
    height: 800

    Component {
        id: mainComponent
        Main {}
    }

    function findByName(item, name) {
        if (item.objectName === name) return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByName(item.children[i], name)
            if (found) return found
        }
        if (item.contentItem && item.contentItem !== item) return findByName(item.contentItem, name)
        return null
    }

    function init() {
        verify(App.loadDefaultScenario())
        UiLanguage.language = "en"
        Theme.presentation = false
        Theme.dark = false
    }
    function cleanup() {
        UiLanguage.language = "en"
        Theme.presentation = false
        Theme.dark = false
    }

    function test_languageSwitchTranslatesLive() {
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        const player = window.header
        const language = findByName(player, "languageSwitch")
        const theme = findByName(player, "themeSwitch")
        verify(language && theme)
        compare(language.text, "中文")
        compare(theme.text, "Dark")
        mouseClick(language)
        compare(UiLanguage.language, "zh")
        // qsTr bindings re-evaluate in place, from the translation compiled into the app.
        tryCompare(theme, "text", "深色")
        compare(language.text, "English")
        compare(App.lesson.language, "zh", "the lessons follow the window's language")
        // And the other way: the lesson panel's switch changes the window's words.
        App.lesson.language = "en"
        compare(UiLanguage.language, "en")
        tryCompare(theme, "text", "Dark")
    }

    function test_presentationMode() {
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        const side = findByName(window.contentItem, "sidePanel")
        verify(side)
        verify(side.visible)
        const normalFont = Theme.fontNormal
        window.requestActivate()
        tryVerify(() => window.active)
        keyClick(Qt.Key_F5)
        verify(Theme.presentation)
        verify(Theme.fontNormal > normalFont, "larger fonts")
        compare(window.visibility, Window.FullScreen)
        verify(!side.visible, "no lesson open: the side panel (console, events) is hidden")
        App.openLesson("sched-01-overview", 0)
        tryVerify(() => side.visible, 2000, "an open lesson stays beside the canvas")
        verify(!findByName(side, "sideTabs").visible, "without tabs to the console")
        keyClick(Qt.Key_Escape)
        verify(!Theme.presentation)
        compare(Theme.fontNormal, normalFont)
        verify(window.visibility !== Window.FullScreen)
    }

    function test_darkThemeReachesControls() {
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        const light = String(window.palette.button)
        mouseClick(findByName(window.header, "themeSwitch"))
        verify(Theme.dark)
        compare(String(window.palette.window), String(Theme.background))
        verify(String(window.palette.button) !== light)
        compare(String(window.palette.buttonText), String(Theme.text))
    }
}
