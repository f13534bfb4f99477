// Every real-world manifest in ../shared/corpus/manifests must default and validate without a
// single error: a false "unknown field" or a wrong rule on a real manifest is worse than a missed
// typo.
#include "ks_test_main.h"
#include <QtTest>

#include <filesystem>

#include "core/api/defaults.h"
#include "core/api/validate.h"
#include "core/api/yaml_reader.h"

using namespace ks::api;

namespace {

// Objects of a document: the document itself, or the items of a `kind: List`.
void collectObjects(const Value& doc, std::vector<const Value*>& out) {
    if (doc.isMapping() && doc.str("kind") == "List") {
        if (const Value* items = doc.get("items"); items && items->isSequence())
            for (const auto& item : items->items()) out.push_back(&item);
        return;
    }
    out.push_back(&doc);
}

}  // namespace

class TestValidateCorpus : public QObject {
    Q_OBJECT
private slots:
    void everyManifestValidates_data() {
        QTest::addColumn<QString>("path");
        std::filesystem::path dir = std::filesystem::path(KUBESTAGE_SHARED_DIR) / "corpus" / "manifests";
        if (!std::filesystem::is_directory(dir)) {
            QTest::newRow("absent") << QString();
            return;
        }
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            if (entry.is_regular_file()) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files)
            QTest::newRow(f.filename().string().c_str()) << QString::fromStdString(f.string());
    }

    void everyManifestValidates() {
        QFETCH(QString, path);
        if (path.isEmpty()) QSKIP("../shared/corpus/manifests is not available (KUBESTAGE_SHARED_DIR)");
        ReadResult read = readYamlFile(path.toStdString());
        QVERIFY2(read.ok(), read.diagnostics.empty() ? "" : read.diagnostics.front().format().c_str());
        std::vector<const Value*> objects;
        for (const auto& doc : read.documents) collectObjects(doc, objects);
        QVERIFY(!objects.empty());
        Diagnostics diags;
        for (const Value* object : objects) {
            Value copy = *object;
            applyDefaults(copy);
            validateObject(copy, path.toStdString(), diags);
        }
        std::string errors;
        for (const auto& d : diags)
            if (d.isError()) errors += d.format() + "\n";
        QVERIFY2(errors.empty(), errors.c_str());
    }

    void countsTheWholeCorpus() {
        std::filesystem::path dir = std::filesystem::path(KUBESTAGE_SHARED_DIR) / "corpus" / "manifests";
        if (!std::filesystem::is_directory(dir)) QSKIP("../shared/corpus/manifests is not available");
        std::size_t objects = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            ReadResult read = readYamlFile(entry.path().string());
            std::vector<const Value*> list;
            for (const auto& doc : read.documents) collectObjects(doc, list);
            objects += list.size();
        }
        // The corpus holds well over a hundred objects; a much smaller count means files stopped
        // being read (an empty document list validates trivially).
        QVERIFY2(objects >= 120, std::to_string(objects).c_str());
    }
};

KS_TEST_MAIN(TestValidateCorpus)
#include "tst_validate_corpus.moc"
