// Historic predicate and priority names of the Policy API and the plugins that replaced them.
// Mirrors pkg/scheduler/framework/plugins/legacy_registry.go (v1.19-v1.22, removed with the
// Policy API in v1.23).
#include "core/scheduler/framework/registry.h"

namespace ks::scheduler {

LegacyNames legacyNames(const std::string& name) {
    static const std::map<std::string, LegacyNames> kTable = {
        {"NodeUnschedulable", {{"CheckNodeUnschedulable"}, {}}},
        {"NodeName", {{"HostName", "GeneralPredicates"}, {}}},
        {"NodePorts", {{"PodFitsHostPorts", "PodFitsPorts", "GeneralPredicates"}, {}}},
        {"NodeAffinity", {{"MatchNodeSelector", "GeneralPredicates"}, {"NodeAffinityPriority"}}},
        {"NodeResourcesFit",
         {{"PodFitsResources", "GeneralPredicates"},
          {"LeastRequestedPriority", "MostRequestedPriority", "RequestedToCapacityRatioPriority"}}},
        {"NodeResourcesBalancedAllocation", {{}, {"BalancedResourceAllocation"}}},
        {"TaintToleration", {{"PodToleratesNodeTaints"}, {"TaintTolerationPriority"}}},
        {"VolumeRestrictions", {{"NoDiskConflict"}, {}}},
        {"VolumeZone", {{"NoVolumeZoneConflict"}, {}}},
        {"VolumeBinding", {{"CheckVolumeBinding"}, {}}},
        {"NodeVolumeLimits", {{"MaxCSIVolumeCountPred"}, {}}},
        {"EBSLimits", {{"MaxEBSVolumeCount"}, {}}},
        {"GCEPDLimits", {{"MaxGCEPDVolumeCount"}, {}}},
        {"AzureDiskLimits", {{"MaxAzureDiskVolumeCount"}, {}}},
        {"CinderLimits", {{"MaxCinderVolumeCount"}, {}}},
        {"InterPodAffinity", {{"MatchInterPodAffinity"}, {"InterPodAffinityPriority"}}},
        {"PodTopologySpread",
         {{"EvenPodsSpread"}, {"EvenPodsSpreadPriority", "SelectorSpreadPriority", "ServiceSpreadingPriority"}}},
        {"ImageLocality", {{}, {"ImageLocalityPriority"}}},
    };
    auto it = kTable.find(name);
    return it == kTable.end() ? LegacyNames{} : it->second;
}

}  // namespace ks::scheduler
