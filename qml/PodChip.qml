import QtQuick
import KubeStage.Core

// A pod as a small chip coloured by phase.
Rectangle {
    id: chip
    required property string name
    required property string phase
    // "default" pods may be named without their namespace, as kubectl does.
    property string namespaceName: "default"
    property string label: name  // the text shown
    objectName: "pod:" + namespaceName + "/" + name
    readonly property bool spotlit: {
        const spot = App.lesson.spotlight
        return spot.indexOf("pod-card:" + namespaceName + "/" + name) >= 0
            || (namespaceName === "default" && spot.indexOf("pod-card:" + name) >= 0)
    }
    readonly property bool selected: App.selection.kind === "Pod" && App.selection.name === name
                                     && App.selection.namespace === namespaceName
    border.color: selected ? Theme.text : Theme.accent
    border.width: selected || spotlit ? 3 : 0
    radius: height / 2
    color: Theme.phaseColor(phase)
    width: label.implicitWidth + 14
    height: label.implicitHeight + 6
    Text {
        id: label
        anchors.centerIn: parent
        text: chip.label
        font.pixelSize: Theme.fontSmall
        color: "white"
    }
    MouseArea {
        anchors.fill: parent
        onClicked: App.select("Pod", chip.namespaceName, chip.name)
    }
}
