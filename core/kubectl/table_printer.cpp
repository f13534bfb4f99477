#include "core/kubectl/table_printer.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/api/decode.h"

namespace ks::kubectl {

namespace {

using api::Value;

std::string orNone(const std::string& s) { return s.empty() ? "<none>" : s; }

std::string age(const Value& obj, api::Time now) {
    const Value* ts = obj.at("metadata.creationTimestamp");
    if (!ts || !ts->isScalar()) return "<unknown>";
    auto t = api::parseTimestamp(ts->text());
    if (!t) return "<unknown>";
    return humanDuration(now - *t);
}

std::string joinStrings(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
}

// --- pods (printPod) ---

std::vector<std::string> podHeader(bool wide) {
    std::vector<std::string> h = {"NAME", "READY", "STATUS", "RESTARTS", "AGE"};
    if (wide) h.insert(h.end(), {"IP", "NODE", "NOMINATED NODE", "READINESS GATES"});
    return h;
}

std::vector<std::string> podRow(const Value& obj, const TableOptions& o) {
    api::Pod pod = api::decodePod(obj);
    int total = static_cast<int>(pod.spec.containers.size());
    for (const auto& c : pod.spec.initContainers)
        if (c.restartPolicy && *c.restartPolicy == "Always") ++total;
    int ready = 0, restarts = 0;
    std::string reason = pod.status.reason.empty() ? pod.status.phase : pod.status.reason;
    for (const auto& cs : pod.status.containerStatuses) {
        restarts += cs.restartCount;
        if (cs.ready && cs.state == "running") ++ready;
    }
    for (const auto& cs : pod.status.containerStatuses) {
        if ((cs.state == "waiting" || cs.state == "terminated") && !cs.reason.empty()) reason = cs.reason;
    }
    for (const auto& c : pod.status.conditions)
        if (c.type == "PodScheduled" && c.reason == "SchedulingGated") reason = "SchedulingGated";
    if (pod.metadata.deletionTimestamp && pod.status.reason != "NodeLost") reason = "Terminating";
    std::vector<std::string> row = {pod.metadata.name, std::to_string(ready) + "/" + std::to_string(total), reason,
                                    std::to_string(restarts), age(obj, o.now)};
    if (o.wide) {
        std::string gates = "<none>";
        if (const Value* rg = obj.at("spec.readinessGates"); rg && rg->isSequence() && rg->size() > 0)
            gates = "0/" + std::to_string(rg->size());
        row.insert(row.end(), {orNone(pod.status.podIP), orNone(pod.spec.nodeName),
                               orNone(pod.status.nominatedNodeName), gates});
    }
    return row;
}

// --- nodes (printNode) ---

std::vector<std::string> nodeHeader(bool wide) {
    std::vector<std::string> h = {"NAME", "STATUS", "ROLES", "AGE", "VERSION"};
    if (wide) h.insert(h.end(), {"INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"});
    return h;
}

std::vector<std::string> nodeRow(const Value& obj, const TableOptions& o) {
    api::Node node = api::decodeNode(obj);
    std::vector<std::string> status;
    bool haveReady = false;
    for (const auto& c : node.status.conditions) {
        if (c.type != "Ready") continue;
        haveReady = true;
        status.push_back(c.status == "True" ? "Ready" : "NotReady");
    }
    if (!haveReady) status.push_back("Unknown");
    if (node.spec.unschedulable) status.push_back("SchedulingDisabled");
    const std::vector<std::string> roles = nodeRoles(node);
    const Value* info = obj.at("status.nodeInfo");
    auto infoField = [&](const char* key, const char* fallback) {
        std::string v = info ? info->str(key) : "";
        return v.empty() ? std::string(fallback) : v;
    };
    std::vector<std::string> row = {node.metadata.name, joinStrings(status, ","),
                                    roles.empty() ? "<none>" : joinStrings(roles, ","), age(obj, o.now),
                                    infoField("kubeletVersion", "")};
    if (o.wide) {
        std::string internal, external;
        for (const auto& a : node.status.addresses) {
            if (a.type == "InternalIP" && internal.empty()) internal = a.address;
            if (a.type == "ExternalIP" && external.empty()) external = a.address;
        }
        row.insert(row.end(), {orNone(internal), orNone(external), infoField("osImage", "<unknown>"),
                               infoField("kernelVersion", "<unknown>"),
                               infoField("containerRuntimeVersion", "<unknown>")});
    }
    return row;
}

// --- a few more kinds with their kubectl columns ---

std::string str(const Value& obj, const char* path, const char* fallback = "") {
    const Value* v = obj.at(path);
    return v && v->isScalar() ? v->text() : fallback;
}

std::string countOf(const Value& obj, const char* path) {
    const Value* v = obj.at(path);
    return std::to_string(v ? v->size() : 0);
}

std::string accessModes(const Value* modes) {
    // kubectl's GetAccessModesAsString: RWO, ROX, RWX, RWOP joined with ",".
    static const std::map<std::string, std::string> shortNames = {{"ReadWriteOnce", "RWO"},
                                                                    {"ReadOnlyMany", "ROX"},
                                                                    {"ReadWriteMany", "RWX"},
                                                                    {"ReadWriteOncePod", "RWOP"}};
    std::vector<std::string> out;
    if (modes && modes->isSequence())
        for (const auto& m : modes->items()) {
            auto it = shortNames.find(m.text());
            if (it != shortNames.end() && std::find(out.begin(), out.end(), it->second) == out.end())
                out.push_back(it->second);
        }
    return joinStrings(out, ",");
}

struct KindPrinter {
    std::vector<std::string> header;
    std::vector<std::string> (*row)(const Value&, const TableOptions&);
};

const std::map<std::string, KindPrinter>& kindPrinters() {
    static const std::map<std::string, KindPrinter> printers = {
        {"Namespace",
         {{"NAME", "STATUS", "AGE"},
          [](const Value& o, const TableOptions& t) {
              return std::vector<std::string>{str(o, "metadata.name"), str(o, "status.phase", "Active"), age(o, t.now)};
          }}},
        {"PriorityClass",
         {{"NAME", "VALUE", "GLOBAL-DEFAULT", "AGE", "PREEMPTIONPOLICY"},
          [](const Value& o, const TableOptions& t) {
              return std::vector<std::string>{str(o, "metadata.name"), str(o, "value", "0"),
                                              str(o, "globalDefault", "false"), age(o, t.now),
                                              str(o, "preemptionPolicy", "PreemptLowerPriority")};
          }}},
        {"StorageClass",
         {{"NAME", "PROVISIONER", "RECLAIMPOLICY", "VOLUMEBINDINGMODE", "ALLOWVOLUMEEXPANSION", "AGE"},
          [](const Value& o, const TableOptions& t) {
              std::string name = str(o, "metadata.name");
              const Value* ann = o.at("metadata.annotations");
              if (ann && ann->str("storageclass.kubernetes.io/is-default-class") == "true") name += " (default)";
              return std::vector<std::string>{name, str(o, "provisioner"), str(o, "reclaimPolicy", "Delete"),
                                              str(o, "volumeBindingMode", "Immediate"),
                                              str(o, "allowVolumeExpansion", "false"), age(o, t.now)};
          }}},
        {"PersistentVolume",
         {{"NAME", "CAPACITY", "ACCESS MODES", "RECLAIM POLICY", "STATUS", "CLAIM", "STORAGECLASS",
           "VOLUMEATTRIBUTESCLASS", "REASON", "AGE"},
          [](const Value& o, const TableOptions& t) {
              std::string claim;
              if (const Value* ref = o.at("spec.claimRef"); ref && ref->isMapping())
                  claim = ref->str("namespace") + "/" + ref->str("name");
              return std::vector<std::string>{str(o, "metadata.name"), str(o, "spec.capacity.storage"),
                                              accessModes(o.at("spec.accessModes")),
                                              str(o, "spec.persistentVolumeReclaimPolicy", "Retain"),
                                              str(o, "status.phase", "Pending"), claim,
                                              str(o, "spec.storageClassName"),
                                              str(o, "spec.volumeAttributesClassName", "<unset>"),
                                              str(o, "status.reason"), age(o, t.now)};
          }}},
        {"PersistentVolumeClaim",
         {{"NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE"},
          [](const Value& o, const TableOptions& t) {
              return std::vector<std::string>{str(o, "metadata.name"), str(o, "status.phase", "Pending"),
                                              str(o, "spec.volumeName"), str(o, "status.capacity.storage"),
                                              accessModes(o.at("status.accessModes")),
                                              str(o, "spec.storageClassName"),
                                              str(o, "spec.volumeAttributesClassName", "<unset>"), age(o, t.now)};
          }}},
        {"Deployment",
         {{"NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"},
          [](const Value& o, const TableOptions& t) {
              return std::vector<std::string>{str(o, "metadata.name"),
                                              str(o, "status.readyReplicas", "0") + "/" + str(o, "spec.replicas", "1"),
                                              str(o, "status.updatedReplicas", "0"),
                                              str(o, "status.availableReplicas", "0"), age(o, t.now)};
          }}},
        {"ReplicaSet",
         {{"NAME", "DESIRED", "CURRENT", "READY", "AGE"},
          [](const Value& o, const TableOptions& t) {
              return std::vector<std::string>{str(o, "metadata.name"), str(o, "spec.replicas", "1"),
                                              str(o, "status.replicas", "0"), str(o, "status.readyReplicas", "0"),
                                              age(o, t.now)};
          }}},
        {"StatefulSet",
         {{"NAME", "READY", "AGE"},
          [](const Value& o, const TableOptions& t) {
              return std::vector<std::string>{str(o, "metadata.name"),
                                              str(o, "status.readyReplicas", "0") + "/" + str(o, "spec.replicas", "1"),
                                              age(o, t.now)};
          }}},
        {"ConfigMap",
         {{"NAME", "DATA", "AGE"},
          [](const Value& o, const TableOptions& t) {
              std::size_t n = 0;
              if (const Value* d = o.get("data")) n += d->size();
              if (const Value* d = o.get("binaryData")) n += d->size();
              return std::vector<std::string>{str(o, "metadata.name"), std::to_string(n), age(o, t.now)};
          }}},
        {"Secret",
         {{"NAME", "TYPE", "DATA", "AGE"},
          [](const Value& o, const TableOptions& t) {
              std::size_t n = 0;
              if (const Value* d = o.get("data")) n += d->size();
              if (const Value* d = o.get("stringData")) n += d->size();
              return std::vector<std::string>{str(o, "metadata.name"), str(o, "type", "Opaque"), std::to_string(n),
                                              age(o, t.now)};
          }}},
        {"Lease",
         {{"NAME", "HOLDER", "AGE"},
          [](const Value& o, const TableOptions& t) {
              return std::vector<std::string>{str(o, "metadata.name"), str(o, "spec.holderIdentity"), age(o, t.now)};
          }}},
        {"Event",
         // printEvent: LAST SEEN is lastTimestamp's age (firstTimestamp's when unset).
         {{"LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"},
          [](const Value& o, const TableOptions& t) {
              auto since = [&](const char* path) {
                  auto ts = api::parseTimestamp(str(o, path));
                  return ts ? humanDuration(t.now - *ts) : std::string("<unknown>");
              };
              std::string first = since("firstTimestamp");
              std::string last = str(o, "lastTimestamp").empty() ? first : since("lastTimestamp");
              std::string kind = str(o, "involvedObject.kind");
              for (auto& ch : kind) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
              std::string name = str(o, "involvedObject.name");
              std::string message = str(o, "message");
              while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) message.pop_back();
              return std::vector<std::string>{last, str(o, "type"), str(o, "reason"),
                                              name.empty() ? kind : kind + "/" + name, message};
          }}},
        {"ServiceAccount",
         {{"NAME", "SECRETS", "AGE"},
          [](const Value& o, const TableOptions& t) {
              return std::vector<std::string>{str(o, "metadata.name"), countOf(o, "secrets"), age(o, t.now)};
          }}},
    };
    return printers;
}

}  // namespace

