// Private helpers shared by the validate_*.cpp files; not part of the public API.
//
// FieldPath prints paths as upstream's k8s.io/apimachinery/pkg/util/validation/field.Path does
// ("spec.containers[0].name", "spec.containers[0].resources.limits[cpu]"), and Context turns
// upstream's field.ErrorList constructors (Required, Invalid, NotSupported, Duplicate, Forbidden,
// TooLong, NotFound) into Diagnostics worded as field/errors.go words them (v0.31).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/diagnostic.h"
#include "core/api/labels.h"
#include "core/api/quantity.h"
#include "core/api/value.h"

namespace ks::api::validation {

// field.Path: Child adds ".name", Index adds "[i]", Key adds "[key]".
class FieldPath {
public:
    FieldPath() = default;
    explicit FieldPath(std::string root) : m_path(std::move(root)) {}
    FieldPath child(std::string_view name) const;
    FieldPath index(std::size_t i) const;
    FieldPath key(std::string_view key) const;
    const std::string& str() const { return m_path; }

private:
    std::string m_path;
};

// Go's %q for a string (strconv.Quote), used wherever upstream prints a bad string value.
std::string goQuote(std::string_view s);
// Go's %#v for a map[string]string: map[string]string{"a":"b", "c":"d"}; nil prints as (nil).
std::string goStringMap(const std::map<std::string, std::string>& m, bool isNil);

class Context {
public:
    Context(const std::string& file, Diagnostics& out) : m_file(file), m_out(out) {}

    // The raw entry points.
    void error(Mark mark, const FieldPath& path, std::string message);
    void errorNoPath(Mark mark, std::string message);
    // Not an upstream error, but worth telling a learner (printed as "warning: ...").
    void warning(Mark mark, const FieldPath& path, std::string message);

    // field.Required(path, detail): "Required value[: detail]".
    void required(Mark mark, const FieldPath& path, std::string_view detail = {});
    // field.Invalid with the bad value already rendered as upstream renders it
    // (goQuote(s) for strings, plain digits for integers).
    void invalid(Mark mark, const FieldPath& path, std::string_view renderedValue, std::string_view detail);
    void invalidString(Mark mark, const FieldPath& path, std::string_view value, std::string_view detail) {
        invalid(mark, path, goQuote(value), detail);
    }
    void invalidInt(Mark mark, const FieldPath& path, std::int64_t value, std::string_view detail) {
        invalid(mark, path, std::to_string(value), detail);
    }
    // field.NotSupported: "Unsupported value: "x": supported values: "a", "b"".
    void notSupported(Mark mark, const FieldPath& path, std::string_view renderedValue,
                      const std::vector<std::string>& supported);
    void notSupportedString(Mark mark, const FieldPath& path, std::string_view value,
                            const std::vector<std::string>& supported) {
        notSupported(mark, path, goQuote(value), supported);
    }
    // field.Duplicate: "Duplicate value: "x"[: detail]".
    void duplicate(Mark mark, const FieldPath& path, std::string_view renderedValue, std::string_view detail = {});
    // field.Forbidden: "Forbidden: detail".
    void forbidden(Mark mark, const FieldPath& path, std::string_view detail);
    // field.TooLong: "Too long: must have at most N bytes".
    void tooLong(Mark mark, const FieldPath& path, std::int64_t maxLength);
    // field.NotFound: "Not found: "x"[: detail]".
    void notFound(Mark mark, const FieldPath& path, std::string_view renderedValue, std::string_view detail = {});

