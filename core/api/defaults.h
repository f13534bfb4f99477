// Defaulting as the API server applies it on create (k8s.io/kubernetes/pkg/apis/*/v1/defaults.go):
// schedulerName, restartPolicy, imagePullPolicy, toleration operator, protocol TCP,
// terminationGracePeriodSeconds, dnsPolicy, enableServiceLinks, preemptionPolicy, ...
#pragma once

#include "core/api/value.h"

namespace ks::api {

// Fills in defaults in place. Namespaced objects without metadata.namespace get "default".
void applyDefaults(Value& object);

}  // namespace ks::api