std::string humanDuration(api::Time ms) {
    long long seconds = ms / 1000;
    if (seconds < -1) return "<invalid>";
    if (seconds < 0) return "0s";
    if (seconds < 60 * 2) return std::to_string(seconds) + "s";
    long long minutes = seconds / 60;
    if (minutes < 10) {
        long long s = seconds % 60;
        return std::to_string(minutes) + "m" + (s ? std::to_string(s) + "s" : "");
    }
    if (minutes < 60 * 3) return std::to_string(minutes) + "m";
    long long hours = minutes / 60;
    if (hours < 8) {
        long long m = minutes % 60;
        return std::to_string(hours) + "h" + (m ? std::to_string(m) + "m" : "");
    }
    if (hours < 48) return std::to_string(hours) + "h";
    if (hours < 24 * 8) {
        long long h = hours % 24;
        return std::to_string(hours / 24) + "d" + (h ? std::to_string(h) + "h" : "");
    }
    if (hours < 24 * 365 * 2) return std::to_string(hours / 24) + "d";
    if (hours < 24 * 365 * 8) {
        long long dy = (hours / 24) % 365;
        return std::to_string(hours / 24 / 365) + "y" + (dy ? std::to_string(dy) + "d" : "");
    }
    return std::to_string(hours / 24 / 365) + "y";
}

