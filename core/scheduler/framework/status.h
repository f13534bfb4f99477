// Status: the result of a plugin call, a value with upstream's codes and reasons.
// Mirrors k8s.io/kubernetes pkg/scheduler/framework/interface.go (v1.31).
#pragma once

#include <string>
#include <vector>

namespace ks::scheduler {

enum class Code { Success = 0, Error, Unschedulable, UnschedulableAndUnresolvable, Wait, Skip, Pending };

class Status {
public:
    Status() = default;
    Status(Code code, std::vector<std::string> reasons = {}) : m_code(code), m_reasons(std::move(reasons)) {}
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
    const std::vector<std::string>& reasons() const { return m_reasons; }
    // Reasons joined with ", " as upstream's Message().
    std::string message() const;
    // The plugin that produced this status (set by the runtime, as upstream's WithPlugin).
    const std::string& plugin() const { return m_plugin; }
    Status& withPlugin(std::string plugin) { m_plugin = std::move(plugin); return *this; }

private:
    Code m_code = Code::Success;
    std::vector<std::string> m_reasons;
    std::string m_plugin;
};

const char* codeName(Code code);  // "Success", "Unschedulable", ...

}  // namespace ks::scheduler
