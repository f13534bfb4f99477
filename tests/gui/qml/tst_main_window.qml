import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Shapes
import QtQuick.Window
import QtQuick.Dialogs
import Qt.labs.folderlistmodel
import QtTest
import KubeStage.Core
import KubeStage.Ui

// The main window shows the default scenario: node cards grouped by zone, the control plane,
// and the pods. Importing every module the app uses makes a missing runtime package fail here.
TestCase {
    name: "MainWindow"
    when: windowShown
    visible: true
    width: 1200
    height: 800

    Component {
        id: mainComponent
        Main {}
    }

    function init() {
        verify(App.loadDefaultScenario())
    }

    function findByName(item, name) {
        if (item.objectName === name) return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByName(item.children[i], name)
            if (found) return found
        }
        if (item.contentItem && item.contentItem !== item) return findByName(item.contentItem, name)
        return null
    }

    function cardsIn(flow) {
        const cards = []
        for (let i = 0; i < flow.children.length; ++i)
            if (flow.children[i].podCapacity !== undefined) cards.push(flow.children[i])
        return cards
    }

    function test_defaultScenarioIsShown() {
        compare(App.nodes.count, 3)
        compare(App.pods.count, 5)
        compare(App.pods.pendingCount, 3)
        const window = createTemporaryObject(mainComponent, null)
        verify(window)
        tryVerify(() => window.visible)
        const zones = findByName(window.contentItem, "zones")
        verify(zones, "zones flow exists")
        // One ZoneGroup per zone (the Repeater is a child too), one card in each.
        tryVerify(() => zones.children.length === 4, 2000, "three zone groups and the Repeater")
        compare(zones.children[0].zone, "zone-a")
        compare(zones.children[2].zone, "zone-c")
        const cardsC = cardsIn(findByName(zones.children[2], "zoneFlow"))
        compare(cardsC.length, 1)
        compare(cardsC[0].name, "node-c1")
        compare(cardsC[0].taints.length, 1)
        compare(cardsC[0].taints[0].effect, "NoSchedule")
        // Cards show the labels a rule would select on, not those every kubelet sets.
        const cardsA = cardsIn(findByName(zones.children[0], "zoneFlow"))
        compare(cardsA[0].name, "node-a1")
        verify(cardsA[0].labels.length > cardsA[0].ownLabels.length)
        compare(cardsA[0].ownLabels.map(l => l.key + "=" + l.value), ["disktype=ssd"])
        compare(findByName(cardsA[0], "labels").visible, true)
        // The zone boxes sit side by side while they fit in the width.
        tryVerify(() => zones.children[1].x > zones.children[0].x, 2000, "zone-b beside zone-a")
        compare(zones.children[1].y, zones.children[0].y)
    }

    function test_zonesWrapWhenNarrow() {
        const window = createTemporaryObject(mainComponent, null)
        window.width = 900
        const zones = findByName(window.contentItem, "zones")
        tryVerify(() => zones.children.length === 4)
        tryVerify(() => zones.children[2].y > zones.children[0].y, 2000, "the third zone wraps to a new row")
    }

    function test_controlPlaneShowsLeaderAndQueue() {
        const window = createTemporaryObject(mainComponent, null)
        verify(App.jumpToRecord(11))  // leader elected; trainer's first cycle failed
        compare(App.controlPlane.leader, "kube-scheduler-a")
        const badge = findByName(window.contentItem, "leaderBadge")
        verify(badge)
        verify(badge.visible)
        const active = findByName(window.contentItem, "activeQ")
        compare(active.pods.length, 2)
        compare(active.pods[0], "web-1")
    }

    function test_brokenScenarioKeepsTheWorkingOne() {
        verify(!App.loadScenario(["/nonexistent/cluster.yaml"]))
        verify(App.loadErrors.length > 0)
        compare(App.nodes.count, 3, "the previous cluster is kept")
    }
}