std::string tabulate(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], r[i].size());
        }
    std::string out;
    for (const auto& r : rows) {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i) {
            line += r[i];
            if (i + 1 < r.size()) line.append(widths[i] - r[i].size() + 3, ' ');
        }
        out += line + "\n";
    }
    return out;
}

std::string printTable(const std::vector<std::shared_ptr<const Value>>& objects, const TableOptions& options) {
    if (objects.empty()) return "";
    std::string kind = objects.front()->str("kind");
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header;
    std::vector<std::string> (*rowFn)(const Value&, const TableOptions&) = nullptr;
    if (kind == "Pod") {
        header = podHeader(options.wide);
        rowFn = podRow;
    } else if (kind == "Node") {
        header = nodeHeader(options.wide);
        rowFn = nodeRow;
    } else if (auto it = kindPrinters().find(kind); it != kindPrinters().end()) {
        header = it->second.header;
        rowFn = it->second.row;
    } else {
        header = {"NAME", "AGE"};
        rowFn = [](const Value& o, const TableOptions& t) {
            return std::vector<std::string>{str(o, "metadata.name"), age(o, t.now)};
        };
    }
    if (options.withNamespace) header.insert(header.begin(), "NAMESPACE");
    if (options.showLabels) header.push_back("LABELS");
    rows.push_back(header);
    auto ordered = objects;
    if (kind == "Event") {
        // printEventList sorts by lastTimestamp (events.SortableEvents).
        std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
            return api::parseTimestamp(str(*a, "lastTimestamp")).value_or(0) <
                   api::parseTimestamp(str(*b, "lastTimestamp")).value_or(0);
        });
    }
    for (const auto& obj : ordered) {
        auto row = rowFn(*obj, options);
        if (options.withNamespace) row.insert(row.begin(), obj->at("metadata.namespace") ? obj->at("metadata.namespace")->text() : "");
        if (options.showLabels) {
            // labels.FormatLabels: sorted key=value pairs.
            std::map<std::string, std::string> labels;
            if (const Value* l = obj->at("metadata.labels"); l && l->isMapping())
                for (const auto& f : l->fields()) labels[f.key] = f.val.text();
            std::string text;
            for (const auto& [k, v] : labels) text += (text.empty() ? "" : ",") + k + "=" + v;
            row.push_back(text.empty() ? "<none>" : text);
        }
        rows.push_back(std::move(row));
    }
    return tabulate(rows);
}

api::Value listOf(const std::vector<std::shared_ptr<const api::Value>>& objects) {
    api::Value doc = api::Value::mapping();
    doc.set("apiVersion", api::Value::plain("v1"));
    api::Value items = api::Value::sequence();
    for (const auto& o : objects) items.push(*o);
    doc.set("items", std::move(items));
    doc.set("kind", api::Value::plain("List"));
    api::Value meta = api::Value::mapping();
    meta.set("resourceVersion", api::Value::string(""));
    doc.set("metadata", std::move(meta));
    return doc;
}

std::vector<std::string> nodeRoles(const api::Node& node) {
    std::vector<std::string> roles;
    const std::string prefix = "node-role.kubernetes.io/";
    for (const auto& [k, v] : node.metadata.labels) {
        if (k.rfind(prefix, 0) == 0 && k.size() > prefix.size()) roles.push_back(k.substr(prefix.size()));
        else if (k == "kubernetes.io/role" && !v.empty()) roles.push_back(v);
    }
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    return roles;
}

}  // namespace ks::kubectl
