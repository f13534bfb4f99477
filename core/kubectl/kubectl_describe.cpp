// kubectl describe (k8s.io/kubectl/pkg/cmd/describe/describe.go and pkg/describe/describe.go,
// v1.31): describePod, describeNode with its Non-terminated Pods and Allocated resources, the
// Events table, and a generic describer (name, labels, annotations, events) for other kinds.
// Names that match no object fall back to a prefix match, as kubectl describe does.
#include <algorithm>
#include <cctype>
#include <map>

#include "core/api/decode.h"
#include "core/kubectl/describe_writer.h"
#include "core/kubectl/kubectl_internal.h"
#include "core/kubectl/table_printer.h"

namespace ks::kubectl::detail {

namespace {

using api::Value;

const std::vector<FlagSpec> kDescribeFlags = {
    {"selector", 'l', false}, {"all-namespaces", 'A', true}, {"show-events", 0, true}};

constexpr int L0 = 0, L1 = 1, L2 = 2, L3 = 3;
constexpr std::size_t kMaxAnnotationLen = 140;

std::string str(const Value& obj, const char* path) {
    const Value* v = obj.at(path);
    return v && v->isScalar() ? v->text() : "";
}

std::string since(const std::optional<api::Time>& t, api::Time now) {
    return t ? humanDuration(now - *t) : "<unknown>";
}

std::string timeText(const std::optional<api::Time>& t) {
    return t ? formatRfc1123z(*t) : "Mon, 01 Jan 0001 00:00:00 +0000";  // Go's zero time
}

void printLabelsMultiline(DescribeWriter& w, const std::string& title, const std::map<std::string, std::string>& labels) {
    w.write(L0, title + ":\t");
    if (labels.empty()) {
        w.write(L0, "<none>\n");
        return;
    }
    bool first = true;
    for (const auto& [k, v] : labels) {
        if (!first) w.write(L0, "\t");
        w.write(L0, k + "=" + v + "\n");
        first = false;
    }
}

void printAnnotationsMultiline(DescribeWriter& w, const std::string& title,
                               const std::map<std::string, std::string>& annotations) {
    w.write(L0, title + ":\t");
    std::vector<std::string> keys;
    for (const auto& [k, v] : annotations)
        if (k != "kubectl.kubernetes.io/last-applied-configuration") keys.push_back(k);
    if (keys.empty()) {
        w.write(L0, "<none>\n");
        return;
    }
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i) w.write(L0, "\t");
        std::string value = annotations.at(keys[i]);
        if (!value.empty() && value.back() == '\n') value.pop_back();
        if (value.size() + keys[i].size() + 2 > kMaxAnnotationLen || value.find('\n') != std::string::npos) {
            w.write(L0, keys[i] + ":\n");
            std::size_t pos = 0;
            for (;;) {
                auto nl = value.find('\n', pos);
                std::string part = value.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
                if (part.size() > kMaxAnnotationLen - 2) part = part.substr(0, kMaxAnnotationLen - 2) + "...";
                w.write(L0, "\t  " + part + "\n");
                if (nl == std::string::npos) break;
                pos = nl + 1;
            }
        } else {
            w.write(L0, keys[i] + ": " + value + "\n");
        }
    }
}

std::string taintText(const api::Taint& t) {
    return t.value.empty() ? t.key + ":" + t.effect : t.key + "=" + t.value + ":" + t.effect;
}

void printTaintsMultiline(DescribeWriter& w, std::vector<api::Taint> taints) {
    w.write(L0, "Taints:\t");
    if (taints.empty()) {
        w.write(L0, "<none>\n");
        return;
    }
    std::stable_sort(taints.begin(), taints.end(), [](const api::Taint& a, const api::Taint& b) {
        return a.effect + "," + a.key < b.effect + "," + b.key;
    });
    for (std::size_t i = 0; i < taints.size(); ++i) w.write(L0, (i ? "\t" : "") + taintText(taints[i]) + "\n");
}

