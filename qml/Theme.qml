pragma Singleton
import QtQuick

// Colours, sizes and durations used by every view. Presentation mode (F5) is for a projector:
// larger fonts and spacing, and high contrast (muted text and borders as strong as text).
QtObject {
    property bool dark: false
    property bool presentation: false
    property real scale: presentation ? 1.4 : 1.0

    readonly property color background: dark ? (presentation ? "#000000" : "#1e2227") : (presentation ? "#ffffff" : "#f4f6f8")
    readonly property color surface: dark ? (presentation ? "#15181c" : "#2a2f36") : "#ffffff"
    readonly property color surfaceAlt: dark ? "#323842" : "#eef1f4"
    readonly property color border: presentation ? (dark ? "#c9d1da" : "#1d2630") : (dark ? "#495260" : "#c9d1da")
    readonly property color text: dark ? (presentation ? "#ffffff" : "#e8ebef") : (presentation ? "#000000" : "#1d2630")
    readonly property color textMuted: presentation ? (dark ? "#d8dde3" : "#27313b") : (dark ? "#a4adb8" : "#5b6773")
    readonly property color accent: "#326ce5"          // the Kubernetes blue
    readonly property color ok: "#2e9d5b"
    // Text in those colours: the fills above read at 3:1 or worse as text on a dark surface (and
    // the green on white), too faint on a projector. These reach 4.5:1 everywhere and 6:1 or
    // more in presentation mode.
    readonly property color accentText: dark ? "#8ab0ff" : (presentation ? "#1d4ed8" : "#2d62d6")
    readonly property color okText: dark ? "#5fd08f" : (presentation ? "#17693a" : "#1e7a44")
    // Code in lesson text (kubectl commands, field names, reasons).
    readonly property color codeText: dark ? "#ff7a9c" : (presentation ? "#a3173f" : "#c7254e")
    readonly property color warning: "#d08a00"
    readonly property color danger: "#d64545"

    readonly property color phasePending: "#d08a00"
    readonly property color phaseRunning: "#2e9d5b"
    readonly property color phaseSucceeded: "#5b6773"
    readonly property color phaseFailed: "#d64545"

    readonly property color taintNoSchedule: "#d64545"
    readonly property color taintPreferNoSchedule: "#d08a00"
    readonly property color taintNoExecute: "#8e44ad"

    readonly property int fontSmall: Math.round(12 * scale)
    readonly property int fontNormal: Math.round(14 * scale)
    readonly property int fontLarge: Math.round(18 * scale)
    readonly property int fontTitle: Math.round(22 * scale)
    readonly property int spacing: Math.round(8 * scale)
    // Inside buttons, combo boxes and tabs: the frame grows with the text, so that a control
    // keeps its proportions on a projector instead of a large label in a tight box.
    readonly property int controlPadding: Math.round(4 * scale)
    readonly property int controlPaddingWide: Math.round(8 * scale)
    readonly property int controlHeight: Math.round(24 * scale)
    readonly property int radius: 6
    readonly property int animationMs: 250

    // Lesson text as the adapters render it colours <code> for the light theme (#c7254e); shown
    // here it takes codeText, which keeps its contrast on a dark or projected panel.
    function lessonHtml(html) { return String(html).split("#c7254e").join(String(codeText)) }

    function phaseColor(phase) {
        switch (phase) {
        case "Running": return phaseRunning
        case "Succeeded": return phaseSucceeded
        case "Failed": return phaseFailed
        default: return phasePending
        }
    }
    function taintColor(effect) {
        switch (effect) {
        case "NoExecute": return taintNoExecute
        case "PreferNoSchedule": return taintPreferNoSchedule
        default: return taintNoSchedule
        }
    }
}
