#include "core/sim/snapshot.h"

#include <algorithm>

namespace ks::sim {

Checkpointer::Checkpointer(EventLoop& loop, Trace& trace, std::size_t interval)
    : m_loop(loop), m_trace(trace), m_interval(interval == 0 ? 1 : interval) {
    registerComponent(
        "event-loop", [this] { return std::any(m_loop.captureState()); },
        [this](const std::any& state) { m_loop.restoreState(std::any_cast<const EventLoop::State&>(state)); });
    // Inputs logged for this position run before the loop picks its next event, so a live run
    // after a restore redoes them exactly as a replay would.
    m_beforeHook = m_loop.addBeforeEventHook([this] {
        while (m_inputCursor < m_inputs.size() && m_inputs[m_inputCursor].time <= m_loop.horizon() &&
               applyNextInput()) {
        }
    });
    m_afterHook = m_loop.addAfterEventHook([this] { maybeCheckpoint(); });
    m_traceObserver = m_trace.addObserver([this](const TraceRecord&) {
        if (!m_future.empty()) m_future.pop_front();
    });
}

Checkpointer::~Checkpointer() {
    m_loop.removeHook(m_beforeHook);
    m_loop.removeHook(m_afterHook);
    m_trace.removeObserver(m_traceObserver);
}

void Checkpointer::registerComponent(std::string name, Capture capture, Restore restore) {
    m_components.push_back({std::move(name), std::move(capture), std::move(restore)});
    m_checkpoints.clear();
}

void Checkpointer::checkpoint() {
    const Position here = position();
    // Keep the list ordered and free of duplicates: a checkpoint at or after this moment
    // already describes the same run (or will be dropped by a branch).
    auto it = std::lower_bound(m_checkpoints.begin(), m_checkpoints.end(), here,
                               [](const Checkpoint& c, const Position& p) { return c.info.position < p; });
    if (it != m_checkpoints.end() && it->info.position == here) return;
    Checkpoint cp;
    cp.info = {here, m_trace.size(), m_loop.now()};
    cp.states.reserve(m_components.size());
    for (const auto& c : m_components) cp.states.push_back(c.capture());
    m_checkpoints.insert(it, std::move(cp));
}

void Checkpointer::maybeCheckpoint() {
    const Position here = position();
    const Checkpoint* last = nullptr;
    for (const auto& c : m_checkpoints) {
        if (c.info.position > here) break;
        last = &c;
    }
    if (!last || m_trace.size() >= last->info.traceSize + m_interval) checkpoint();
}

bool Checkpointer::applyNextInput() {
    if (m_inputCursor >= m_inputs.size()) return false;
    const Input& in = m_inputs[m_inputCursor];
    if (in.events != m_loop.eventsRun()) return false;
    m_loop.advanceTo(in.time);
    ++m_inputCursor;
    const auto command = in.command;  // a copy: the command may log further inputs
    if (command) command();
    maybeCheckpoint();
    return true;
}

void Checkpointer::input(std::string label, std::function<void()> command) {
    if (m_loop.running()) {
        if (command) command();
        return;
    }
    // Anything logged or captured after this moment belonged to the future being replaced.
    const Position here = position();
    m_inputs.resize(std::min(m_inputs.size(), m_inputCursor));
    m_checkpoints.erase(std::remove_if(m_checkpoints.begin(), m_checkpoints.end(),
                                       [&](const Checkpoint& c) { return c.info.position > here; }),
                        m_checkpoints.end());
    m_future.clear();
    m_inputs.push_back({m_loop.eventsRun(), m_loop.now(), std::move(label), std::move(command)});
    applyNextInput();
}

void Checkpointer::restoreCheckpoint(const Checkpoint& cp) {
    for (std::size_t i = 0; i < m_components.size() && i < cp.states.size(); ++i)
        m_components[i].restore(cp.states[i]);
    m_inputCursor = cp.info.position.inputs;
    const std::size_t size = m_trace.size();
    if (cp.info.traceSize < size) {
        const auto& records = m_trace.records();
        m_future.insert(m_future.begin(), records.begin() + static_cast<std::ptrdiff_t>(cp.info.traceSize),
                        records.end());
        m_trace.truncate(cp.info.traceSize);
    }
    // Forward to a later checkpoint of the same run: its records come back from m_future
    // (the append observer pops each one).
    while (m_trace.size() < cp.info.traceSize && !m_future.empty()) {
        TraceRecord r = m_future.front();
        m_trace.append(std::move(r));
    }
}

Checkpointer::RestoreResult Checkpointer::restoreTo(std::uint64_t seq) {
    RestoreResult result;
    if (m_loop.running()) {
        result.error = "cannot restore while an event is running";
        return result;
    }
    if (m_checkpoints.empty()) {
        result.error = "no checkpoint has been taken";
        return result;
    }
    // The latest checkpoint whose trace is still short of seq: the target moment (the first
    // with seq records) lies after it. seq 0 means the first checkpoint itself.
    const Checkpoint* from = nullptr;
    if (seq == 0) {
        from = &m_checkpoints.front();
    } else {
        // A checkpoint ahead of the trace is usable only if its records are known.
        const std::size_t known = m_trace.size() + m_future.size();
        for (const auto& c : m_checkpoints)
            if (c.info.traceSize < seq && c.info.traceSize <= known) from = &c;
    }
    if (!from) {
        result.error = "no checkpoint before step " + std::to_string(seq);
        return result;
    }
    m_replaying = true;
    restoreCheckpoint(*from);
    while (m_trace.size() < seq) {
        // One input or one event at a time, so that the replay stops at the first moment that
        // reaches seq.
        if (applyNextInput()) continue;
        if (!m_loop.runOne()) break;
    }
    m_replaying = false;

    result.traceSize = m_trace.size();
    result.ok = m_trace.size() >= seq;
    if (!result.ok) result.error = "the run ends at step " + std::to_string(m_trace.size());
    return result;
}

std::vector<Checkpointer::CheckpointInfo> Checkpointer::checkpoints() const {
    std::vector<CheckpointInfo> out;
    out.reserve(m_checkpoints.size());
    for (const auto& c : m_checkpoints) out.push_back(c.info);
    return out;
}

}  // namespace ks::sim
