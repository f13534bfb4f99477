// VolumeZone: the rows of upstream's volume_zone_test.go (v1.31) — beta and GA zone/region
// labels, multi-zone values, and unbound claims of WaitForFirstConsumer / Immediate classes.
#include "ks_test_main.h"
#include <QtTest>

#include "core/scheduler/plugins/volume_zone/volume_zone.h"
#include "sched_fake_handle.h"
#include "sched_test_builders.h"

using namespace ks;
using namespace ks::scheduler;
using namespace ks::scheduler::plugins;
using namespace ks::scheduler::testing;

namespace {

constexpr const char* kBetaZone = "failure-domain.beta.kubernetes.io/zone";
constexpr const char* kBetaRegion = "failure-domain.beta.kubernetes.io/region";
constexpr const char* kZone = "topology.kubernetes.io/zone";
constexpr const char* kRegion = "topology.kubernetes.io/region";

std::shared_ptr<ClusterObjects> objects() {
    std::vector<api::PersistentVolume> pvs = {
        makePV("Vol_1", "").label(kBetaZone, "us-west1-a"),
        makePV("Vol_2", "").label(kBetaRegion, "us-west1-b").label("uselessLabel", "none"),
        makePV("Vol_3", "").label(kBetaRegion, "us-west1-c"),
        makePV("Vol_Stable_1", "").label(kZone, "us-west1-a"),
        makePV("Vol_Stable_2", "").label(kRegion, "us-west1-b").label("uselessLabel", "none"),
        makePV("Vol_Stable_3", "").label(kRegion, "us-west1-c"),
        makePV("Vol_Multi", "").label(kBetaZone, "us-west1-b__us-west1-a"),
        makePV("Vol_Bad", "").label(kZone, "us-west1-a____us-west1-b"),
    };
    std::vector<api::PersistentVolumeClaim> pvcs = {
        makePVC("PVC_1", "").boundTo("Vol_1"),
        makePVC("PVC_2", "").boundTo("Vol_2"),
        makePVC("PVC_3", "").boundTo("Vol_3"),
        makePVC("PVC_4", "").boundTo("Vol_not_exist"),
        makePVC("PVC_Stable_1", "").boundTo("Vol_Stable_1"),
        makePVC("PVC_Stable_2", "").boundTo("Vol_Stable_2"),
        makePVC("PVC_Multi", "").boundTo("Vol_Multi"),
        makePVC("PVC_Bad", "").boundTo("Vol_Bad"),
        makePVC("PVC_NoSC", ""),
        makePVC("PVC_EmptySC", std::nullopt),
        makePVC("PVC_WaitSC", "Class_Wait"),
        makePVC("PVC_ImmediateSC", "Class_Immediate"),
        makePVC("PVC_MissingSC", "Class_0"),
    };
    return storageObjects(pvs, pvcs,
                          {makeStorageClass("Class_Wait", "WaitForFirstConsumer"), makeStorageClass("Class_Immediate")});
}

struct Case {
    std::string name;
    api::Pod pod;
    api::Labels nodeLabels;
    Code preFilter = Code::Success;  // Skip: nothing to check
    std::string preFilterMessage;
    bool fits = true;
};

api::Pod pod(std::vector<std::string> claims) {
    PodBuilder b("pod");
    for (const auto& c : claims) b.pvc(c);
    return b.obj();
}

std::vector<Case> cases() {
    const std::string conflict = VolumeZone::kErrReasonConflict;
    return {
        {"pod without volume", PodBuilder("pod").obj(), {{kBetaZone, "us-west1-a"}}, Code::Skip, "", true},
        {"node without labels", pod({"PVC_1"}), {}, Code::Success, "", true},
        {"beta zone label matched", pod({"PVC_1"}), {{kBetaZone, "us-west1-a"}, {"uselessLabel", "none"}}, Code::Success, "", true},
        {"beta region label matched", pod({"PVC_2"}), {{kBetaRegion, "us-west1-b"}, {"uselessLabel", "none"}}, Code::Success, "", true},
        {"beta region label doesn't match", pod({"PVC_2"}), {{kBetaRegion, "no_us-west1-b"}, {"uselessLabel", "none"}},
         Code::Success, "", false},
        {"beta zone label doesn't match", pod({"PVC_1"}), {{kBetaZone, "no_us-west1-a"}, {"uselessLabel", "none"}},
         Code::Success, "", false},
        {"zone label matched", pod({"PVC_Stable_1"}), {{kZone, "us-west1-a"}, {"uselessLabel", "none"}}, Code::Success, "", true},
        {"region label matched", pod({"PVC_Stable_2"}), {{kRegion, "us-west1-b"}, {"uselessLabel", "none"}}, Code::Success, "", true},
        {"region label doesn't match", pod({"PVC_Stable_2"}), {{kRegion, "no_us-west1-b"}}, Code::Success, "", false},
        {"zone label doesn't match", pod({"PVC_Stable_1"}), {{kZone, "no_us-west1-a"}}, Code::Success, "", false},
        {"pv with beta label, node with ga label, matched", pod({"PVC_1"}), {{kZone, "us-west1-a"}}, Code::Success, "", true},
        {"pv with beta label, node with ga label, don't match", pod({"PVC_1"}), {{kZone, "us-west1-b"}}, Code::Success, "",
         false},
        {"pv with ga label, node with beta label only, don't match", pod({"PVC_Stable_1"}), {{kBetaZone, "us-west1-a"}},
         Code::Success, "", false},
        {"node in a zone lacks the volume's region label", pod({"PVC_3"}), {{kBetaZone, "us-west1-a"}},
         Code::Success, "", false},
        {"multi-zone volume, node in one of them", pod({"PVC_Multi"}), {{kBetaZone, "us-west1-a"}}, Code::Success, "", true},
        {"multi-zone volume, node in another zone", pod({"PVC_Multi"}), {{kBetaZone, "us-west1-c"}}, Code::Success, "",
         false},
        {"unparsable zone label is ignored", pod({"PVC_Bad"}), {{kZone, "us-west1-c"}}, Code::Skip, "", true},
        {"pv not found", pod({"PVC_4"}), {{kBetaZone, "us-west1-a"}}, Code::UnschedulableAndUnresolvable,
         "persistentvolume \"Vol_not_exist\" not found"},
        {"pvc not found", pod({"PVC_X"}), {}, Code::UnschedulableAndUnresolvable,
         "persistentvolumeclaim \"PVC_X\" not found"},
        // TestWithBinding
        {"unbound volume, no storage class", pod({"PVC_NoSC"}), {{kZone, "us-west1-a"}}, Code::UnschedulableAndUnresolvable,
         "PersistentVolumeClaim had no pv name and storageClass name"},
        {"unbound volume, storage class not set", pod({"PVC_EmptySC"}), {{kZone, "us-west1-a"}},
         Code::UnschedulableAndUnresolvable, "PersistentVolumeClaim had no pv name and storageClass name"},
        {"unbound volume, storage class not found", pod({"PVC_MissingSC"}), {{kZone, "us-west1-a"}},
         Code::UnschedulableAndUnresolvable, "storageclass.storage.k8s.io \"Class_0\" not found"},
        {"unbound volume immediate binding mode", pod({"PVC_ImmediateSC"}), {{kZone, "us-west1-a"}},
         Code::UnschedulableAndUnresolvable, "PersistentVolume had no name"},
        {"unbound volume wait binding mode", pod({"PVC_WaitSC"}), {{kZone, "us-west1-a"}}, Code::Skip, "", true},
        {"bound and unbound wait volumes", pod({"PVC_WaitSC", "PVC_1"}), {{kBetaZone, "us-west1-b"}}, Code::Success, "",
         false},
    };
}

}  // namespace

