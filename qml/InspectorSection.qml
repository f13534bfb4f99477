import QtQuick
import QtQuick.Layouts
import KubeStage.Core

// A titled group of the Inspector's form.
ColumnLayout {
    property string title: ""
    default property alias content: body.data
    spacing: 2
    Layout.fillWidth: true
    Text {
        text: parent.title
        font.pixelSize: Theme.fontNormal
        font.bold: true
        color: Theme.text
        Layout.topMargin: Theme.spacing / 2
    }
    ColumnLayout {
        id: body
        Layout.fillWidth: true
        Layout.leftMargin: Theme.spacing / 2
        spacing: 3
    }
}
