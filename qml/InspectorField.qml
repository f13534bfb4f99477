import QtQuick
import QtQuick.Controls
import KubeStage.Core

// A compact text field of the Inspector's forms. A field showing a draft's value sets `value`
// instead of `text`: the text follows it only while the field is not being typed in, so the
// draft's canonical form ("a=b" for "a", no trailing comma) never rewrites what is being typed.
TextField {
    id: field
    property var value: undefined
    font.pixelSize: Theme.fontSmall
    color: Theme.text
    selectByMouse: true
    implicitWidth: 80 * Theme.scale
    leftPadding: 4; rightPadding: 4; topPadding: 2; bottomPadding: 2
    Binding on text {
        when: field.value !== undefined && !field.activeFocus
        value: field.value === undefined ? "" : String(field.value)
        restoreMode: Binding.RestoreNone
    }
    background: Rectangle {
        color: Theme.surface
        border.color: parent.activeFocus ? Theme.accent : Theme.border
        radius: 3
    }
}
