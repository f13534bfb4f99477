// KubeSchedulerConfiguration: the shared corpus, version conversion, defaults and errors.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/yaml_reader.h"
#include "core/scheduler/config/parse.h"
#include "core/scheduler/framework/registry.h"
#include "core/scheduler/scheduler.h"

using namespace ks;
using namespace ks::scheduler;
using namespace ks::scheduler::config;

namespace {

ParseResult parseText(const std::string& text) {
    auto read = api::readYaml(text, "config.yaml");
    if (!read.ok() || read.documents.empty()) return {};
    return parseConfiguration(read.documents.front(), "config.yaml");
}

QString messages(const api::Diagnostics& diags, bool warnings = false) {
    QStringList l;
    for (const auto& d : diags)
        if (d.isError() != warnings) l << QString::fromStdString(d.format());
    return l.join("\n");
}

const PluginConfig* argsOf(const Profile& p, const std::string& name) { return p.config(name); }

}  // namespace

class TestSchedConfig : public QObject {
    Q_OBJECT
private slots:
    void corpusParses();
    void defaults();
    void multipleProfiles();
    void pluginArgs();
    void v1beta3Converted();
    void v1beta1Converted();
    void errors_data();
    void errors();
    void outOfTreePluginFailsOnlyWhenBuilt();
};

void TestSchedConfig::corpusParses() {
    const QString dir = QStringLiteral(KUBESTAGE_SHARED_DIR) + "/corpus/scheduler-config";
    if (!QDir(dir).exists()) QSKIP("shared corpus not found (../shared/corpus/scheduler-config)");
    const auto files = QDir(dir).entryList(QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const auto& f : files) {
        auto r = parseConfigurationFile((dir + "/" + f).toStdString());
        QVERIFY2(r.ok(), qPrintable(f + ":\n" + messages(r.diagnostics)));
        QVERIFY2(!r.config.profiles.empty(), qPrintable(f));
    }
}

void TestSchedConfig::defaults() {
    auto r = parseText("apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n");
    QVERIFY2(r.ok(), qPrintable(messages(r.diagnostics)));
    const auto& c = r.config;
    QCOMPARE(c.parallelism, 16);
    QCOMPARE(c.percentageOfNodesToScore, 0);
    QCOMPARE(c.podInitialBackoffSeconds, 1);
    QCOMPARE(c.podMaxBackoffSeconds, 10);
    QCOMPARE(c.leaderElection.leaseDurationMs, 15000);
    QCOMPARE(c.profiles.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(c.profiles[0].schedulerName), QString("default-scheduler"));
    QCOMPARE(c.profiles[0].plugins.multiPoint.enabled.size(), std::size_t(18));
    const PluginConfig* fit = argsOf(c.profiles[0], "NodeResourcesFit");
    QVERIFY(fit);
    QCOMPARE(QString::fromStdString(fit->args.at("scoringStrategy")->str("type")), QString("LeastAllocated"));
    QCOMPARE(fit->args.at("scoringStrategy")->get("resources")->items().size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(argsOf(c.profiles[0], "PodTopologySpread")->args.str("defaultingType")), QString("System"));
    QCOMPARE(*argsOf(c.profiles[0], "InterPodAffinity")->args.get("hardPodAffinityWeight")->toInt(), 1);
    QCOMPARE(*argsOf(c.profiles[0], "DefaultPreemption")->args.get("minCandidateNodesAbsolute")->toInt(), 100);
    QCOMPARE(*argsOf(c.profiles[0], "VolumeBinding")->args.get("bindTimeoutSeconds")->toInt(), 600);
}

