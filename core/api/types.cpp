// Behaviour that belongs to the typed views themselves.
// Toleration::tolerates mirrors k8s.io/api/core/v1/toleration.go ToleratesTaint (v1.31, plus the
// numeric operators of later releases).
#include "core/api/types.h"

#include <charconv>

namespace ks::api {

bool Toleration::tolerates(const Taint& taint) const {
    if (!effect.empty() && effect != taint.effect) return false;
    if (!key.empty() && key != taint.key) return false;
    // An empty operator means Equal; an unknown operator tolerates nothing.
    if (op.empty() || op == "Equal") return value == taint.value;
    if (op == "Exists") return true;
    // NOTE: Lt and Gt compare decimal integers as upstream does with the
    // TaintTolerationComparisonOperators feature (alpha in v1.35) enabled: Lt tolerates taints whose
    // value is below the toleration's, Gt those above it.
    if (op == "Lt" || op == "Gt") {
        auto parse = [](const std::string& s, std::int64_t& out) {
            std::size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
            if (i == s.size() || (s[i] == '0' && s.size() > i + 1) || s == "-0") return false;
            for (std::size_t j = i; j < s.size(); ++j)
                if (s[j] < '0' || s[j] > '9') return false;
            auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
            return ec == std::errc() && ptr == s.data() + s.size();
        };
        std::int64_t tolerationValue = 0, taintValue = 0;
        if (!parse(value, tolerationValue) || !parse(taint.value, taintValue)) return false;
        return op == "Lt" ? taintValue < tolerationValue : taintValue > tolerationValue;
    }
    return false;
}

}  // namespace ks::api
