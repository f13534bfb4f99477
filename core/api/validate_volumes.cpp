// Pod volumes: names, exactly one source, and the sources KubeStage simulates.
// Mirrors ValidateVolumes and validateVolumeSource of
// k8s.io/kubernetes/pkg/apis/core/validation/validation.go (v1.31).
#include <algorithm>

#include "core/api/names.h"
#include "core/api/validation_context.h"

namespace ks::api::validation {

namespace {

// The sources in the order upstream checks them, with the name upstream uses in its
// "may not specify more than 1 volume type" path (two differ from the JSON field name).
struct SourceName {
    const char* json;
    const char* reported;
};
constexpr SourceName kSources[] = {
    {"emptyDir", "emptyDir"}, {"hostPath", "hostPath"}, {"gitRepo", "gitRepo"},
    {"gcePersistentDisk", "gcePersistentDisk"}, {"awsElasticBlockStore", "awsElasticBlockStore"},
    {"secret", "secret"}, {"nfs", "nfs"}, {"iscsi", "iscsi"}, {"glusterfs", "glusterfs"}, {"flocker", "flocker"},
    {"persistentVolumeClaim", "persistentVolumeClaim"}, {"rbd", "rbd"}, {"cinder", "cinder"},
    {"cephfs", "cephFS"}, {"quobyte", "quobyte"}, {"downwardAPI", "downwarAPI"}, {"fc", "fc"},
    {"flexVolume", "flexVolume"}, {"configMap", "configMap"}, {"azureFile", "azureFile"},
    {"vsphereVolume", "vsphereVolume"}, {"photonPersistentDisk", "photonPersistentDisk"},
    {"portworxVolume", "portworxVolume"}, {"azureDisk", "azureDisk"}, {"storageos", "storageos"},
    {"projected", "projected"}, {"scaleIO", "scaleIO"}, {"csi", "csi"}, {"ephemeral", "ephemeral"},
    {"image", "image"},
};

const char* kFileModeErrorMsg = "must be a number between 0 and 0777 (octal), both inclusive";

void validateFileMode(Context& ctx, const Value* mode, const FieldPath& path) {
    auto m = intValue(mode);
    if (m && (*m > 0777 || *m < 0)) ctx.invalidInt(mode->mark(), path, *m, kFileModeErrorMsg);
}

void validateKeyToPaths(Context& ctx, const Value* itemsNode, const FieldPath& path) {
    const auto& list = items(itemsNode);
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (notAnObject(list[i])) continue;
        FieldPath p = path.index(i);
        if (text(get(&list[i], "key")).empty()) ctx.required(markOr(get(&list[i], "key"), list[i].mark()), p.child("key"));
        const Value* pathNode = get(&list[i], "path");
        std::string target = text(pathNode);
        if (target.empty()) {
            ctx.required(markOr(pathNode, list[i].mark()), p.child("path"));
        } else {
            validateLocalNonReservedPath(ctx, markOr(pathNode, list[i].mark()), target, p.child("path"));
        }
        validateFileMode(ctx, get(&list[i], "mode"), p.child("mode"));
    }
}

void validateHostPathType(Context& ctx, const Value* type, const FieldPath& path) {
    if (!present(type)) return;
    static const std::vector<std::string> kTypes = {"",     "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate",
                                                    "File", "FileOrCreate", "Socket"};
    std::string t = text(type);
    if (std::find(kTypes.begin(), kTypes.end(), t) == kTypes.end())
        ctx.notSupportedString(type->mark(), path, t, kTypes);
}

void validateSource(Context& ctx, const std::string& json, const Value* source, const FieldPath& path) {
    Mark m = source->mark();
    if (json == "emptyDir") {
        const Value* sizeLimit = get(source, "sizeLimit");
        if (auto q = quantityValue(sizeLimit); q && q->sign() < 0)
            ctx.forbidden(sizeLimit->mark(), path.child("sizeLimit"), "SizeLimit field must be a valid resource quantity");
    } else if (json == "hostPath") {
        validateHostPathSource(ctx, source, path);
    } else if (json == "secret") {
        if (text(get(source, "secretName")).empty())
            ctx.required(markOr(get(source, "secretName"), m), path.child("secretName"));
        validateFileMode(ctx, get(source, "defaultMode"), path.child("defaultMode"));
        validateKeyToPaths(ctx, get(source, "items"), path.child("items"));
    } else if (json == "configMap") {
        if (text(get(source, "name")).empty()) ctx.required(markOr(get(source, "name"), m), path.child("name"));
        validateFileMode(ctx, get(source, "defaultMode"), path.child("defaultMode"));
        validateKeyToPaths(ctx, get(source, "items"), path.child("items"));
    } else if (json == "persistentVolumeClaim") {
        if (text(get(source, "claimName")).empty())
            ctx.required(markOr(get(source, "claimName"), m), path.child("claimName"));
    } else if (json == "nfs") {
        validateNFSSource(ctx, source, path);
    } else if (json == "csi") {
        validateCSIDriverName(ctx, get(source, "driver"), path.child("driver"), m);
    } else if (json == "ephemeral") {
        const Value* tmpl = get(source, "volumeClaimTemplate");
        if (!present(tmpl)) {
            ctx.required(markOr(tmpl, m), path.child("volumeClaimTemplate"));
        } else {
            FieldPath tp = path.child("volumeClaimTemplate");
            validateAnnotations(ctx, get(get(tmpl, "metadata"), "annotations"), tp.child("metadata").child("annotations"));
            validateLabels(ctx, get(get(tmpl, "metadata"), "labels"), tp.child("metadata").child("labels"));
            validatePersistentVolumeClaimSpec(ctx, get(tmpl, "spec"), tp.child("spec"), tmpl->mark());
        }
    }
}

}  // namespace

