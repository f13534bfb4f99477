// CycleState: data that plugins keep between extension points of one scheduling cycle.
// Mirrors pkg/scheduler/framework/cycle_state.go. Clone() is used by preemption's dry runs.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace ks::scheduler {

class StateData {
public:
    virtual ~StateData() = default;
    virtual std::unique_ptr<StateData> clone() const = 0;
};

class CycleState {
public:
    CycleState() = default;
    CycleState(const CycleState&) = delete;
    CycleState& operator=(const CycleState&) = delete;

    template <typename T>
    T* read(const std::string& key) const {
        auto it = m_data.find(key);
        return it == m_data.end() ? nullptr : dynamic_cast<T*>(it->second.get());
    }
    void write(const std::string& key, std::unique_ptr<StateData> data) { m_data[key] = std::move(data); }
    std::unique_ptr<CycleState> clone() const {
        auto copy = std::make_unique<CycleState>();
        for (const auto& [k, v] : m_data) copy->m_data[k] = v ? v->clone() : nullptr;
        copy->skipFilterPlugins = skipFilterPlugins;
        copy->skipScorePlugins = skipScorePlugins;
        copy->skipFilterMask = skipFilterMask;
        copy->skipScoreMask = skipScoreMask;
        return copy;
    }

    // Plugins whose PreFilter / PreScore returned Skip in this cycle.
    std::map<std::string, bool> skipFilterPlugins, skipScorePlugins;
    // The same as bit masks over the profile's filter / score plugin indexes, which the runtime
    // checks per node instead of looking names up (set by the runtime only).
    std::uint64_t skipFilterMask = 0, skipScoreMask = 0;

private:
    std::map<std::string, std::unique_ptr<StateData>> m_data;
};

}  // namespace ks::scheduler
