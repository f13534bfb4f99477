// Pod and pod-template defaulting. Mirrors SetDefaults_Pod, SetDefaults_PodSpec,
// SetDefaults_Container, SetDefaults_ContainerPort, SetDefaults_Probe, SetDefaults_HTTPGetAction,
// SetDefaults_Volume and the volume-source defaults of k8s.io/kubernetes/pkg/apis/core/v1/defaults.go
// (v1.31).
#include <cctype>

#include "core/api/defaults_internal.h"
#include "core/api/quantity.h"

namespace ks::api::defaulting {

namespace {

constexpr std::int64_t kDefaultFileMode = 0644;  // 420

bool isNil(const Value* v) { return !v || v->isNull(); }

void defaultProbe(Value* probe) {
    if (!probe || !probe->isMapping()) return;
    setIfNil(*probe, "timeoutSeconds", Value::integer(1));
    setIfNil(*probe, "periodSeconds", Value::integer(10));
    setIfNil(*probe, "successThreshold", Value::integer(1));
    setIfNil(*probe, "failureThreshold", Value::integer(3));
    if (Value* http = probe->get("httpGet"); http && http->isMapping()) {
        setIfEmpty(*http, "path", "/");
        setIfEmpty(*http, "scheme", "HTTP");
    }
}

void defaultLifecycleHandler(Value* handler) {
    if (!handler || !handler->isMapping()) return;
    if (Value* http = handler->get("httpGet"); http && http->isMapping()) {
        setIfEmpty(*http, "path", "/");
        setIfEmpty(*http, "scheme", "HTTP");
    }
}

void defaultContainer(Value& c) {
    if (!c.isMapping()) return;
    const Value* image = c.get("image");
    setIfEmpty(c, "imagePullPolicy", defaultPullPolicy(image && image->isScalar() ? image->text() : std::string()));
    setIfEmpty(c, "terminationMessagePath", "/dev/termination-log");
    setIfEmpty(c, "terminationMessagePolicy", "File");
    if (Value* ports = c.get("ports"); ports && ports->isSequence())
        for (auto& p : ports->items())
            if (p.isMapping()) setIfEmpty(p, "protocol", "TCP");
    for (const char* probe : {"livenessProbe", "readinessProbe", "startupProbe"}) defaultProbe(c.get(probe));
    if (Value* lifecycle = c.get("lifecycle"); lifecycle && lifecycle->isMapping()) {
        defaultLifecycleHandler(lifecycle->get("postStart"));
        defaultLifecycleHandler(lifecycle->get("preStop"));
    }
    if (Value* env = c.get("env"); env && env->isSequence()) {
        for (auto& e : env->items()) {
            Value* fieldRef = e.isMapping() && e.get("valueFrom") ? e.get("valueFrom")->get("fieldRef") : nullptr;
            if (fieldRef && fieldRef->isMapping()) setIfEmpty(*fieldRef, "apiVersion", "v1");
        }
    }
}

void defaultContainers(Value& spec, std::string_view key) {
    if (Value* list = spec.get(key); list && list->isSequence())
        for (auto& c : list->items()) defaultContainer(c);
}

void defaultVolume(Value& vol) {
    if (!vol.isMapping()) return;
    // SetDefaults_Volume: a volume with no source is an empty dir.
    bool hasSource = false;
    for (const auto& f : vol.fields())
        if (f.key != "name" && !f.val.isNull()) hasSource = true;
    if (!hasSource) vol.set("emptyDir", Value::mapping());
    for (const char* key : {"secret", "configMap", "downwardAPI", "projected"})
        if (Value* s = vol.get(key); s && s->isMapping()) setIfNil(*s, "defaultMode", Value::integer(kDefaultFileMode));
    if (Value* hp = vol.get("hostPath"); hp && hp->isMapping()) defaultHostPathSource(*hp);
    if (Value* eph = vol.get("ephemeral"); eph && eph->isMapping())
        if (Value* tmpl = eph->get("volumeClaimTemplate"); tmpl && tmpl->isMapping())
            if (Value* spec = tmpl->get("spec"); spec && spec->isMapping()) defaultPersistentVolumeClaimSpec(*spec);
}

void defaultHostNetworkPorts(Value& spec, std::string_view key) {
    Value* list = spec.get(key);
    if (!list || !list->isSequence()) return;
    for (auto& c : list->items()) {
        Value* ports = c.isMapping() ? c.get("ports") : nullptr;
        if (!ports || !ports->isSequence()) continue;
        for (auto& p : ports->items()) {
            if (!p.isMapping()) continue;
            const Value* hostPort = p.get("hostPort");
            const Value* containerPort = p.get("containerPort");
            bool unset = isNil(hostPort) || (hostPort->toInt() && *hostPort->toInt() == 0);
            if (unset && containerPort && containerPort->isScalar()) p.set("hostPort", *containerPort);
        }
    }
}

void copyLimitsToRequests(Value& spec, std::string_view key) {
    Value* list = spec.get(key);
    if (!list || !list->isSequence()) return;
    for (auto& c : list->items()) {
        Value* resources = c.isMapping() ? c.get("resources") : nullptr;
        Value* limits = resources && resources->isMapping() ? resources->get("limits") : nullptr;
        if (!limits || !limits->isMapping()) continue;
        Value* requests = mapAt(*resources, "requests");
        if (!requests) continue;
        limits = resources->get("limits");  // adding "requests" may have moved it
        // A limit that is not a quantity fails decoding upstream before defaulting; it is not
        // copied, so that it is reported once.
        for (const auto& f : limits->fields())
            if (!requests->get(f.key) && f.val.isScalar() && Quantity::parse(f.val.text()))
                requests->set(f.key, f.val, f.keyMark);
    }
}

}  // namespace

std::string defaultPullPolicy(std::string_view image) {
    // parsers.ParseImageName: an unparsable reference has no tag (IfNotPresent); a reference
    // without tag or digest is ":latest".
    if (image.empty()) return "IfNotPresent";
    for (char c : image)
        if (std::isspace(static_cast<unsigned char>(c))) return "IfNotPresent";
    auto at = image.find('@');
    std::string_view name = at == std::string_view::npos ? image : image.substr(0, at);
    auto slash = name.rfind('/');
    auto colon = name.rfind(':');
    bool hasTag = colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash);
    std::string_view repo = hasTag ? name.substr(0, colon) : name;
    // The repository path (after a registry host) must be lower case.
    auto firstSlash = repo.find('/');
    std::string_view path = repo;
    if (firstSlash != std::string_view::npos) {
        std::string_view host = repo.substr(0, firstSlash);
        if (host.find('.') != std::string_view::npos || host.find(':') != std::string_view::npos || host == "localhost")
            path = repo.substr(firstSlash + 1);
    }
    for (char c : path)
        if (std::isupper(static_cast<unsigned char>(c))) return "IfNotPresent";
    if (hasTag) return name.substr(colon + 1) == "latest" ? "Always" : "IfNotPresent";
    return at == std::string_view::npos ? "Always" : "IfNotPresent";
}

