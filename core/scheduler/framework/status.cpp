#include "core/scheduler/framework/status.h"

#include <map>
#include <mutex>

namespace ks::scheduler {

const std::vector<std::string> Status::kNoReasons;
const std::string Status::kNoPlugin;

Status::Status(Code code, std::vector<std::string> reasons) : m_code(code) {
    if (reasons.empty()) return;
    auto* shared = new Reasons;
    shared->value = std::move(reasons);
    m_reasons = shared;
}

Status Status::constant(Code code, std::vector<std::string> reasons) {
    Status s(code, std::move(reasons));
    if (s.m_reasons) const_cast<Reasons*>(s.m_reasons)->permanent = true;  // deliberately never freed
    return s;
}

void Status::release(const Reasons* p) {
    if (!p->permanent && p->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete p;
}

void Status::release(const Name* p) {
    if (!p->permanent && p->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete p;
}

Status& Status::withPlugin(std::string plugin) {
    auto* shared = new Name;
    shared->value = std::move(plugin);
    if (m_plugin) release(m_plugin);
    m_plugin = shared;
    return *this;
}

Status Status::pluginTag(const std::string& plugin) {
    static std::mutex mutex;
    // Never destroyed, so that the names stay reachable (and are no leak) after static
    // destructors have run.
    static auto* interned = new std::map<std::string, const Name*>;
    std::lock_guard<std::mutex> lock(mutex);
    const Name*& name = (*interned)[plugin];
    if (!name) {
        auto* shared = new Name;
        shared->value = plugin;
        shared->permanent = true;
        name = shared;
    }
    Status s;
    s.m_plugin = name;
    return s;
}

Status& Status::withPluginOf(const Status& named) {
    if (m_plugin == named.m_plugin) return *this;
    retain(named.m_plugin);
    if (m_plugin) release(m_plugin);
    m_plugin = named.m_plugin;
    return *this;
}

std::string Status::message() const {
    std::string out;
    const auto& reasons = this->reasons();
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        if (i) out += ", ";
        out += reasons[i];
    }
    return out;
}

const char* codeName(Code code) {
    switch (code) {
    case Code::Success: return "Success";
    case Code::Error: return "Error";
    case Code::Unschedulable: return "Unschedulable";
    case Code::UnschedulableAndUnresolvable: return "UnschedulableAndUnresolvable";
    case Code::Wait: return "Wait";
    case Code::Skip: return "Skip";
    case Code::Pending: return "Pending";
    }
    return "Unknown";
}

}  // namespace ks::scheduler
