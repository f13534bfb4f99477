#include "core/api/manifest.h"

#include <nlohmann/json.hpp>

#include "core/api/defaults.h"
#include "core/api/kinds.h"
#include "core/api/validate.h"
#include "core/api/writer.h"
#include "core/api/yaml_reader.h"

namespace ks::api {

namespace {

// Longest object text quoted in a "missing" message: a whole 5 MB document would drown the error.
constexpr std::size_t kMaxQuotedObject = 512;

// The object as compact JSON with sorted keys, as Go's encoding/json prints an unstructured map
// in apimachinery's "Object 'Kind' is missing in '...'" errors.
std::string quoteObject(const Value& v) {
    auto sorted = nlohmann::json::parse(toJson(v, -1), nullptr, /*allow_exceptions=*/false);
    std::string text = sorted.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (text.size() > kMaxQuotedObject) {
        text.resize(kMaxQuotedObject);
        text += "...";
    }
    return text;
}

const char* kindWord(const Value& v) {
    switch (v.kind()) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Scalar: return v.scalarType() == Value::ScalarType::String ? "string" : "number or bool";
    case Value::Kind::Sequence: return "array";
    case Value::Kind::Mapping: return "object";
    }
    return "value";
}

class Loader {
public:
    Loader(const std::string& file, const LoadOptions& options, LoadResult& out)
        : m_file(file), m_options(options), m_out(out) {}

    // Documents are moved into the result: a 50 MB stream is not held twice.
    void load(Value&& doc) { loadDocument(std::move(doc), /*inList=*/false, /*listItemKind=*/nullptr, {}); }

private:
    void error(Mark m, std::string path, std::string message) {
        m_out.diagnostics.push_back(
            Diagnostic{Diagnostic::Severity::Error, m_file, m, std::move(path), std::move(message)});
    }
    void warning(Mark m, std::string path, std::string message) {
        m_out.diagnostics.push_back(
            Diagnostic{Diagnostic::Severity::Warning, m_file, m, std::move(path), std::move(message)});
    }

    static const std::string* scalarText(const Value* v) {
        return v && v->isScalar() && !v->text().empty() ? &v->text() : nullptr;
    }

    // CNI network configurations have neither apiVersion nor kind; they are recognised by the
    // fields libcni reads first (cniVersion, type for a .conf, plugins for a .conflist).
    static bool isCniConfig(const Value& doc) {
        if (doc.get("apiVersion") || doc.get("kind")) return false;
        return doc.get("cniVersion") || doc.get("type") || doc.get("plugins");
    }

    void loadDocument(Value&& doc, bool inList, const KindInfo* listItemKind, const std::string& listApiVersion) {
        if (!doc.isMapping()) {
            // encoding/json's message when a document is not an object, with what the user wrote.
            error(doc.mark(), {}, std::string("cannot unmarshal ") + kindWord(doc) +
                                      " into an object: each document must be a mapping with apiVersion and kind");
            return;
        }
        if (!inList && isCniConfig(doc)) {
            m_out.objects.push_back(LoadedObject{std::move(doc), m_file, true, DocumentType::CniConfig});
            return;
        }
        // Items of a typed list (PodList) may leave out apiVersion and kind: they are the list's.
        if (listItemKind && (!doc.get("kind") || !doc.get("apiVersion"))) {
            Mark m = doc.mark();
            if (!doc.get("apiVersion")) doc.set("apiVersion", Value::string(listApiVersion, m));
            if (!doc.get("kind")) doc.set("kind", Value::string(listItemKind->kind, m));
            loadDocument(std::move(doc), true, nullptr, {});
            return;
        }

        const std::string* kind = scalarText(doc.get("kind"));
        if (!kind) {
            error(doc.mark(), {}, "Object 'Kind' is missing in '" + quoteObject(doc) + "'");
            return;
        }
        const std::string* apiVersion = scalarText(doc.get("apiVersion"));
        if (!apiVersion) {
            error(doc.mark(), {}, "Object 'apiVersion' is missing in '" + quoteObject(doc) + "'");
            return;
        }
        if (isList(doc, *kind)) {
            std::string listKind = *kind, listApiVersion = *apiVersion;
            loadList(std::move(doc), listKind, listApiVersion);
            return;
        }

        VersionVerdict verdict = checkApiVersion(*apiVersion, *kind);
        Mark versionMark = doc.get("apiVersion")->mark();
        LoadedObject loaded{Value(), m_file, false, DocumentType::ApiObject};
        bool validate = m_options.validate;
        switch (verdict.check) {
        case VersionCheck::Served:
            loaded.simulated = verdict.info->simulated;
            if (verdict.info->configOnly) loaded.type = DocumentType::SchedulerConfig;
            break;
        case VersionCheck::Removed:
            // The old schema differs from the current one (extensions/v1beta1 Ingress backends, ...):
            // keep the object as written, warn, and leave field validation to a conversion.
            warning(versionMark, "apiVersion", verdict.message);
            loaded.simulated = verdict.info && verdict.info->simulated;
            if (verdict.info && verdict.info->configOnly) loaded.type = DocumentType::SchedulerConfig;
            validate = false;
            break;
        case VersionCheck::InvalidVersion:
            error(versionMark, "apiVersion", verdict.message);
            return;
        case VersionCheck::UnknownKind:
            error(doc.get("kind")->mark(), "kind", verdict.message);
            return;
        case VersionCheck::Unknown:
            loaded.simulated = false;  // a CRD instance: stored and listed, not simulated
            break;
        }
        if (validate && loaded.type == DocumentType::ApiObject) {
            Value defaulted = doc;
            applyDefaults(defaulted);
            validateObject(defaulted, m_file, m_out.diagnostics);
        }
        loaded.object = std::move(doc);
        m_out.objects.push_back(std::move(loaded));
    }

    // `kind: List` (v1) and typed lists such as PodList: a kind ending in List with an items array.
    static bool isList(const Value& doc, const std::string& kind) {
        if (kind == "List") return true;
        if (kind.size() <= 4 || kind.compare(kind.size() - 4, 4, "List") != 0) return false;
        const Value* items = doc.get("items");
        return items && (items->isSequence() || items->isNull());
    }

    void loadList(Value&& doc, const std::string& kind, const std::string& apiVersion) {
        Value* items = doc.get("items");
        if (!items || items->isNull()) return;  // an empty list
        if (!items->isSequence()) {
            error(items->mark(), "items", std::string("cannot unmarshal ") + kindWord(*items) +
                                              " into a list: items must be an array");
            return;
        }
        const KindInfo* itemKind = nullptr;
        if (kind != "List") itemKind = findKind(splitApiVersion(apiVersion).first, kind.substr(0, kind.size() - 4));
        for (Value& item : items->items()) loadDocument(std::move(item), true, itemKind, apiVersion);
    }

    const std::string& m_file;
    const LoadOptions& m_options;
    LoadResult& m_out;
};

void loadRead(ReadResult&& read, const std::string& file, const LoadOptions& options, LoadResult& out) {
    for (auto& d : read.diagnostics) out.diagnostics.push_back(std::move(d));
    Loader loader(file, options, out);
    for (Value& doc : read.documents) loader.load(std::move(doc));
}

}  // namespace

LoadResult loadManifestText(const std::string& text, const std::string& file, const LoadOptions& options) {
    LoadResult out;
    loadRead(readYaml(text, file), file, options, out);
    return out;
}

LoadResult loadManifestFiles(const std::vector<std::string>& files, const LoadOptions& options) {
    LoadResult out;
    for (const auto& file : files) loadRead(readYamlFile(file), file, options, out);
    return out;
}

}  // namespace ks::api
