// PersistentVolume, PersistentVolumeClaim, StorageClass and CSIDriver.
// Mirrors ValidatePersistentVolumeSpec and ValidatePersistentVolumeClaimSpec of
// k8s.io/kubernetes/pkg/apis/core/validation/validation.go, and ValidateStorageClass and
// ValidateCSIDriver of pkg/apis/storage/validation/validation.go (v1.31).
#include <algorithm>
#include <set>

#include "core/api/names.h"
#include "core/api/validation_context.h"

namespace ks::api::validation {

namespace {

const std::vector<std::string> kAccessModes = {"ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"};

bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

void validateAccessModes(Context& ctx, const Value* modes, const FieldPath& path) {
    bool rwop = false, other = false;
    for (const auto& m : items(modes)) {
        std::string mode = text(&m);
        if (!contains(kAccessModes, mode)) ctx.notSupportedString(m.mark(), path, mode, kAccessModes);
        if (mode == "ReadWriteOncePod")
            rwop = true;
        else if (contains(kAccessModes, mode))
            other = true;
    }
    if (rwop && other) ctx.forbidden(modes->mark(), path, "may not use ReadWriteOncePod with other access modes");
}

void validateStorageClassName(Context& ctx, const Value* v, const FieldPath& path) {
    std::string s = text(v);
    if (s.empty()) return;
    for (const auto& msg : isDNS1123Subdomain(s)) ctx.invalidString(v->mark(), path, s, msg);
}

void validateVolumeMode(Context& ctx, const Value* v, const FieldPath& path) {
    if (!present(v)) return;
    if (text(v) != "Block" && text(v) != "Filesystem") ctx.notSupportedString(v->mark(), path, text(v), {"Block", "Filesystem"});
}

// Sources of a PersistentVolumeSpec, in the order upstream checks them.
constexpr const char* kPVSources[] = {
    "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "glusterfs", "flocker", "nfs", "rbd", "quobyte",
    "cephfs", "iscsi", "cinder", "fc", "flexVolume", "azureFile", "vsphereVolume", "photonPersistentDisk",
    "portworxVolume", "azureDisk", "scaleIO", "local", "storageos", "csi"};

// Renders a ResourceList as a short Go-like literal. NOTE: upstream's %#v prints each quantity as
// its internal struct; here a quantity prints as written.
std::string renderResourceNames(const Value* list) {
    if (!present(list)) return "core.ResourceList(nil)";
    std::string out = "core.ResourceList{";
    bool first = true;
    for (const auto& f : fields(list)) {
        if (!first) out += ", ";
        first = false;
        out += goQuote(f.key) + ":" + goQuote(text(&f.val));
    }
    return out + "}";
}

}  // namespace

void validatePersistentVolumeClaimSpec(Context& ctx, const Value* spec, const FieldPath& path, Mark anchor) {
    Mark m = markOr(spec, anchor);
    const Value* modes = get(spec, "accessModes");
    if (items(modes).empty())
        ctx.required(markOr(modes, m), path.child("accessModes"), "at least 1 access mode is required");
    validateLabelSelector(ctx, get(spec, "selector"), path.child("selector"));
    validateAccessModes(ctx, modes, path.child("accessModes"));
    // NOTE: upstream reports the storage request at "resources[storage]", without "requests".
    FieldPath storagePath = path.child("resources").key("storage");
    const Value* resources = get(spec, "resources");
    const Value* storage = get(get(resources, "requests"), "storage");
    if (!storage) {
        ctx.required(markOr(get(resources, "requests"), markOr(resources, m)), storagePath);
    } else if (auto q = quantityValue(storage)) {
        if (q->sign() <= 0)
            ctx.invalidString(storage->mark(), storagePath, q->toString(), "must be greater than zero");
        else
            validateResourceQuantityValue(ctx, "storage", storage, storagePath);
    }
    validateStorageClassName(ctx, get(spec, "storageClassName"), path.child("storageClassName"));
    validateVolumeMode(ctx, get(spec, "volumeMode"), path.child("volumeMode"));
    for (const char* ds : {"dataSource", "dataSourceRef"}) {
        const Value* ref = get(spec, ds);
        if (!present(ref)) continue;
        FieldPath p = path.child(ds);
        if (text(get(ref, "name")).empty()) ctx.required(markOr(get(ref, "name"), ref->mark()), p.child("name"));
        if (text(get(ref, "kind")).empty()) ctx.required(markOr(get(ref, "kind"), ref->mark()), p.child("kind"));
        std::string apiGroup = text(get(ref, "apiGroup"));
        if (apiGroup.empty() && text(get(ref, "kind")) != "PersistentVolumeClaim")
            ctx.invalidString(ref->mark(), p, text(get(ref, "kind")),
                              "must be 'PersistentVolumeClaim' when referencing the default apiGroup");
        if (!apiGroup.empty())
            for (const auto& msg : isDNS1123Subdomain(apiGroup))
                ctx.invalidString(get(ref, "apiGroup")->mark(), p.child("apiGroup"), apiGroup, msg);
    }
}

void validatePersistentVolumeClaim(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNSSubdomain);
    validatePersistentVolumeClaimSpec(ctx, get(&object, "spec"), FieldPath("spec"), object.mark());
}

