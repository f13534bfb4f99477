// CycleState: data that plugins keep between extension points of one scheduling cycle.
// Mirrors pkg/scheduler/framework/cycle_state.go. Clone() is used by preemption's dry runs.
#pragma once

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
    CycleState() = default;
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
        return copy;
    }

    // Plugins whose PreFilter / PreScore returned Skip in this cycle.
    std::map<std::string, bool> skipFilterPlugins, skipScorePlugins;
    // The same as bit masks over the profile's filter / score plugin indexes, which the runtime
    // checks per node instead of looking names up (set by the runtime only).
    std::uint64_t skipFilterMask = 0, skipScoreMask = 0;

private:
    std::vector<std::pair<std::string, std::unique_ptr<StateData>>> m_data;
};

}  // namespace ks::scheduler
