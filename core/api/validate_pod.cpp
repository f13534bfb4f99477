// Pods, pod templates and their containers.
// Mirrors ValidatePodSpec, validateContainers, validateInitContainers, validateContainerCommon,
// validateContainerPorts, ValidateEnv, ValidateVolumeMounts, validatePullPolicy,
// validatePodHostNetworkDeps, ValidatePodTemplateSpec and validatePodMetadataAndSpec of
// k8s.io/kubernetes/pkg/apis/core/validation/validation.go (v1.31).
#include <algorithm>
#include <set>

#include "core/api/names.h"
#include "core/api/validation_context.h"

namespace ks::api::validation {

namespace {

void validateEnumRequired(Context& ctx, const Value* v, const FieldPath& path, Mark anchor,
                          const std::vector<std::string>& supported) {
    std::string s = text(v);
    if (s.empty())
        ctx.required(markOr(v, anchor), path);
    else if (std::find(supported.begin(), supported.end(), s) == supported.end())
        ctx.notSupportedString(markOr(v, anchor), path, s, supported);
}

void validateContainerPorts(Context& ctx, const Value* ports, const FieldPath& path) {
    std::set<std::string> names;
    const auto& list = items(ports);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Value& port = list[i];
        if (notAnObject(port)) continue;
        FieldPath p = path.index(i);
        const Value* name = get(&port, "name");
        std::string n = text(name);
        if (!n.empty()) {
            auto errs = isValidPortName(n);
            for (const auto& msg : errs) ctx.invalidString(name->mark(), p.child("name"), n, msg);
            if (errs.empty() && !names.insert(n).second) ctx.duplicate(name->mark(), p.child("name"), goQuote(n));
        }
        const Value* containerPort = get(&port, "containerPort");
        auto cp = intValue(containerPort);
        bool typeError = containerPort && containerPort->isScalar() && !cp;
        if (!typeError && cp.value_or(0) == 0)
            ctx.required(markOr(containerPort, port.mark()), p.child("containerPort"));
        else if (cp && (*cp < 1 || *cp > 65535))
            ctx.invalidInt(containerPort->mark(), p.child("containerPort"), *cp, inclusiveRangeError(1, 65535));
        const Value* hostPort = get(&port, "hostPort");
        if (auto hp = intValue(hostPort); hp && *hp != 0 && (*hp < 1 || *hp > 65535))
            ctx.invalidInt(hostPort->mark(), p.child("hostPort"), *hp, inclusiveRangeError(1, 65535));
        validateEnumRequired(ctx, get(&port, "protocol"), p.child("protocol"), port.mark(), {"SCTP", "TCP", "UDP"});
    }
}

void validateEnv(Context& ctx, const Value* env, const FieldPath& path) {
    const auto& list = items(env);
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (notAnObject(list[i])) continue;
        const Value* name = get(&list[i], "name");
        std::string n = text(name);
        FieldPath p = path.index(i).child("name");
        if (n.empty())
            ctx.required(markOr(name, list[i].mark()), p);
        else
            for (const auto& msg : isEnvVarName(n)) ctx.invalidString(name->mark(), p, n, msg);
    }
}

void validateVolumeMounts(Context& ctx, const Value* mounts, const std::map<std::string, bool>& volumes,
                          const FieldPath& path) {
    std::set<std::string> mountPoints;
    const auto& list = items(mounts);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Value& m = list[i];
        if (notAnObject(m)) continue;
        FieldPath p = path.index(i);
        const Value* name = get(&m, "name");
        std::string n = text(name);
        if (n.empty()) ctx.required(markOr(name, m.mark()), p.child("name"));
        if (!volumes.count(n)) ctx.notFound(markOr(name, m.mark()), p.child("name"), goQuote(n));
        const Value* mountPath = get(&m, "mountPath");
        std::string mp = text(mountPath);
        if (mp.empty()) ctx.required(markOr(mountPath, m.mark()), p.child("mountPath"));
        if (!mountPoints.insert(mp).second)
            ctx.invalidString(markOr(mountPath, m.mark()), p.child("mountPath"), mp, "must be unique");
    }
}

