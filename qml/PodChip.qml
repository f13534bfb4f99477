import QtQuick

// A pod as a small chip coloured by phase.
Rectangle {
    id: chip
    required property string name
    required property string phase
    radius: height / 2
    color: Theme.phaseColor(phase)
    width: label.implicitWidth + 14
    height: label.implicitHeight + 6
    Text {
        id: label
        anchors.centerIn: parent
        text: chip.name
        font.pixelSize: Theme.fontSmall
        color: "white"
    }
}
