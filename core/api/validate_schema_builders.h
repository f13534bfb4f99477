// Private: shorthands for writing the field schemas (validate_schema_*.cpp).
#pragma once

#include "core/api/validate_schema.h"

namespace ks::api::validation::schema {

using T = FieldType;

inline FieldSpec str(const char* n) { return {n, T::String}; }
inline FieldSpec i32(const char* n) { return {n, T::Int32}; }
inline FieldSpec i64(const char* n) { return {n, T::Int64}; }
inline FieldSpec boolean(const char* n) { return {n, T::Bool}; }
inline FieldSpec obj(const char* n, const char* go) { return {n, T::Object, nullptr, go}; }
inline FieldSpec objs(const char* n, const char* go) { return {n, T::ObjectList, nullptr, go}; }
inline FieldSpec sub(const char* n, StructSpecFn f) { return {n, T::Struct, f}; }
inline FieldSpec subs(const char* n, StructSpecFn f) { return {n, T::StructList, f}; }
inline FieldSpec of(const char* n, FieldType t) { return {n, t}; }

// Schemas shared between the files.
const StructSpec& objectMeta();
const StructSpec& labelSelector();
const StructSpec& nodeSelector();
const StructSpec& nodeSelectorTerm();
const StructSpec& hostPathVolumeSource();
const StructSpec& podTemplateSpec();
const StructSpec& pod();
const StructSpec& node();

}  // namespace ks::api::validation::schema
