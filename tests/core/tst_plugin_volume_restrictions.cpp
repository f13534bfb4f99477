// VolumeRestrictions: the ReadWriteOncePod rows of upstream's volume_restrictions_test.go
// (TestAccessModeConflicts, v1.31) and the PreFilter extensions preemption uses.
#include "ks_test_main.h"
#include <QtTest>

#include "core/scheduler/plugins/volume_restrictions/volume_restrictions.h"
#include "sched_fake_handle.h"
#include "sched_test_builders.h"

using namespace ks;
using namespace ks::scheduler;
using namespace ks::scheduler::plugins;
using namespace ks::scheduler::testing;

namespace {

std::shared_ptr<ClusterObjects> claims() {
    return storageObjects({}, {makePVC("claim-with-rwop-1", "sc").accessModes({"ReadWriteOncePod"}),
                               makePVC("claim-with-rwop-2", "sc").accessModes({"ReadWriteOncePod"}),
                               makePVC("claim-with-rwo", "sc").accessModes({"ReadWriteOnce"})});
}

struct Fixture {
    FakeHandle handle;
    std::unique_ptr<Plugin> plugin;
    VolumeRestrictions* vr = nullptr;
    explicit Fixture(std::vector<std::shared_ptr<const api::Pod>> existing) {
        handle.setCluster({makeNode("node-1").ptr(), makeNode("node-2").ptr()}, existing, claims());
        std::string error;
        plugin = newVolumeRestrictions(nullptr, handle, error);
        vr = dynamic_cast<VolumeRestrictions*>(plugin.get());
    }
};

}  // namespace

class TestPluginVolumeRestrictions : public QObject {
    Q_OBJECT
private slots:
    void accessModeConflicts_data() {
        QTest::addColumn<int>("row");
        QTest::newRow("nothing") << 0;
        QTest::newRow("failed to get PVC") << 1;
        QTest::newRow("no access mode conflict") << 2;
        QTest::newRow("access mode conflict") << 3;
        QTest::newRow("ReadWriteOnce claims are not checked") << 4;
    }
    void accessModeConflicts() {
        QFETCH(int, row);
        auto existing = PodBuilder("pod-with-rwop").node("node-1").pvc("claim-with-rwop-1").ptr();
        struct Row {
            api::Pod pod;
            Code preFilter;
            std::string preFilterMessage;
            Code filter;
        };
        const std::vector<Row> rows = {
            {PodBuilder("pod").emptyDir("scratch").obj(), Code::Skip, "", Code::Success},
            {PodBuilder("pod").pvc("claim-not-found").obj(), Code::UnschedulableAndUnresolvable,
             "persistentvolumeclaim \"claim-not-found\" not found", Code::Success},
            {PodBuilder("pod").pvc("claim-with-rwop-2").obj(), Code::Skip, "", Code::Success},
            {PodBuilder("pod").pvc("claim-with-rwop-1").obj(), Code::Success, "", Code::Unschedulable},
            {PodBuilder("pod").pvc("claim-with-rwo").obj(), Code::Skip, "", Code::Success},
        };
        const Row& r = rows[row];
        Fixture f({existing});
        auto pod = PodInfo::make(std::make_shared<const api::Pod>(r.pod));
        CycleState state;
        PreFilterResult result;
        Status pre = f.vr->preFilter(state, *pod, result);
        QCOMPARE(codeName(pre.code()), codeName(r.preFilter));
        if (!r.preFilterMessage.empty()) QCOMPARE(pre.message(), r.preFilterMessage);
        if (r.preFilter != Code::Success) return;
        // Every node fails, not only the one where the holder runs: the claim is cluster-wide.
        for (const char* n : {"node-1", "node-2"}) {
            Status s = f.vr->filter(state, *pod, *f.handle.snapshot().get(n));
            QCOMPARE(codeName(s.code()), codeName(r.filter));
            QCOMPARE(s.message(), std::string(VolumeRestrictions::kErrReasonReadWriteOncePodConflict));
        }
    }

    // Preemption's dry run removes the holder (RemovePod) and the conflict disappears.
    void preFilterExtensions() {
        auto holder = PodBuilder("pod-with-rwop").node("node-1").pvc("claim-with-rwop-1").ptr();
        Fixture f({holder});
        auto pod = PodInfo::make(PodBuilder("pod").pvc("claim-with-rwop-1").ptr());
        CycleState state;
        PreFilterResult result;
        QVERIFY(f.vr->preFilter(state, *pod, result).isSuccess());
        QVERIFY(f.vr->hasPreFilterExtensions());
        const NodeInfo& node = *f.handle.snapshot().get("node-1");
        auto holderInfo = PodInfo::make(holder);
        auto copy = state.clone();
        QVERIFY(f.vr->removePod(*copy, *pod, *holderInfo, node).isSuccess());
        QVERIFY(f.vr->filter(*copy, *pod, node).isSuccess());
        QVERIFY(f.vr->addPod(*copy, *pod, *holderInfo, node).isSuccess());
        QCOMPARE(f.vr->filter(*copy, *pod, node).code(), Code::Unschedulable);
        // The original state is untouched by the clone's changes.
        QCOMPARE(f.vr->filter(state, *pod, node).code(), Code::Unschedulable);
    }

    void filterWithoutPreFilterIsAnError() {
        Fixture f({});
        auto pod = PodInfo::make(PodBuilder("pod").pvc("claim-with-rwop-1").ptr());
        CycleState state;
        Status s = f.vr->filter(state, *pod, *f.handle.snapshot().get("node-1"));
        QCOMPARE(s.code(), Code::Error);
        QCOMPARE(s.message(), std::string("cannot read \"PreFilterVolumeRestrictions\" from cycleState"));
    }
};

KS_TEST_MAIN(TestPluginVolumeRestrictions)
#include "tst_plugin_volume_restrictions.moc"
