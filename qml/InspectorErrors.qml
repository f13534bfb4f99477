import QtQuick
import QtQuick.Layouts
import KubeStage.Core

// The codec's errors for the fields under `prefix` (a field path such as spec.tolerations[0]),
// shown next to those fields as FILE:LINE:COL: field.path: message.
ColumnLayout {
    id: box
    property string prefix: ""
    // Exact match only (not the fields under it): metadata.labels for the label rows.
    property bool exact: false
    spacing: 0
    property var matching: {
        const out = []
        const all = App.inspector.formErrors
        for (let i = 0; i < all.length; ++i) {
            const p = all[i].path
            if (box.exact ? p === box.prefix
                          : (p === box.prefix || p.startsWith(box.prefix + ".") || p.startsWith(box.prefix + "[")))
                out.push(all[i].text)
        }
        return out
    }
    visible: matching.length > 0
    Repeater {
        model: box.matching
        delegate: Text {
            required property string modelData
            Layout.fillWidth: true
            text: modelData
            color: Theme.danger
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
    }
}
