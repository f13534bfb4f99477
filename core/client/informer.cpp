#include "core/client/informer.h"

namespace ks::client {

Informer::Informer(store::ApiStore& store, std::string kind) : m_store(store), m_kind(std::move(kind)) {}

Informer::~Informer() { stop(); }

void Informer::addEventHandlers(EventHandlers handlers) { m_handlers.push_back(std::move(handlers)); }

std::string Informer::keyOf(const api::Value& object) {
    const api::Value* ns = object.at("metadata.namespace");
    std::string name = object.at("metadata.name") ? object.at("metadata.name")->text() : "";
    return ns && !ns->text().empty() ? ns->text() + "/" + name : name;
}

void Informer::run() {
    if (m_watch) return;
    store::WatchOptions options;
    options.sendInitialEvents = true;  // the initial list arrives as ADDED events, in key order
    auto result = m_store.watch(m_kind, options, [this](const store::WatchEvent& e) { handle(e); });
    if (result.ok()) m_watch = result.value;
}

void Informer::stop() {
    if (!m_watch) return;
    m_store.unwatch(m_watch);
    m_watch = 0;
}

void Informer::handle(const store::WatchEvent& event) {
    std::string key = keyOf(*event.object);
    switch (event.type) {
    case store::EventType::Added:
    case store::EventType::Modified: {
        auto it = m_cache.find(key);
        store::ObjectPtr old = it == m_cache.end() ? nullptr : it->second;
        m_cache[key] = event.object;
        for (const auto& h : m_handlers) {
            if (old) {
                if (h.onUpdate) h.onUpdate(old, event.object);
            } else if (h.onAdd) {
                h.onAdd(event.object);
            }
        }
        break;
    }
    case store::EventType::Deleted: {
        m_cache.erase(key);
        for (const auto& h : m_handlers)
            if (h.onDelete) h.onDelete(event.object);
        break;
    }
    }
}

store::ObjectPtr Informer::get(const std::string& key) const {
    auto it = m_cache.find(key);
    return it == m_cache.end() ? nullptr : it->second;
}

std::vector<store::ObjectPtr> Informer::list() const {
    std::vector<store::ObjectPtr> out;
    out.reserve(m_cache.size());
    for (const auto& [k, v] : m_cache) out.push_back(v);
    return out;
}

}  // namespace ks::client
