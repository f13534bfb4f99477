#include "core/scheduler/framework/node_to_status.h"

#include "core/scheduler/framework/fnv1a.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace ks::scheduler {

namespace {

// FNV-1a: node names are short, and this is cheaper than std::hash's for them.
std::size_t hashOf(std::string_view s) {
    const std::uint64_t h = fnv1a(s);
    return static_cast<std::size_t>(h ^ (h >> 29));
}

// Buffers of dropped maps, reused by the next ones: a cycle's map of thousands of nodes is
// larger than malloc's mmap threshold, and mapping fresh pages for it every cycle costs more
// than filling it.
struct SpareBuffers {
    std::vector<std::vector<NodeToStatus::value_type>> entries;
    std::vector<std::vector<std::uint32_t>> indexes;
};
constexpr std::size_t kMaxSpares = 4;
constexpr std::size_t kMinSpareCapacity = 256;

SpareBuffers& spares() {
    thread_local SpareBuffers s;
    return s;
}

}  // namespace

NodeToStatus::~NodeToStatus() {
    if (m_entries.capacity() < kMinSpareCapacity) return;
    SpareBuffers& s = spares();
    if (s.entries.size() >= kMaxSpares) return;
    m_entries.clear();
    m_index.clear();
    s.entries.push_back(std::move(m_entries));
    s.indexes.push_back(std::move(m_index));
}

void NodeToStatus::adoptSpareBuffers() {
    SpareBuffers& s = spares();
    if (s.entries.empty()) return;
    m_entries = std::move(s.entries.back());
    s.entries.pop_back();
    m_index = std::move(s.indexes.back());
    s.indexes.pop_back();
    m_index.clear();  // keeps its capacity, which emplace uses as a size hint
}

std::size_t NodeToStatus::indexOf(std::string_view node) const {
    if (m_indexed < m_entries.size()) catchUpIndex();
    if (m_index.empty()) return m_entries.size();
    const std::size_t mask = m_index.size() - 1;
    for (std::size_t i = hashOf(node) & mask;; i = (i + 1) & mask) {
        const std::uint32_t slot = m_index[i];
        if (slot == kEmpty) return m_entries.size();
        if (m_entries[slot - 1].first == node) return slot - 1;
    }
}

void NodeToStatus::catchUpIndex() const {
    if (m_index.size() < 16 || 2 * m_entries.size() > m_index.size()) {
        std::size_t capacity = 16;
        while (capacity < 2 * m_entries.size()) capacity *= 2;
        rebuildIndex(capacity);
        return;
    }
    for (; m_indexed < m_entries.size(); ++m_indexed) insertIndex(m_indexed);
}

void NodeToStatus::insertIndex(std::size_t position) const {
    const std::size_t mask = m_index.size() - 1;
    std::size_t i = hashOf(m_entries[position].first) & mask;
    while (m_index[i] != kEmpty) i = (i + 1) & mask;
    m_index[i] = static_cast<std::uint32_t>(position + 1);
}

void NodeToStatus::rebuildIndex(std::size_t capacity) const {
    m_index.assign(capacity, kEmpty);
    for (std::size_t p = 0; p < m_entries.size(); ++p) insertIndex(p);
    m_indexed = m_entries.size();
}

void NodeToStatus::countReasons(const Status& status) const {
    if (!m_countsValid) return;
    const std::vector<std::string>* list = &status.reasons();
    for (auto& [l, count] : m_counts)
        if (l == list) {
            ++count;
            return;
        }
    m_counts.emplace_back(list, 1);
}

const std::vector<std::pair<const std::vector<std::string>*, int>>& NodeToStatus::reasonLists() const {
    if (!m_countsValid) {
        m_counts.clear();
        m_countsValid = true;
        for (const auto& [_, status] : m_entries) countReasons(status);
    }
    return m_counts;
}

bool NodeToStatus::emplaceAt(std::size_t slot, std::string node, Status status) {
    if (!m_slotsComplete) return emplace(std::move(node), std::move(status)).second;
    // Grown geometrically: a pass adds slots in increasing order from its start index.
    if (slot >= m_bySlot.size()) m_bySlot.resize(std::max(slot + 1, 2 * m_bySlot.size()), kEmpty);
    if (m_bySlot[slot] != kEmpty) return false;
    if (m_entries.capacity() == 0) adoptSpareBuffers();
    m_entries.emplace_back(std::move(node), std::move(status));
    m_bySlot[slot] = static_cast<std::uint32_t>(m_entries.size());
    countReasons(m_entries.back().second);
    return true;
}

std::pair<NodeToStatus::iterator, bool> NodeToStatus::emplace(std::string node, Status status) {
    if (m_entries.capacity() == 0) adoptSpareBuffers();
    if (m_indexed < m_entries.size()) catchUpIndex();
    if (m_index.empty()) {
        // The size of the buffer's last index: a cycle usually rejects about as many nodes as
        // the one before.
        std::size_t capacity = 16;
        while (capacity < m_index.capacity()) capacity *= 2;
        if (capacity > m_index.capacity()) capacity /= 2;
        m_index.assign(capacity < 16 ? 16 : capacity, kEmpty);
    }
    // One probe finds the node or the free index slot for it.
    const std::size_t mask = m_index.size() - 1;
    std::size_t i = hashOf(node) & mask;
    for (; m_index[i] != kEmpty; i = (i + 1) & mask) {
        const std::size_t existing = m_index[i] - 1;
        if (m_entries[existing].first == node)
            return {m_entries.begin() + static_cast<std::ptrdiff_t>(existing), false};
    }
    m_entries.emplace_back(std::move(node), std::move(status));
    m_slotsComplete = false;
    countReasons(m_entries.back().second);
    if (2 * m_entries.size() > m_index.size()) {
        rebuildIndex(2 * m_index.size());
    } else {
        m_index[i] = static_cast<std::uint32_t>(m_entries.size());
        m_indexed = m_entries.size();
    }
    return {m_entries.end() - 1, true};
}

Status& NodeToStatus::operator[](std::string_view node) {
    const std::size_t existing = indexOf(node);
    m_countsValid = false;  // the caller may change the status
    if (existing != m_entries.size()) return m_entries[existing].second;
    return emplace(std::string(node), Status()).first->second;
}

const Status& NodeToStatus::at(std::string_view node) const {
    const std::size_t p = indexOf(node);
    if (p == m_entries.size()) throw std::out_of_range("NodeToStatus::at: no status for node " + std::string(node));
    return m_entries[p].second;
}

Status& NodeToStatus::at(std::string_view node) {
    m_countsValid = false;
    return const_cast<Status&>(static_cast<const NodeToStatus&>(*this).at(node));
}

NodeToStatus::iterator NodeToStatus::find(std::string_view node) {
    m_countsValid = false;
    return m_entries.begin() + static_cast<std::ptrdiff_t>(indexOf(node));
}

NodeToStatus::const_iterator NodeToStatus::find(std::string_view node) const {
    return m_entries.begin() + static_cast<std::ptrdiff_t>(indexOf(node));
}

std::size_t NodeToStatus::erase(std::string_view node) {
    const std::size_t p = indexOf(node);
    if (p == m_entries.size()) return 0;
    m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(p));
    rebuildIndex(m_index.size());
    m_bySlot.clear();  // positions moved
    m_slotsComplete = false;
    m_countsValid = false;
    return 1;
}

void NodeToStatus::clear() {
    m_entries.clear();
    m_index.clear();
    m_indexed = 0;
    m_bySlot.clear();
    m_slotsComplete = true;
    m_counts.clear();
    m_countsValid = true;
}

}  // namespace ks::scheduler
