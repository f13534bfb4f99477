// Tables as `kubectl get` prints them (k8s.io/kubernetes pkg/printers/internalversion/printers.go,
// v1.31): the same columns per kind, `-o wide` extras, the NAMESPACE column with -A, and
// tabwriter layout (columns padded to their widest cell plus three spaces).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/api/types.h"
#include "core/api/value.h"

namespace ks::kubectl {

struct TableOptions {
    bool wide = false;
    bool withNamespace = false;  // -A
    bool showLabels = false;     // --show-labels: a LABELS column last ("a=b,c=d" or <none>)
    api::Time now = 0;           // for the AGE column
};

// Rows for objects of one kind (all objects must share the kind). Unknown kinds get NAME, AGE.
std::string printTable(const std::vector<std::shared_ptr<const api::Value>>& objects, const TableOptions& options);

// `kind: List` with the objects as items, as `kubectl get -o yaml|json` prints several objects.
api::Value listOf(const std::vector<std::shared_ptr<const api::Value>>& objects);

// A node's roles, sorted and unique: the suffixes of node-role.kubernetes.io/<role> labels and the
// value of kubernetes.io/role (the ROLES column and describe's Roles:).
std::vector<std::string> nodeRoles(const api::Node& node);

// Go's duration.HumanDuration as kubectl prints ages: "0s", "59s", "5m10s", "3h", "2d5h", "12y".
std::string humanDuration(api::Time milliseconds);

// Lays out rows like Go's text/tabwriter with padding 3 (the first row is the header).
std::string tabulate(const std::vector<std::vector<std::string>>& rows);

}  // namespace ks::kubectl