    const std::string& file() const { return m_file; }
    std::size_t count() const { return m_out.size(); }

private:
    const std::string& m_file;
    Diagnostics& m_out;
};

// ---- reading Values that may be malformed (type errors are reported by the schema pass) ----

// A list item that cannot decode into a struct (the schema pass reports it): validators skip it,
// as upstream never gets to validate an object that does not decode.
inline bool notAnObject(const Value& v) { return v.isScalar() || v.isSequence(); }
// A node that is there but has the wrong shape for a list or a struct: not "missing".
inline bool mistyped(const Value* v, bool wantSequence) {
    return v && !v->isNull() && (wantSequence ? !v->isSequence() : !v->isMapping());
}

// Field of a mapping; nullptr when v is null, not a mapping, or the key is absent.
const Value* get(const Value* v, std::string_view key);
// True when the node exists and is not null.
bool present(const Value* v);
// Text of a scalar (as written); empty for null, absent or collections.
std::string text(const Value* v);
// Integer value of an int scalar, or of a float scalar with an integral value (as JSON decoding
// of YAML floats such as 3.0 gives); nullopt otherwise.
std::optional<std::int64_t> intValue(const Value* v);
std::optional<bool> boolValue(const Value* v);
// Items of a sequence; empty for anything else.
const std::vector<Value>& items(const Value* v);
// Fields of a mapping; empty for anything else.
const std::vector<Value::Field>& fields(const Value* v);
// The node's mark, or fallback when the node is absent or was built in code.
Mark markOr(const Value* v, Mark fallback);
// Parses a quantity node as upstream's Quantity.UnmarshalJSON does (plain numbers too).
std::optional<Quantity> quantityValue(const Value* v, std::string* error = nullptr);
// String map (labels, annotations, nodeSelector) as written; non-string values use their text.
std::map<std::string, std::string> stringMap(const Value* v);

// ---- upstream validators shared by several kinds ----

enum class NameRule { DNSSubdomain, DNSLabel, DNS1035Label, PathSegment };

// apimachinery NameIsDNSSubdomain & co. with prefix masking of generateName.
std::vector<std::string> validateName(NameRule rule, const std::string& name, bool prefix);
std::vector<std::string> isDNS1035Label(const std::string& value);
std::vector<std::string> isValidPortName(const std::string& port);
std::vector<std::string> isValidPercent(const std::string& percent);
std::vector<std::string> isEnvVarName(const std::string& value);
std::vector<std::string> isConfigMapKey(const std::string& value);
std::vector<std::string> isValidCIDR(const std::string& value);
std::string inclusiveRangeError(std::int64_t lo, std::int64_t hi);

// Validates ObjectMeta as apimachinery's ValidateObjectMeta does (name, generateName, namespace,
// generation, labels, annotations, ownerReferences, finalizers). objectMark anchors "Required"
// errors for a missing metadata block.
void validateObjectMeta(Context& ctx, const Value& object, bool namespaced, NameRule rule);
// metav1 validation: ValidateLabels, ValidateLabelName, ValidateAnnotations, ValidateLabelSelector.
void validateLabels(Context& ctx, const Value* labels, const FieldPath& path);
void validateLabelName(Context& ctx, Mark mark, const std::string& key, const FieldPath& path);
void validateAnnotations(Context& ctx, const Value* annotations, const FieldPath& path);
void validateLabelSelector(Context& ctx, const Value* selector, const FieldPath& path, bool allowInvalidValues = false);
// Non-negative int field (ValidateNonnegativeField).
void validateNonnegative(Context& ctx, const Value* v, const FieldPath& path);
// Decodes a label selector for matching (nullopt when absent or not a mapping).
std::optional<LabelSelector> selectorOf(const Value* v);

// IntOrString helpers (intstr) used by workloads and PodDisruptionBudget.
void validatePositiveIntOrPercent(Context& ctx, const Value* v, const FieldPath& path);
void validateNotMoreThan100Percent(Context& ctx, const Value* v, const FieldPath& path);
int intOrPercentValue(const Value* v);
std::string renderIntOrString(const Value* v);

// Validates a pod spec (ValidatePodSpec); isPod adds the pod-only checks.
struct PodSpecOptions {
    bool isPod = false;
    // StatefulSet volumeClaimTemplates: volumes that mounts may name besides spec.volumes.
    std::vector<std::string> claimTemplateVolumes;
};
void validatePodSpec(Context& ctx, const Value* spec, const FieldPath& path, Mark anchor, const PodSpecOptions& options);
// ValidatePodTemplateSpec: labels, annotations and the pod spec of a template.
void validatePodTemplateSpec(Context& ctx, const Value* tmpl, const FieldPath& path, Mark anchor,
                             const PodSpecOptions& options = {});

// Scheduling vocabulary (validate_scheduling.cpp).
void validateAffinity(Context& ctx, const Value* affinity, const FieldPath& path);
void validateTolerations(Context& ctx, const Value* tolerations, const FieldPath& path);
void validateTopologySpreadConstraints(Context& ctx, const Value* constraints, const FieldPath& path);
void validateNodeSelector(Context& ctx, const Value* selector, const FieldPath& path, Mark anchor,
                          bool allowInvalidLabelValue);
void validateNodeSelectorTerm(Context& ctx, const Value* term, const FieldPath& path, bool allowInvalidLabelValue);
void validateTaintEffect(Context& ctx, const Value* effect, const FieldPath& path, Mark anchor, bool allowEmpty);

// Resources (validate_resources.cpp).
enum class ResourceNameRule { Container, Pod };
void validateResourceRequirements(Context& ctx, const Value* requirements, const FieldPath& path);
void validateOverhead(Context& ctx, const Value* overhead, const FieldPath& path);
void validateResourceQuantityValue(Context& ctx, const std::string& resource, const Value* q, const FieldPath& path);
bool isStandardResourceName(const std::string& name);
bool isExtendedResourceName(const std::string& name);
bool isNativeResource(const std::string& name);
bool isHugePageResourceName(const std::string& name);

// Per-kind validators, dispatched by validateObject (validate.cpp).
void validatePod(Context& ctx, const Value& object);
void validateNode(Context& ctx, const Value& object);
void validatePersistentVolume(Context& ctx, const Value& object);
void validatePersistentVolumeClaim(Context& ctx, const Value& object);
void validateStorageClass(Context& ctx, const Value& object);
void validateCSIDriver(Context& ctx, const Value& object);
void validateDeployment(Context& ctx, const Value& object);
void validateReplicaSet(Context& ctx, const Value& object);
void validateDaemonSet(Context& ctx, const Value& object);
void validateStatefulSet(Context& ctx, const Value& object);
void validateJob(Context& ctx, const Value& object);
void validateCronJob(Context& ctx, const Value& object);
void validatePriorityClass(Context& ctx, const Value& object);
void validateNamespace(Context& ctx, const Value& object);
void validatePodDisruptionBudget(Context& ctx, const Value& object);
void validateLease(Context& ctx, const Value& object);
void validateConfigMap(Context& ctx, const Value& object);
void validateSecret(Context& ctx, const Value& object);
void validateService(Context& ctx, const Value& object);
void validateResourceQuota(Context& ctx, const Value& object);
// Objects with no kind-specific rules: ObjectMeta with the path-segment name rule, as the
// generic registry's BeforeCreate does for every kind.
void validateGenericObject(Context& ctx, const Value& object, bool namespaced);

// Volumes (validate_volumes.cpp). validateVolumes returns the volumes without errors, by name,
// with whether each is a claim (persistentVolumeClaim or ephemeral), as upstream's map.
std::map<std::string, bool> validateVolumes(Context& ctx, const Value* volumes, const FieldPath& path);
void validateLocalNonReservedPath(Context& ctx, Mark mark, const std::string& target, const FieldPath& path);
void validatePathNoBacksteps(Context& ctx, Mark mark, const std::string& target, const FieldPath& path);
void validateHostPathSource(Context& ctx, const Value* source, const FieldPath& path);
void validateNFSSource(Context& ctx, const Value* source, const FieldPath& path);
void validateCSIDriverName(Context& ctx, const Value* driver, const FieldPath& path, Mark anchor);

// PersistentVolumeClaimSpec, shared by claims, claim templates and ephemeral volumes.
void validatePersistentVolumeClaimSpec(Context& ctx, const Value* spec, const FieldPath& path, Mark anchor);

// Cron schedule syntax as github.com/robfig/cron/v3 ParseStandard checks it; empty when valid.
std::string cronScheduleError(const std::string& schedule);

// Field-level type and unknown-field checks (validate_schema.cpp): the strict decoding step
// that runs before validation upstream.
void checkSchema(Context& ctx, const Value& object, const std::string& group, const std::string& kind);

}  // namespace ks::api::validation
