import QtQuick
import QtQuick.Controls
import KubeStage.Core

// A small combo box of the Inspector's forms; `value` is the chosen text.
ComboBox {
    id: combo
    property string value: ""
    font.pixelSize: Theme.fontSmall
    implicitHeight: Theme.controlHeight
    implicitWidth: 120 * Theme.scale
    currentIndex: Math.max(0, model.indexOf ? model.indexOf(value) : 0)
    property string emptyText: ""
    displayText: currentText === "" ? emptyText : currentText
    signal picked(string value)
    onActivated: (i) => picked(model[i])
}
