// Adapter tests: the models follow the store and behave as proper item models.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QtTest>

#include "adapters/app_facade.h"
#include "adapters/format.h"
#include "adapters/zone_filter_model.h"

using ks::gui::AppFacade;
using ks::gui::NodeListModel;
using ks::gui::PodListModel;

class TestAdapters : public QObject {
    Q_OBJECT
private slots:
    void defaultScenarioFillsTheModels() {
        AppFacade app(nullptr);
        QAbstractItemModelTester nodesTester(app.nodes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester podsTester(app.pods(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(app.loadDefaultScenario());
        QCOMPARE(app.nodes()->rowCount(), 3);
        QCOMPARE(app.pods()->rowCount(), 5);
        QCOMPARE(app.pods()->pendingCount(), 3);
        QModelIndex a1 = app.nodes()->index(0);
        QCOMPARE(a1.data(NodeListModel::NameRole).toString(), QString("node-a1"));
        QCOMPARE(a1.data(NodeListModel::ZoneRole).toString(), QString("zone-a"));
        QCOMPARE(a1.data(NodeListModel::CpuAllocatableRole).toDouble(), 3920.0);
        // db-0 requests 1 CPU and 2Gi on node-a1.
        QCOMPARE(a1.data(NodeListModel::CpuRequestedRole).toDouble(), 1000.0);
        QCOMPARE(a1.data(NodeListModel::MemoryRequestedRole).toDouble(), 2147483648.0);
        QCOMPARE(a1.data(NodeListModel::CpuTextRole).toString(), QString("1/3.92"));
        QCOMPARE(a1.data(NodeListModel::PodCountRole).toInt(), 1);
        QCOMPARE(a1.data(NodeListModel::HostnameRole).toString(), QString("node-a1"));
        QCOMPARE(app.zones(), (QStringList{"zone-a", "zone-b", "zone-c"}));
        QModelIndex c1 = app.nodes()->index(2);
        QCOMPARE(c1.data(NodeListModel::TaintsRole).toList().size(), 1);
        // Pending pods come first.
        QCOMPARE(app.pods()->index(0).data(PodListModel::NodeNameRole).toString(), QString());
    }

    void brokenFileReportsPositionAndKeepsTheCluster() {
        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        QTemporaryFile file(QDir::tempPath() + "/broken-XXXXXX.yaml");
        QVERIFY(file.open());
        file.write("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests:\n        cpu: lots\n");
        file.close();
        QSignalSpy spy(&app, &AppFacade::scenarioChanged);
        QVERIFY(!app.loadScenario({file.fileName()}));
        QCOMPARE(spy.count(), 1);
        QVERIFY(!app.loadErrors().isEmpty());
        QVERIFY2(app.loadErrors().first().contains(":11:14: spec.containers[0].resources.requests.cpu:"),
                 qPrintable(app.loadErrors().first()));
        QCOMPARE(app.nodes()->rowCount(), 3);
    }

    void refreshKeepsRowsWhenNamesAreUnchanged() {
        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        QSignalSpy reset(app.nodes(), &QAbstractItemModel::modelReset);
        app.refresh();
        QCOMPARE(reset.count(), 0);
    }

    void zoneFilterKeepsOneZone() {
        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        ks::gui::ZoneFilterModel zone;
        QAbstractItemModelTester tester(&zone, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&zone, &ks::gui::ZoneFilterModel::countChanged);
        zone.setSourceModel(app.nodes());
        zone.setZone("zone-b");
        QCOMPARE(zone.count(), 1);
        QCOMPARE(zone.index(0, 0).data(NodeListModel::NameRole).toString(), QString("node-b1"));
        QVERIFY(counted.count() >= 1);
        zone.setZone("zone-x");
        QCOMPARE(zone.count(), 0);
    }

    void nodesSortByZoneThenHostname() {
        AppFacade app(nullptr);
        QTemporaryFile file(QDir::tempPath() + "/zones-XXXXXX.yaml");
        QVERIFY(file.open());
        auto node = [](const char* name, const char* host, const char* zone) {
            QByteArray y = QByteArray("apiVersion: v1\nkind: Node\nmetadata:\n  name: ") + name +
                           "\n  labels:\n    kubernetes.io/hostname: " + host + "\n";
            if (*zone) y += QByteArray("    topology.kubernetes.io/zone: ") + zone + "\n";
            return y + "---\n";
        };
        file.write(node("n1", "h-c", "z2") + node("n2", "h-b", "z1") + node("n3", "h-a", "z2") + node("n0", "h-0", ""));
        file.close();
        QVERIFY2(app.loadScenario({file.fileName()}), qPrintable(app.loadErrors().join('\n')));
        QStringList order;
        for (int i = 0; i < app.nodes()->rowCount(); ++i) order << app.nodes()->index(i).data().toString();
        QCOMPARE(order, (QStringList{"n2", "n3", "n1", "n0"}));
        QCOMPARE(app.zones(), (QStringList{"z1", "z2", ""}));
    }

    void formatting() {
        QCOMPARE(ks::gui::formatCpuMilli(1500), QString("1.5"));
        QCOMPARE(ks::gui::formatCpuMilli(250), QString("250m"));
        QCOMPARE(ks::gui::formatCpuMilli(2000), QString("2"));
        QCOMPARE(ks::gui::formatBytes(2147483648LL), QString("2Gi"));
        QCOMPARE(ks::gui::formatBytes(268435456LL), QString("256Mi"));
    }
};

QTEST_MAIN(TestAdapters)
#include "tst_adapters.moc"