void validatePersistentVolume(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, false, NameRule::DNSSubdomain);
    const FieldPath path("spec");
    const Value* spec = get(&object, "spec");
    Mark m = markOr(spec, object.mark());
    const Value* modes = get(spec, "accessModes");
    if (items(modes).empty()) ctx.required(markOr(modes, m), path.child("accessModes"));
    validateAccessModes(ctx, modes, path.child("accessModes"));
    const Value* capacity = get(spec, "capacity");
    if (fields(capacity).empty()) ctx.required(markOr(capacity, m), path.child("capacity"));
    if (!get(capacity, "storage") || fields(capacity).size() > 1)
        ctx.notSupported(markOr(capacity, m), path.child("capacity"), renderResourceNames(capacity), {"storage"});
    for (const auto& f : fields(capacity)) {
        FieldPath p = path.child("capacity").key(f.key);
        if (auto q = quantityValue(&f.val)) {
            if (q->value() < 0) ctx.invalidInt(f.val.mark(), p, q->value(), "must be a valid resource quantity");
            if (q->sign() <= 0) ctx.invalidString(f.val.mark(), p, q->toString(), "must be greater than zero");
        }
    }
    if (const Value* rp = get(spec, "persistentVolumeReclaimPolicy"); !text(rp).empty()) {
        if (text(rp) != "Delete" && text(rp) != "Recycle" && text(rp) != "Retain")
            ctx.notSupportedString(rp->mark(), path.child("persistentVolumeReclaimPolicy"), text(rp),
                                   {"Delete", "Recycle", "Retain"});
    }
    bool nodeAffinitySpecified = false;
    if (const Value* na = get(spec, "nodeAffinity"); present(na)) {
        nodeAffinitySpecified = true;
        const Value* required = get(na, "required");
        if (present(required))
            validateNodeSelector(ctx, required, path.child("nodeAffinity").child("required"), na->mark(), false);
        else
            ctx.required(markOr(required, na->mark()), path.child("nodeAffinity").child("required"),
                         "must specify required node constraints");
    }
    int numVolumes = 0;
    for (const char* source : kPVSources) {
        const Value* s = get(spec, source);
        if (!present(s)) continue;
        FieldPath sp = path.child(source);
        if (numVolumes > 0) {
            ctx.forbidden(s->mark(), std::string(source) == "cephfs" ? path.child("cephFS") : sp,
                          "may not specify more than 1 volume type");
            continue;
        }
        ++numVolumes;
        if (!s->isMapping()) continue;  // a decoding error
        std::string name = source;
        if (name == "hostPath") {
            validateHostPathSource(ctx, s, sp);
        } else if (name == "nfs") {
            validateNFSSource(ctx, s, sp);
        } else if (name == "local") {
            const Value* p = get(s, "path");
            if (text(p).empty())
                ctx.required(markOr(p, s->mark()), sp.child("path"));
            else
                validatePathNoBacksteps(ctx, p->mark(), text(p), sp.child("path"));
            if (!nodeAffinitySpecified) ctx.required(m, path.child("nodeAffinity"), "Local volume requires node affinity");
        } else if (name == "csi") {
            validateCSIDriverName(ctx, get(s, "driver"), sp.child("driver"), s->mark());
            if (text(get(s, "volumeHandle")).empty())
                ctx.required(markOr(get(s, "volumeHandle"), s->mark()), sp.child("volumeHandle"));
        }
    }
    if (numVolumes == 0) ctx.required(m, path, "must specify a volume type");
    if (const Value* hp = get(spec, "hostPath"); present(hp)) {
        std::string p = text(get(hp, "path"));
        while (p.size() > 1 && p.back() == '/') p.pop_back();
        if (p == "/" && text(get(spec, "persistentVolumeReclaimPolicy")) == "Recycle")
            ctx.forbidden(get(spec, "persistentVolumeReclaimPolicy")->mark(), path.child("persistentVolumeReclaimPolicy"),
                          "may not be 'recycle' for a hostPath mount of '/'");
    }
    validateStorageClassName(ctx, get(spec, "storageClassName"), path.child("storageClassName"));
    validateVolumeMode(ctx, get(spec, "volumeMode"), path.child("volumeMode"));
}

