#include "core/store/merge_patch.h"

#include "core/store/object_meta.h"

namespace ks::store {

namespace {

// RFC 7386 section 2, MergePatch(Target, Patch), in place on target.
void mergeInto(api::Value& target, const api::Value& patch) {
    if (!patch.isMapping()) {
        target = patch;
        return;
    }
    if (!target.isMapping()) target = api::Value::mapping(patch.mark());
    for (const auto& f : patch.fields()) {
        if (isNullValue(f.val)) {
            target.remove(f.key);
            continue;
        }
        if (api::Value* existing = target.get(f.key)) {
            mergeInto(*existing, f.val);
        } else {
            // A new key still goes through MergePatch so that nulls nested inside it vanish
            // (MergePatch({}, {"a": {"b": null}}) is {"a": {}}).
            api::Value fresh;
            mergeInto(fresh, f.val);
            target.set(f.key, std::move(fresh), f.keyMark);
        }
    }
}

}  // namespace

api::Value applyMergePatch(const api::Value& target, const api::Value& patch) {
    api::Value result = target;
    mergeInto(result, patch);
    return result;
}

}  // namespace ks::store
