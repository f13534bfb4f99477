import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// Play / pause, step, jump to start, speed, and the virtual clock.
ToolBar {
    id: bar
    // FileActions of the window: what the File menu runs.
    property var fileActions
    // Every control takes the theme's size (presentation mode enlarges it); the File menu and
    // the sliders inherit it from here.
    font.pixelSize: Theme.fontNormal
    // The bar's width in unscaled pixels. On a projector (larger fonts) or in a narrow window,
    // what the keyboard or the rest of the window also offers gives way, in this order: the
    // summary (1500), the word "speed" (1300), the scenario name (the window title and the
    // lesson have it) and the words "Exit presentation" (Esc, F5) (1250), then Undo and Redo
    // (Ctrl+Z, Ctrl+Shift+Z), the product name and the long step label (1100). At 1280 x 720 in
    // presentation mode (room 914) the rest fits with room to scrub.
    readonly property real room: width / Theme.scale
    // The style's padding (6) grows with the fonts too.
    component BarButton: ToolButton { padding: Math.round(6 * Theme.scale) }
    // So does the style's slider knob (13), which a projector's audience has to find.
    component BarSlider: Slider {
        handle.implicitWidth: Math.round(13 * Theme.scale)
        handle.implicitHeight: Math.round(13 * Theme.scale)
    }
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing
        Label {
            visible: bar.room >= 1100
            text: "KubeStage"
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.accentText
        }
        FileMenu {
            objectName: "fileMenuButton"
            actions: bar.fileActions
        }
        Label {
            objectName: "scenarioName"
            visible: bar.room >= 1250
            text: App.scenarioName
            font.pixelSize: Theme.fontNormal
            // Narrower on a narrow bar, to leave room for the File menu (the title has the name).
            Layout.preferredWidth: (bar.room >= 1400 ? 110 : 50) * Theme.scale
            elide: Text.ElideRight
        }
        BarButton {
            objectName: "jumpToStart"
            text: "|◀"
            font.pixelSize: Theme.fontLarge
            onClicked: App.jumpToStart()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Jump to start (Home)")
        }
        BarButton {
            objectName: "stepBack"
            text: "◀"
            font.pixelSize: Theme.fontLarge
            enabled: App.position > 0
            onClicked: App.stepBack()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Step back (Left)")
        }
        BarButton {
            objectName: "playPause"
            text: App.playing ? "❚❚" : "▶"
            font.pixelSize: Theme.fontLarge
            onClicked: App.togglePlay()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Play / pause (Space)")
        }
        BarButton {
            objectName: "stepForward"
            text: "▶|"
            font.pixelSize: Theme.fontLarge
            onClicked: App.stepForward()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Step forward (Right)")
        }
        BarButton {
            objectName: "undo"
            visible: bar.room >= 1100
            text: qsTr("Undo")
            font.pixelSize: Theme.fontNormal
            enabled: App.canUndo
            onClicked: App.undo()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Take back your last change to the cluster (Ctrl+Z)")
        }
        BarButton {
            objectName: "redo"
            visible: bar.room >= 1100
            text: qsTr("Redo")
            font.pixelSize: Theme.fontNormal
            enabled: App.canRedo
            onClicked: App.redo()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Make the change again (Ctrl+Shift+Z)")
        }
        Label {
            visible: bar.room >= 1300
            text: qsTr("speed"); font.pixelSize: Theme.fontSmall; color: Theme.textMuted
        }
        BarSlider {
            objectName: "speed"
            from: -2; to: 4; stepSize: 1
            value: Math.round(Math.log(App.speed) / Math.LN2)
            onMoved: App.speed = Math.pow(2, value)
            Layout.preferredWidth: 80 * Theme.scale
            ToolTip.visible: hovered || pressed
            ToolTip.text: qsTr("speed") + " ×" + App.speed + " (+ / -)"
        }
        Label {
            objectName: "speedLabel"
            text: "×" + App.speed
            font.pixelSize: Theme.fontSmall
            Layout.preferredWidth: speedWidth.advanceWidth + Theme.spacing / 2
            // As wide as the widest speed, so that the bar does not jump when it changes.
            TextMetrics { id: speedWidth; font.pixelSize: Theme.fontSmall; text: "×0.25" }
        }
        // The timeline: drag back to any step reached so far (or forward again); the cluster is
        // replayed to it on release.
        BarSlider {
            id: scrubber
            objectName: "scrubber"
            from: 0
            to: Math.max(1, App.furthest)
            stepSize: 1
            snapMode: Slider.SnapAlways
            live: false
            value: App.position
            Layout.fillWidth: true
            Layout.minimumWidth: 80 * Theme.scale
            onPressedChanged: if (!pressed && Math.round(value) !== App.position) App.goToStep(Math.round(value))
            ToolTip.visible: pressed
            ToolTip.text: qsTr("step %1").arg(Math.round(scrubber.position * (to - from) + from))
        }
        Label {
            objectName: "summary"
            // The canvas shows it too: it gives way on a projector or a narrow window.
            visible: !Theme.presentation && bar.width >= 1500
            text: qsTr("%1 nodes, %2 pods, %3 pending").arg(App.nodes.count).arg(App.pods.count).arg(App.pods.pendingCount)
            font.pixelSize: Theme.fontNormal
            color: Theme.textMuted
        }
        Label {
            objectName: "stepLabel"
            text: bar.room >= 1100 ? qsTr("step %1 · record #%2").arg(App.position).arg(App.timeline.currentSeq)
                                   : App.position + " · #" + App.timeline.currentSeq
            font.pixelSize: Theme.fontNormal
        }
        Label {
            objectName: "clock"
            text: App.clockText
            font.pixelSize: Theme.fontLarge
            font.family: "monospace"
        }
        BarButton {
            objectName: "languageSwitch"
            // Each language names itself, so that whoever cannot read the current one finds it.
            text: UiLanguage.language === "zh" ? "English" : "中文"
            font.pixelSize: Theme.fontNormal
            onClicked: UiLanguage.language = UiLanguage.language === "zh" ? "en" : "zh"
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Switch the language of the window and the lessons")
        }
        BarButton {
            objectName: "themeSwitch"
            text: Theme.dark ? qsTr("Light") : qsTr("Dark")
            font.pixelSize: Theme.fontNormal
            onClicked: Theme.dark = !Theme.dark
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Light or dark colours")
        }
        BarButton {
            objectName: "presentationSwitch"
            // On a narrow projector a cross (with its tooltip; Esc and F5 leave too).
            text: Theme.presentation ? (bar.room >= 1250 ? qsTr("Exit presentation") : "✕") : qsTr("Present")
            font.pixelSize: Theme.fontNormal
            onClicked: Theme.presentation = !Theme.presentation
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Presentation mode: full screen, large fonts, high contrast (F5)")
        }
    }
}