void validateStorageClass(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, false, NameRule::DNSSubdomain);
    const Value* provisioner = get(&object, "provisioner");
    std::string p = text(provisioner);
    if (p.empty()) {
        ctx.required(markOr(provisioner, object.mark()), FieldPath("provisioner"));
    } else {
        std::string lowered = p;
        std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        for (const auto& msg : isQualifiedName(lowered)) ctx.invalidString(provisioner->mark(), FieldPath("provisioner"), p, msg);
    }
    const Value* parameters = get(&object, "parameters");
    std::int64_t total = 0;
    for (const auto& f : fields(parameters)) total += static_cast<std::int64_t>(f.key.size() + text(&f.val).size());
    if (fields(parameters).size() > 512)
        ctx.tooLong(parameters->mark(), FieldPath("parameters"), 512);
    else if (total > 256 * 1024)
        ctx.tooLong(parameters->mark(), FieldPath("parameters"), 256 * 1024);
    const Value* reclaim = get(&object, "reclaimPolicy");
    if (!text(reclaim).empty() && text(reclaim) != "Delete" && text(reclaim) != "Retain")
        ctx.notSupportedString(reclaim->mark(), FieldPath("reclaimPolicy"), text(reclaim), {"Delete", "Retain"});
    const Value* mode = get(&object, "volumeBindingMode");
    if (!present(mode))
        ctx.required(object.mark(), FieldPath("volumeBindingMode"));
    else if (text(mode) != "Immediate" && text(mode) != "WaitForFirstConsumer")
        ctx.notSupportedString(mode->mark(), FieldPath("volumeBindingMode"), text(mode), {"Immediate", "WaitForFirstConsumer"});
    const auto& topologies = items(get(&object, "allowedTopologies"));
    std::vector<std::map<std::string, std::set<std::string>>> seenTerms;
    for (std::size_t i = 0; i < topologies.size(); ++i) {
        if (notAnObject(topologies[i])) continue;
        FieldPath tp = FieldPath("allowedTopologies").index(i);
        std::map<std::string, std::set<std::string>> term;
        const auto& exprs = items(get(&topologies[i], "matchLabelExpressions"));
        for (std::size_t j = 0; j < exprs.size(); ++j) {
            if (notAnObject(exprs[j])) continue;
            FieldPath ep = tp.child("matchLabelExpressions").index(j);
            const Value* values = get(&exprs[j], "values");
            std::set<std::string> valueSet;
            if (items(values).empty()) ctx.required(markOr(values, exprs[j].mark()), ep.child("values"));
            const auto& vals = items(values);
            for (std::size_t k = 0; k < vals.size(); ++k)
                if (!valueSet.insert(text(&vals[k])).second)
                    ctx.duplicate(vals[k].mark(), ep.child("values").index(k), goQuote(text(&vals[k])));
            const Value* key = get(&exprs[j], "key");
            validateLabelName(ctx, markOr(key, exprs[j].mark()), text(key), ep.child("key"));
            if (term.count(text(key))) ctx.duplicate(markOr(key, exprs[j].mark()), ep.child("key"), goQuote(text(key)));
            term[text(key)] = valueSet;
        }
        if (std::find(seenTerms.begin(), seenTerms.end(), term) != seenTerms.end())
            ctx.duplicate(topologies[i].mark(), tp.child("matchLabelExpressions"), goQuote(""));
        seenTerms.push_back(term);
    }
}

void validateCSIDriver(Context& ctx, const Value& object) {
    // ValidateCSIDriver checks the name at "name"; the generic ObjectMeta check follows.
    const Value* meta = get(&object, "metadata");
    std::size_t before = ctx.count();
    validateCSIDriverName(ctx, get(meta, "name"), FieldPath("name"), markOr(meta, object.mark()));
    const FieldPath path("spec");
    const Value* spec = get(&object, "spec");
    Mark m = markOr(spec, object.mark());
    // NOTE: "attachedRequired" is upstream's own spelling of the path.
    if (!present(get(spec, "attachRequired"))) ctx.required(m, path.child("attachedRequired"));
    if (!present(get(spec, "podInfoOnMount"))) ctx.required(m, path.child("podInfoOnMount"));
    if (!present(get(spec, "storageCapacity"))) ctx.required(m, path.child("storageCapacity"));
    if (const Value* policy = get(spec, "fsGroupPolicy"); present(policy)) {
        static const std::vector<std::string> kPolicies = {"File", "None", "ReadWriteOnceWithFSType"};
        if (!contains(kPolicies, text(policy)))
            ctx.notSupportedString(policy->mark(), path.child("fsGroupPolicy"), text(policy), kPolicies);
    }
    for (const auto& mode : items(get(spec, "volumeLifecycleModes")))
        if (text(&mode) != "Persistent" && text(&mode) != "Ephemeral")
            ctx.notSupportedString(mode.mark(), path.child("volumeLifecycleModes"), text(&mode),
                                   {"Ephemeral", "Persistent"});
    if (ctx.count() == before) validateGenericObject(ctx, object, false);
}

}  // namespace ks::api::validation
