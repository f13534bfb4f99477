// Private: the field schemas of the modelled kinds, used to report what upstream's strict JSON
// decoding reports before validation runs (wrong YAML types, unknown fields). Field lists follow
// k8s.io/api (v1.31, plus the few fields later releases added, so that newer manifests pass).
#pragma once

#include <string_view>
#include <vector>

namespace ks::api::validation {

enum class FieldType {
    String,
    Int32,
    Int64,
    Bool,
    Float64,
    Quantity,     // resource.Quantity: string or number
    IntOrString,  // intstr.IntOrString
    Time,         // metav1.Time: RFC 3339
    MicroTime,    // metav1.MicroTime: RFC 3339 with microseconds
    StringMap,    // map[string]string
    Base64Map,    // map[string][]byte (Secret data)
    StringList,   // []string
    QuantityMap,  // v1.ResourceList
    Struct,       // a modelled struct
    StructList,   // []struct
    Object,       // a struct we do not model: must be a mapping, contents unchecked
    ObjectList,   // []struct we do not model
    Any,          // anything (RawExtension, JSON)
};

struct StructSpec;
using StructSpecFn = const StructSpec& (*)();

struct FieldSpec {
    const char* name;
    FieldType type;
    StructSpecFn sub = nullptr;    // Struct / StructList
    const char* goType = nullptr;  // Object / ObjectList: Go type for messages ("v1.Probe")
};

struct StructSpec {
    const char* goName;  // "PodSpec"
    const char* goPkg;   // "v1"
    bool strict;         // unknown fields are errors
    std::vector<FieldSpec> fields;
    const FieldSpec* find(std::string_view name) const;
};

// The top-level schema of a kind in a group, or nullptr when KubeStage does not model it.
const StructSpec* topLevelSchema(std::string_view group, std::string_view kind);

}  // namespace ks::api::validation
