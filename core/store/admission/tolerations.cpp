#include "core/store/admission/tolerations.h"

namespace ks::store::admission::tolerations {

bool isSuperset(const Toleration& ss, const Toleration& t) {
    if (t.sameAs(ss)) return true;
    // An empty key with the Exists operator matches every key and value.
    if (t.key != ss.key && (!ss.key.empty() || ss.op != "Exists")) return false;
    // An empty effect matches every effect.
    if (t.effect != ss.effect && !ss.effect.empty()) return false;
    // A NoExecute toleration with a time limit does not cover a longer (or unlimited) one.
    if (ss.effect == "NoExecute" && ss.tolerationSeconds) {
        if (!t.tolerationSeconds || *t.tolerationSeconds > *ss.tolerationSeconds) return false;
    }
    if (ss.op == "Equal" || ss.op.empty()) return t.op == "Equal" && t.value == ss.value;
    if (ss.op == "Exists") return true;
    return false;  // upstream logs "Unknown toleration operator"
}

std::vector<Toleration> merge(const std::vector<Toleration>& first, const std::vector<Toleration>& second) {
    std::vector<const Toleration*> all;
    for (const auto& t : first) all.push_back(&t);
    for (const auto& t : second) all.push_back(&t);
    std::vector<Toleration> merged;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Toleration& t = *all[i];
        bool redundant = false;
        for (const auto& kept : merged)
            if (isSuperset(kept, t)) redundant = true;
        // A later toleration that strictly covers this one replaces it; of two equal ones the
        // first stays.
        for (std::size_t j = i + 1; !redundant && j < all.size(); ++j)
            if (!t.sameAs(*all[j]) && isSuperset(*all[j], t)) redundant = true;
        if (!redundant) merged.push_back(t);
    }
    return merged;
}

bool verifyAgainstWhitelist(const std::vector<Toleration>& list, const std::vector<Toleration>& whitelist) {
    if (whitelist.empty() || list.empty()) return true;
    for (const auto& t : list) {
        bool covered = false;
        for (const auto& w : whitelist)
            if (isSuperset(w, t)) covered = true;
        if (!covered) return false;
    }
    return true;
}

Toleration fromValue(const api::Value& v) {
    Toleration t;
    t.key = v.str("key");
    t.op = v.str("operator");
    t.value = v.str("value");
    t.effect = v.str("effect");
    if (const api::Value* s = v.get("tolerationSeconds")) t.tolerationSeconds = s->toInt();
    t.source = v;
    return t;
}

api::Value toValue(const Toleration& t) {
    if (t.source) return *t.source;
    api::Value v = api::Value::mapping();
    if (!t.key.empty()) v.set("key", api::Value::string(t.key));
    if (!t.op.empty()) v.set("operator", api::Value::string(t.op));
    if (!t.value.empty()) v.set("value", api::Value::string(t.value));
    if (!t.effect.empty()) v.set("effect", api::Value::string(t.effect));
    if (t.tolerationSeconds) v.set("tolerationSeconds", api::Value::integer(*t.tolerationSeconds));
    return v;
}

}  // namespace ks::store::admission::tolerations
