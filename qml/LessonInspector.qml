import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KubeStage.Core

// The inspector of the lesson panel: the object the step is about (App.lesson.inspected), field
// by field as YAML, read live from the store. The sections a step points at (inspector.labels,
// inspector.taints, ...) are open and ringed; the others open on a click.
Rectangle {
    id: inspector
    objectName: "inspector"
    readonly property var info: App.lesson.inspected
    readonly property var spot: App.lesson.spotlight
    readonly property bool zh: App.lesson.language === "zh"
    function t(en, zhText) { return zh ? zhText : en }
    visible: info.found === true
    height: visible ? column.implicitHeight + 2 * Theme.spacing : 0
    radius: Theme.radius
    color: Theme.surfaceAlt
    border.color: spot.indexOf("inspector") >= 0 ? Theme.accent : Theme.border
    border.width: spot.indexOf("inspector") >= 0 ? 3 : 1

    Column {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: parent.width - 2 * Theme.spacing
        spacing: Theme.spacing / 2
        Text {
            width: parent.width
            text: "<b>" + inspector.t("Inspector", "检查器") + ":</b> " + (inspector.info.title || "")
            textFormat: Text.StyledText
            elide: Text.ElideRight
            font.pixelSize: Theme.fontNormal
            color: Theme.text
        }
        Repeater {
            model: [
                { key: "labels", en: "Labels", zh: "标签" },
                { key: "taints", en: "Taints", zh: "污点" },
                { key: "tolerations", en: "Tolerations", zh: "容忍" },
                { key: "resources", en: "Resources", zh: "资源" },
                { key: "affinity", en: "Node selector and affinity", zh: "节点选择与亲和性" },
                { key: "yaml", en: "YAML", zh: "YAML" },
            ]
            delegate: Rectangle {
                id: sectionBox
                required property var modelData
                readonly property string name: "inspector." + modelData.key
                readonly property bool spotlit: inspector.spot.indexOf(name) >= 0
                readonly property string body: inspector.info[modelData.key] || ""
                // Taints belong to nodes, tolerations and affinity to pods (a namespace restricts
                // tolerations by annotations), resources to both: hide what the kind has not.
                readonly property bool applies: modelData.key === "taints" ? inspector.info.kind === "Node"
                                              : modelData.key === "tolerations" ? inspector.info.kind === "Pod" || inspector.info.kind === "Namespace"
                                              : modelData.key === "affinity" ? inspector.info.kind === "Pod"
                                              : modelData.key === "resources" ? inspector.info.kind === "Pod" || inspector.info.kind === "Node"
                                              : true
                property bool open: spotlit
                onSpotlitChanged: open = spotlit
                objectName: name
                visible: applies || spotlit
                width: column.width
                height: visible ? header.height + (open ? bodyText.height + Theme.spacing : 0) + Theme.spacing : 0
                radius: Theme.radius
                color: Theme.surface
                border.color: spotlit ? Theme.accent : Theme.border
                border.width: spotlit ? 3 : 1
                clip: true
                Text {
                    id: header
                    x: Theme.spacing
                    y: Theme.spacing / 2
                    width: parent.width - 2 * Theme.spacing
                    text: (sectionBox.open ? "▾ " : "▸ ") + (inspector.zh ? sectionBox.modelData.zh : sectionBox.modelData.en)
                          + (sectionBox.body === "" ? "  —" : "")
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: sectionBox.spotlit ? Theme.accent : Theme.text
                    MouseArea {
                        anchors.fill: parent
                        onClicked: sectionBox.open = !sectionBox.open
                    }
                }
                Text {
                    id: bodyText
                    visible: sectionBox.open
                    anchors.top: header.bottom
                    anchors.topMargin: Theme.spacing / 2
                    x: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    // Long YAML is cut: the whole object is for reading, not for scrolling through.
                    text: sectionBox.body === "" ? inspector.t("(none)", "（无）") : sectionBox.body
                    maximumLineCount: sectionBox.modelData.key === "yaml" ? 40 : 24
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    wrapMode: Text.WrapAnywhere
                    font.family: "monospace"
                    font.pixelSize: Theme.fontSmall
                    color: Theme.text
                }
            }
        }
    }
}
