// Tests the manifest loader: documents, Lists, configuration files, apiVersion checks with their
// FILE:LINE:COL, hostile input (fuzzer regressions, a 50 MB file) and validation being collected.
#include "ks_test_main.h"
#include <QtTest>

#include <sys/resource.h>

#include "core/api/manifest.h"
#include "core/api/writer.h"
#include "core/api/yaml_reader.h"

using namespace ks::api;

namespace {

std::string formatAll(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags) out += d.format() + "\n";
    return out;
}

LoadResult load(const std::string& text, bool validate = false) {
    return loadManifestText(text, "m.yaml", LoadOptions{validate});
}

const char* kPod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n";

// The size of the "huge" inputs below. Under the sanitizers (the build in which ./test.sh runs
// the core tests) reading is about ten times slower, and these three tests took over a minute:
// a quarter of the size still holds far more objects, and nodes, than any real manifest and
// than the reader's node limit. CORE_TESTS_RELEASE=1 runs them at full size.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kHugeBytes = 12u << 20;
#else
constexpr std::size_t kHugeBytes = 50u << 20;
#endif

long peakRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

}  // namespace

class TestManifest : public QObject {
    Q_OBJECT
private slots:
    void multiDocumentStreamKeepsOrderAndFiles() {
        auto r = load(std::string(kPod) + "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n");
        QVERIFY2(r.ok(), formatAll(r.diagnostics).c_str());
        QCOMPARE(r.objects.size(), 2u);
        QCOMPARE(r.objects[0].object.str("kind"), std::string("Pod"));
        QVERIFY(r.objects[0].simulated);
        QCOMPARE(r.objects[1].object.str("kind"), std::string("ServiceAccount"));
        QVERIFY(!r.objects[1].simulated);  // stored and listed only
        QCOMPARE(r.objects[1].file, std::string("m.yaml"));
        QCOMPARE(r.objects[1].object.get("kind")->mark().line, 11);
        QVERIFY(r.diagnostics.empty());
    }

    void listIsExpandedWithItemMarks() {
        auto r = load("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n"
                      "- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: b}\n");
        QVERIFY2(r.ok(), formatAll(r.diagnostics).c_str());
        QCOMPARE(r.objects.size(), 2u);
        QCOMPARE(r.objects[1].object.str("kind"), std::string("Deployment"));
        QCOMPARE(r.objects[1].object.mark().line, 7);
        QCOMPARE(r.objects[1].object.mark().col, 3);
    }

    void jsonListAndEmptyList() {
        auto r = load("{\"kind\": \"List\", \"apiVersion\": \"v1\", \"items\": [{\"apiVersion\": \"v1\", \"kind\": \"Namespace\","
                      " \"metadata\": {\"name\": \"dev\"}}]}\n{\"kind\": \"List\", \"apiVersion\": \"v1\", \"items\": []}\n");
        QVERIFY2(r.ok(), formatAll(r.diagnostics).c_str());
        QCOMPARE(r.objects.size(), 1u);
        QCOMPARE(r.objects[0].object.at("metadata.name")->text(), std::string("dev"));
    }

    void typedListItemsTakeTheListsKind() {
        auto r = load("apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: a}\n- metadata: {name: b}\n");
        QVERIFY2(r.ok(), formatAll(r.diagnostics).c_str());
        QCOMPARE(r.objects.size(), 2u);
        QCOMPARE(r.objects[0].object.str("kind"), std::string("Pod"));
        QCOMPARE(r.objects[0].object.str("apiVersion"), std::string("v1"));
        QVERIFY(r.objects[0].simulated);
    }

