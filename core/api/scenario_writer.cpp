#include "core/api/scenario_writer.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "core/api/defaults.h"
#include "core/api/manifest.h"
#include "core/api/validate.h"
#include "core/api/writer.h"

namespace ks::api {

namespace {

// metav1.ObjectMeta fields that only the API server writes (rest.BeforeCreate fills uid and
// creationTimestamp and clears the deletion fields; the registry sets resourceVersion and
// generation; managedFields come from server-side field management).
constexpr std::array<std::string_view, 8> kServerMetadata = {
    "uid",      "resourceVersion",   "generation",                 "creationTimestamp",
    "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields",
};

// Annotations written by clients as bookkeeping, not by the user.
constexpr std::array<std::string_view, 1> kBookkeepingAnnotations = {
    "kubectl.kubernetes.io/last-applied-configuration",
};

// Finalizers the StorageObjectInUseProtection admission plugin adds; their controller removes
// them, and the simulation has none.
constexpr std::array<std::string_view, 2> kProtectionFinalizers = {
    "kubernetes.io/pvc-protection",
    "kubernetes.io/pv-protection",
};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

std::string group(const std::string& apiVersion) {
    auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}

void cleanMetadata(Value& object) {
    Value* meta = object.get("metadata");
    if (!meta || !meta->isMapping()) return;
    for (std::string_view field : kServerMetadata) meta->remove(field);
    // Owners do not survive: a re-created owner gets a new uid, so the reference would dangle.
    meta->remove("ownerReferences");
    if (Value* annotations = meta->get("annotations"); annotations && annotations->isMapping()) {
        for (std::string_view a : kBookkeepingAnnotations) annotations->remove(a);
        if (annotations->fields().empty()) meta->remove("annotations");
    }
    if (Value* finalizers = meta->get("finalizers"); finalizers && finalizers->isSequence()) {
        auto& items = finalizers->items();
        items.erase(std::remove_if(items.begin(), items.end(),
                                   [](const Value& f) { return f.isScalar() && contains(kProtectionFinalizers, f.text()); }),
                    items.end());
        if (items.empty()) meta->remove("finalizers");
    }
}

// A volume's claimRef names its claim by uid too, which a re-created claim does not keep; by
// namespace and name alone it still binds (pv_controller's IsVolumeBoundToClaim skips an empty uid).
void cleanClaimRef(Value& object) {
    if (object.str("kind") != "PersistentVolume" || !group(object.str("apiVersion")).empty()) return;
    Value* spec = object.get("spec");
    Value* ref = spec ? spec->get("claimRef") : nullptr;
    if (!ref || !ref->isMapping()) return;
    ref->remove("uid");
    ref->remove("resourceVersion");
}

// Whether the object's status is part of what the scenario describes (see the header).
bool keepsStatus(const Value& object) {
    const std::string kind = object.str("kind");
    const std::string g = group(object.str("apiVersion"));
    if (!g.empty()) return false;
    if (kind == "Node" || kind == "PersistentVolume" || kind == "PersistentVolumeClaim") return true;
    if (kind == "Pod") {
        const Value* nodeName = object.at("spec.nodeName");
        return nodeName && nodeName->isScalar() && !nodeName->text().empty();
    }
    return false;
}

// Referenced kinds before the kinds that refer to them, pods last.
int kindRank(const Value& object) {
    const std::string kind = object.str("kind");
    if (kind == "Namespace") return 0;
    if (kind == "PriorityClass" || kind == "RuntimeClass") return 1;
    if (kind == "StorageClass" || kind == "CSIDriver" || kind == "CSINode" || kind == "VolumeAttachment") return 2;
    if (kind == "PersistentVolume") return 3;
    if (kind == "PersistentVolumeClaim") return 4;
    if (kind == "ConfigMap" || kind == "Secret" || kind == "ServiceAccount" || kind == "LimitRange" ||
        kind == "ResourceQuota")
        return 5;
    if (kind == "Node") return 6;
    if (kind == "Pod") return 9;
    if (kind == "Deployment" || kind == "ReplicaSet" || kind == "StatefulSet" || kind == "DaemonSet" ||
        kind == "Job" || kind == "CronJob" || kind == "ReplicationController" || kind == "PodDisruptionBudget")
        return 8;
    return 7;
}

}  // namespace

bool isRuntimeKind(const std::string& apiVersion, const std::string& kind) {
    const std::string g = group(apiVersion);
    if (kind == "Event") return g.empty() || g == "events.k8s.io";
    if (kind == "Lease") return g == "coordination.k8s.io";
    return false;
}

std::optional<Value> scenarioObject(const Value& object) {
    if (isRuntimeKind(object.str("apiVersion"), object.str("kind"))) return std::nullopt;
    Value out = object;
    cleanMetadata(out);
    cleanClaimRef(out);
    if (!keepsStatus(out)) out.remove("status");
    return out;
}

std::vector<Value> scenarioObjects(const std::vector<Value>& objects) {
    // Creation order within a rank; the stored creationTimestamp is read before it is dropped.
    // Objects created at the same moment (a scenario's, all at time 0) keep the order of their
    // source text, which is the order they were created in and so the order pending pods queue.
    struct Entry {
        int rank;
        std::string created;
        int line;
        Value object;
    };
    std::vector<Entry> entries;
    for (const Value& object : objects) {
        std::optional<Value> cleaned = scenarioObject(object);
        if (!cleaned) continue;
        const Value* created = object.at("metadata.creationTimestamp");
        entries.push_back({kindRank(object), created && created->isScalar() ? created->text() : std::string(),
                           object.mark().line, std::move(*cleaned)});
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        return a.created != b.created ? a.created < b.created : a.line < b.line;
    });
    std::vector<Value> out;
    out.reserve(entries.size());
    for (Entry& e : entries) out.push_back(std::move(e.object));
    return out;
}

std::string writeScenario(const std::vector<Value>& objects, const std::vector<std::string>& header) {
    std::string out;
    for (const std::string& line : header) out += "# " + line + "\n";
    out += toYamlStream(objects);
    return out;
}

SnapshotImport importSnapshot(const std::string& text, const std::string& file) {
    SnapshotImport result;
    // The snapshot is read as it is; validation runs on the cleaned objects, where a server-set
    // field could not be the problem.
    LoadOptions raw;
    raw.validate = false;
    LoadResult loaded = loadManifestText(text, file, raw);
    result.diagnostics = std::move(loaded.diagnostics);
    if (!loaded.ok()) return result;
    std::vector<Value> objects;
    for (const LoadedObject& o : loaded.objects) {
        if (o.type != DocumentType::ApiObject) continue;
        if (isRuntimeKind(o.object.str("apiVersion"), o.object.str("kind"))) {
            ++result.dropped;
            continue;
        }
        objects.push_back(o.object);
    }
    result.objects = scenarioObjects(objects);
    for (const Value& object : result.objects) {
        Value defaulted = object;
        applyDefaults(defaulted);
        validateObject(defaulted, file, result.diagnostics);
    }
    return result;
}

}  // namespace ks::api