void printTolerationsMultiline(DescribeWriter& w, std::vector<api::Toleration> tolerations) {
    w.write(L0, "Tolerations:\t");
    if (tolerations.empty()) {
        w.write(L0, "<none>\n");
        return;
    }
    std::stable_sort(tolerations.begin(), tolerations.end(),
                     [](const api::Toleration& a, const api::Toleration& b) { return a.key < b.key; });
    for (std::size_t i = 0; i < tolerations.size(); ++i) {
        const auto& t = tolerations[i];
        std::string line = (i ? "\t" : "") + t.key;
        if (!t.value.empty()) line += "=" + t.value;
        if (!t.effect.empty()) line += ":" + t.effect;
        if (t.op == "Exists" && t.value.empty()) line += (!t.key.empty() || !t.effect.empty()) ? " op=Exists" : "op=Exists";
        if (t.tolerationSeconds) line += " for " + std::to_string(*t.tolerationSeconds) + "s";
        w.write(L0, line + "\n");
    }
}

std::vector<store::ObjectPtr> eventsFor(const Invocation& inv, const std::string& kind, const std::string& ns,
                                        const std::string& name) {
    std::vector<store::ObjectPtr> out;
    for (const auto& e : inv.store.list("Event")) {
        if (str(*e, "involvedObject.kind") != kind || str(*e, "involvedObject.name") != name) continue;
        if (!ns.empty() && str(*e, "involvedObject.namespace") != ns) continue;
        out.push_back(e);
    }
    // event.SortableEvents: by lastTimestamp.
    std::stable_sort(out.begin(), out.end(), [](const store::ObjectPtr& a, const store::ObjectPtr& b) {
        return api::parseTimestamp(str(*a, "lastTimestamp")).value_or(0) <
               api::parseTimestamp(str(*b, "lastTimestamp")).value_or(0);
    });
    return out;
}

void describeEvents(DescribeWriter& w, const std::vector<store::ObjectPtr>& events, api::Time now) {
    if (events.empty()) {
        w.write(L0, "Events:\t<none>\n");
        return;
    }
    w.flush();
    w.write(L0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
    w.write(L1, "----\t------\t----\t----\t-------\n");
    for (const auto& e : events) {
        auto first = api::parseTimestamp(str(*e, "firstTimestamp"));
        std::string interval = since(first, now);
        long long count = 1;
        if (const Value* c = e->get("count"); c && c->toInt()) count = *c->toInt();
        if (count > 1)
            interval = since(api::parseTimestamp(str(*e, "lastTimestamp")), now) + " (x" + std::to_string(count) +
                       " over " + interval + ")";
        std::string source = str(*e, "source.component");
        if (source.empty()) source = str(*e, "reportingController");
        std::string message = str(*e, "message");
        while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) message.pop_back();
        while (!message.empty() && std::isspace(static_cast<unsigned char>(message.front()))) message.erase(0, 1);
        w.write(L1, str(*e, "type") + "\t" + str(*e, "reason") + "\t" + interval + "\t" + source + "\t" + message + "\n");
    }
}

std::string quantityOr0(const api::ResourceList& list, const std::string& name) {
    auto it = list.find(name);
    return it == list.end() ? "0" : it->second.toString();
}

// resourcehelper.PodRequests / PodLimits without in-place resize: containers summed, each
// regular init container (with the sidecars started before it) as a floor, sidecars added,
// then the pod overhead.
api::ResourceList podResources(const api::Pod& pod, bool limits) {
    auto of = [&](const api::Container& c) -> const api::ResourceList& {
        return limits ? c.resources.limits : c.resources.requests;
    };
    api::ResourceList sum;
    for (const auto& c : pod.spec.containers)
        for (const auto& [k, q] : of(c)) sum[k] += q;
    api::ResourceList sidecars, initMax;
    for (const auto& c : pod.spec.initContainers) {
        if (c.restartPolicy && *c.restartPolicy == "Always") {
            for (const auto& [k, q] : of(c)) {
                sidecars[k] += q;
                sum[k] += q;
            }
            for (const auto& [k, q] : sidecars)
                if (initMax[k] < q) initMax[k] = q;
        } else {
            api::ResourceList need = sidecars;
            for (const auto& [k, q] : of(c)) need[k] += q;
            for (const auto& [k, q] : need)
                if (initMax[k] < q) initMax[k] = q;
        }
    }
    for (const auto& [k, q] : initMax)
        if (sum[k] < q) sum[k] = q;
    for (const auto& [k, q] : pod.spec.overhead) sum[k] += q;
    return sum;
}

