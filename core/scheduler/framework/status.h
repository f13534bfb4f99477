// Status: the result of a plugin call, a value with upstream's codes and reasons.
// Mirrors k8s.io/kubernetes pkg/scheduler/framework/interface.go (v1.31).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace ks::scheduler {

enum class Code { Success = 0, Error, Unschedulable, UnschedulableAndUnresolvable, Wait, Skip, Pending };

// NOTE: reasons and plugin name are immutable and shared between copies (as upstream shares
// *Status): a filter rejects thousands of nodes per cycle with the same few statuses, and
// every rejection is copied into the cycle's per-node map. A plugin can return one prebuilt
// Status for a constant reason without allocating anything.
class Status {
public:
    Status() = default;
    Status(Code code, std::vector<std::string> reasons = {})
        : m_code(code),
          m_reasons(reasons.empty() ? nullptr
                                    : std::make_shared<const std::vector<std::string>>(std::move(reasons))) {}
    static Status success() { return {}; }
    static Status error(std::string message) { return {Code::Error, {std::move(message)}}; }
    static Status unschedulable(std::string reason) { return {Code::Unschedulable, {std::move(reason)}}; }
    static Status unresolvable(std::string reason) { return {Code::UnschedulableAndUnresolvable, {std::move(reason)}}; }
    static Status skip() { return {Code::Skip}; }

    Code code() const { return m_code; }
    bool isSuccess() const { return m_code == Code::Success; }
    bool isSkip() const { return m_code == Code::Skip; }
    // Unschedulable, UnschedulableAndUnresolvable or Pending: the node (or pod) is rejected.
    bool isRejected() const {
        return m_code == Code::Unschedulable || m_code == Code::UnschedulableAndUnresolvable || m_code == Code::Pending;
    }
    const std::vector<std::string>& reasons() const { return m_reasons ? *m_reasons : noReasons(); }
    // Reasons joined with ", " as upstream's Message().
    std::string message() const;
    // The plugin that produced this status (set by the runtime, as upstream's WithPlugin).
    const std::string& plugin() const { return m_plugin ? *m_plugin : noPlugin(); }
    Status& withPlugin(std::string plugin) {
        m_plugin = std::make_shared<const std::string>(std::move(plugin));
        return *this;
    }
    // The same with a name the caller keeps shared (the runtime's, once per plugin).
    Status& withPlugin(std::shared_ptr<const std::string> plugin) {
        m_plugin = std::move(plugin);
        return *this;
    }

private:
    static const std::vector<std::string>& noReasons();
    static const std::string& noPlugin();

    Code m_code = Code::Success;
    std::shared_ptr<const std::vector<std::string>> m_reasons;  // null: no reasons
    std::shared_ptr<const std::string> m_plugin;                // null: ""
};

const char* codeName(Code code);  // "Success", "Unschedulable", ...

}  // namespace ks::scheduler
