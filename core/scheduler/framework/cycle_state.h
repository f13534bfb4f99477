// CycleState: data that plugins keep between extension points of one scheduling cycle.
// Mirrors pkg/scheduler/framework/cycle_state.go. Clone() is used by preemption's dry runs.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>
#include <vector>

namespace ks::scheduler {

class StateData {
public:
    virtual ~StateData() = default;
    virtual std::unique_ptr<StateData> clone() const = 0;
};

class CycleState {
public:
    CycleState() : m_version(nextVersion()) {}
    CycleState(const CycleState&) = delete;
    CycleState& operator=(const CycleState&) = delete;

    // NOTE: filters and scores read their state once per node; a cycle holds a handful of
    // entries, so a flat vector searched by string_view (no temporary std::string from a
    // `const char*` key) is much cheaper than a map.
    template <typename T>
    T* read(std::string_view key) const {
        for (const auto& [k, v] : m_data)
            if (k == key) {
                // Each key holds one plugin's own type: an exact type check is a pointer
                // comparison, where dynamic_cast walks the class hierarchy.
                if (v && typeid(*v) == typeid(T)) return static_cast<T*>(v.get());
                return dynamic_cast<T*>(v.get());
            }
        return nullptr;
    }
    void write(std::string_view key, std::unique_ptr<StateData> data) {
        m_version = nextVersion();
        for (auto& [k, v] : m_data)
            if (k == key) {
                v = std::move(data);
                return;
            }
        m_data.emplace_back(std::string(key), std::move(data));
    }
    std::unique_ptr<CycleState> clone() const {
        auto copy = std::make_unique<CycleState>();
        copy->m_data.reserve(m_data.size());
        for (const auto& [k, v] : m_data) copy->m_data.emplace_back(k, v ? v->clone() : nullptr);
        copy->skipFilterPlugins = skipFilterPlugins;
        copy->skipScorePlugins = skipScorePlugins;
        copy->skipFilterMask = skipFilterMask;
        copy->skipScoreMask = skipScoreMask;
        copy->skipPreFilterMask = skipPreFilterMask;
        copy->keptResultsKey = keptResultsKey;
        return copy;
    }

    // Unique among all states and all their contents: changes with every write, and a new or
    // cloned state never has the version of another (see StateCache).
    std::uint64_t version() const { return m_version; }

    // Plugins whose PreFilter / PreScore returned Skip in this cycle, by name. NOTE: the
    // Framework records PreFilter skips in skipPreFilterMask / skipFilterMask instead (a state is
    // cloned for every node preemption tries, and a map of names is costly to copy); it uses
    // skipFilterPlugins only for PreFilter plugins past the 64th.
    std::map<std::string, bool> skipFilterPlugins, skipScorePlugins;
    // The same as bit masks over the profile's filter / score plugin indexes, which the runtime
    // checks per node instead of looking names up (set by the runtime only).
    std::uint64_t skipFilterMask = 0, skipScoreMask = 0;
    // The same over the PreFilter plugin indexes (AddPod/RemovePod skip those plugins).
    std::uint64_t skipPreFilterMask = 0;
    // Non-zero when results per node for this cycle's pod may be kept for later pods and
    // reused (set by Framework::beginFilterPass; see Handle::nominationStamp): pods whose
    // cycles have the same key get the same results on a node that did not change.
    std::uint64_t keptResultsKey = 0;

private:
    static std::uint64_t nextVersion() {
        // Atomic, so that versions stay unique even if two simulations ran on two threads.
        static std::atomic<std::uint64_t> version{0};
        return version.fetch_add(1, std::memory_order_relaxed) + 1;
    }

    std::uint64_t m_version;
    std::vector<std::pair<std::string, std::unique_ptr<StateData>>> m_data;
};

// A plugin's last read of its state: a filter reads it once per node, and the same state for
// thousands of nodes in a row; this spares searching the state's keys each time. One cache
// serves one key (and so one type).
class StateCache {
public:
    template <typename T>
    T* read(const CycleState& state, std::string_view key) {
        if (state.version() != m_version) {
            m_data = state.read<T>(key);  // checks the type
            m_version = state.version();
        }
        return static_cast<T*>(m_data);
    }

private:
    std::uint64_t m_version = 0;  // no state has version 0
    StateData* m_data = nullptr;
};

}  // namespace ks::scheduler
