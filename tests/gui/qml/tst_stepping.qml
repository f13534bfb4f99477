import QtQuick
import QtQuick.Controls
import QtTest
import KubeStage.Core
import KubeStage.Ui

// Stepping from the keyboard and the toolbar, the scheduler view's tables, the timeline and the
// lesson panel's Next / Back.
TestCase {
    name: "Stepping"
    when: windowShown
    visible: true
    width: 1400
    height: 900

    Component {
        id: mainComponent
        Main {}
    }

    function init() {
        verify(App.loadDefaultScenario())
        App.playing = false
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

    function test_keyboardStepsForwardAndBack() {
        const window = createTemporaryObject(mainComponent, null)
        compare(App.position, 0)
        keyClick(Qt.Key_Right)
        compare(App.position, 1)
        keyClick(Qt.Key_Right)
        compare(App.position, 2)
        const records = App.timeline.count
        keyClick(Qt.Key_Left)
        compare(App.position, 1)
        verify(App.timeline.count < records)
        keyClick(Qt.Key_Space)
        verify(App.playing)
        keyClick(Qt.Key_Space)
        verify(!App.playing)
    }

    function test_toolbarButtons() {
        const window = createTemporaryObject(mainComponent, null)
        const forward = findByName(window.header, "stepForward")
        const back = findByName(window.header, "stepBack")
        verify(!back.enabled)
        mouseClick(forward)
        compare(App.position, 1)
        verify(back.enabled)
        mouseClick(findByName(window.header, "jumpToStart"))
        compare(App.position, 0)
        compare(findByName(window.header, "clock").text, "00:00:00.000")
    }

    function test_scrubberReplaysToTheStepDraggedTo() {
        const window = createTemporaryObject(mainComponent, null)
        const scrubber = findByName(window.header, "scrubber")
        verify(scrubber)
        for (let i = 0; i < 8; ++i) App.stepForward()
        compare(App.furthest, 8)
        compare(scrubber.to, 8)
        compare(scrubber.value, 8)
        const pendingAt8 = App.pods.pendingCount
        // Press at the left end, drag to a quarter, release: the cluster is replayed to step 2.
        const y = scrubber.height / 2
        mousePress(scrubber, scrubber.leftPadding + 1, y)
        mouseMove(scrubber, scrubber.leftPadding + scrubber.availableWidth / 4, y)
        mouseRelease(scrubber, scrubber.leftPadding + scrubber.availableWidth / 4, y)
        tryCompare(App, "position", 2)
        compare(App.furthest, 8, "the end of the timeline stays where the run has been")
        verify(App.pods.pendingCount > pendingAt8, "earlier, more pods were still pending")
        // And forward again to the end.
        mousePress(scrubber, scrubber.leftPadding + scrubber.availableWidth / 4, y)
        mouseMove(scrubber, scrubber.leftPadding + scrubber.availableWidth - 1, y)
        mouseRelease(scrubber, scrubber.leftPadding + scrubber.availableWidth - 1, y)
        tryCompare(App, "position", 8)
        compare(App.pods.pendingCount, pendingAt8)
    }

    function test_playRunsUntilPaused() {
        createTemporaryObject(mainComponent, null)
        App.speed = 16
        App.playing = true
        tryVerify(() => App.position >= 3, 3000)
        App.playing = false
        const at = App.position
        wait(200)
        compare(App.position, at)
    }

    function test_schedulerViewTables() {
        const window = createTemporaryObject(mainComponent, null)
        verify(App.jumpToRecord(13))
        compare(App.cycle.pod, "default/web-1")
        const total = findByName(window.contentItem, "total:node-b1")
        verify(total)
        compare(total.text, "473")
        verify(total.highlight, "the winner is highlighted")
        compare(findByName(window.contentItem, "total:node-a1").highlight, false)
        compare(findByName(window.contentItem, "score:node-a1:TaintToleration").text, "100×3=300")
        const rejected = findByName(window.contentItem, "filter:node-c1:TaintToleration")
        compare(rejected.text, "✗ node(s) had untolerated taint {dedicated: gpu}")
        compare(findByName(window.contentItem, "filter:node-a1:NodeResourcesFit").text, "✓")
    }

    function test_eventsAndTimelineTabs() {
        const window = createTemporaryObject(mainComponent, null)
        verify(App.jumpToRecord(17))
        const side = findByName(window.contentItem, "sidePanel")
        side.currentIndex = 2
        const events = findByName(window.contentItem, "events")
        tryVerify(() => events.visible)
        compare(App.events.count, 4)  // LeaderElection, FailedScheduling, two Scheduled
        side.currentIndex = 1
        const timeline = findByName(window.contentItem, "timeline")
        tryVerify(() => timeline.visible)
        compare(timeline.count, 17)
        compare(App.timeline.currentSeq, 17)
    }

    function test_lessonSpotlightsThePod() {
        const window = createTemporaryObject(mainComponent, null)
        verify(App.openLesson("sched-01-overview", 1))
        verify(App.lesson.spotlight.indexOf("pod-card:shop/web") >= 0)
        const chip = findByName(window.contentItem, "pod:shop/web")
        verify(chip, "the pending pod has a chip")
        verify(chip.spotlit)
        compare(chip.border.width, 3)
        const other = findByName(window.contentItem, "pod:shop/redis-0")
        verify(other)
        verify(!other.spotlit)
    }

    function test_lessonNextAndBack() {
        const window = createTemporaryObject(mainComponent, null)
        compare(findByName(window.contentItem, "sidePanel").currentIndex, 1, "the timeline without a lesson")
        verify(App.openLesson("sched-01-overview", 0))
        const side = findByName(window.contentItem, "sidePanel")
        compare(side.currentIndex, 0, "opening a lesson shows its text")
        const next = findByName(window.contentItem, "lessonNext")
        const back = findByName(window.contentItem, "lessonBack")
        tryVerify(() => next.visible && next.enabled)
        verify(!back.enabled)
        verify(findByName(window.contentItem, "stepText").text.indexOf("<p>") === 0)
        mouseClick(next)
        compare(App.lesson.step, 1)
        compare(findByName(window.contentItem, "stepCounter").text, "Step 2 of " + App.lesson.stepCount)
        mouseClick(back)
        compare(App.lesson.step, 0)
    }
}
