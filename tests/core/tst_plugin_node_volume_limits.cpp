// NodeVolumeLimits (CSILimits): limits from CSINode and from node allocatable, unique volumes,
// unbound claims counted through their class, and the PreFilter skip, after upstream's
// csi_test.go (TestCSILimits, v1.31).
#include "ks_test_main.h"
#include <QtTest>

#include "core/scheduler/plugins/node_volume_limits/node_volume_limits.h"
#include "sched_fake_handle.h"
#include "sched_test_builders.h"

using namespace ks;
using namespace ks::scheduler;
using namespace ks::scheduler::plugins;
using namespace ks::scheduler::testing;

namespace {

constexpr const char* kEBS = "ebs.csi.aws.com";
constexpr const char* kGCE = "pd.csi.storage.gke.io";

std::shared_ptr<ClusterObjects> storage(std::map<std::string, std::int64_t> csiNodeLimits) {
    std::vector<api::PersistentVolume> pvs;
    std::vector<api::PersistentVolumeClaim> pvcs;
    for (int i = 0; i < 4; ++i) {
        const std::string n = std::to_string(i);
        pvs.push_back(makePV("csi-ebs-" + n, "").csi(kEBS));
        pvcs.push_back(makePVC("csi-ebs-" + n, "").boundTo("csi-ebs-" + n));
        pvs.push_back(makePV("csi-gce-" + n, "").csi(kGCE));
        pvcs.push_back(makePVC("csi-gce-" + n, "").boundTo("csi-gce-" + n));
    }
    pvs.push_back(makePV("hostpath", ""));  // not a CSI volume
    pvcs.push_back(makePVC("hostpath", "").boundTo("hostpath"));
    pvcs.push_back(makePVC("unbound-ebs", "ebs-sc"));                      // counted through its class
    pvcs.push_back(makePVC("unbound-intree", "intree-sc"));                // in-tree provisioner: not counted
    pvcs.push_back(makePVC("prebound-missing-pv", "ebs-sc").volumeName("gone"));
    pvcs.push_back(makePVC("no-class", ""));
    auto objects = storageObjects(pvs, pvcs,
                                  {makeStorageClass("ebs-sc", "WaitForFirstConsumer", kEBS),
                                   makeStorageClass("intree-sc", "WaitForFirstConsumer", "kubernetes.io/aws-ebs")});
    if (!csiNodeLimits.empty()) objects->csiNodeVolumeLimits["node-1"] = std::move(csiNodeLimits);
    return objects;
}

api::Pod pod(const std::string& name, std::vector<std::string> claims, const std::string& node = {}) {
    PodBuilder b(name);
    if (!node.empty()) b.node(node);
    for (const auto& c : claims) b.pvc(c);
    return b.obj();
}

struct Case {
    std::string name;
    api::Pod newPod;
    std::vector<api::Pod> existing;
    std::map<std::string, std::int64_t> csiNodeLimits;
    std::vector<std::pair<std::string, std::string>> allocatable;  // node allocatable extras
    bool fits;
};

std::vector<Case> cases() {
    const std::vector<api::Pod> twoEbs = {pod("e1", {"csi-ebs-0"}, "node-1"), pod("e2", {"csi-ebs-1"}, "node-1")};
    return {
        {"fits when limit is bigger than requested volumes", pod("p", {"csi-ebs-2", "csi-ebs-3"}), twoEbs, {{kEBS, 4}}, {}, true},
        {"doesn't when limit is smaller than requested volumes", pod("p", {"csi-ebs-2", "csi-ebs-3"}), twoEbs, {{kEBS, 3}}, {},
         false},
        {"should count a volume used by an existing pod once", pod("p", {"csi-ebs-0", "csi-ebs-2"}), twoEbs, {{kEBS, 3}}, {},
         true},
        {"limits of another driver don't apply", pod("p", {"csi-gce-0", "csi-gce-1", "csi-gce-2"}), twoEbs, {{kEBS, 2}}, {},
         true},
        {"each driver has its own limit", pod("p", {"csi-gce-0", "csi-gce-1", "csi-gce-2"}), twoEbs, {{kEBS, 4}, {kGCE, 2}},
         {}, false},
        {"no limits for the node: always fits", pod("p", {"csi-ebs-2", "csi-ebs-3"}), twoEbs, {}, {}, true},
        {"limit from node allocatable when there is no CSINode", pod("p", {"csi-ebs-2"}), twoEbs, {},
         {{"attachable-volumes-csi-ebs.csi.aws.com", "2"}}, false},
        {"CSINode count overrides node allocatable", pod("p", {"csi-ebs-2"}), twoEbs, {{kEBS, 3}},
         {{"attachable-volumes-csi-ebs.csi.aws.com", "2"}}, true},
        {"unbound claim counted through its class provisioner", pod("p", {"unbound-ebs"}), twoEbs, {{kEBS, 2}}, {}, false},
        {"claim pre-bound to a missing PV counted through its class", pod("p", {"prebound-missing-pv"}), twoEbs, {{kEBS, 2}},
         {}, false},
        {"in-tree provisioner without migration is not counted", pod("p", {"unbound-intree"}), twoEbs, {{kEBS, 2}}, {}, true},
        {"non-CSI volume is not counted", pod("p", {"hostpath"}), twoEbs, {{kEBS, 2}}, {}, true},
        {"claim without class is not counted", pod("p", {"no-class"}), twoEbs, {{kEBS, 2}}, {}, true},
        {"existing pod with a missing claim is not counted", pod("p", {"csi-ebs-2"}),
         {pod("e1", {"csi-ebs-0"}, "node-1"), pod("e2", {"missing"}, "node-1")}, {{kEBS, 2}}, {}, true},
    };
}

}  // namespace

