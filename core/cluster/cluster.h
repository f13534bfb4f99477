// Cluster: one simulated cluster — the event loop, the API store, the trace and the components
// registered on the loop. The CLI, the GUI and the lesson checker all drive a cluster through
// this class and the store, never by reaching into components.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/api/diagnostic.h"
#include "core/api/types.h"

namespace ks::sim {
class EventLoop;
class Trace;
}  // namespace ks::sim
namespace ks::store {
class ApiStore;
}

namespace ks::cluster {

class Cluster {
public:
    explicit Cluster(std::uint64_t seed = 1);
    ~Cluster();
    Cluster(const Cluster&) = delete;
    Cluster& operator=(const Cluster&) = delete;

    // Loads manifests and creates their objects through the store (admission included).
    // Returns every diagnostic; objects of a file with errors are not created.
    api::Diagnostics loadFiles(const std::vector<std::string>& files);
    api::Diagnostics loadText(const std::string& text, const std::string& fileName);

    // Starts the components on the loop (once); the trace then records every store change
    // and every component step.
    void start();

    store::ApiStore& store();
    const store::ApiStore& store() const;
    sim::EventLoop& loop();
    sim::Trace& trace();

    // Typed views of the current state, sorted by namespace and name.
    std::vector<std::shared_ptr<const api::Node>> nodes() const;
    std::vector<std::shared_ptr<const api::Pod>> pods() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace ks::cluster
