// The object a lesson step is about, as the lesson panel's inspector shows it: the first pod the
// step spotlights (pod-card:...), else the first node (node-card:...), else the object its try-it
// waits for, else kube-scheduler's Lease when the step points at it. Each section is the YAML of
// the fields the lesson talks about (labels, taints, tolerations (a namespace's: its
// annotations), resources, nodeSelector and affinity) and the whole object, read from the store,
// so it follows every change.
#pragma once

#include <QVariantMap>

#include "core/lesson/lesson.h"

namespace ks::store {
class ApiStore;
}

namespace ks::gui {

// The reference of the object step `step` is about ("" kind when none).
lesson::ObjectRef inspectedObjectOf(const lesson::Step& step);

// {title, kind, found, labels, taints, tolerations, resources, affinity, yaml}; each section is
// YAML text, "" when the object has no such field.
QVariantMap inspectObject(const store::ApiStore& store, const lesson::ObjectRef& ref);

}  // namespace ks::gui