    void listItemsWithoutKindAreErrors() {
        auto r = load("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  metadata:\n    name: x\n");
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.diagnostics[0].format()),
                 QString("m.yaml:4:3: Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}'"));
    }

    void missingKindAndApiVersion_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("no kind") << "apiVersion: v1\nmetadata:\n  name: x\n"
                                 << "m.yaml:1:1: Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}'";
        QTest::newRow("empty kind") << "kind: \"\"\napiVersion: v1\n"
                                    << "m.yaml:1:1: Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"kind\":\"\"}'";
        QTest::newRow("no apiVersion") << "kind: Pod\nmetadata:\n  name: x\n"
                                       << "m.yaml:1:1: Object 'apiVersion' is missing in '{\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"}}'";
        QTest::newRow("not a mapping") << "- a\n- b\n"
                                       << "m.yaml:1:1: cannot unmarshal array into an object: each document must be a "
                                          "mapping with apiVersion and kind";
        QTest::newRow("a scalar") << "hello\n"
                                  << "m.yaml:1:1: cannot unmarshal string into an object: each document must be a "
                                     "mapping with apiVersion and kind";
        QTest::newRow("items not a list") << "apiVersion: v1\nkind: List\nitems: 3\n"
                                          << "m.yaml:3:8: items: cannot unmarshal number or bool into a list: items must be an array";
    }
    void missingKindAndApiVersion() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        auto r = load(text.toStdString());
        QVERIFY(!r.ok());
        QVERIFY(r.objects.empty());
        QCOMPARE(QString::fromStdString(r.diagnostics[0].format()), error);
    }

    void longObjectsAreQuotedShortened() {
        std::string text = "apiVersion: v1\ndata:\n  big: \"" + std::string(2000, 'x') + "\"\n";
        auto r = load(text);
        QVERIFY(!r.ok());
        QVERIFY(r.diagnostics[0].message.size() < 600);
        QVERIFY(r.diagnostics[0].message.find("...'") != std::string::npos);
    }

    void invalidVersionIsAnErrorAtTheApiVersion() {
        auto r = load("kind: Pod\napiVersion: vl\nmetadata:\n  name: x\n");
        QVERIFY(!r.ok());
        QVERIFY(r.objects.empty());
        QCOMPARE(QString::fromStdString(r.diagnostics[0].format()),
                 QString("m.yaml:2:13: apiVersion: Invalid value: \"vl\": no matches for kind \"Pod\" in version \"vl\"; "
                         "valid versions for kind Pod: v1"));
    }

    void unknownKindInTheCoreGroupIsAnErrorAtTheKind() {
        auto r = load("apiVersion: v1\nkind: Pdo\n");
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.diagnostics[0].format()),
                 QString("m.yaml:2:7: kind: Invalid value: \"v1\": no matches for kind \"Pdo\" in version \"v1\""));
    }

    void removedVersionLoadsWithAWarning() {
        auto r = load("apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: \"*/1 * * * *\"\n",
                      /*validate=*/true);
        QVERIFY2(r.ok(), formatAll(r.diagnostics).c_str());
        QCOMPARE(r.objects.size(), 1u);
        QVERIFY(r.objects[0].simulated);
        QCOMPARE(r.diagnostics.size(), 1u);
        QCOMPARE(QString::fromStdString(r.diagnostics[0].format()),
                 QString("m.yaml:1:13: warning: apiVersion: batch/v1beta1 CronJob is deprecated in v1.21+, unavailable "
                         "in v1.25+; use batch/v1 CronJob"));
    }

    void crdInstancesAreKeptAsGenericObjects() {
        auto r = load("apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: pool\nspec:\n  cidr: 10.0.0.0/16\n"
                      "  natOutgoing: true\n  unknownField: {a: [1, 2]}\n");
        QVERIFY2(r.ok(), formatAll(r.diagnostics).c_str());
        QCOMPARE(r.objects.size(), 1u);
        QVERIFY(!r.objects[0].simulated);
        QCOMPARE(r.objects[0].type, DocumentType::ApiObject);
        QVERIFY(r.diagnostics.empty());
        QCOMPARE(r.objects[0].object.at("spec.unknownField")->get("a")->items().size(), 2u);
    }

    void schedulerConfigurationIsItsOwnDocumentType() {
        auto r = load("apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles:\n"
                      "- schedulerName: default-scheduler\n",
                      /*validate=*/true);
        QVERIFY2(r.ok(), formatAll(r.diagnostics).c_str());
        QCOMPARE(r.objects.size(), 1u);
        QCOMPARE(r.objects[0].type, DocumentType::SchedulerConfig);
        QVERIFY(r.diagnostics.empty());
        auto old = load("apiVersion: kubescheduler.config.k8s.io/v1beta3\nkind: KubeSchedulerConfiguration\n");
        QVERIFY(old.ok());
        QCOMPARE(old.objects[0].type, DocumentType::SchedulerConfig);
        QCOMPARE(old.diagnostics.size(), 1u);
        QVERIFY(!old.diagnostics[0].isError());
    }

    void cniConfigsAreRecognised_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("conflist") << "{\"cniVersion\": \"1.0.0\", \"name\": \"net\", \"plugins\": [{\"type\": \"bridge\"}]}";
        QTest::newRow("conf without cniVersion") << "{\"name\": \"lo\", \"type\": \"loopback\"}";
        QTest::newRow("conf") << "{\"cniVersion\": \"0.3.1\", \"name\": \"ptp\", \"type\": \"ptp\", \"ipam\": {\"type\": \"host-local\"}}";
    }
    void cniConfigsAreRecognised() {
        QFETCH(QString, text);
        auto r = loadManifestText(text.toStdString(), "10-net.conflist");
        QVERIFY2(r.ok(), formatAll(r.diagnostics).c_str());
        QCOMPARE(r.objects.size(), 1u);
        QCOMPARE(r.objects[0].type, DocumentType::CniConfig);
        QVERIFY(r.diagnostics.empty());
    }

    void readerErrorsComeThrough() {
        auto r = load("apiVersion: v1\nkind: Pod\nkind: Node\n");
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.diagnostics[0].format()),
                 QString("m.yaml:3:1: mapping key \"kind\" already defined at line 2"));
    }

    void errorsOfAllDocumentsAreCollected() {
        auto r = load("apiVersion: vl\nkind: Pod\n---\nkind: Pod\n---\napiVersion: apps/v1beta1\nkind: Deployment\n---\n" +
                      std::string(kPod));
        QCOMPARE(r.objects.size(), 2u);  // the removed Deployment (warning) and the Pod
        std::size_t errors = 0, warnings = 0;
        for (const auto& d : r.diagnostics) (d.isError() ? errors : warnings)++;
        QCOMPARE(errors, 2u);
        QCOMPARE(warnings, 1u);
        QCOMPARE(r.diagnostics[0].mark.line, 1);
        QCOMPARE(r.diagnostics[1].mark.line, 4);
        QCOMPARE(r.diagnostics[2].mark.line, 6);
    }

    void missingFileIsADiagnostic() {
        auto r = loadManifestFiles({"/nonexistent/x.yaml"});
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.diagnostics[0].format()), QString("/nonexistent/x.yaml: cannot open file"));
    }

    // Validation runs on a defaulted copy: the loaded object stays as written, errors are collected.
    void validationErrorsAreCollectedWithTheirPlace() {
        auto r = load("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n"
                      "    image: nginx\n    resources:\n      requests:\n        cpu: lots\n---\n" + std::string(kPod),
                      /*validate=*/true);
        QVERIFY(!r.ok());
        QCOMPARE(r.objects.size(), 2u);
        QVERIFY(!r.objects[0].object.at("spec.schedulerName"));  // not defaulted in the result
        const Diagnostic& d = r.diagnostics[0];
        QCOMPARE(d.mark.line, 11);
        QCOMPARE(QString::fromStdString(d.path), QString("spec.containers[0].resources.requests.cpu"));
        auto valid = load(kPod, /*validate=*/true);
        QVERIFY2(valid.ok(), formatAll(valid.diagnostics).c_str());
    }

    // Inputs the fuzzer found (tests/fuzz): each must load or fail with diagnostics, and whatever
    // loads must round-trip through the writer.
    void fuzzRegressions_data() {
        QTest::addColumn<QString>("path");
        QDir dir(QStringLiteral(KUBESTAGE_TEST_DATA) + "/fuzz-regressions");
        for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
            QTest::newRow(name.toUtf8().constData()) << dir.filePath(name);
        if (dir.entryList(QDir::Files).isEmpty()) QTest::newRow("none") << QString();
    }
    void fuzzRegressions() {
        QFETCH(QString, path);
        if (path.isEmpty()) QSKIP("no fuzzer regressions recorded");
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        std::string text = f.readAll().toStdString();
        auto r = loadManifestText(text, "fuzz.yaml");
        if (!r.ok()) QVERIFY(!r.diagnostics.empty());
        for (const auto& o : r.objects) {
            auto back = readYaml(toYaml(o.object), "back.yaml");
            QVERIFY2(back.ok(), formatAll(back.diagnostics).c_str());
            QCOMPARE(back.documents.size(), 1u);
            QVERIFY(back.documents[0] == o.object);
        }
    }

    // kHugeBytes (50 MB: about 100,000 ConfigMaps) of valid YAML loads, or fails cleanly, in bounded memory.
    void hugeFileLoadsInBoundedMemory() {
        std::string text;
        text.reserve(kHugeBytes + (2u << 20));
        for (int i = 0; text.size() < kHugeBytes; ++i) {
            text += "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + std::to_string(i) +
                    "\n  labels:\n    app: load\n    tier: \"1\"\ndata:\n  key: |\n    " + std::string(300, 'x') +
                    "\n    second line\n  other: value\n";
        }
        long before = peakRssKiB();
        auto r = loadManifestText(text, "huge.yaml", LoadOptions{false});
        long grownMiB = (peakRssKiB() - before) / 1024;
        if (r.ok()) {
            QVERIFY(r.objects.size() > kHugeBytes / 500);  // each document is about 450 bytes
            QCOMPARE(r.objects.back().object.str("kind"), std::string("ConfigMap"));
        } else {
            QVERIFY(r.diagnostics[0].message.find("too large") != std::string::npos);
        }
        QVERIFY2(grownMiB < 1024, std::to_string(grownMiB).c_str());
    }

    // kHugeBytes of JSON (one List of ConfigMaps) goes through the JSON reader in bounded memory.
    void hugeJsonListLoadsInBoundedMemory() {
        std::string text = "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n";
        text.reserve(kHugeBytes + (2u << 20));
        for (int i = 0; text.size() < kHugeBytes; ++i) {
            if (i > 0) text += ",\n";
            text += "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"cm-" + std::to_string(i) +
                    "\", \"labels\": {\"app\": \"load\"}}, \"data\": {\"key\": \"" + std::string(400, 'x') + "\"}}";
        }
        text += "\n]}\n";
        long before = peakRssKiB();
        auto r = loadManifestText(text, "huge.json", LoadOptions{false});
        long grownMiB = (peakRssKiB() - before) / 1024;
        QVERIFY2(r.ok(), formatAll(r.diagnostics).c_str());
        QVERIFY(r.objects.size() > kHugeBytes / 600);  // each item is about 510 bytes
        QCOMPARE(r.objects.back().object.get("kind")->mark().line, static_cast<int>(r.objects.size()) + 1);
        QVERIFY2(grownMiB < 1024, std::to_string(grownMiB).c_str());
    }

    // One flow sequence of kHugeBytes: far more nodes than the reader allows, refused without a crash.
    void hugeSingleDocumentIsRefused() {
        std::string text = "[";
        text.reserve(kHugeBytes + 16);
        while (text.size() < kHugeBytes) text += "1,";
        text += "1]";
        long before = peakRssKiB();
        auto r = loadManifestText(text, "flat.yaml", LoadOptions{false});
        long grownMiB = (peakRssKiB() - before) / 1024;
        QVERIFY(!r.ok());
        QVERIFY(r.objects.empty());
        QVERIFY2(r.diagnostics[0].message.find("too large") != std::string::npos, r.diagnostics[0].message.c_str());
        QVERIFY2(grownMiB < 1024, std::to_string(grownMiB).c_str());
    }
};

KS_TEST_MAIN(TestManifest)
#include "tst_manifest.moc"