void defaultHostPathSource(Value& source) { setIfNil(source, "type", Value::string("")); }

void defaultPersistentVolumeClaimSpec(Value& spec) { setIfNil(spec, "volumeMode", Value::string("Filesystem")); }

void defaultPodSpec(Value& spec) {
    if (!spec.isMapping()) return;
    setIfEmpty(spec, "dnsPolicy", "ClusterFirst");
    setIfEmpty(spec, "restartPolicy", "Always");
    setIfNil(spec, "securityContext", Value::mapping());
    setIfNil(spec, "terminationGracePeriodSeconds", Value::integer(30));
    setIfEmpty(spec, "schedulerName", "default-scheduler");
    defaultContainers(spec, "initContainers");
    defaultContainers(spec, "containers");
    defaultContainers(spec, "ephemeralContainers");
    if (Value* volumes = spec.get("volumes"); volumes && volumes->isSequence())
        for (auto& v : volumes->items()) defaultVolume(v);
}

void defaultPodTemplate(Value& tmpl) {
    if (!tmpl.isMapping()) return;
    if (Value* spec = mapAt(tmpl, "spec")) defaultPodSpec(*spec);
}

void defaultPodOnly(Value& spec) {
    if (!spec.isMapping()) return;
    // Only pods (not templates) get requests defaulted from limits.
    copyLimitsToRequests(spec, "containers");
    copyLimitsToRequests(spec, "initContainers");
    setIfNil(spec, "enableServiceLinks", Value::boolean(true));
    const Value* hostNetwork = spec.get("hostNetwork");
    if (hostNetwork && hostNetwork->toBool().value_or(false)) {
        defaultHostNetworkPorts(spec, "containers");
        defaultHostNetworkPorts(spec, "initContainers");
    }
}

}  // namespace ks::api::defaulting
