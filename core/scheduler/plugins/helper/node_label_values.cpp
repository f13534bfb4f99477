#include "core/scheduler/plugins/helper/node_label_values.h"

namespace ks::scheduler::plugins::helper {

std::int32_t NodeLabelValues::intern(std::string_view value) {
    auto it = m_ids.find(value);
    if (it != m_ids.end()) return it->second;
    const auto id = static_cast<std::int32_t>(m_values.size());
    m_values.emplace_back(value);
    m_ids.emplace(std::string(value), id);
    return id;
}

std::int32_t NodeLabelValues::find(std::string_view value) const {
    auto it = m_ids.find(value);
    return it == m_ids.end() ? kMissing : it->second;
}

std::int32_t NodeLabelValues::lookUp(const NodeInfo& info) {
    const api::Node* node = info.node();
    if (!node) return kMissing;
    auto label = node->metadata.labels.find(m_key);
    const std::int32_t id = label == node->metadata.labels.end() ? kMissing : intern(label->second);
    const std::size_t slot = info.slot();
    if (slot != NodeInfo::kNoSlot) {
        if (slot >= m_bySlot.size()) m_bySlot.resize(slot + 1);
        m_bySlot[slot] = Entry{info.nodePtr(), id};
    }
    return id;
}

NodeLabelValues& NodeLabelIndex::table(std::string_view key) {
    for (const auto& t : m_tables)
        if (t->key() == key) return *t;
    m_tables.push_back(std::make_unique<NodeLabelValues>(std::string(key)));
    return *m_tables.back();
}

}  // namespace ks::scheduler::plugins::helper
