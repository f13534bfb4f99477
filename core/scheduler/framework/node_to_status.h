// NodeToStatus: the filter status of each rejected node of a cycle (upstream NodeToStatusMap,
// pkg/scheduler/framework/types.go v1.31, a Go map from node name to *Status).
// NOTE: a cycle rejects up to every node of the cluster, and usually the map is only counted
// and dropped (the pod found a node anyway), so it is a flat list in insertion order with an
// open-addressing index: no allocation per node, unlike a tree of nodes. Iteration is in
// insertion order (deterministic; upstream's Go map has no order at all), so callers that
// print must sort, as FitError does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/scheduler/framework/status.h"

namespace ks::scheduler {

class NodeToStatus {
public:
    using value_type = std::pair<std::string, Status>;
    using iterator = std::vector<value_type>::iterator;
    using const_iterator = std::vector<value_type>::const_iterator;

    NodeToStatus() = default;
    NodeToStatus(const NodeToStatus&) = default;
    NodeToStatus(NodeToStatus&&) noexcept = default;
    NodeToStatus& operator=(const NodeToStatus&) = default;
    NodeToStatus& operator=(NodeToStatus&&) noexcept = default;
    ~NodeToStatus();

    // Inserts (node, status) unless node is present; as std::map::emplace.
    std::pair<iterator, bool> emplace(std::string node, Status status);
    // The same for the node in snapshot slot `slot`, unless that slot has an entry: a filter
    // pass meets each node once, so this hashes no name (the index by name catches up when a
    // node is first looked up by name). False when the slot had one.
    bool emplaceAt(std::size_t slot, std::string node, Status status);
    // Whether every entry came through emplaceAt, none erased: then atSlot finds them all.
    bool slotsComplete() const { return m_slotsComplete; }
    // The status of the node in slot, nullptr when it has none (only while slotsComplete()).
    const Status* atSlot(std::size_t slot) const {
        return slot < m_bySlot.size() && m_bySlot[slot] != kEmpty ? &m_entries[m_bySlot[slot] - 1].second : nullptr;
    }
    // Each distinct list of reasons (Status::reasons() by address) with the number of entries
    // holding it: kept up to date while entries are only added, recounted after any access
    // that could change a status. FitError's message counts reasons from it instead of
    // visiting thousands of entries.
    const std::vector<std::pair<const std::vector<std::string>*, int>>& reasonLists() const;
    // The status of node, default (Success) when it was absent; as std::map::operator[].
    Status& operator[](std::string_view node);
    const Status& at(std::string_view node) const;  // throws std::out_of_range when absent
    Status& at(std::string_view node);
    iterator find(std::string_view node);  // this, at and operator[] may change a status
    const_iterator find(std::string_view node) const;
    std::size_t count(std::string_view node) const { return find(node) == end() ? 0 : 1; }
    std::size_t erase(std::string_view node);
    void clear();

    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    iterator begin() {
        m_countsValid = false;  // the caller may change statuses
        return m_entries.begin();
    }
    iterator end() { return m_entries.end(); }
    const_iterator begin() const { return m_entries.begin(); }
    const_iterator end() const { return m_entries.end(); }

private:
    static constexpr std::uint32_t kEmpty = 0;  // index slots hold entry position + 1
    std::size_t indexOf(std::string_view node) const;  // position in m_entries, or size()
    void insertIndex(std::size_t position) const;
    void rebuildIndex(std::size_t capacity) const;
    void catchUpIndex() const;  // indexes the entries emplaceAt added
    void adoptSpareBuffers();
    void countReasons(const Status& status) const;

    std::vector<value_type> m_entries;
    // By name: power-of-two size, at most half full, covering the first m_indexed entries.
    mutable std::vector<std::uint32_t> m_index;
    mutable std::size_t m_indexed = 0;
    std::vector<std::uint32_t> m_bySlot;  // entry position + 1 by snapshot slot (emplaceAt)
    bool m_slotsComplete = true;
    mutable std::vector<std::pair<const std::vector<std::string>*, int>> m_counts;
    mutable bool m_countsValid = true;
};

}  // namespace ks::scheduler
