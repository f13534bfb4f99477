#include "core/store/object_meta.h"

#include "core/store/status.h"

namespace ks::store {

bool isNullValue(const Value& v) {
    return v.isNull() || (v.isScalar() && v.scalarType() == Value::ScalarType::Null);
}

std::string metaString(const Value& object, std::string_view field) {
    const Value* meta = object.get("metadata");
    if (!meta) return {};
    const Value* v = meta->get(field);
    if (!v || !v->isScalar() || isNullValue(*v)) return {};
    return v->text();
}

void setMetaString(Value& object, std::string field, const std::string& value) {
    object.child("metadata").set(std::move(field), Value::string(value));
}

std::optional<std::int64_t> metaInt(const Value& object, std::string_view field) {
    const Value* meta = object.get("metadata");
    if (!meta) return std::nullopt;
    const Value* v = meta->get(field);
    if (!v) return std::nullopt;
    if (auto i = v->toInt()) return i;
    // A quoted number ("5") is accepted the way the registry's int64 fields are not; keep it
    // readable rather than dropping it.
    if (v->isString()) {
        try {
            std::size_t used = 0;
            long long n = std::stoll(v->text(), &used);
            if (used == v->text().size()) return n;
        } catch (...) {
        }
    }
    return std::nullopt;
}

void setMetaInt(Value& object, std::string field, std::int64_t value) {
    object.child("metadata").set(std::move(field), Value::integer(value));
}

void removeMeta(Value& object, std::string_view field) {
    if (Value* meta = object.get("metadata")) meta->remove(field);
}

std::vector<std::string> finalizersOf(const Value& object) {
    std::vector<std::string> out;
    const Value* f = object.at("metadata.finalizers");
    if (!f || !f->isSequence()) return out;
    for (const auto& item : f->items())
        if (item.isScalar() && !isNullValue(item)) out.push_back(item.text());
    return out;
}

api::Labels labelsOf(const Value& object) {
    api::Labels out;
    const Value* l = object.at("metadata.labels");
    if (!l || !l->isMapping()) return out;
    for (const auto& f : l->fields())
        out[f.key] = f.val.isScalar() && !isNullValue(f.val) ? f.val.text() : std::string();
    return out;
}

std::string stringAt(const Value& object, std::string_view path, std::string_view fallback) {
    const Value* v = object.at(path);
    if (!v || !v->isScalar() || isNullValue(*v)) return std::string(fallback);
    return v->text();
}

Value withoutMetadata(const Value& object, bool dropStatus) {
    Value copy = Value::mapping();
    if (!object.isMapping()) return object;
    for (const auto& f : object.fields()) {
        if (f.key == "metadata") continue;
        if (dropStatus && f.key == "status") continue;
        copy.set(f.key, f.val, f.keyMark);
    }
    return copy;
}

std::string goStringSlice(const std::vector<std::string>& items) {
    std::string out = "[]string{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += goQuote(items[i]);
    }
    out += "}";
    return out;
}

}  // namespace ks::store
