// Loads the shared real-world corpus (../shared/corpus): every file must load without errors,
// with the object counts that corpus/README.md gives per folder, and every object must
// round-trip through the writer and the reader unchanged.
#include "ks_test_main.h"
#include <QtTest>

#include <map>

#include "core/api/kinds.h"
#include "core/api/manifest.h"
#include "core/api/writer.h"
#include "core/api/yaml_reader.h"

using namespace ks::api;

namespace {

QString corpusDir() { return QStringLiteral(KUBESTAGE_SHARED_DIR) + "/corpus"; }

std::vector<std::string> filesIn(const QString& folder) {
    std::vector<std::string> files;
    QDir dir(corpusDir() + "/" + folder);
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
        files.push_back(dir.filePath(name).toStdString());
    return files;
}

std::string describe(const Diagnostics& diags) {
    std::string text;
    for (const auto& d : diags)
        if (d.isError()) text += d.format() + "\n";
    return text;
}

struct FolderLoad {
    std::size_t files = 0;
    std::size_t topLevelDocuments = 0;
    std::size_t lists = 0;
    LoadResult result;
};

FolderLoad loadFolder(const QString& folder) {
    FolderLoad f;
    auto files = filesIn(folder);
    f.files = files.size();
    for (const auto& file : files) {
        auto read = readYamlFile(file);
        f.topLevelDocuments += read.documents.size();
        for (const auto& doc : read.documents)
            if (doc.str("kind") == "List") ++f.lists;
    }
    f.result = loadManifestFiles(files);
    return f;
}

}  // namespace

class TestCorpus : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!QDir(corpusDir()).exists())
            QSKIP("../shared/corpus is absent: the corpus tests need the shared folder beside the checkout");
    }

    void manifests() {
        FolderLoad f = loadFolder("manifests");
        QVERIFY2(f.result.ok(), describe(f.result.diagnostics).c_str());
        QCOMPARE(f.files, 71u);
        // README: "128 top-level objects (+4 more inside 2 `kind: List`)". The files hold 124
        // documents (PyYAML counts the same), 2 of them Lists with 4 items: 122 + 2 + 4 = 128
        // objects when the List wrappers are counted too; the loader returns the 126 real ones.
        QCOMPARE(f.topLevelDocuments, 124u);
        QCOMPARE(f.lists, 2u);
        QCOMPARE(f.topLevelDocuments + 4u, 128u);
        QCOMPARE(f.result.objects.size(), 124u - 2u + 4u);
        std::size_t schedulerConfigs = 0;
        for (const auto& o : f.result.objects) {
            QCOMPARE(o.type, DocumentType::ApiObject);
            if (o.object.str("kind") == "KubeSchedulerConfiguration") ++schedulerConfigs;
        }
        QCOMPARE(schedulerConfigs, 0u);  // the two in this folder are strings inside ConfigMaps
    }

    void deprecatedVersionsInTheManifestsWarn() {
        FolderLoad f = loadFolder("manifests");
        std::string warnings;
        for (const auto& d : f.result.diagnostics)
            if (!d.isError()) warnings += d.format() + "\n";
        for (const char* expected : {
                 "apiVersion: batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob",
                 "apiVersion: storage.k8s.io/v1beta1 CSIDriver is deprecated in v1.19+, unavailable in v1.22+; use "
                 "storage.k8s.io/v1 CSIDriver",
                 "apiVersion: policy/v1beta1 PodSecurityPolicy is deprecated in v1.21+, unavailable in v1.25+\n",
             })
            QVERIFY2(warnings.find(expected) != std::string::npos, (expected + std::string(" not in:\n") + warnings).c_str());
    }

    void schedulerConfigs() {
        FolderLoad f = loadFolder("scheduler-config");
        QVERIFY2(f.result.ok(), describe(f.result.diagnostics).c_str());
        QCOMPARE(f.files, 11u);
        QCOMPARE(f.result.objects.size(), 11u);
        std::map<std::string, int> versions;
        for (const auto& o : f.result.objects) {
            QCOMPARE(o.type, DocumentType::SchedulerConfig);
            QCOMPARE(o.object.str("kind"), std::string("KubeSchedulerConfiguration"));
            ++versions[o.object.str("apiVersion")];
        }
        QCOMPARE(versions["kubescheduler.config.k8s.io/v1"], 6);
        QCOMPARE(versions["kubescheduler.config.k8s.io/v1beta3"], 3);
        QCOMPARE(versions["kubescheduler.config.k8s.io/v1beta1"], 2);
        std::size_t warnings = 0;
        for (const auto& d : f.result.diagnostics)
            if (!d.isError() && d.path == "apiVersion") ++warnings;
        QCOMPARE(warnings, 5u);  // v1beta3 (removed in v1.29) and v1beta1 (v1.23)
    }

    void cniConfigs() {
        FolderLoad f = loadFolder("cni");
        QVERIFY2(f.result.ok(), describe(f.result.diagnostics).c_str());
        QCOMPARE(f.files, 11u);
        QCOMPARE(f.result.objects.size(), 11u);
        for (const auto& o : f.result.objects) QCOMPARE(o.type, DocumentType::CniConfig);
        QVERIFY(f.result.diagnostics.empty());
    }

    void crdInstances() {
        FolderLoad f = loadFolder("crd-instances");
        QVERIFY2(f.result.ok(), describe(f.result.diagnostics).c_str());
        QCOMPARE(f.files, 7u);
        QCOMPARE(f.result.objects.size(), 12u);
        std::size_t simulated = 0;
        for (const auto& o : f.result.objects) {
            QCOMPARE(o.type, DocumentType::ApiObject);
            if (o.simulated) {
                ++simulated;
                QCOMPARE(o.object.str("kind"), std::string("Pod"));
            } else {
                QCOMPARE(checkApiVersion(o.object.str("apiVersion"), o.object.str("kind")).check, VersionCheck::Unknown);
            }
        }
        QCOMPARE(simulated, 1u);  // the Multus example's Pod
    }

    void everyObjectRoundTrips_data() {
        QTest::addColumn<QString>("folder");
        for (const char* folder : {"manifests", "scheduler-config", "cni", "crd-instances"})
            QTest::newRow(folder) << folder;
    }
    void everyObjectRoundTrips() {
        QFETCH(QString, folder);
        FolderLoad f = loadFolder(folder);
        QVERIFY(!f.result.objects.empty());
        for (const auto& o : f.result.objects) {
            std::string yaml = toYaml(o.object);
            auto back = readYaml(yaml, o.file + " (written)");
            QVERIFY2(back.ok(), (describe(back.diagnostics) + yaml).c_str());
            QCOMPARE(back.documents.size(), 1u);
            QVERIFY2(back.documents[0] == o.object, (o.file + ":\n" + yaml).c_str());
            // and JSON reads back as the same tree, up to the spelling of numbers (1e3 -> 1000.0)
            auto json = readYaml(toJson(o.object), o.file + " (json)");
            QVERIFY2(json.ok() && json.documents.size() == 1, o.file.c_str());
            QCOMPARE(json.documents[0].nodeCount(), o.object.nodeCount());
        }
    }
};

KS_TEST_MAIN(TestCorpus)
#include "tst_corpus.moc"
