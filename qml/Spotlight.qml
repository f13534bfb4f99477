import QtQuick
import KubeStage.Core

// Rings the elements a lesson step names that do not draw their own highlight (the canvas, the
// Lease holder badge, the player, the scheduler's profiles, the console). Node cards, pod chips,
// the queue, the scheduler tables, the API server, the side tabs and the lesson panel's
// inspector sections ring themselves. Names map to objectNames through App.lesson.spotlightTarget().
Item {
    id: spotLayer
    // Where to look for the named elements (the window's root item).
    property Item searchRoot: parent
    readonly property var ringed: ["cluster", "lease", "player", "scheduler.profiles", "console",
        "control-plane.controller-manager"]
    readonly property var names: App.lesson.spotlight.filter(n => ringed.indexOf(n) >= 0)
    enabled: false  // never takes input

    // The first visible item named `name`; hidden subtrees (other side tabs, the replicas'
    // hidden badges) are skipped.
    function findVisible(item, name) {
        if (!item || !item.visible || item.opacity === 0) return null
        if (item.objectName === name) return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findVisible(item.children[i], name)
            if (found) return found
        }
        return null
    }
    function visibleOnScreen(item) {
        for (let i = item; i; i = i.parent)
            if (!i.visible || i.opacity === 0) return false
        return true
    }

    Repeater {
        model: spotLayer.names
        delegate: Rectangle {
            id: ring
            required property string modelData
            objectName: "spotlight:" + modelData
            property Item target: null
            property Item found: null  // kept: searching the whole window every tick costs on big clusters
            color: "transparent"
            border.color: Theme.accent
            border.width: 3
            radius: Theme.radius
            visible: target !== null
            function place() {
                if (!found || !found.parent || !spotLayer.visibleOnScreen(found))
                    found = spotLayer.findVisible(spotLayer.searchRoot, App.lesson.spotlightTarget(modelData))
                const t = found
                if (!t || !spotLayer.visibleOnScreen(t) || t.width <= 0) {
                    target = null
                    return
                }
                // A gap between the element and its ring, so that a ring around an element of
                // the accent colour (the leader badge) still shows.
                const p = t.mapToItem(spotLayer, 0, 0)
                x = p.x - 5
                y = p.y - 5
                width = t.width + 10
                height = t.height + 10
                target = t
            }
            Component.onCompleted: Qt.callLater(place)
            // Layouts move elements without telling anybody outside: follow them.
            Timer {
                interval: 150
                triggeredOnStart: true
                running: true
                repeat: true
                onTriggered: ring.place()
            }
        }
    }
}