void validateLocalNonReservedPath(Context& ctx, Mark mark, const std::string& target, const FieldPath& path) {
    // validateLocalDescendingPath, then the "..": reserved prefix of the atomic writer.
    if (!target.empty() && target.front() == '/') ctx.invalidString(mark, path, target, "must be a relative path");
    validatePathNoBacksteps(ctx, mark, target, path);
    if (target.rfind("..", 0) == 0) ctx.invalidString(mark, path, target, "must not start with '..'");
}

void validatePathNoBacksteps(Context& ctx, Mark mark, const std::string& target, const FieldPath& path) {
    std::size_t start = 0;
    while (start <= target.size()) {
        auto slash = target.find('/', start);
        std::string part = target.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part == "..") {
            ctx.invalidString(mark, path, target, "must not contain '..'");
            return;
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
}

void validateHostPathSource(Context& ctx, const Value* source, const FieldPath& path) {
    const Value* p = get(source, "path");
    if (text(p).empty()) {
        ctx.required(markOr(p, source->mark()), path.child("path"));
        return;
    }
    validatePathNoBacksteps(ctx, p->mark(), text(p), path.child("path"));
    validateHostPathType(ctx, get(source, "type"), path.child("type"));
}

void validateNFSSource(Context& ctx, const Value* source, const FieldPath& path) {
    Mark m = source->mark();
    if (text(get(source, "server")).empty()) ctx.required(markOr(get(source, "server"), m), path.child("server"));
    const Value* p = get(source, "path");
    if (text(p).empty()) ctx.required(markOr(p, m), path.child("path"));
    if (text(p).empty() || text(p).front() != '/')
        ctx.invalidString(markOr(p, m), path.child("path"), text(p), "must be an absolute path");
}

void validateCSIDriverName(Context& ctx, const Value* driver, const FieldPath& path, Mark anchor) {
    std::string d = text(driver);
    Mark m = markOr(driver, anchor);
    if (d.empty()) ctx.required(m, path);
    if (d.size() > 63) ctx.tooLong(m, path, 63);
    std::string lowered = d;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto& msg : isDNS1123Subdomain(lowered)) ctx.invalidString(m, path, d, msg);
}

std::map<std::string, bool> validateVolumes(Context& ctx, const Value* volumes, const FieldPath& path) {
    std::map<std::string, bool> valid;  // name -> is a claim (persistentVolumeClaim or ephemeral)
    const auto& list = items(volumes);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Value& vol = list[i];
        if (notAnObject(vol)) continue;
        FieldPath p = path.index(i);
        std::size_t before = ctx.count();
        int numVolumes = 0;
        bool isClaim = false;
        for (const auto& source : kSources) {
            const Value* s = get(&vol, source.json);
            if (!present(s)) continue;
            if (numVolumes > 0) {
                ctx.forbidden(s->mark(), p.child(source.reported), "may not specify more than 1 volume type");
                continue;
            }
            ++numVolumes;
            isClaim = std::string(source.json) == "persistentVolumeClaim" || std::string(source.json) == "ephemeral";
            if (s->isMapping()) validateSource(ctx, source.json, s, p.child(source.reported));
        }
        if (numVolumes == 0) ctx.required(vol.mark(), p, "must specify a volume type");
        const Value* name = get(&vol, "name");
        std::string n = text(name);
        if (n.empty()) {
            ctx.required(markOr(name, vol.mark()), p.child("name"));
        } else {
            for (const auto& msg : isDNS1123Label(n)) ctx.invalidString(markOr(name, vol.mark()), p.child("name"), n, msg);
        }
        if (valid.count(n)) ctx.duplicate(markOr(name, vol.mark()), p.child("name"), goQuote(n));
        if (ctx.count() == before) valid[n] = isClaim;
    }
    return valid;
}

}  // namespace ks::api::validation
