import QtQuick
import QtQuick.Controls
import KubeStage.Core

// − 100% + for the cluster canvas: the percentage button goes back to the actual size.
Row {
    id: controls
    required property Item canvas  // ClusterCanvas
    spacing: 4
    // As wide as their text: the style's default width is made for words.
    component ZoomButton: SmallButton {
        implicitWidth: Math.max(implicitHeight * 1.3, implicitContentWidth + leftPadding + rightPadding)
    }
    ZoomButton {
        objectName: "zoomOut"
        text: "−"
        onClicked: controls.canvas.zoomBy(1 / 1.25)
        ToolTip.text: qsTr("Zoom out (Ctrl+-)")
        ToolTip.visible: hovered
    }
    ZoomButton {
        objectName: "zoomReset"
        text: Math.round(controls.canvas.zoom * 100) + "%"
        onClicked: controls.canvas.setZoom(1)
        ToolTip.text: qsTr("Actual size (Ctrl+0)")
        ToolTip.visible: hovered
    }
    ZoomButton {
        objectName: "zoomIn"
        text: "+"
        onClicked: controls.canvas.zoomBy(1.25)
        ToolTip.text: qsTr("Zoom in (Ctrl+=)")
        ToolTip.visible: hovered
    }
}