void validateContainerCommon(Context& ctx, const Value& c, const std::map<std::string, bool>& volumes,
                             const FieldPath& path) {
    const Value* name = get(&c, "name");
    std::string n = text(name);
    if (n.empty())
        ctx.required(markOr(name, c.mark()), path.child("name"));
    else
        for (const auto& msg : isDNS1123Label(n)) ctx.invalidString(name->mark(), path.child("name"), n, msg);
    const Value* image = get(&c, "image");
    if (text(image).empty()) ctx.required(markOr(image, c.mark()), path.child("image"));
    validateEnumRequired(ctx, get(&c, "terminationMessagePolicy"), path.child("terminationMessagePolicy"), c.mark(),
                         {"File", "FallbackToLogsOnError"});
    validateContainerPorts(ctx, get(&c, "ports"), path.child("ports"));
    validateEnv(ctx, get(&c, "env"), path.child("env"));
    validateVolumeMounts(ctx, get(&c, "volumeMounts"), volumes, path.child("volumeMounts"));
    validateEnumRequired(ctx, get(&c, "imagePullPolicy"), path.child("imagePullPolicy"), c.mark(),
                         {"Always", "IfNotPresent", "Never"});
    validateResourceRequirements(ctx, get(&c, "resources"), path.child("resources"));
}

// AccumulateUniqueHostPorts: "TCP/<hostIP>/<port>" must be unique.
void checkHostPortConflicts(Context& ctx, const std::vector<const Value*>& containers,
                           const std::vector<FieldPath>& paths) {
    std::set<std::string> seen;
    for (std::size_t ci = 0; ci < containers.size(); ++ci) {
        const auto& ports = items(get(containers[ci], "ports"));
        for (std::size_t pi = 0; pi < ports.size(); ++pi) {
            if (notAnObject(ports[pi])) continue;
            const Value* hostPort = get(&ports[pi], "hostPort");
            auto hp = intValue(hostPort);
            if (!hp || *hp == 0) continue;
            std::string key = text(get(&ports[pi], "protocol")) + "/" + text(get(&ports[pi], "hostIP")) + "/" +
                              std::to_string(*hp);
            if (!seen.insert(key).second)
                ctx.duplicate(hostPort->mark(), paths[ci].child("ports").index(pi).child("hostPort"), goQuote(key));
        }
    }
}

void validateContainers(Context& ctx, const Value* containers, const std::map<std::string, bool>& volumes,
                        const FieldPath& path, Mark anchor) {
    const auto& list = items(containers);
    if (mistyped(containers, true)) return;
    if (list.empty()) {
        ctx.required(markOr(containers, anchor), path);
        return;
    }
    std::set<std::string> names;
    std::vector<const Value*> all;
    std::vector<FieldPath> paths;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Value& c = list[i];
        if (notAnObject(c)) continue;
        FieldPath p = path.index(i);
        validateContainerCommon(ctx, c, volumes, p);
        const Value* name = get(&c, "name");
        if (!names.insert(text(name)).second) ctx.duplicate(markOr(name, c.mark()), p.child("name"), goQuote(text(name)));
        if (const Value* rp = get(&c, "restartPolicy"); present(rp))
            ctx.forbidden(rp->mark(), p.child("restartPolicy"), "may not be set for non-init containers");
        all.push_back(&c);
        paths.push_back(p);
    }
    checkHostPortConflicts(ctx, all, paths);
}

void validateInitContainers(Context& ctx, const Value* initContainers, const Value* containers,
                            const std::map<std::string, bool>& volumes, const FieldPath& path) {
    std::set<std::string> names;
    for (const auto& c : items(containers)) names.insert(text(get(&c, "name")));
    const auto& list = items(initContainers);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Value& c = list[i];
        if (notAnObject(c)) continue;
        FieldPath p = path.index(i);
        validateContainerCommon(ctx, c, volumes, p);
        bool restartAlways = false;
        if (const Value* rp = get(&c, "restartPolicy"); present(rp)) {
            if (text(rp) != "Always") ctx.notSupportedString(rp->mark(), p.child("restartPolicy"), text(rp), {"Always"});
            restartAlways = text(rp) == "Always";
        }
        const Value* name = get(&c, "name");
        std::string n = text(name);
        if (names.count(n))
            ctx.duplicate(markOr(name, c.mark()), p.child("name"), goQuote(n));
        else if (!n.empty())
            names.insert(n);
        // Init containers run one by one: host ports only conflict within one container.
        checkHostPortConflicts(ctx, {&c}, {p});
        if (!restartAlways) {
            for (const char* f : {"lifecycle", "livenessProbe", "readinessProbe", "startupProbe"})
                if (const Value* v = get(&c, f); present(v))
                    ctx.forbidden(v->mark(), p.child(f), "may not be set for init containers without restartPolicy=Always");
        }
    }
}

