// Decoding Values into the typed views of types.h.
// Decoding assumes a validated object: malformed fields decode to their zero values.
#pragma once

#include "core/api/types.h"
#include "core/api/value.h"

namespace ks::api {

ObjectMeta decodeMeta(const Value& object);
Pod decodePod(const Value& object);
Node decodeNode(const Value& object);
PriorityClass decodePriorityClass(const Value& object);
PodDisruptionBudget decodePodDisruptionBudget(const Value& object);
Namespace decodeNamespace(const Value& object);
PersistentVolume decodePersistentVolume(const Value& object);
PersistentVolumeClaim decodePersistentVolumeClaim(const Value& object);
StorageClass decodeStorageClass(const Value& object);
CSIDriver decodeCSIDriver(const Value& object);
Lease decodeLease(const Value& object);

// Pieces used by editors and the scheduler configuration too.
Taint decodeTaint(const Value& v);
Toleration decodeToleration(const Value& v);
LabelSelector decodeLabelSelector(const Value& v);
NodeSelectorTerm decodeNodeSelectorTerm(const Value& v);
ResourceList decodeResourceList(const Value& v);

// Time stamps: RFC 3339 text <-> virtual milliseconds since the simulation epoch
// (2026-01-01T00:00:00Z, see sim/clock.h).
std::optional<Time> parseTimestamp(const std::string& rfc3339);
std::string formatTimestamp(Time t);

}  // namespace ks::api
