// Helpers for the validation table tests: read YAML, default a copy, validate, and compare the
// formatted diagnostics (FILE:LINE:COL: path: message) with the expected ones, in order.
#pragma once

#include <QtTest>

#include <string>

#include "core/api/defaults.h"
#include "core/api/validate.h"
#include "core/api/yaml_reader.h"

namespace validation_test {

// Validates the first document of yaml as file "t.yaml" (defaulted first unless told not to).
inline QStringList validate(const std::string& yaml, bool defaults = true, bool withWarnings = true) {
    auto read = ks::api::readYaml(yaml, "t.yaml");
    if (!read.ok() || read.documents.empty()) return {"read failed"};
    ks::api::Value object = read.documents.front();
    if (defaults) ks::api::applyDefaults(object);
    ks::api::Diagnostics diags;
    ks::api::validateObject(object, "t.yaml", diags);
    QStringList out;
    for (const auto& d : diags)
        if (withWarnings || d.isError()) out << QString::fromStdString(d.format());
    return out;
}

// A pod whose spec lines follow; spec lines start at file line 6.
//   1 apiVersion: v1 / 2 kind: Pod / 3 metadata: / 4   name: web / 5 spec:
inline std::string pod(const std::string& specBody) {
    return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n" + specBody;
}

// A pod with one valid container (lines 6-8) followed by more spec lines from line 9.
inline std::string podWith(const std::string& moreSpec) {
    return pod("  containers:\n  - name: app\n    image: nginx:1.27\n" + moreSpec);
}

// Compares lists with a readable failure message.
inline void compare(const QStringList& actual, const QStringList& expected) {
    if (actual == expected) return;
    QString message = "\nactual:\n  " + actual.join("\n  ") + "\nexpected:\n  " + expected.join("\n  ");
    QFAIL(qPrintable(message));
}

}  // namespace validation_test
