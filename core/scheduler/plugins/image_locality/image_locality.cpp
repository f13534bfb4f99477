// ImageLocality (imagelocality/image_locality.go, v1.31).
#include "core/scheduler/plugins/image_locality/image_locality.h"

namespace ks::scheduler::plugins {

std::string ImageLocality::normalizedImageName(const std::string& name) {
    // strings.LastIndex semantics: -1 when absent, so "a/b" (no colon) gets the tag.
    const auto lastColon = name.rfind(':');
    const auto lastSlash = name.rfind('/');
    const long colon = lastColon == std::string::npos ? -1 : static_cast<long>(lastColon);
    const long slash = lastSlash == std::string::npos ? -1 : static_cast<long>(lastSlash);
    return colon <= slash ? name + ":latest" : name;
}

namespace {

std::vector<std::string> normalizedImages(const api::Pod& pod) {
    std::vector<std::string> out;
    out.reserve(pod.spec.initContainers.size() + pod.spec.containers.size());
    for (const auto& c : pod.spec.initContainers) out.push_back(ImageLocality::normalizedImageName(c.image));
    for (const auto& c : pod.spec.containers) out.push_back(ImageLocality::normalizedImageName(c.image));
    return out;
}

}  // namespace

std::int64_t ImageLocality::sumImageScores(const NodeInfo& node, const std::vector<std::string>& images,
                                           std::size_t totalNumNodes) {
    std::int64_t sum = 0;
    if (node.imageStates.empty()) return sum;
    for (const auto& image : images) {
        auto it = node.imageStates.find(image);
        if (it == node.imageStates.end()) continue;
        // scaledImageScore: size x (nodes having it / all nodes), float then truncated.
        const double spread = static_cast<double>(it->second.numNodes) / static_cast<double>(totalNumNodes);
        sum += static_cast<std::int64_t>(static_cast<double>(it->second.size) * spread);
    }
    return sum;
}

std::int64_t ImageLocality::sumImageScores(const NodeInfo& node, const api::Pod& pod, std::size_t totalNumNodes) {
    return sumImageScores(node, normalizedImages(pod), totalNumNodes);
}

std::int64_t ImageLocality::calculatePriority(std::int64_t sumScores, std::size_t numContainers) {
    const std::int64_t maxThreshold = kMaxContainerThreshold * static_cast<std::int64_t>(numContainers);
    if (sumScores < kMinThreshold) sumScores = kMinThreshold;
    else if (sumScores > maxThreshold) sumScores = maxThreshold;
    return kMaxNodeScore * (sumScores - kMinThreshold) / (maxThreshold - kMinThreshold);
}

Status ImageLocality::score(CycleState&, const PodInfo& pod, const NodeInfo& node, std::int64_t& score) {
    const std::size_t totalNumNodes = m_handle.snapshot().numNodes();
    const api::Pod& p = *pod.pod;
    score = totalNumNodes == 0 ? 0
                               : calculatePriority(sumImageScores(node, p, totalNumNodes),
                                                   p.spec.initContainers.size() + p.spec.containers.size());
    return Status::success();
}

Status ImageLocality::scoreNodes(CycleState&, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                                 std::vector<NodeScore>& scores) {
    const std::size_t totalNumNodes = m_handle.snapshot().numNodes();
    const api::Pod& p = *pod.pod;
    const std::size_t numContainers = p.spec.initContainers.size() + p.spec.containers.size();
    if (totalNumNodes == 0) {
        for (std::size_t i = 0; i < nodes.size(); ++i) scores[i].score = 0;
        return Status::success();
    }
    const std::vector<std::string> images = normalizedImages(p);
    for (std::size_t i = 0; i < nodes.size(); ++i)
        scores[i].score = calculatePriority(sumImageScores(*nodes[i], images, totalNumNodes), numContainers);
    return Status::success();
}

std::unique_ptr<Plugin> newImageLocality(const api::Value*, Handle& handle, std::string&) {
    return std::make_unique<ImageLocality>(handle);
}

}  // namespace ks::scheduler::plugins