std::string percent(const api::ResourceList& list, const std::string& name, const api::ResourceList& allocatable) {
    auto it = list.find(name);
    auto al = allocatable.find(name);
    if (it == list.end() || al == allocatable.end()) return "0";
    double a = name == "cpu" ? static_cast<double>(al->second.milliValue()) : static_cast<double>(al->second.value());
    double v = name == "cpu" ? static_cast<double>(it->second.milliValue()) : static_cast<double>(it->second.value());
    if (a == 0) return "0";
    return std::to_string(static_cast<long long>(v / a * 100));
}

// v1qos.GetPodQOS.
std::string podQos(const api::Pod& pod) {
    api::ResourceList requests, limits;
    bool guaranteed = true;
    auto visit = [&](const api::Container& c) {
        for (const auto& [k, q] : c.resources.requests)
            if ((k == "cpu" || k == "memory") && q.sign() > 0) requests[k] += q;
        bool cpuLimit = false, memLimit = false;
        for (const auto& [k, q] : c.resources.limits)
            if ((k == "cpu" || k == "memory") && q.sign() > 0) {
                limits[k] += q;
                (k == "cpu" ? cpuLimit : memLimit) = true;
            }
        if (!cpuLimit || !memLimit) guaranteed = false;
    };
    for (const auto& c : pod.spec.containers) visit(c);
    for (const auto& c : pod.spec.initContainers) visit(c);
    if (requests.empty() && limits.empty()) return "BestEffort";
    if (guaranteed)
        for (const auto& [k, q] : requests)
            if (!limits.count(k) || !(limits.at(k) == q)) guaranteed = false;
    return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
}

