// EventLoop: the deterministic discrete-event engine that every simulated component runs on.
//
// There is no upstream counterpart: in Kubernetes each component is a process with goroutines
// and timers. Here they are actors that schedule callbacks on one virtual clock, as in SimGrid
// and ns-3. Events run in time order; equal times run in the order they were scheduled (FIFO).
// No threads, no wall clock: the same seed and inputs give the same run.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/sim/clock.h"
#include "core/sim/rng.h"

namespace ks::sim {

class EventLoop;

// A simulated component (scheduler, controller, kubelet, ...). start() schedules its first work.
class Actor {
public:
    virtual ~Actor() = default;
    // Shown in traces: "kube-scheduler", "kubelet/node-1".
    virtual std::string name() const = 0;
    virtual void start(EventLoop& loop) = 0;
};

using EventId = std::uint64_t;

// Later than any event: the horizon of runOne() and runSteps().
inline constexpr Time kForever = std::numeric_limits<Time>::max();
using Callback = std::function<void()>;

// A queued event as the GUI's queue view and tests see it.
struct PendingEvent {
    Time at = 0;
    EventId id = 0;
    std::string actor;
};

class EventLoop {
public:
    // Everything the loop needs to go back to an earlier moment: clock, queue, RNG, counters.
    // NOTE: the queue is copied with its std::function callbacks, so a callback must reach
    // mutable state through pointers (an actor's `this`), whose targets are captured and
    // restored by their owners; values captured by copy are copied along and stay valid.
    class State {
    public:
        Time now() const { return m_now; }
        std::uint64_t eventsRun() const { return m_eventsRun; }
        std::size_t pendingCount() const { return m_queue.size(); }

    private:
        friend class EventLoop;
        struct Entry {
            std::string actor;
            Callback fn;
        };
        Time m_now = 0;
        EventId m_nextId = 1;
        std::uint64_t m_eventsRun = 0;
        Rng m_rng;
        std::map<std::pair<Time, EventId>, Entry> m_queue;
        std::map<EventId, Time> m_index;
    };

    explicit EventLoop(std::uint64_t seed = 0);
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;
    ~EventLoop();

    Time now() const { return m_state.m_now; }
    std::uint64_t seed() const { return m_seed; }

    // The run's random numbers. Components draw only from here, never from their own engines.
    Rng& rng() { return m_state.m_rng; }
    std::int64_t intn(std::int64_t n) { return m_state.m_rng.intn(n); }
    template <typename T>
    void shuffle(std::vector<T>& v) {
        m_state.m_rng.shuffle(v);
    }

    // ---- actors ----
    // Registers an actor (not owned); its start() runs at the next start(), in registration order.
    void addActor(Actor& actor);
    // Registers and owns an actor.
    Actor& addActor(std::unique_ptr<Actor> actor);
    const std::vector<Actor*>& actors() const { return m_actors; }
    Actor* findActor(std::string_view name) const;
    // Starts the actors registered since the last call.
    void start();

    // ---- events ----
    // Runs fn at virtual time `at` (a time in the past means now). Returns an id for cancel().
    EventId schedule(Time at, std::string actor, Callback fn);
    EventId schedule(Time at, const Actor& actor, Callback fn) { return schedule(at, actor.name(), std::move(fn)); }
    EventId after(Duration delay, std::string actor, Callback fn);
    EventId after(Duration delay, const Actor& actor, Callback fn) { return after(delay, actor.name(), std::move(fn)); }
    // False when the event already ran, was cancelled, or never existed.
    bool cancel(EventId id);
    bool isPending(EventId id) const { return m_state.m_index.count(id) != 0; }

    // Runs the next event; false when the queue is empty (or the loop is already running one).
    bool runOne();
    // Runs up to n events; returns how many ran.
    std::size_t runSteps(std::size_t n);
    // Runs every event due at or before t, then moves the clock to t. Returns how many ran.
    std::size_t runUntil(Time t);
    // Asked from inside a callback: runSteps/runUntil return after the current event, and
    // runUntil leaves the clock at that event's time.
    void stop() { m_stopRequested = true; }
    // Moves the clock forward without running anything; never past the next pending event.
    void advanceTo(Time t);

    bool idle() const { return m_state.m_queue.empty(); }
    std::size_t pendingCount() const { return m_state.m_queue.size(); }
    std::optional<Time> nextEventTime() const;
    // The queue in run order.
    std::vector<PendingEvent> pending() const;
    // Events run since the beginning: the loop's position, used by snapshots.
    std::uint64_t eventsRun() const { return m_state.m_eventsRun; }
    // The actor of the event being run; empty between events.
    const std::string& currentActor() const { return m_currentActor; }
    bool running() const { return m_running; }
    // The latest time the current run call may reach: t inside runUntil(t), unbounded otherwise.
    // Before-hooks use it so that work they inject does not overtake the caller's horizon.
    Time horizon() const { return m_horizon; }

    // ---- hooks (for snapshots and recorders) ----
    // Before-hooks run before the next event is chosen (they may schedule events that then run
    // first); after-hooks run once an event has finished.
    using HookId = std::uint64_t;
    HookId addBeforeEventHook(std::function<void()> hook);
    HookId addAfterEventHook(std::function<void()> hook);
    void removeHook(HookId id);

    // ---- state ----
    State captureState() const { return m_state; }
    void restoreState(const State& state);

private:
    struct Hook {
        HookId id;
        std::function<void()> fn;
    };
    void runBeforeHooks();
    void runEvent();

    std::uint64_t m_seed;
    State m_state;
    std::vector<Actor*> m_actors;
    std::vector<std::unique_ptr<Actor>> m_owned;
    std::size_t m_started = 0;
    std::vector<Hook> m_beforeHooks, m_afterHooks;
    HookId m_nextHookId = 1;
    std::string m_currentActor;
    bool m_running = false;
    bool m_stopRequested = false;
    Time m_horizon = kForever;
};

}  // namespace ks::sim