void validateNameField(Context& ctx, const Value* spec, const char* field, const FieldPath& path, NameRule rule) {
    const Value* v = get(spec, field);
    std::string s = text(v);
    if (s.empty()) return;
    for (const auto& msg : validateName(rule, s, false)) ctx.invalidString(v->mark(), path.child(field), s, msg);
}

void validateHostNetworkDeps(Context& ctx, const Value* spec, const FieldPath& path, bool isPod) {
    if (!boolValue(get(spec, "hostNetwork")).value_or(false)) return;
    const auto& containers = items(get(spec, "containers"));
    for (std::size_t i = 0; i < containers.size(); ++i) {
        const auto& ports = items(get(&containers[i], "ports"));
        for (std::size_t j = 0; j < ports.size(); ++j) {
            if (notAnObject(ports[j])) continue;
            const Value* hostPort = get(&ports[j], "hostPort");
            std::int64_t hp = intValue(hostPort).value_or(0);
            std::int64_t cp = intValue(get(&ports[j], "containerPort")).value_or(0);
            if ((isPod || hp != 0) && hp != cp)
                ctx.invalidInt(markOr(hostPort, ports[j].mark()),
                               path.child("containers").index(i).child("ports").index(j).child("hostPort"), hp,
                               "must match `containerPort` when `hostNetwork` is true");
        }
    }
}

void validateDNSConfig(Context& ctx, const Value* spec, const FieldPath& path, Mark anchor) {
    if (text(get(spec, "dnsPolicy")) != "None") return;
    const Value* config = get(spec, "dnsConfig");
    if (!present(config)) {
        ctx.required(markOr(config, anchor), path.child("dnsConfig"), "must provide `dnsConfig` when `dnsPolicy` is None");
        return;
    }
    const Value* nameservers = get(config, "nameservers");
    if (items(nameservers).empty())
        ctx.required(markOr(nameservers, config->mark()), path.child("dnsConfig").child("nameservers"),
                     "must provide at least one DNS nameserver when `dnsPolicy` is None");
}

void validateSchedulingGates(Context& ctx, const Value* gates, const FieldPath& path) {
    std::set<std::string> seen;
    const auto& list = items(gates);
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (notAnObject(list[i])) continue;
        const Value* name = get(&list[i], "name");
        std::string n = text(name);
        Mark m = markOr(name, list[i].mark());
        for (const auto& msg : isQualifiedName(n)) ctx.invalidString(m, path.index(i), n, msg);
        if (!seen.insert(n).second) ctx.duplicate(m, path.index(i), goQuote(n));
    }
}

void validateImageWhitespace(Context& ctx, const Value* containers, const FieldPath& path) {
    const auto& list = items(containers);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Value* image = get(&list[i], "image");
        std::string s = text(image);
        if (s.empty()) continue;
        auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
        if (isSpace(s.front()) || isSpace(s.back()))
            ctx.invalidString(image->mark(), path.index(i).child("image"), s, "must not have leading or trailing whitespace");
    }
}

}  // namespace

