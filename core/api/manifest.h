// Loading manifests: files -> objects, with every diagnostic at FILE:LINE:COL.
// Handles multi-document YAML, JSON, concatenated JSON, `kind: List` (YAML or JSON), and
// reports objects of kinds that are not simulated without rejecting them.
#pragma once

#include <string>
#include <vector>

#include "core/api/diagnostic.h"
#include "core/api/value.h"

namespace ks::api {

// What a loaded document is. Configuration files are accepted beside API objects so that one
// scenario folder can hold manifests, a KubeSchedulerConfiguration and CNI network configs.
enum class DocumentType {
    ApiObject,        // an object with apiVersion and kind (built-in or CRD)
    SchedulerConfig,  // kubescheduler.config.k8s.io KubeSchedulerConfiguration (kube-scheduler --config)
    CniConfig,        // CNI network configuration (.conf/.conflist JSON: cniVersion, type or plugins)
};

struct LoadedObject {
    Value object;       // as written (not defaulted)
    std::string file;   // where it came from
    bool simulated = true;
    DocumentType type = DocumentType::ApiObject;
};

struct LoadResult {
    std::vector<LoadedObject> objects;
    Diagnostics diagnostics;  // errors and warnings, in file order
    bool ok() const { return !hasErrors(diagnostics); }
};

struct LoadOptions {
    bool validate = true;  // run defaulting (on a copy) and field validation
};

LoadResult loadManifestText(const std::string& text, const std::string& file, const LoadOptions& options = {});
LoadResult loadManifestFiles(const std::vector<std::string>& files, const LoadOptions& options = {});

}  // namespace ks::api
