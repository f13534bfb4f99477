import QtQuick
import KubeStage.Core

// Above the window while a scheduling cycle is animated: the pod as a chip that leaves the
// activeQ for the scheduler, then binds through the API server (arrows kube-scheduler →
// kube-apiserver → node) and lands on the winner; an unschedulable pod goes back to the
// unschedulable queue with its FailedScheduling message. Only this one chip and two arrows
// move, whatever the size of the cluster.
Item {
    id: overlay
    required property var animator
    required property Item strip      // ControlPlaneStrip
    required property Item canvas     // ClusterCanvas
    objectName: "cycleOverlay"

    readonly property string phase: animator.phase
    readonly property int leg: animator.pluginIndex
    readonly property bool scheduled: animator.selectedNode !== ""
    visible: animator.active || animator.messageKind !== ""

    // The strip's boxes, found by name when a cycle starts.
    property Item activeQ: null
    property Item unschedulableQ: null
    property Item schedulerPanel: null
    property Item apiserverPanel: null

    function findByName(item, name) {
        if (!item) return null
        if (item.objectName === name) return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByName(item.children[i], name)
            if (found) return found
        }
        if (item.contentItem && item.contentItem !== item) return findByName(item.contentItem, name)
        return null
    }
    function centre(item) {
        if (!item) return Qt.point(width / 2, 0)
        return item.mapToItem(overlay, item.width / 2, item.height / 2)
    }
    // The winner's centre, kept inside the canvas when its card is scrolled out of view.
    function landing() {
        const card = animator.winnerCard
        if (!card) return centre(canvas)
        const p = card.mapToItem(overlay, card.width / 2, Math.min(card.height / 2, 60))
        const box = canvas.mapToItem(overlay, 0, 0)
        return Qt.point(Math.max(box.x, Math.min(p.x, box.x + canvas.width)),
                        Math.max(box.y, Math.min(p.y, box.y + canvas.height)))
    }

    // Scrolls the canvas so that the winner's card is in view before the pod flies to it.
    function reveal(card) {
        const flick = canvas.contentItem
        if (!card || !flick || flick.contentY === undefined) return
        const top = card.mapToItem(flick.contentItem, 0, 0).y
        if (top >= flick.contentY && top + card.height <= flick.contentY + flick.height) return
        const most = Math.max(0, flick.contentHeight - flick.height)
        flick.contentY = Math.max(0, Math.min(most, top - Theme.spacing))
    }

    property point target: Qt.point(0, 0)
    property int layoutTick: 0   // re-evaluates the arrows' ends
    property bool glide: false   // false: jump to the target (the start of a cycle)
    function place() {
        if (!animator.active) return
        if (phase === "queue") {
            activeQ = findByName(strip, "activeQ")
            unschedulableQ = findByName(strip, "unschedulableQ")
            schedulerPanel = findByName(strip, "schedulerPanel")
            apiserverPanel = findByName(strip, "apiserverPanel")
            glide = false
            target = centre(activeQ)
            return
        }
        glide = true
        // Below the replicas' names and the leader badge.
        if ((phase === "filter" || phase === "score") && schedulerPanel)
            target = schedulerPanel.mapToItem(overlay, schedulerPanel.width / 2, schedulerPanel.height * 0.72)
        else if (phase === "bind" && !scheduled) target = centre(unschedulableQ)
        else if (phase === "bind" && leg === 0) { target = centre(apiserverPanel); reveal(animator.winnerCard) }
        else if (phase === "bind") target = landing()
    }
    // Found once (not in bindings, which would walk the queues' chips at every change).
    Component.onCompleted: {
        schedulerPanel = findByName(strip, "schedulerPanel")
        apiserverPanel = findByName(strip, "apiserverPanel")
    }
    onWidthChanged: place()
    onHeightChanged: place()
    // Held for a screenshot (KUBESTAGE_ANIMATION_FREEZE): follow the layout as it settles.
    Timer {
        running: AnimationOptions.freezePhase !== "" && overlay.animator.active
        interval: 100
        repeat: true
        onTriggered: {
            if (overlay.phase === "bind") overlay.reveal(overlay.animator.winnerCard)
            overlay.place()
            ++overlay.layoutTick
        }
    }
    Connections {
        target: overlay.animator
        function onPhaseChanged() { overlay.place(); ++overlay.layoutTick }
        function onPluginIndexChanged() { overlay.place() }
    }

    component Arrow: Item {
        id: arrow
        property point from
        property point to
        readonly property real length: Math.max(0, Math.hypot(to.x - from.x, to.y - from.y) - 24)
        x: from.x
        y: from.y
        width: length
        height: 0
        transformOrigin: Item.TopLeft
        rotation: Math.atan2(to.y - from.y, to.x - from.x) * 180 / Math.PI
        Rectangle {
            y: -2
            width: Math.max(0, arrow.width - 8)
            height: 4
            radius: 2
            color: Theme.accent
        }
        Text {
            x: arrow.width - width / 2 - 4
            y: -height / 2
            text: "▶"
            font.pixelSize: Math.round(18 * Theme.scale)
            color: Theme.accent
        }
    }

    // Bind: kube-scheduler → kube-apiserver (the Binding), then kube-apiserver → node.
    Arrow {
        objectName: "bindArrowScheduler"
        visible: overlay.phase === "bind" && overlay.scheduled
        from: { overlay.layoutTick; return overlay.centre(overlay.schedulerPanel) }
        to: { overlay.layoutTick; return overlay.centre(overlay.apiserverPanel) }
    }
    Arrow {
        objectName: "bindArrowNode"
        visible: overlay.phase === "bind" && overlay.scheduled && overlay.leg === 1
        from: { overlay.layoutTick; return overlay.centre(overlay.apiserverPanel) }
        to: { overlay.layoutTick; return overlay.landing() }
    }

    // Another record: a watch event from the API server, or a request to it.
    Arrow {
        id: messageArrow
        objectName: "messageArrow"
        visible: overlay.animator.messageKind !== "" && !overlay.animator.active
        readonly property bool watch: overlay.animator.messageKind === "watch"
        readonly property Item api: overlay.apiserverPanel
        readonly property Item scheduler: overlay.schedulerPanel
        from: { overlay.layoutTick; return overlay.centre(watch ? api : scheduler) }
        to: { overlay.layoutTick; return overlay.centre(watch ? scheduler : api) }
    }
    Rectangle {
        visible: messageArrow.visible
        x: (messageArrow.from.x + messageArrow.to.x) / 2 - width / 2
        y: messageArrow.from.y + 8
        width: messageLabel.implicitWidth + 10
        height: messageLabel.implicitHeight + 4
        radius: 3
        color: Theme.accent
        Text {
            id: messageLabel
            objectName: "messageText"
            anchors.centerIn: parent
            text: (messageArrow.watch ? qsTr("watch: %1") : qsTr("request: %1")).arg(overlay.animator.messageText)
            font.pixelSize: Theme.fontSmall
            color: "white"
        }
    }

    // The pod on its way.
    Rectangle {
        id: chip
        objectName: "flyingPod"
        visible: overlay.animator.active
        readonly property string text: label.text
        x: overlay.target.x - width / 2
        y: overlay.target.y - height / 2
        Behavior on x { enabled: overlay.glide; NumberAnimation { duration: overlay.animator.stepMs; easing.type: Easing.InOutQuad } }
        Behavior on y { enabled: overlay.glide; NumberAnimation { duration: overlay.animator.stepMs; easing.type: Easing.InOutQuad } }
        width: label.implicitWidth + 18
        height: label.implicitHeight + 10
        radius: height / 2
        color: overlay.phase === "bind" ? (overlay.scheduled ? Theme.phaseRunning : Theme.danger) : Theme.phasePending
        border.color: Theme.text
        border.width: 3
        Text {
            id: label
            anchors.centerIn: parent
            text: overlay.animator.pod.indexOf("default/") === 0 ? overlay.animator.pod.substring(8) : overlay.animator.pod
            font.pixelSize: Theme.fontNormal
            font.bold: true
            color: "white"
        }
        // Pulses while the pod is picked from the queue.
        SequentialAnimation on scale {
            running: overlay.phase === "queue"
            loops: Animation.Infinite
            NumberAnimation { to: 1.25; duration: 150 }
            NumberAnimation { to: 1.0; duration: 150 }
        }
    }

    // Unschedulable: the FailedScheduling message, briefly, under the unschedulable queue.
    Rectangle {
        objectName: "failedScheduling"
        visible: overlay.phase === "bind" && !overlay.scheduled
        readonly property point at: overlay.unschedulableQ
                                    ? overlay.unschedulableQ.mapToItem(overlay, 0, overlay.unschedulableQ.height) : Qt.point(0, 0)
        width: Math.min(480 * Theme.scale, overlay.width * 0.5)
        x: Math.max(0, Math.min(at.x, overlay.width - width - Theme.spacing))
        y: at.y + Theme.spacing
        height: failText.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.danger
        border.width: 2
        Text {
            id: failText
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            wrapMode: Text.Wrap
            text: qsTr("FailedScheduling: %1").arg(overlay.animator.message)
            font.pixelSize: Theme.fontSmall
            color: Theme.danger
        }
    }
}