void TestSchedConfig::multipleProfiles() {
    auto r = parseText(R"(apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
percentageOfNodesToScore: 40
leaderElection:
  leaderElect: true
  leaseDuration: 30s
  renewDeadline: 20s
  retryPeriod: 3s
profiles:
- schedulerName: default-scheduler
- schedulerName: no-scoring-scheduler
  percentageOfNodesToScore: 70
  plugins:
    preScore:
      disabled:
      - name: '*'
    score:
      disabled:
      - name: '*'
)");
    QVERIFY2(r.ok(), qPrintable(messages(r.diagnostics)));
    QCOMPARE(r.config.percentageOfNodesToScore, 40);
    QCOMPARE(r.config.leaderElection.leaseDurationMs, 30000);
    QCOMPARE(r.config.leaderElection.retryPeriodMs, 3000);
    QCOMPARE(r.config.profiles.size(), std::size_t(2));
    QCOMPARE(*r.config.profiles[1].percentageOfNodesToScore, 70);
    QVERIFY(r.config.profiles[1].plugins.score.disablesAll());
}

void TestSchedConfig::pluginArgs() {
    auto r = parseText(R"(apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: MostAllocated
        resources:
        - name: cpu
          weight: 0
        - name: nvidia.com/gpu
          weight: 5
  - name: NodeAffinity
    args:
      addedAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchExpressions:
            - key: pool
              operator: In
              values: [batch]
  - name: InterPodAffinity
    args:
      hardPodAffinityWeight: 7
)");
    QVERIFY2(r.ok(), qPrintable(messages(r.diagnostics)));
    const Profile& p = r.config.profiles[0];
    const auto& s = *argsOf(p, "NodeResourcesFit")->args.get("scoringStrategy");
    QCOMPARE(QString::fromStdString(s.str("type")), QString("MostAllocated"));
    QCOMPARE(*s.get("resources")->items()[0].get("weight")->toInt(), 1);  // 0 defaults to 1
    QCOMPARE(*s.get("resources")->items()[1].get("weight")->toInt(), 5);
    QCOMPARE(*argsOf(p, "InterPodAffinity")->args.get("hardPodAffinityWeight")->toInt(), 7);
    QVERIFY(argsOf(p, "NodeAffinity")->args.at("addedAffinity.requiredDuringSchedulingIgnoredDuringExecution"));
}

void TestSchedConfig::v1beta3Converted() {
    auto r = parseText(R"(apiVersion: kubescheduler.config.k8s.io/v1beta3
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
  plugins:
    multiPoint:
      enabled:
      - name: ImageLocality
        weight: 4
)");
    QVERIFY2(r.ok(), qPrintable(messages(r.diagnostics)));
    QVERIFY(messages(r.diagnostics, true).contains("unavailable in v1.29+"));
    // The re-configured default keeps its place with the new weight.
    bool found = false;
    for (const auto& e : r.config.profiles[0].plugins.multiPoint.enabled)
        if (e.name == "ImageLocality") found = e.weight == 4;
    QVERIFY(found);
}

void TestSchedConfig::v1beta1Converted() {
    auto r = parseText(R"(apiVersion: kubescheduler.config.k8s.io/v1beta1
kind: KubeSchedulerConfiguration
healthzBindAddress: 0.0.0.0:10251
profiles:
- schedulerName: default-scheduler
  plugins:
    score:
      enabled:
      - name: NodeResourcesMostAllocated
        weight: 2
      disabled:
      - name: NodeResourcesLeastAllocated
  pluginConfig:
  - name: NodeResourcesMostAllocated
    args:
      resources:
      - name: cpu
        weight: 3
      - name: memory
        weight: 1
)");
    QVERIFY2(r.ok(), qPrintable(messages(r.diagnostics)));
    const QString warnings = messages(r.diagnostics, true);
    QVERIFY(warnings.contains("unavailable in v1.23+"));
    QVERIFY(warnings.contains("plugin NodeResourcesMostAllocated was replaced by NodeResourcesFit with scoringStrategy type MostAllocated"));
    const Profile& p = r.config.profiles[0];
    const PluginConfig* fit = argsOf(p, "NodeResourcesFit");
    QVERIFY(fit);
    QCOMPARE(QString::fromStdString(fit->args.at("scoringStrategy")->str("type")), QString("MostAllocated"));
    QCOMPARE(*fit->args.at("scoringStrategy")->get("resources")->items()[0].get("weight")->toInt(), 3);
    QVERIFY(!argsOf(p, "NodeResourcesMostAllocated"));
    bool weight2 = false;
    for (const auto& e : p.plugins.score.enabled) weight2 |= e.name == "NodeResourcesFit" && e.weight == 2;
    QVERIFY(weight2);
}

