// Reading conditions: the `expect` items of steps, the `until` of try-its and runUntil actions.
#include <array>

#include "core/lesson/lesson_reader.h"

namespace ks::lesson::detail {

namespace {

constexpr std::array<std::string_view, 8> kConditionKinds = {"podBound", "podPending", "field", "event",
                                                                     "absent",   "exists",     "leader", "cycle"};

std::optional<ObjectRef> objectRef(Reader& r, const Value& v, const std::string& path) {
    auto text = r.scalarString(v, path);
    if (!text) return std::nullopt;
    ObjectRef ref;
    std::string error;
    if (!parseObjectRef(*text, ref, error)) {
        r.error(v.mark(), path, error);
        return std::nullopt;
    }
    return ref;
}

std::optional<ObjectRef> podRef(Reader& r, const Value& map, const std::string& path) {
    const Value* v = r.field(map, "pod", path, true);
    if (!v) return std::nullopt;
    auto text = r.scalarString(*v, child(path, "pod"));
    if (!text) return std::nullopt;
    ObjectRef ref;
    std::string error;
    if (!parsePodRef(*text, ref, error)) {
        r.error(v->mark(), child(path, "pod"), error + " (write NAME or NAMESPACE/NAME)");
        return std::nullopt;
    }
    return ref;
}

}  // namespace

bool parseFieldPath(std::string_view text, std::vector<PathSegment>& out, std::string& error) {
    out.clear();
    std::size_t i = 0;
    bool expectKey = true;
    while (i < text.size()) {
        char c = text[i];
        if (c == '[') {
            std::size_t close = text.find(']', i);
            if (close == std::string_view::npos) {
                error = "unclosed [ in field path";
                return false;
            }
            std::string_view inner = text.substr(i + 1, close - i - 1);
            if (inner.size() >= 2 && (inner.front() == '\'' || inner.front() == '"') && inner.back() == inner.front()) {
                out.push_back({std::string(inner.substr(1, inner.size() - 2)), std::nullopt});
            } else if (!inner.empty() && inner.find_first_not_of("0123456789") == std::string_view::npos) {
                out.push_back({{}, static_cast<std::size_t>(std::stoul(std::string(inner)))});
            } else {
                error = "expected [N] or ['key'] in field path, got [" + std::string(inner) + "]";
                return false;
            }
            i = close + 1;
            expectKey = false;
            continue;
        }
        if (c == '.') {
            if (expectKey) {
                error = "empty segment in field path";
                return false;
            }
            ++i;
            expectKey = true;
            continue;
        }
        if (!expectKey) {
            error = "expected . or [ after ] in field path";
            return false;
        }
        std::size_t end = text.find_first_of(".[", i);
        if (end == std::string_view::npos) end = text.size();
        out.push_back({std::string(text.substr(i, end - i)), std::nullopt});
        i = end;
        expectKey = false;
    }
    if (out.empty() || expectKey) {
        error = out.empty() ? "empty field path" : "field path ends with .";
        return false;
    }
    return true;
}

std::optional<Condition> readCondition(Reader& r, const Value& v, const std::string& path) {
    if (!r.isMapping(v, path)) return std::nullopt;
    if (v.fields().size() != 1) {
        std::string kinds;
        for (auto k : kConditionKinds) kinds += (kinds.empty() ? "" : ", ") + std::string(k);
        r.error(v.mark(), path, "a condition has exactly one of: " + kinds);
        return std::nullopt;
    }
    r.onlyFields(v, path, {"podBound", "podPending", "field", "event", "absent", "exists", "leader", "cycle"});
    const auto& f = v.fields().front();
    const Value& body = f.val;
    std::string p = child(path, f.key);
    Condition c;
    c.mark = v.mark();
    c.path = path;
    int before = static_cast<int>(r.diagnostics().size());

    if (f.key == "podBound") {
        c.kind = Condition::Kind::PodBound;
        if (!r.isMapping(body, p)) return std::nullopt;
        r.onlyFields(body, p, {"pod", "node", "nodeIn"});
        if (auto ref = podRef(r, body, p)) c.object = *ref;
        if (auto node = r.string(body, "node", p, false)) c.node = *node;
        c.nodeIn = r.stringList(body, "nodeIn", p, false);
        if (!c.node.empty() && !c.nodeIn.empty()) r.error(body.mark(), p, "give node or nodeIn, not both");
    } else if (f.key == "podPending") {
        c.kind = Condition::Kind::PodPending;
        if (!r.isMapping(body, p)) return std::nullopt;
        r.onlyFields(body, p, {"pod", "message"});
        if (auto ref = podRef(r, body, p)) c.object = *ref;
        if (auto m = r.string(body, "message", p, false)) c.message = *m;
    } else if (f.key == "field") {
        c.kind = Condition::Kind::Field;
        if (!r.isMapping(body, p)) return std::nullopt;
        r.onlyFields(body, p, {"object", "path", "equals", "contains", "absent"});
        if (const Value* o = r.field(body, "object", p, true))
            if (auto ref = objectRef(r, *o, child(p, "object"))) c.object = *ref;
        if (auto fp = r.string(body, "path", p, true)) {
            std::vector<PathSegment> segments;
            std::string error;
            if (!parseFieldPath(*fp, segments, error)) r.error(body.get("path")->mark(), child(p, "path"), error);
            c.fieldPath = *fp;
        }
        if (const Value* eq = body.get("equals")) c.equals = *eq;  // null is a legal expected value
        if (auto s = r.string(body, "contains", p, false)) c.contains = *s;
        if (auto a = r.boolean(body, "absent", p)) c.fieldAbsent = *a;
        int given = (c.equals ? 1 : 0) + (body.get("contains") ? 1 : 0) + (c.fieldAbsent ? 1 : 0);
        if (given != 1) r.error(body.mark(), p, "give exactly one of equals, contains, absent: true");
    } else if (f.key == "event") {
        c.kind = Condition::Kind::Event;
        if (!r.isMapping(body, p)) return std::nullopt;
        r.onlyFields(body, p, {"object", "reason", "type", "message"});
        if (const Value* o = r.field(body, "object", p, false))
            if (auto ref = objectRef(r, *o, child(p, "object"))) c.object = *ref;
        if (auto s = r.string(body, "reason", p, true)) c.reason = *s;
        if (auto s = r.string(body, "type", p, false)) {
            c.eventType = *s;
            if (c.eventType != "Normal" && c.eventType != "Warning")
                r.error(body.get("type")->mark(), child(p, "type"), "Unsupported value: \"" + c.eventType +
                                                                         "\": supported values: \"Normal\", \"Warning\"");
        }
        if (auto s = r.string(body, "message", p, false)) c.message = *s;
    } else if (f.key == "absent" || f.key == "exists") {
        c.kind = f.key == "absent" ? Condition::Kind::Absent : Condition::Kind::Exists;
        if (auto ref = objectRef(r, body, p)) c.object = *ref;
    } else if (f.key == "leader") {
        c.kind = Condition::Kind::Leader;
        if (body.isScalar()) {
            c.leader = body.text();
        } else if (r.isMapping(body, p)) {
            r.onlyFields(body, p, {"not"});
            if (auto s = r.string(body, "not", p, true)) c.notLeader = *s;
        }
    } else if (f.key == "cycle") {
        c.kind = Condition::Kind::Cycle;
        if (!r.isMapping(body, p)) return std::nullopt;
        r.onlyFields(body, p, {"pod", "attempt", "selected", "nominated", "preempted", "rejectedBy", "message"});
        if (auto ref = podRef(r, body, p)) c.object = *ref;
        if (auto n = r.integer(body, "attempt", p, false, 1, 1000)) c.attempt = static_cast<int>(*n);
        if (auto s = r.string(body, "selected", p, false)) c.selected = *s;
        if (auto s = r.string(body, "nominated", p, false)) c.nominated = *s;
        if (auto s = r.string(body, "message", p, false)) c.message = *s;
        c.preempted = r.stringList(body, "preempted", p, false);
        for (auto& victim : c.preempted)
            if (victim.find('/') == std::string::npos) victim = "default/" + victim;
        if (const Value* rej = r.field(body, "rejectedBy", p, false); rej && r.isMapping(*rej, child(p, "rejectedBy")))
            for (const auto& entry : rej->fields())
                if (auto plugin = r.scalarString(entry.val, child(child(p, "rejectedBy"), entry.key)))
                    c.rejectedBy[entry.key] = *plugin;
    } else {
        return std::nullopt;  // reported by onlyFields
    }
    if (static_cast<int>(r.diagnostics().size()) != before) return std::nullopt;
    return c;
}

std::vector<Condition> readConditions(Reader& r, const Value& v, const std::string& path) {
    std::vector<Condition> out;
    if (v.isMapping()) {  // a single condition
        if (auto c = readCondition(r, v, path)) out.push_back(*c);
        return out;
    }
    if (!r.isSequence(v, path)) return out;
    for (std::size_t i = 0; i < v.items().size(); ++i)
        if (auto c = readCondition(r, v.items()[i], index(path, i))) out.push_back(*c);
    return out;
}

}  // namespace ks::lesson::detail