void validatePodSpec(Context& ctx, const Value* spec, const FieldPath& path, Mark anchor, const PodSpecOptions& options) {
    if (mistyped(spec, false)) return;
    Mark specMark = markOr(spec, anchor);
    if (!present(get(spec, "terminationGracePeriodSeconds")))
        ctx.required(specMark, path.child("terminationGracePeriodSeconds"));
    auto volumes = validateVolumes(ctx, get(spec, "volumes"), path.child("volumes"));
    for (const auto& name : options.claimTemplateVolumes) volumes.emplace(name, true);
    validateContainers(ctx, get(spec, "containers"), volumes, path.child("containers"), specMark);
    validateInitContainers(ctx, get(spec, "initContainers"), get(spec, "containers"), volumes,
                           path.child("initContainers"));
    validateHostNetworkDeps(ctx, spec, path, options.isPod);
    validateEnumRequired(ctx, get(spec, "restartPolicy"), path.child("restartPolicy"), specMark,
                         {"Always", "OnFailure", "Never"});
    validateEnumRequired(ctx, get(spec, "dnsPolicy"), path.child("dnsPolicy"), specMark,
                         {"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"});
    validateLabels(ctx, get(spec, "nodeSelector"), path.child("nodeSelector"));
    validateAffinity(ctx, get(spec, "affinity"), path.child("affinity"));
    validateDNSConfig(ctx, spec, path, specMark);
    const auto& gates = items(get(spec, "readinessGates"));
    for (std::size_t i = 0; i < gates.size(); ++i) {
        if (notAnObject(gates[i])) continue;
        const Value* type = get(&gates[i], "conditionType");
        for (const auto& msg : isQualifiedName(text(type)))
            ctx.invalidString(markOr(type, gates[i].mark()), path.child("readinessGates").index(i).child("conditionType"),
                              text(type), msg);
    }
    validateSchedulingGates(ctx, get(spec, "schedulingGates"), path.child("schedulingGates"));
    validateTopologySpreadConstraints(ctx, get(spec, "topologySpreadConstraints"), path.child("topologySpreadConstraints"));
    validateNameField(ctx, spec, "serviceAccountName", path, NameRule::DNSSubdomain);
    validateNameField(ctx, spec, "nodeName", path, NameRule::DNSSubdomain);
    if (const Value* ads = get(spec, "activeDeadlineSeconds"); present(ads)) {
        if (auto v = intValue(ads); v && (*v < 1 || *v > 2147483647))
            ctx.invalidInt(ads->mark(), path.child("activeDeadlineSeconds"), *v, inclusiveRangeError(1, 2147483647));
    }
    validateNameField(ctx, spec, "hostname", path, NameRule::DNSLabel);
    validateNameField(ctx, spec, "subdomain", path, NameRule::DNSLabel);
    validateTolerations(ctx, get(spec, "tolerations"), path.child("tolerations"));
    validateNameField(ctx, spec, "priorityClassName", path, NameRule::DNSSubdomain);
    if (const Value* rc = get(spec, "runtimeClassName"); present(rc))
        for (const auto& msg : isDNS1123Subdomain(text(rc)))
            ctx.invalidString(rc->mark(), path.child("runtimeClassName"), text(rc), msg);
    if (const Value* pp = get(spec, "preemptionPolicy"); present(pp))
        validateEnumRequired(ctx, pp, path.child("preemptionPolicy"), specMark, {"PreemptLowerPriority", "Never"});
    validateOverhead(ctx, get(spec, "overhead"), path.child("overhead"));
    if (const Value* os = get(spec, "os"); present(os)) {
        const Value* name = get(os, "name");
        std::string n = text(name);
        if (n.empty())
            ctx.required(markOr(name, os->mark()), path.child("os").child("name"), "cannot be empty");
        else if (n != "linux" && n != "windows")
            ctx.notSupportedString(name->mark(), path.child("os"), n, {"linux", "windows"});
    }
    if (options.isPod) {
        validateImageWhitespace(ctx, get(spec, "containers"), path.child("containers"));
        validateImageWhitespace(ctx, get(spec, "initContainers"), path.child("initContainers"));
    }
}

void validatePodTemplateSpec(Context& ctx, const Value* tmpl, const FieldPath& path, Mark anchor,
                             const PodSpecOptions& options) {
    if (mistyped(tmpl, false)) return;
    const Value* meta = get(tmpl, "metadata");
    // NOTE: upstream prints template labels and annotations without ".metadata".
    validateLabels(ctx, get(meta, "labels"), path.child("labels"));
    validateAnnotations(ctx, get(meta, "annotations"), path.child("annotations"));
    Mark m = markOr(tmpl, anchor);
    PodSpecOptions templateOptions = options;
    templateOptions.isPod = false;
    validatePodSpec(ctx, get(tmpl, "spec"), path.child("spec"), m, templateOptions);
    if (const Value* eph = get(get(tmpl, "spec"), "ephemeralContainers"); !items(eph).empty())
        ctx.forbidden(eph->mark(), path.child("spec").child("ephemeralContainers"),
                      "ephemeral containers not allowed in pod template");
}

void validatePod(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNSSubdomain);
    PodSpecOptions options;
    options.isPod = true;
    validatePodSpec(ctx, get(&object, "spec"), FieldPath("spec"), object.mark(), options);
}

}  // namespace ks::api::validation