class TestPluginVolumeZone : public QObject {
    Q_OBJECT
private slots:
    void filter_data() {
        QTest::addColumn<int>("row");
        const auto all = cases();
        for (std::size_t i = 0; i < all.size(); ++i) QTest::newRow(all[i].name.c_str()) << static_cast<int>(i);
    }
    void filter() {
        QFETCH(int, row);
        const Case c = cases()[row];
        FakeHandle handle;
        handle.setCluster({makeNode("host1").withoutHostnameLabel().labels(c.nodeLabels).ptr()}, {}, objects());
        std::string error;
        auto plugin = newVolumeZone(nullptr, handle, error);
        auto* vz = dynamic_cast<VolumeZone*>(plugin.get());
        auto pod = PodInfo::make(std::make_shared<const api::Pod>(c.pod));
        CycleState state;
        PreFilterResult r;
        Status pre = vz->preFilter(state, *pod, r);
        QCOMPARE(codeName(pre.code()), codeName(c.preFilter));
        if (!c.preFilterMessage.empty()) QCOMPARE(pre.message(), c.preFilterMessage);
        if (c.preFilter != Code::Success) return;
        Status s = vz->filter(state, *pod, *handle.snapshot().get("host1"));
        if (c.fits) {
            QVERIFY2(s.isSuccess(), s.message().c_str());
        } else {
            QCOMPARE(codeName(s.code()), codeName(Code::UnschedulableAndUnresolvable));
            QCOMPARE(s.message(), std::string("node(s) had no available volume zone"));
        }
        // Without PreFilter state Filter computes the same answer itself.
        CycleState empty;
        QCOMPARE(vz->filter(empty, *pod, *handle.snapshot().get("host1")).isSuccess(), c.fits);
    }

    void labelZonesToSet() {
        std::set<std::string> zones;
        QVERIFY(VolumeZone::labelZonesToSet("us-west1-b__us-west1-a", zones));
        QCOMPARE(zones, (std::set<std::string>{"us-west1-a", "us-west1-b"}));
        QVERIFY(VolumeZone::labelZonesToSet(" a ", zones));
        QCOMPARE(zones, std::set<std::string>{"a"});
        QVERIFY(!VolumeZone::labelZonesToSet("a____b", zones));
        QVERIFY(!VolumeZone::labelZonesToSet("", zones));
    }
};

KS_TEST_MAIN(TestPluginVolumeZone)
#include "tst_plugin_volume_zone.moc"