void describeContainers(DescribeWriter& w, const std::string& label, const Value* containers,
                        const std::vector<api::ContainerStatus>& statuses, const api::Pod& pod) {
    std::size_t n = containers && containers->isSequence() ? containers->size() : 0;
    w.write(L0, label + ":" + (n == 0 ? " <none>" : "") + "\n");
    for (std::size_t i = 0; i < n; ++i) {
        const Value& c = containers->items()[i];
        std::string name = c.str("name");
        const api::ContainerStatus* status = nullptr;
        for (const auto& s : statuses)
            if (s.name == name) status = &s;
        w.write(L1, name + ":\n");
        if (status) w.write(L2, "Container ID:\t\n");
        w.write(L2, "Image:\t" + c.str("image") + "\n");
        if (status) w.write(L2, "Image ID:\t\n");
        std::vector<std::string> ports, hostPorts;
        if (const Value* ps = c.get("ports"); ps && ps->isSequence())
            for (const auto& p : ps->items()) {
                std::string proto = p.str("protocol", "TCP");
                ports.push_back(p.str("containerPort") + "/" + proto);
                hostPorts.push_back(p.str("hostPort", "0") + "/" + proto);
            }
        auto join = [](const std::vector<std::string>& v) {
            std::string s;
            for (std::size_t k = 0; k < v.size(); ++k) s += (k ? ", " : "") + v[k];
            return s;
        };
        if (ports.size() > 1) w.write(L2, "Ports:\t" + join(ports) + "\n");
        else w.write(L2, "Port:\t" + (ports.empty() ? std::string("<none>") : ports[0]) + "\n");
        if (hostPorts.size() > 1) w.write(L2, "Host Ports:\t" + join(hostPorts) + "\n");
        else w.write(L2, "Host Port:\t" + (hostPorts.empty() ? std::string("<none>") : hostPorts[0]) + "\n");
        for (const char* key : {"command", "args"}) {
            const Value* list = c.get(key);
            if (!list || !list->isSequence() || list->size() == 0) continue;
            w.write(L2, std::string(key[0] == 'c' ? "Command" : "Args") + ":\n");
            for (const auto& item : list->items()) w.write(L3, item.text() + "\n");
        }
        if (status) {
            std::string state = status->state == "running"      ? "Running"
                                : status->state == "terminated" ? "Terminated"
                                                                : "Waiting";
            w.write(L2, "State:\t" + state + "\n");
            if (state != "Running" && !status->reason.empty()) w.write(L3, "Reason:\t" + status->reason + "\n");
            w.write(L2, std::string("Ready:\t") + (status->ready ? "True" : "False") + "\n");
            w.write(L2, "Restart Count:\t" + std::to_string(status->restartCount) + "\n");
        }
        const api::Container* typed = nullptr;
        for (const auto& tc : pod.spec.containers)
            if (tc.name == name) typed = &tc;
        for (const auto& tc : pod.spec.initContainers)
            if (tc.name == name && !typed) typed = &tc;
        if (typed) {
            if (!typed->resources.limits.empty()) w.write(L2, "Limits:\n");
            for (const auto& [k, q] : typed->resources.limits) w.write(L3, k + ":\t" + q.toString() + "\n");
            if (!typed->resources.requests.empty()) w.write(L2, "Requests:\n");
            for (const auto& [k, q] : typed->resources.requests) w.write(L3, k + ":\t" + q.toString() + "\n");
        }
        const Value* env = c.get("env");
        if (!env || !env->isSequence() || env->size() == 0) {
            w.write(L2, "Environment:\t<none>\n");
        } else {
            w.write(L2, "Environment:\n");
            for (const auto& e : env->items())
                w.write(L3, e.str("name") + ":\t" + (e.get("valueFrom") ? std::string("<set>") : e.str("value")) + "\n");
        }
        const Value* mounts = c.get("volumeMounts");
        std::size_t m = mounts && mounts->isSequence() ? mounts->size() : 0;
        w.write(L2, std::string("Mounts:") + (m == 0 ? "\t<none>" : "") + "\n");
        std::vector<const Value*> sorted;
        for (std::size_t k = 0; k < m; ++k) sorted.push_back(&mounts->items()[k]);
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const Value* a, const Value* b) { return a->str("mountPath") < b->str("mountPath"); });
        for (const Value* mt : sorted) {
            std::string flags = mt->str("readOnly") == "true" ? "ro" : "rw";
            if (!mt->str("subPath").empty()) flags += ",path=" + store::goQuote(mt->str("subPath"));
            w.write(L3, mt->str("mountPath") + " from " + mt->str("name") + " (" + flags + ")\n");
        }
    }
}

void describeVolumes(DescribeWriter& w, const api::Pod& pod) {
    if (pod.spec.volumes.empty()) {
        w.write(L0, "Volumes:\t<none>\n");
        return;
    }
    w.write(L0, "Volumes:\n");
    for (const auto& v : pod.spec.volumes) {
        w.write(L1, v.name + ":\n");
        using S = api::Volume::Source;
        switch (v.source) {
        case S::HostPath:
            w.write(L2, "Type:\tHostPath (bare host directory volume)\n    Path:\t" + v.path + "\n    HostPathType:\t<none>\n");
            break;
        case S::EmptyDir:
            w.write(L2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t" + v.medium +
                            "\n    SizeLimit:\t" +
                            (v.sizeLimit && v.sizeLimit->sign() > 0 ? v.sizeLimit->toString() : "<unset>") + "\n");
            break;
        case S::PersistentVolumeClaim:
            w.write(L2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n"
                        "    ClaimName:\t" + v.claimName + "\n    ReadOnly:\t" + (v.readOnly ? "true" : "false") + "\n");
            break;
        case S::ConfigMap:
            w.write(L2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t" + v.referenceName +
                            "\n    Optional:\tfalse\n");
            break;
        case S::Secret:
            w.write(L2, "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t" + v.referenceName +
                            "\n    Optional:\tfalse\n");
            break;
        case S::Ephemeral:
            w.write(L2, "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted "
                        "with the pod)\n");
            break;
        default:
            w.write(L1, "<unknown>\n");
        }
    }
}