void TestSchedConfig::errors_data() {
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("expected");
    const QString head = "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n";
    QTest::newRow("unknown version") << "apiVersion: kubescheduler.config.k8s.io/v1alpha1\nkind: KubeSchedulerConfiguration\n"
                                     << "no kind \"KubeSchedulerConfiguration\" is registered for version "
                                        "\"kubescheduler.config.k8s.io/v1alpha1\"";
    QTest::newRow("unknown field") << head + "profile: []\n" << "strict decoding error: unknown field \"profile\"";
    QTest::newRow("percentage") << head + "percentageOfNodesToScore: 120\n"
                                << "percentageOfNodesToScore: Invalid value: 120: not in valid range [0-100]";
    QTest::newRow("parallelism") << head + "parallelism: 0\n"
                                 << "parallelism: Invalid value: 0: should be an integer value greater than zero";
    QTest::newRow("backoff") << head + "podInitialBackoffSeconds: 5\npodMaxBackoffSeconds: 2\n"
                             << "podMaxBackoffSeconds: Invalid value: 2: must be greater than or equal to PodInitialBackoffSeconds";
    QTest::newRow("duplicate profile") << head + "profiles:\n- schedulerName: a\n- schedulerName: a\n"
                                       << "profiles[1].schedulerName: Duplicate value: \"a\"";
    QTest::newRow("scoring type")
        << head + "profiles:\n- pluginConfig:\n  - name: NodeResourcesFit\n    args:\n      scoringStrategy:\n        type: Fancy\n"
        << "Unsupported value: \"Fancy\": supported values: \"LeastAllocated\", \"MostAllocated\", \"RequestedToCapacityRatio\"";
    QTest::newRow("system with constraints")
        << head + "profiles:\n- pluginConfig:\n  - name: PodTopologySpread\n    args:\n      defaultingType: System\n"
                  "      defaultConstraints:\n      - maxSkew: 1\n        topologyKey: zone\n        whenUnsatisfiable: DoNotSchedule\n"
        << "Invalid value: \"System\": when .defaultConstraints are not empty";
    QTest::newRow("lease") << head + "leaderElection:\n  leaseDuration: 5s\n  renewDeadline: 10s\n"
                           << "LeaseDuration must be greater than RenewDeadline";
    QTest::newRow("bad duration") << head + "leaderElection:\n  leaseDuration: 15x\n" << "time: unknown unit";
}

void TestSchedConfig::errors() {
    QFETCH(QString, yaml);
    QFETCH(QString, expected);
    auto r = parseText(yaml.toStdString());
    QVERIFY(!r.ok());
    QVERIFY2(messages(r.diagnostics).contains(expected), qPrintable(messages(r.diagnostics)));
}

void TestSchedConfig::outOfTreePluginFailsOnlyWhenBuilt() {
    auto r = parseText(R"(apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
  plugins:
    multiPoint:
      enabled:
      - name: DefaultBinder
      - name: Coscheduling
      disabled:
      - name: "*"
    queueSort:
      enabled:
      - name: Coscheduling
      disabled:
      - name: "*"
)");
    QVERIFY2(r.ok(), qPrintable(messages(r.diagnostics)));
    std::string error;
    QVERIFY(!Scheduler::create(r.config, inTreeRegistry(), error));
    QCOMPARE(QString::fromStdString(error),
             QString("creating profile for scheduler name default-scheduler: PreFilterPlugin \"Coscheduling\" does not exist"));
    QVERIFY(QString::fromStdString(error).startsWith("creating profile for scheduler name default-scheduler: "));
}

KS_TEST_MAIN(TestSchedConfig)
#include "tst_sched_config.moc"
