// NodeLabelValues: one node label (a topology key) per node, remembered by node slot, with its
// values numbered. Plugins that look a key up on every node of every cycle (NodeAffinity's
// selectors, PodTopologySpread's and InterPodAffinity's topology keys) read an array instead of
// searching each node's label map, and compare small numbers instead of strings.
// A Node object's labels never change (an updated node is a new object), so an entry stays
// right while its slot holds the same Node; the entry keeps that Node alive, so that its
// address cannot be reused by another.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/scheduler/framework/node_info.h"

namespace ks::scheduler::plugins::helper {

class NodeLabelValues {
public:
    static constexpr std::int32_t kMissing = -1;  // the node lacks the label (or there is no node)

    explicit NodeLabelValues(std::string key) : m_key(std::move(key)) {}
    const std::string& key() const { return m_key; }

    // The number of the node's value for the key, kMissing when it has none.
    std::int32_t id(const NodeInfo& info) {
        const std::size_t slot = info.slot();
        if (slot < m_bySlot.size() && m_bySlot[slot].node.get() == info.node() && info.node())
            return m_bySlot[slot].id;
        return lookUp(info);
    }
    // The node's value, nullptr when it has none.
    const std::string* value(const NodeInfo& info) {
        const std::int32_t i = id(info);
        return i == kMissing ? nullptr : &m_values[static_cast<std::size_t>(i)];
    }
    // The number of a value (numbered when new).
    std::int32_t intern(std::string_view value);
    // The number of a value, kMissing when no node or selector has had it.
    std::int32_t find(std::string_view value) const;
    const std::string& valueOf(std::int32_t id) const { return m_values[static_cast<std::size_t>(id)]; }
    std::size_t numValues() const { return m_values.size(); }

private:
    std::int32_t lookUp(const NodeInfo& info);

    struct Entry {
        std::shared_ptr<const api::Node> node;
        std::int32_t id = kMissing;
    };
    std::string m_key;
    std::vector<Entry> m_bySlot;
    std::deque<std::string> m_values;  // a deque: value() pointers stay valid as values are added
    std::map<std::string, std::int32_t, std::less<>> m_ids;
};

// The tables of one plugin, by key. Tables live as long as the index: callers may keep
// pointers to them.
class NodeLabelIndex {
public:
    NodeLabelValues& table(std::string_view key);

private:
    std::vector<std::unique_ptr<NodeLabelValues>> m_tables;
};

}  // namespace ks::scheduler::plugins::helper
