// Status: the result of a plugin call, a value with upstream's codes and reasons.
// Mirrors k8s.io/kubernetes pkg/scheduler/framework/interface.go (v1.31).
#pragma once

#include <atomic>
#include <string>
#include <utility>
#include <vector>

namespace ks::scheduler {

enum class Code { Success = 0, Error, Unschedulable, UnschedulableAndUnresolvable, Wait, Skip, Pending };

// NOTE: reasons and plugin name are immutable and shared between copies (as upstream shares
// *Status): a filter rejects thousands of nodes per cycle with the same few statuses, and every
// rejection is copied into the cycle's per-node map. A plugin returns one prebuilt Status for
// a constant reason (Status::constant) without allocating or counting references, and a
// success, which holds nothing, costs two pointer checks to destroy.
class Status {
public:
    Status() = default;
    Status(Code code, std::vector<std::string> reasons = {});
    Status(const Status& o) : m_code(o.m_code), m_reasons(o.m_reasons), m_plugin(o.m_plugin) {
        retain(m_reasons);
        retain(m_plugin);
    }
    Status(Status&& o) noexcept : m_code(o.m_code), m_reasons(o.m_reasons), m_plugin(o.m_plugin) {
        o.m_reasons = nullptr;
        o.m_plugin = nullptr;
    }
    Status& operator=(const Status& o) {
        Status copy(o);
        swap(copy);
        return *this;
    }
    Status& operator=(Status&& o) noexcept {
        Status moved(std::move(o));
        swap(moved);
        return *this;
    }
    ~Status() {
        if (m_reasons) release(m_reasons);
        if (m_plugin) release(m_plugin);
    }

    static Status success() { return {}; }
    static Status error(std::string message) { return {Code::Error, {std::move(message)}}; }
    static Status unschedulable(std::string reason) { return {Code::Unschedulable, {std::move(reason)}}; }
    static Status unresolvable(std::string reason) { return {Code::UnschedulableAndUnresolvable, {std::move(reason)}}; }
    static Status skip() { return {Code::Skip}; }
    // A status whose reasons are never freed: for a function-local static that every call
    // returns (copies then share it without touching a reference count).
    static Status constant(Code code, std::vector<std::string> reasons);

    Code code() const { return m_code; }
    bool isSuccess() const { return m_code == Code::Success; }
    bool isSkip() const { return m_code == Code::Skip; }
    // Unschedulable, UnschedulableAndUnresolvable or Pending: the node (or pod) is rejected.
    bool isRejected() const {
        return m_code == Code::Unschedulable || m_code == Code::UnschedulableAndUnresolvable || m_code == Code::Pending;
    }
    const std::vector<std::string>& reasons() const { return m_reasons ? m_reasons->value : kNoReasons; }
    // Reasons joined with ", " as upstream's Message().
    std::string message() const;
    // The plugin that produced this status (set by the runtime, as upstream's WithPlugin).
    const std::string& plugin() const { return m_plugin ? m_plugin->value : kNoPlugin; }
    Status& withPlugin(std::string plugin);
    // The same with the name of another status (the runtime keeps one per plugin, so tagging
    // every rejected node shares it).
    Status& withPluginOf(const Status& named);
    // A status holding only the plugin name, shared by every call for the same name and never
    // freed (names are few: the plugins of the registry and of configurations): statuses tagged
    // with it copy without counting references (a cycle tags and copies one per rejected node).
    static Status pluginTag(const std::string& plugin);

    void swap(Status& o) noexcept {
        std::swap(m_code, o.m_code);
        std::swap(m_reasons, o.m_reasons);
        std::swap(m_plugin, o.m_plugin);
    }

private:
    template <typename T>
    struct Shared {
        mutable std::atomic<long> refs{1};
        bool permanent = false;  // never freed, never counted
        T value;
    };
    using Reasons = Shared<std::vector<std::string>>;
    using Name = Shared<std::string>;

    template <typename T>
    static void retain(const Shared<T>* p) {
        if (p && !p->permanent) p->refs.fetch_add(1, std::memory_order_relaxed);
    }
    static void release(const Reasons* p);
    static void release(const Name* p);

    static const std::vector<std::string> kNoReasons;
    static const std::string kNoPlugin;

    Code m_code = Code::Success;
    const Reasons* m_reasons = nullptr;  // null: no reasons
    const Name* m_plugin = nullptr;      // null: ""
};

const char* codeName(Code code);  // "Success", "Unschedulable", ...

}  // namespace ks::scheduler
