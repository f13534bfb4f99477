// Checkpointer: going back to any earlier step of a run.
//
// No upstream counterpart (a real cluster cannot rewind). Every K trace records the state of
// each registered component is captured between two events; restoring step N restores the
// nearest checkpoint before N and re-runs the loop forward until the trace has N records.
// Replay is exact because the run is deterministic: the loop's clock, queue and RNG are part of
// the checkpoint, and external inputs (user edits, lesson steps) are logged with the moment
// they were made and redone at the same moment.
//
// Components register a capture/restore pair, type-erased with std::any, so that the store
// and later components can join without this file knowing their types.
#pragma once

#include <any>
#include <compare>
#include <deque>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/sim/event_loop.h"
#include "core/sim/trace.h"

namespace ks::sim {

class Checkpointer {
public:
    using Capture = std::function<std::any()>;
    using Restore = std::function<void(const std::any&)>;

    static constexpr std::size_t kDefaultInterval = 64;

    // A moment between two steps: events run so far, then external inputs applied so far.
    // Ordered like the run itself.
    struct Position {
        std::uint64_t events = 0;
        std::size_t inputs = 0;
        auto operator<=>(const Position&) const = default;
    };

    struct CheckpointInfo {
        Position position;
        std::size_t traceSize = 0;
        Time time = 0;
    };

    struct RestoreResult {
        bool ok = false;
        std::size_t traceSize = 0;  // records in the trace after the restore (>= the asked seq)
        std::string error;
    };

    // Registers the loop's own state (clock, queue, RNG) and the trace; takes no checkpoint yet.
    Checkpointer(EventLoop& loop, Trace& trace, std::size_t interval = kDefaultInterval);
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    // Adds a component's state. Restores run in registration order, after the loop's.
    // NOTE: checkpoints taken before a registration lack the new component, so they are
    // dropped: register everything, then call checkpoint().
    void registerComponent(std::string name, Capture capture, Restore restore);
    // Convenience for state that is a copyable value: captured by copy, restored by assignment.
    template <typename T>
    void registerValue(std::string name, T& object) {
        registerComponent(
            std::move(name), [&object] { return std::any(object); },
            [&object](const std::any& state) { object = std::any_cast<const T&>(state); });
    }

    std::size_t interval() const { return m_interval; }
    void setInterval(std::size_t records) { m_interval = records == 0 ? 1 : records; }

    // Takes a checkpoint now (between events): call once after setup so that step 0 exists.
    void checkpoint();

    // Runs an external command now and logs it, so that a replay redoes it at the same position
    // and virtual time. An input made after going back starts a new future: the logged inputs
    // and checkpoints after this moment are dropped. Called from inside an event, it just runs
    // the command (the event itself is replayed).
    void input(std::string label, std::function<void()> command);

    // Puts every registered component back to the first moment at which the trace had `seq`
    // records (seq 0: the first checkpoint). seq may lie ahead of the current step, as long as
    // the loop can get there. Fails when no checkpoint lies before seq or the run ends first.
    RestoreResult restoreTo(std::uint64_t seq);

    Position position() const { return {m_loop.eventsRun(), m_inputCursor}; }
    std::vector<CheckpointInfo> checkpoints() const;
    std::size_t inputCount() const { return m_inputs.size(); }
    // True while restoreTo() puts records back or re-runs events: trace observers see records
    // a second time then.
    bool replaying() const { return m_replaying; }

private:
    struct Component {
        std::string name;
        Capture capture;
        Restore restore;
    };
    struct Checkpoint {
        CheckpointInfo info;
        std::vector<std::any> states;  // one per component, in registration order
    };
    struct Input {
        std::uint64_t events = 0;  // loop position when it was made
        Time time = 0;
        std::string label;
        std::function<void()> command;
    };

    void maybeCheckpoint();
    // Applies the next logged input if it belongs to the current position; false otherwise.
    bool applyNextInput();
    void restoreCheckpoint(const Checkpoint& cp);

    EventLoop& m_loop;
    Trace& m_trace;
    std::size_t m_interval;
    std::vector<Component> m_components;
    std::vector<Checkpoint> m_checkpoints;  // ordered by position
    std::vector<Input> m_inputs;            // ordered by position
    std::size_t m_inputCursor = 0;          // inputs applied so far
    // Records of the current run that lie after the trace's end (cut off by going back). Going
    // forward to a later checkpoint puts them back instead of replaying; each record appended
    // by the run itself takes the place of the front one.
    std::deque<TraceRecord> m_future;
    bool m_replaying = false;
    EventLoop::HookId m_beforeHook = 0, m_afterHook = 0;
    Trace::ObserverId m_traceObserver = 0;
};

}  // namespace ks::sim