std::string describePod(const Invocation& inv, const Value& obj) {
    api::Pod pod = api::decodePod(obj);
    api::Time now = inv.store.now();
    DescribeWriter w;
    w.write(L0, "Name:\t" + pod.metadata.name + "\n");
    w.write(L0, "Namespace:\t" + pod.metadata.namespace_ + "\n");
    if (pod.spec.priority) w.write(L0, "Priority:\t" + std::to_string(*pod.spec.priority) + "\n");
    if (!pod.spec.priorityClassName.empty()) w.write(L0, "Priority Class Name:\t" + pod.spec.priorityClassName + "\n");
    if (!str(obj, "spec.runtimeClassName").empty())
        w.write(L0, "Runtime Class Name:\t" + str(obj, "spec.runtimeClassName") + "\n");
    if (!pod.spec.serviceAccountName.empty()) w.write(L0, "Service Account:\t" + pod.spec.serviceAccountName + "\n");
    if (pod.spec.nodeName.empty()) w.write(L0, "Node:\t<none>\n");
    else w.write(L0, "Node:\t" + pod.spec.nodeName + "/" + pod.status.hostIP + "\n");
    if (pod.status.startTime) w.write(L0, "Start Time:\t" + formatRfc1123z(*pod.status.startTime) + "\n");
    printLabelsMultiline(w, "Labels", pod.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", pod.metadata.annotations);
    if (pod.metadata.deletionTimestamp && pod.status.phase != "Failed" && pod.status.phase != "Succeeded") {
        w.write(L0, "Status:\tTerminating (lasts " + humanDuration(now - *pod.metadata.deletionTimestamp) + ")\n");
        w.write(L0, "Termination Grace Period:\t" + std::to_string(pod.metadata.deletionGracePeriodSeconds.value_or(0)) +
                        "s\n");
    } else {
        w.write(L0, "Status:\t" + pod.status.phase + "\n");
    }
    if (!pod.status.reason.empty()) w.write(L0, "Reason:\t" + pod.status.reason + "\n");
    if (!pod.status.message.empty()) w.write(L0, "Message:\t" + pod.status.message + "\n");
    w.write(L0, "IP:\t" + pod.status.podIP + "\n");
    const Value* ips = obj.at("status.podIPs");
    if (!ips || !ips->isSequence() || ips->size() == 0) {
        w.write(L0, "IPs:\t<none>\n");
    } else {
        w.write(L0, "IPs:\n");
        for (const auto& ip : ips->items()) w.write(L1, "IP:\t" + ip.str("ip") + "\n");
    }
    for (const auto& ref : pod.metadata.ownerReferences)
        if (ref.controller) w.write(L0, "Controlled By:\t" + ref.kind + "/" + ref.name + "\n");
    if (!pod.status.nominatedNodeName.empty())
        w.write(L0, "NominatedNodeName:\t" + pod.status.nominatedNodeName + "\n");
    if (!pod.spec.initContainers.empty())
        describeContainers(w, "Init Containers", obj.at("spec.initContainers"), pod.status.initContainerStatuses, pod);
    describeContainers(w, "Containers", obj.at("spec.containers"), pod.status.containerStatuses, pod);
    if (const Value* gates = obj.at("spec.readinessGates"); gates && gates->isSequence() && gates->size() > 0) {
        w.write(L0, "Readiness Gates:\n  Type\tStatus\n");
        for (const auto& g : gates->items()) {
            std::string status = "<none>";
            for (const auto& c : pod.status.conditions)
                if (c.type == g.str("conditionType")) {
                    status = c.status;
                    break;
                }
            w.write(L1, g.str("conditionType") + " \t" + status + " \n");
        }
    }
    if (!pod.status.conditions.empty()) {
        w.write(L0, "Conditions:\n  Type\tStatus\n");
        for (const auto& c : pod.status.conditions) w.write(L1, c.type + " \t" + c.status + " \n");
    }
    describeVolumes(w, pod);
    w.write(L0, "QoS Class:\t" + podQos(pod) + "\n");
    printLabelsMultiline(w, "Node-Selectors", pod.spec.nodeSelector);
    printTolerationsMultiline(w, pod.spec.tolerations);
    if (!pod.spec.topologySpreadConstraints.empty()) {
        auto tscs = pod.spec.topologySpreadConstraints;
        std::stable_sort(tscs.begin(), tscs.end(), [](const auto& a, const auto& b) { return a.topologyKey < b.topologyKey; });
        w.write(L0, "Topology Spread Constraints:\t");
        for (std::size_t i = 0; i < tscs.size(); ++i) {
            std::string line = (i ? "\t" : "") + tscs[i].topologyKey + ":" + tscs[i].whenUnsatisfiable +
                               " when max skew " + std::to_string(tscs[i].maxSkew) + " is exceeded";
            if (tscs[i].labelSelector) line += " for selector " + tscs[i].labelSelector->toString();
            w.write(L0, line + "\n");
        }
    }
    describeEvents(w, eventsFor(inv, "Pod", pod.metadata.namespace_, pod.metadata.name), now);
    return w.finish();
}

std::string describeNode(const Invocation& inv, const Value& obj) {
    api::Node node = api::decodeNode(obj);
    api::Time now = inv.store.now();
    DescribeWriter w;
    w.write(L0, "Name:\t" + node.metadata.name + "\n");
    const std::vector<std::string> roles = nodeRoles(node);
    std::string rolesText;
    for (const auto& r : roles) rolesText += (rolesText.empty() ? "" : ",") + r;
    w.write(L0, "Roles:\t" + (rolesText.empty() ? std::string("<none>") : rolesText) + "\n");
    printLabelsMultiline(w, "Labels", node.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", node.metadata.annotations);
    w.write(L0, "CreationTimestamp:\t" + timeText(node.metadata.creationTimestamp) + "\n");
    printTaintsMultiline(w, node.spec.taints);
    w.write(L0, std::string("Unschedulable:\t") + (node.spec.unschedulable ? "true" : "false") + "\n");
    if (auto lease = inv.store.find({"Lease", "kube-node-lease", node.metadata.name})) {
        w.write(L0, "Lease:\n");
        std::string holder = str(*lease, "spec.holderIdentity");
        std::string acquire = str(*lease, "spec.acquireTime"), renew = str(*lease, "spec.renewTime");
        auto fmt = [](const std::string& ts) {
            auto t = api::parseTimestamp(ts);
            return t ? formatRfc1123z(*t) : std::string("<unset>");
        };
        w.write(L1, "HolderIdentity:\t" + (holder.empty() ? std::string("<unset>") : holder) + "\n");
        w.write(L1, "AcquireTime:\t" + fmt(acquire) + "\n");
        w.write(L1, "RenewTime:\t" + fmt(renew) + "\n");
    } else {
        w.write(L0, "Lease:\tFailed to get lease: leases.coordination.k8s.io \"" + node.metadata.name + "\" not found\n");
    }
    if (!node.status.conditions.empty()) {
        w.write(L0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
        w.write(L1, "----\t------\t-----------------\t------------------\t------\t-------\n");
        for (const auto& c : node.status.conditions)
            w.write(L1, c.type + " \t" + c.status + " \t" + timeText(c.lastHeartbeatTime) + " \t" +
                            timeText(c.lastTransitionTime) + " \t" + c.reason + " \t" + c.message + "\n");
    }
    w.write(L0, "Addresses:\n");
    for (const auto& a : node.status.addresses) w.write(L1, a.type + ":\t" + a.address + "\n");
    if (!node.status.capacity.empty()) {
        w.write(L0, "Capacity:\n");
        for (const auto& [k, q] : node.status.capacity) w.write(L0, "  " + k + ":\t" + q.toString() + "\n");
    }
    if (!node.status.allocatable.empty()) {
        w.write(L0, "Allocatable:\n");
        for (const auto& [k, q] : node.status.allocatable) w.write(L0, "  " + k + ":\t" + q.toString() + "\n");
    }
    w.write(L0, "System Info:\n");
    const std::pair<const char*, const char*> info[] = {
        {"Machine ID", "machineID"},           {"System UUID", "systemUUID"},
        {"Boot ID", "bootID"},                 {"Kernel Version", "kernelVersion"},
        {"OS Image", "osImage"},               {"Operating System", "operatingSystem"},
        {"Architecture", "architecture"},      {"Container Runtime Version", "containerRuntimeVersion"},
        {"Kubelet Version", "kubeletVersion"}};
    const Value* nodeInfo = obj.at("status.nodeInfo");
    for (const auto& [title, key] : info)
        w.write(L0, std::string("  ") + title + ":\t" + (nodeInfo ? nodeInfo->str(key) : "") + "\n");
    if (!node.spec.podCIDR.empty()) w.write(L0, "PodCIDR:\t" + node.spec.podCIDR + "\n");
    if (!node.spec.podCIDRs.empty()) {
        std::string cidrs;
        for (const auto& c : node.spec.podCIDRs) cidrs += (cidrs.empty() ? "" : ",") + c;
        w.write(L0, "PodCIDRs:\t" + cidrs + "\n");
    }
    if (!node.spec.providerID.empty()) w.write(L0, "ProviderID:\t" + node.spec.providerID + "\n");

    // describeNodeResource.
    store::ListOptions podsOnNode;
    podsOnNode.fieldSelector = "spec.nodeName=" + node.metadata.name + ",status.phase!=Succeeded,status.phase!=Failed";
    auto pods = inv.store.list("Pod", podsOnNode);
    const api::ResourceList& allocatable = node.status.allocatable.empty() ? node.status.capacity : node.status.allocatable;
    w.write(L0, "Non-terminated Pods:\t(" + std::to_string(pods.size()) + " in total)\n");
    w.write(L1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
    w.write(L1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
    api::ResourceList totalReq, totalLim;
    for (const auto& p : pods) {
        api::Pod pod = api::decodePod(*p);
        auto req = podResources(pod, false), lim = podResources(pod, true);
        for (const auto& [k, q] : req) totalReq[k] += q;
        for (const auto& [k, q] : lim) totalLim[k] += q;
        w.write(L1, pod.metadata.namespace_ + "\t" + pod.metadata.name + "\t\t" + quantityOr0(req, "cpu") + " (" +
                        percent(req, "cpu", allocatable) + "%)\t" + quantityOr0(lim, "cpu") + " (" +
                        percent(lim, "cpu", allocatable) + "%)\t" + quantityOr0(req, "memory") + " (" +
                        percent(req, "memory", allocatable) + "%)\t" + quantityOr0(lim, "memory") + " (" +
                        percent(lim, "memory", allocatable) + "%)\t" + since(pod.metadata.creationTimestamp, now) + "\n");
    }
    w.write(L0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
    w.write(L1, "Resource\tRequests\tLimits\n");
    w.write(L1, "--------\t--------\t------\n");
    for (const char* r : {"cpu", "memory", "ephemeral-storage"}) {
        std::string name = r;
        auto pct = [&](const api::ResourceList& l) {
            auto it = l.find(name);
            auto al = allocatable.find(name);
            if (it == l.end() || al == allocatable.end()) return std::string("0");
            double a = name == "cpu" ? static_cast<double>(al->second.milliValue()) : static_cast<double>(al->second.value());
            double v = name == "cpu" ? static_cast<double>(it->second.milliValue()) : static_cast<double>(it->second.value());
            return a == 0 ? std::string("0") : std::to_string(static_cast<long long>(v / a * 100));
        };
        w.write(L1, name + "\t" + quantityOr0(totalReq, name) + " (" + pct(totalReq) + "%)\t" +
                        quantityOr0(totalLim, name) + " (" + pct(totalLim) + "%)\n");
    }
    std::vector<std::string> hugePages, extended;
    for (const auto& [k, q] : allocatable) {
        if (k.rfind("hugepages-", 0) == 0) hugePages.push_back(k);
        else if (k != "cpu" && k != "memory" && k != "ephemeral-storage" && k != "pods") extended.push_back(k);
    }
    for (const auto& k : hugePages)
        w.write(L1, k + "\t" + quantityOr0(totalReq, k) + " (" + percent(totalReq, k, allocatable) + "%)\t" +
                        quantityOr0(totalLim, k) + " (" + percent(totalLim, k, allocatable) + "%)\n");
    for (const auto& k : extended) w.write(L1, k + "\t" + quantityOr0(totalReq, k) + "\t" + quantityOr0(totalLim, k) + "\n");
    describeEvents(w, eventsFor(inv, "Node", "", node.metadata.name), now);
    return w.finish();
}

// Kinds without a dedicated describer here: what every describer starts with, then events.
std::string describeGeneric(const Invocation& inv, const api::KindInfo& kind, const Value& obj) {
    api::ObjectMeta meta;
    meta.name = str(obj, "metadata.name");
    meta.namespace_ = str(obj, "metadata.namespace");
    auto readMap = [&](const char* path) {
        std::map<std::string, std::string> m;
        if (const Value* v = obj.at(path); v && v->isMapping())
            for (const auto& f : v->fields()) m[f.key] = f.val.text();
        return m;
    };
    DescribeWriter w;
    w.write(L0, "Name:\t" + meta.name + "\n");
    if (kind.namespaced) w.write(L0, "Namespace:\t" + meta.namespace_ + "\n");
    printLabelsMultiline(w, "Labels", readMap("metadata.labels"));
    printAnnotationsMultiline(w, "Annotations", readMap("metadata.annotations"));
    if (const Value* replicas = obj.at("spec.replicas"); replicas && replicas->isScalar())
        w.write(L0, "Replicas:\t" + replicas->text() + " desired\n");
    describeEvents(w, eventsFor(inv, kind.kind, meta.namespace_, meta.name), inv.store.now());
    return w.finish();
}

}  // namespace

int runDescribe(Invocation& inv, const std::vector<std::string>& args) {
    if (!parseFlags(inv, args, kDescribeFlags)) return inv.result.exitCode;
    if (inv.positionals.empty())
        return inv.fail("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a "
                        "complete list of supported resources.");
    std::vector<Target> targets;
    if (!resolveTargets(inv, inv.positionals, targets, true)) return inv.result.exitCode;
    std::vector<std::pair<const api::KindInfo*, store::ObjectPtr>> found;
    bool allNamespaces = inv.boolFlag("all-namespaces");
    for (const auto& t : targets) {
        store::ListOptions o;
        if (t.kind->namespaced && !allNamespaces) o.namespace_ = inv.namespace_();
        if (inv.has("selector")) {
            std::string error;
            auto sel = api::parseSelector(inv.value("selector"), &error);
            if (!sel) return inv.fail(error);
            o.labelSelector = *sel;
        }
        if (t.name.empty()) {
            for (const auto& obj : inv.store.list(t.kind->kind, o)) found.emplace_back(t.kind, obj);
            continue;
        }
        if (auto obj = inv.store.find(keyOf(inv, *t.kind, t.name))) {
            found.emplace_back(t.kind, obj);
            continue;
        }
        // describe.go: no exact match, so every object whose name starts with the argument.
        bool any = false;
        for (const auto& obj : inv.store.list(t.kind->kind, o))
            if (str(*obj, "metadata.name").rfind(t.name, 0) == 0) {
                found.emplace_back(t.kind, obj);
                any = true;
            }
        if (!any) inv.failStatus(inv.store.get(keyOf(inv, *t.kind, t.name)).status);
    }
    if (found.empty() && inv.result.exitCode == 0) {
        const auto* kind = targets.front().kind;
        if (kind->namespaced && !allNamespaces) inv.err("No resources found in " + inv.namespace_() + " namespace.\n");
        else inv.err("No resources found\n");
        return 0;
    }
    bool first = true;
    for (const auto& [kind, obj] : found) {
        std::string text = kind->kind == "Pod"    ? describePod(inv, *obj)
                           : kind->kind == "Node" ? describeNode(inv, *obj)
                                                  : describeGeneric(inv, *kind, *obj);
        inv.out((first ? "" : "\n\n") + text);
        first = false;
    }
    return inv.result.exitCode;
}

}  // namespace ks::kubectl::detail
