#include "core/sim/event_loop.h"

#include <algorithm>

namespace ks::sim {

EventLoop::EventLoop(std::uint64_t seed) : m_seed(seed) { m_state.m_rng = Rng(seed); }

EventLoop::~EventLoop() = default;

void EventLoop::addActor(Actor& actor) { m_actors.push_back(&actor); }

Actor& EventLoop::addActor(std::unique_ptr<Actor> actor) {
    Actor& ref = *actor;
    m_owned.push_back(std::move(actor));
    m_actors.push_back(&ref);
    return ref;
}

Actor* EventLoop::findActor(std::string_view name) const {
    for (Actor* a : m_actors)
        if (a->name() == name) return a;
    return nullptr;
}

void EventLoop::start() {
    // Index-based: an actor's start() may register further actors, which start in this pass.
    while (m_started < m_actors.size()) m_actors[m_started++]->start(*this);
}

EventId EventLoop::schedule(Time at, std::string actor, Callback fn) {
    at = std::max(at, m_state.m_now);
    const EventId id = m_state.m_nextId++;
    m_state.m_queue.emplace(std::make_pair(at, id), State::Entry{std::move(actor), std::move(fn)});
    m_state.m_index.emplace(id, at);
    return id;
}

EventId EventLoop::after(Duration delay, std::string actor, Callback fn) {
    return schedule(m_state.m_now + std::max<Duration>(delay, 0), std::move(actor), std::move(fn));
}

bool EventLoop::cancel(EventId id) {
    auto it = m_state.m_index.find(id);
    if (it == m_state.m_index.end()) return false;
    m_state.m_queue.erase({it->second, id});
    m_state.m_index.erase(it);
    return true;
}

void EventLoop::runBeforeHooks() {
    // A copy: a hook may add or remove hooks.
    const auto hooks = m_beforeHooks;
    for (const auto& h : hooks) h.fn();
}

void EventLoop::runEvent() {
    auto it = m_state.m_queue.begin();
    const Time at = it->first.first;
    const EventId id = it->first.second;
    // Moved out before running: the callback may schedule or cancel freely.
    State::Entry entry = std::move(it->second);
    m_state.m_queue.erase(it);
    m_state.m_index.erase(id);
    m_state.m_now = std::max(m_state.m_now, at);
    m_currentActor = std::move(entry.actor);
    m_running = true;
    if (entry.fn) entry.fn();
    m_running = false;
    m_currentActor.clear();
    ++m_state.m_eventsRun;
    const auto hooks = m_afterHooks;
    for (const auto& h : hooks) h.fn();
}

bool EventLoop::runOne() {
    if (m_running) return false;
    runBeforeHooks();
    if (m_state.m_queue.empty()) return false;
    runEvent();
    return true;
}

std::size_t EventLoop::runSteps(std::size_t n) {
    if (m_running) return 0;
    m_stopRequested = false;
    std::size_t ran = 0;
    while (ran < n && !m_stopRequested && runOne()) ++ran;
    m_stopRequested = false;
    return ran;
}

std::size_t EventLoop::runUntil(Time t) {
    if (m_running) return 0;
    m_stopRequested = false;
    std::size_t ran = 0;
    m_horizon = t;
    while (!m_stopRequested) {
        runBeforeHooks();
        if (m_state.m_queue.empty() || m_state.m_queue.begin()->first.first > t) break;
        runEvent();
        ++ran;
    }
    m_horizon = kForever;
    if (!m_stopRequested) advanceTo(t);
    m_stopRequested = false;
    return ran;
}

void EventLoop::advanceTo(Time t) {
    if (auto next = nextEventTime(); next && *next < t) t = *next;
    m_state.m_now = std::max(m_state.m_now, t);
}

std::optional<Time> EventLoop::nextEventTime() const {
    if (m_state.m_queue.empty()) return std::nullopt;
    return m_state.m_queue.begin()->first.first;
}

std::vector<PendingEvent> EventLoop::pending() const {
    std::vector<PendingEvent> out;
    out.reserve(m_state.m_queue.size());
    for (const auto& [key, entry] : m_state.m_queue) out.push_back({key.first, key.second, entry.actor});
    return out;
}

EventLoop::HookId EventLoop::addBeforeEventHook(std::function<void()> hook) {
    m_beforeHooks.push_back({m_nextHookId, std::move(hook)});
    return m_nextHookId++;
}

EventLoop::HookId EventLoop::addAfterEventHook(std::function<void()> hook) {
    m_afterHooks.push_back({m_nextHookId, std::move(hook)});
    return m_nextHookId++;
}

void EventLoop::removeHook(HookId id) {
    auto drop = [id](std::vector<Hook>& hooks) {
        hooks.erase(std::remove_if(hooks.begin(), hooks.end(), [id](const Hook& h) { return h.id == id; }),
                    hooks.end());
    };
    drop(m_beforeHooks);
    drop(m_afterHooks);
}

void EventLoop::restoreState(const State& state) { m_state = state; }

}  // namespace ks::sim
