// Informer: list + watch of one kind with a local cache and event handlers, as client-go's
// SharedIndexInformer (k8s.io/client-go/tools/cache, v1.31) is used by kube-scheduler and the
// controllers. The course's "Informer 的内部机制" figure is this class: the Reflector's
// List/Watch is the store watch with sendInitialEvents, the Indexer is m_cache, and handlers
// run in watch order.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/store/api_store.h"

namespace ks::client {

struct EventHandlers {
    std::function<void(const store::ObjectPtr& obj)> onAdd;
    std::function<void(const store::ObjectPtr& oldObj, const store::ObjectPtr& newObj)> onUpdate;
    std::function<void(const store::ObjectPtr& lastObj)> onDelete;
};

class Informer {
public:
    Informer(store::ApiStore& store, std::string kind);
    ~Informer();
    Informer(const Informer&) = delete;
    Informer& operator=(const Informer&) = delete;

    void addEventHandlers(EventHandlers handlers);
    // Lists (every object arrives as an add) and then follows the watch.
    void run();
    void stop();
    bool running() const { return m_watch != 0; }

    // The lister: the cache, keyed by "namespace/name" (or "name" for cluster-scoped kinds).
    store::ObjectPtr get(const std::string& key) const;
    std::vector<store::ObjectPtr> list() const;
    std::size_t size() const { return m_cache.size(); }
    const std::string& kind() const { return m_kind; }

    static std::string keyOf(const api::Value& object);

private:
    void handle(const store::WatchEvent& event);

    store::ApiStore& m_store;
    std::string m_kind;
    std::map<std::string, store::ObjectPtr> m_cache;
    std::vector<EventHandlers> m_handlers;
    store::WatchId m_watch = 0;
};

}  // namespace ks::client
