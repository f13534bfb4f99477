import QtQuick
import QtQuick.Controls
import QtQml.Models
import KubeStage.Core

// The File menu of the top bar: open, examples, recent files, import a snapshot, save, export
// the canvas. `actions` (FileActions) runs the dialogs.
ToolButton {
    id: button
    property var actions
    readonly property alias menu: menu

    text: qsTr("File") + " ▾"
    font.pixelSize: Theme.fontNormal
    onClicked: menu.open()
    ToolTip.visible: hovered && !menu.visible
    ToolTip.text: qsTr("Open, save, import and export scenarios")

    // A menu item with its key shown at the right.
    component KeyedItem: MenuItem {
        id: item
        property string keys
        contentItem: Item {
            implicitWidth: label.implicitWidth + keyLabel.implicitWidth + 3 * Theme.spacing
            implicitHeight: label.implicitHeight
            Label {
                id: label
                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                text: item.text
                font: item.font
                color: item.enabled ? Theme.text : Theme.textMuted
            }
            Label {
                id: keyLabel
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                text: item.keys
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }
    }

    Menu {
        id: menu
        objectName: "fileMenu"
        y: button.height
        font.pixelSize: Theme.fontNormal
        // As wide as the widest item with its key (Qt 6.4's Menu keeps its style's width).
        onAboutToShow: {
            let widest = 0
            for (let i = 0; i < count; ++i) {
                const item = itemAt(i)
                if (item) widest = Math.max(widest, item.implicitWidth)
            }
            width = Math.max(implicitWidth, widest + leftPadding + rightPadding)
        }

        KeyedItem {
            objectName: "fileOpen"
            text: qsTr("Open scenario…")
            keys: "Ctrl+O"
            onTriggered: button.actions.openScenario()
        }
        Menu {
            id: examplesMenu
            objectName: "fileExamples"
            title: qsTr("Examples")
            font.pixelSize: Theme.fontNormal
            Instantiator {
                model: Files.examples
                delegate: MenuItem {
                    required property var modelData
                    text: modelData.title
                    ToolTip.visible: hovered
                    ToolTip.text: modelData.description
                    onTriggered: button.actions.openExample(modelData.path)
                }
                onObjectAdded: (index, object) => examplesMenu.insertItem(index, object)
                onObjectRemoved: (index, object) => examplesMenu.removeItem(object)
            }
        }
        Menu {
            id: recentMenu
            objectName: "fileRecent"
            title: qsTr("Open recent")
            font.pixelSize: Theme.fontNormal
            onAboutToShow: Files.refreshRecent()
            Instantiator {
                model: Files.recentFiles
                delegate: MenuItem {
                    required property string modelData
                    // Several files of one scenario show as a + b.
                    text: modelData.split("\n").map(p => p.substring(p.lastIndexOf("/") + 1)).join(" + ")
                    ToolTip.visible: hovered
                    ToolTip.text: modelData
                    onTriggered: button.actions.openRecent(modelData)
                }
                onObjectAdded: (index, object) => recentMenu.insertItem(index, object)
                onObjectRemoved: (index, object) => recentMenu.removeItem(object)
            }
            MenuSeparator {}
            MenuItem {
                text: qsTr("Clear the list")
                enabled: Files.recentFiles.length > 0
                onTriggered: Files.clearRecent()
            }
        }
        MenuItem {
            objectName: "fileImport"
            text: qsTr("Import cluster snapshot…")
            onTriggered: button.actions.importSnapshot()
        }
        MenuSeparator {}
        KeyedItem {
            objectName: "fileSave"
            text: qsTr("Save")
            keys: "Ctrl+S"
            onTriggered: button.actions.save()
        }
        KeyedItem {
            objectName: "fileSaveAs"
            text: qsTr("Save as…")
            keys: "Ctrl+Shift+S"
            onTriggered: button.actions.saveAs()
        }
        MenuSeparator {}
        KeyedItem {
            objectName: "fileExport"
            text: qsTr("Export canvas as PNG…")
            keys: "Ctrl+E"
            onTriggered: button.actions.exportCanvas()
        }
    }
}