class TestPluginNodeVolumeLimits : public QObject {
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
        std::vector<std::shared_ptr<const api::Pod>> existing;
        for (const auto& p : c.existing) existing.push_back(std::make_shared<const api::Pod>(p));
        NodeBuilder nb = makeNode("node-1");
        if (!c.allocatable.empty()) nb.allocatable(c.allocatable);
        handle.setCluster({nb.ptr()}, existing, storage(c.csiNodeLimits));
        std::string error;
        auto plugin = newNodeVolumeLimits(nullptr, handle, error);
        auto* nvl = dynamic_cast<NodeVolumeLimits*>(plugin.get());
        auto p = PodInfo::make(std::make_shared<const api::Pod>(c.newPod));
        CycleState state;
        PreFilterResult r;
        QVERIFY(nvl->preFilter(state, *p, r).isSuccess());
        Status s = nvl->filter(state, *p, *handle.snapshot().get("node-1"));
        if (c.fits) {
            QVERIFY2(s.isSuccess(), s.message().c_str());
        } else {
            QCOMPARE(codeName(s.code()), codeName(Code::Unschedulable));
            QCOMPARE(s.message(), std::string("node(s) exceed max volume count"));
        }
    }

    void missingClaimOfTheNewPod() {
        FakeHandle handle;
        handle.setCluster({makeNode("node-1").ptr()}, {}, storage({{kEBS, 2}}));
        std::string error;
        auto plugin = newNodeVolumeLimits(nullptr, handle, error);
        auto* nvl = dynamic_cast<NodeVolumeLimits*>(plugin.get());
        auto p = PodInfo::make(PodBuilder("p").pvc("missing").ptr());
        CycleState state;
        Status s = nvl->filter(state, *p, *handle.snapshot().get("node-1"));
        QCOMPARE(codeName(s.code()), codeName(Code::UnschedulableAndUnresolvable));
        QCOMPARE(s.message(), std::string("looking up PVC default/missing: persistentvolumeclaim \"missing\" not found"));
    }

    void preFilterSkipsPodsWithoutClaims() {
        FakeHandle handle;
        std::string error;
        auto plugin = newNodeVolumeLimits(nullptr, handle, error);
        auto* nvl = dynamic_cast<NodeVolumeLimits*>(plugin.get());
        CycleState state;
        PreFilterResult r;
        QVERIFY(nvl->preFilter(state, *PodInfo::make(PodBuilder("p").emptyDir("tmp").ptr()), r).isSkip());
        QVERIFY(nvl->preFilter(state, *PodInfo::make(PodBuilder("p").ephemeralVolume("data").ptr()), r).isSuccess());
        QCOMPARE(NodeVolumeLimits::attachLimitKey(kEBS), std::string("attachable-volumes-csi-ebs.csi.aws.com"));
    }
};

KS_TEST_MAIN(TestPluginNodeVolumeLimits)
#include "tst_plugin_node_volume_limits.moc"
