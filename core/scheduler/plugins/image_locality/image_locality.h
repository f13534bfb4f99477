// ImageLocality: favours nodes that already hold the pod's container images, weighted by how
// widely each image has spread (to avoid piling pods onto the few nodes that have it).
// Mirrors pkg/scheduler/framework/plugins/imagelocality/image_locality.go (Kubernetes v1.31:
// init containers count, maximum threshold 1000Mi per container).
// Legacy name: priority ImageLocalityPriority.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

class ImageLocality final : public ScorePlugin {
public:
    static constexpr const char* kName = "ImageLocality";
    static constexpr std::int64_t kMB = 1024 * 1024;
    static constexpr std::int64_t kMinThreshold = 23 * kMB;
    static constexpr std::int64_t kMaxContainerThreshold = 1000 * kMB;

    explicit ImageLocality(Handle& handle) : m_handle(handle) {}

    std::string name() const override { return kName; }
    Status score(CycleState& state, const PodInfo& pod, const NodeInfo& node, std::int64_t& score) override;
    // Normalizes the pod's image names once for all nodes.
    Status scoreNodes(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                      std::vector<NodeScore>& scores) override;

    // Sum of the spread-scaled sizes of the pod's images present on node.
    static std::int64_t sumImageScores(const NodeInfo& node, const api::Pod& pod, std::size_t totalNumNodes);
    // The same over the pod's image names already normalized (init containers first).
    static std::int64_t sumImageScores(const NodeInfo& node, const std::vector<std::string>& normalizedImages,
                                       std::size_t totalNumNodes);
    // The sum clamped to [23Mi, 1000Mi x containers] and scaled to 0..100.
    static std::int64_t calculatePriority(std::int64_t sumScores, std::size_t numContainers);
    // "nginx" -> "nginx:latest"; names with a tag or digest stay as they are.
    static std::string normalizedImageName(const std::string& name);

private:
    Handle& m_handle;
};

// Registry factory (ImageLocality has no args).
std::unique_ptr<Plugin> newImageLocality(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
