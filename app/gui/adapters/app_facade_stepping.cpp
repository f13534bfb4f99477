// Stepping through the run: forward runs loop events, backward replays from the start.
#include <QtGlobal>

#include <algorithm>

#include "app_facade.h"
#include "core/cluster/cluster.h"
#include "core/sim/clock.h"
#include "core/sim/event_loop.h"
#include "core/sim/trace.h"
#include "world.h"

namespace ks::gui {

namespace {
// A step ends when the trace grows. Components keep timers (Lease renewals every 2 s), so a
// step always ends; the cap only guards against a loop that runs without ever recording.
constexpr int kMaxEventsPerStep = 100000;
}  // namespace

qint64 AppFacade::now() const { return m_world->cluster().loop().now(); }

QString AppFacade::clockText() const {
    // Virtual time since the start, as a stopwatch: 00:01:02.500
    qint64 ms = now();
    return QString("%1:%2:%3.%4")
        .arg(ms / 3600000, 2, 10, QChar('0'))
        .arg(ms / 60000 % 60, 2, 10, QChar('0'))
        .arg(ms / 1000 % 60, 2, 10, QChar('0'))
        .arg(ms % 1000, 3, 10, QChar('0'));
}

void AppFacade::setPlaying(bool on) {
    if (on == m_playing) return;
    m_playing = on;
    // Play started during an animation waits for its end, like a step while playing does.
    if (on && !m_animationRunning) m_playTimer.start();
    else m_playTimer.stop();
    emit playingChanged();
}

void AppFacade::setAnimationRunning(bool on) {
    if (on == m_animationRunning) return;
    m_animationRunning = on;
    // The timer stops while the cycle plays out, so that a student sees each cycle to its end;
    // after it, the next step comes a full interval later (800 ms at x1), at the set speed.
    if (m_playing) {
        if (on) m_playTimer.stop();
        else m_playTimer.start();
    }
    emit animationRunningChanged();
}

void AppFacade::setSpeed(double speed) {
    speed = qBound(0.25, speed, 16.0);
    if (qFuzzyCompare(speed, m_speed) && m_playTimer.interval() > 0) return;
    m_speed = speed;
    m_playTimer.setInterval(int(800 / speed));
    emit speedChanged();
}

bool AppFacade::runOneStep() {
    cluster::Cluster& c = cluster();
    std::size_t before = c.trace().size();
    for (int i = 0; i < kMaxEventsPerStep; ++i) {
        if (!c.loop().runOne()) return c.trace().size() > before;
        if (c.trace().size() > before) return true;
    }
    return c.trace().size() > before;
}

bool AppFacade::stepForward() {
    if (!runOneStep()) return false;
    ++m_position;
    applyEditsAt(m_position);
    m_timeline.append(cluster().trace());
    afterMove();
    return true;
}

bool AppFacade::stepBack() { return m_position > 0 && goToStep(m_position - 1); }

void AppFacade::jumpToStart() { goToStep(0); }

bool AppFacade::goToStep(int n) {
    if (!m_builder || n < 0) return false;
    if (n < m_position) return replayTo(n);
    bool ok = true;
    while (m_position < n && (ok = runOneStep())) applyEditsAt(++m_position);
    m_timeline.append(cluster().trace());
    afterMove();
    return ok;
}

bool AppFacade::replayTo(int n) {
    if (!m_builder || n < 0) return false;
    QStringList errors;
    std::unique_ptr<World> fresh = m_builder(errors);
    if (!fresh) return false;  // cannot happen: the same source built before
    m_world = std::move(fresh);
    m_position = 0;
    applyEditsAt(0);
    m_timeline.reset(cluster().trace());
    return goToStep(n);
}

bool AppFacade::jumpToRecord(int seq) {
    if (seq <= 0 || !m_builder) return false;
    // The first step whose trace holds `seq`: replay from the start, then walk forward.
    if (static_cast<std::size_t>(seq) <= cluster().trace().size()) goToStep(0);
    while (cluster().trace().size() < static_cast<std::size_t>(seq)) {
        if (!runOneStep()) break;
        applyEditsAt(++m_position);
    }
    m_timeline.append(cluster().trace());
    bool found = cluster().trace().size() >= static_cast<std::size_t>(seq);
    if (found) m_cycle.select(seq);
    afterMove();
    return found;
}

void AppFacade::afterMove() {
    m_furthest = std::max(m_furthest, m_position);
    refresh();
    m_timeline.setCurrentStepFrom(cluster().trace());
    m_cycle.update(cluster());
    emit positionChanged();
}

}  // namespace ks::gui
