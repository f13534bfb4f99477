// VolumeBinding: PreFilter and Filter rows ported from upstream's volume_binding_test.go (v1.31),
// the claim-to-volume matching rules of FindMatchingVolume, dynamic provisioning with
// allowedTopologies, and Reserve / Unreserve / PreBind writing the bindings.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/yaml_reader.h"
#include "core/scheduler/plugins/volume_binding/pv_helpers.h"
#include "core/scheduler/plugins/volume_binding/volume_binding.h"
#include "sched_fake_handle.h"
#include "sched_test_builders.h"

using namespace ks;
using namespace ks::scheduler;
using namespace ks::scheduler::plugins;
using namespace ks::scheduler::testing;

namespace {

const char* const kBind = VolumeBinder::kErrReasonBindConflict;
const char* const kNodeConflict = VolumeBinder::kErrReasonNodeConflict;
const char* const kPVNotExist = VolumeBinder::kErrReasonPVNotExist;

std::vector<api::StorageClass> classes() {
    auto provisioned = makeStorageClass("csi-wait", "WaitForFirstConsumer", "ebs.csi.aws.com");
    auto zoned = makeStorageClass("csi-zone-a", "WaitForFirstConsumer", "ebs.csi.aws.com");
    zoned.allowedTopologies.push_back({{{"topology.kubernetes.io/zone", "In", {"zone-a"}}}, {}});
    return {makeStorageClass("immediate-sc", "Immediate", ""), makeStorageClass("wait-sc", "WaitForFirstConsumer", ""),
            makeStorageClass("wait-hdd-sc", "WaitForFirstConsumer", ""), provisioned, zoned};
}

struct Case {
    std::string name;
    api::Pod pod;
    std::vector<std::shared_ptr<const api::Node>> nodes;
    std::vector<api::PersistentVolumeClaim> pvcs;
    std::vector<api::PersistentVolume> pvs;
    // PreFilter: the status code and message (Success: run Filter on every node).
    Code preFilterCode = Code::Success;
    std::string preFilterMessage;
    std::optional<std::set<std::string>> preFilterNodes;
    // Filter, per node: the reasons (empty: feasible).
    std::vector<std::vector<std::string>> filterReasons;
};

api::Pod pod(std::vector<std::string> claims) {
    PodBuilder b("pod-a");
    for (const auto& c : claims) b.pvc(c);
    return b.obj();
}

std::shared_ptr<const api::Node> node(const std::string& name, api::Labels labels = {}) {
    return makeNode(name).labels(labels).ptr();
}

std::vector<Case> cases() {
    const auto localA = [](const std::string& name, const std::string& cls, const std::string& size, const std::string& n) {
        return makePV(name, cls).phase("Available").capacity(size).nodeAffinity({{"kubernetes.io/hostname", {n}}}).obj();
    };
    return {
        // volume_binding_test.go TestVolumeBinding
        {"pod has not pvcs", PodBuilder("pod-a").obj(), {node("node-a")}, {}, {}, Code::Skip, "", {}, {}},
        {"all bound", pod({"pvc-a"}), {node("node-a")}, {makePVC("pvc-a", "wait-sc").boundTo("pv-a")},
         {makePV("pv-a", "wait-sc").phase("Available")}, Code::Success, "", std::nullopt, {{}}},
        {"all bound with local volumes", pod({"pvc-a", "pvc-b"}), {node("node-a")},
         {makePVC("pvc-a", "wait-sc").boundTo("pv-a"), makePVC("pvc-b", "wait-sc").boundTo("pv-b")},
         {makePV("pv-a", "wait-sc").phase("Bound").nodeAffinity({{"kubernetes.io/hostname", {"node-a"}}}),
          makePV("pv-b", "wait-sc").phase("Bound").nodeAffinity({{"kubernetes.io/hostname", {"node-a"}}})},
         Code::Success, "", std::set<std::string>{"node-a"}, {{}}},
        {"PVC does not exist", pod({"pvc-a"}), {node("node-a")}, {}, {}, Code::UnschedulableAndUnresolvable,
         "persistentvolumeclaim \"pvc-a\" not found", {}, {}},
        {"Part of PVCs do not exist", pod({"pvc-a", "pvc-b"}), {node("node-a")},
         {makePVC("pvc-a", "wait-sc").boundTo("pv-a")}, {}, Code::UnschedulableAndUnresolvable,
         "persistentvolumeclaim \"pvc-b\" not found", {}, {}},
        {"immediate claims not bound", pod({"pvc-a"}), {node("node-a")}, {makePVC("pvc-a", "immediate-sc")}, {},
         Code::UnschedulableAndUnresolvable, "pod has unbound immediate PersistentVolumeClaims", {}, {}},
        {"unbound claims no matches", pod({"pvc-a"}), {node("node-a")}, {makePVC("pvc-a", "wait-sc")}, {}, Code::Success,
         "", std::nullopt, {{kBind}}},
        {"bound and unbound unsatisfied", pod({"pvc-a", "pvc-b"}), {node("node-a", {{"foo", "barbar"}})},
         {makePVC("pvc-a", "wait-sc").boundTo("pv-a"), makePVC("pvc-b", "wait-sc")},
         {makePV("pv-a", "wait-sc").phase("Available").nodeAffinity({{"foo", {"bar"}}})}, Code::Success, "", std::nullopt,
         {{kNodeConflict, kBind}}},
        {"pv not found", pod({"pvc-a"}), {node("node-a")}, {makePVC("pvc-a", "wait-sc").boundTo("pv-a")}, {},
         Code::Success, "", std::nullopt, {{kPVNotExist}}},
        {"pv not found claim lost", pod({"pvc-a"}), {node("node-a")},
         {makePVC("pvc-a", "wait-sc").boundTo("pv-a").phase("Lost")}, {}, Code::UnschedulableAndUnresolvable,
         "persistentvolumeclaim \"pvc-a\" bound to non-existent persistentvolume \"pv-a\"", {}, {}},
        {"local volumes with close capacity are preferred", pod({"pvc-a"}),
         {node("node-a"), node("node-b"), node("node-c")}, {makePVC("pvc-a", "wait-sc").request("50Gi")},
         {localA("pv-a-0", "wait-sc", "200Gi", "node-a"), localA("pv-a-1", "wait-sc", "200Gi", "node-a"),
          localA("pv-b-0", "wait-sc", "100Gi", "node-b"), localA("pv-b-1", "wait-sc", "100Gi", "node-b")},
         Code::Success, "", std::nullopt, {{}, {}, {kBind}}},
        {"local volumes with close capacity are preferred (multiple pvcs)", pod({"pvc-0", "pvc-1"}),
         {node("node-a"), node("node-b"), node("node-c")},
         {makePVC("pvc-0", "wait-sc").request("50Gi"), makePVC("pvc-1", "wait-hdd-sc").request("100Gi")},
         {localA("pv-a-0", "wait-sc", "200Gi", "node-a"), localA("pv-a-1", "wait-sc", "200Gi", "node-a"),
          localA("pv-a-2", "wait-hdd-sc", "200Gi", "node-a"), localA("pv-a-3", "wait-hdd-sc", "200Gi", "node-a"),
          localA("pv-b-0", "wait-sc", "100Gi", "node-b"), localA("pv-b-1", "wait-sc", "100Gi", "node-b"),
          localA("pv-b-2", "wait-hdd-sc", "100Gi", "node-b"), localA("pv-b-3", "wait-hdd-sc", "100Gi", "node-b")},
         Code::Success, "", std::nullopt, {{}, {}, {kBind}}},
        // More PreFilter texts (volume_binding.go podHasPVCs).
        {"claim is being deleted", pod({"pvc-a"}), {node("node-a")}, {makePVC("pvc-a", "wait-sc").deleting()}, {},
         Code::UnschedulableAndUnresolvable, "persistentvolumeclaim \"pvc-a\" is being deleted", {}, {}},
        {"ephemeral volume claim not created yet", PodBuilder("pod-a").ephemeralVolume("scratch").obj(), {node("node-a")},
         {}, {}, Code::UnschedulableAndUnresolvable,
         "waiting for ephemeral volume controller to create the persistentvolumeclaim \"pod-a-scratch\"", {}, {}},
        {"ephemeral volume claim of another pod", PodBuilder("pod-a").ephemeralVolume("scratch").obj(), {node("node-a")},
         {makePVC("pod-a-scratch", "wait-sc").ownedByPod("other")}, {}, Code::UnschedulableAndUnresolvable,
         "PVC default/pod-a-scratch was not created for pod default/pod-a (pod is not owner)", {}, {}},
        {"user pre-bound claim is an unbound immediate claim", pod({"pvc-a"}), {node("node-a")},
         {makePVC("pvc-a", "wait-sc").volumeName("pv-a")}, {makePV("pv-a", "wait-sc")},
         Code::UnschedulableAndUnresolvable, "pod has unbound immediate PersistentVolumeClaims", {}, {}},
        {"claim of a missing class binds immediately", pod({"pvc-a"}), {node("node-a")},
         {makePVC("pvc-a", "no-such-class")}, {}, Code::UnschedulableAndUnresolvable,
         "pod has unbound immediate PersistentVolumeClaims", {}, {}},
        // FindMatchingVolume's criteria for WaitForFirstConsumer claims.
        {"bound volume node affinity conflict", pod({"pvc-a"}), {node("node-a"), node("node-b")},
         {makePVC("pvc-a", "wait-sc").boundTo("pv-a")},
         {makePV("pv-a", "wait-sc").phase("Bound").nodeAffinity({{"kubernetes.io/hostname", {"node-b"}}})},
         Code::Success, "", std::set<std::string>{"node-b"}, {{kNodeConflict}, {}}},
        {"access modes must all be offered", pod({"pvc-a"}), {node("node-a")},
         {makePVC("pvc-a", "wait-sc").accessModes({"ReadWriteMany"})}, {makePV("pv-a", "wait-sc")}, Code::Success, "",
         std::nullopt, {{kBind}}},
        {"volume too small", pod({"pvc-a"}), {node("node-a")}, {makePVC("pvc-a", "wait-sc").request("5Gi")},
         {makePV("pv-a", "wait-sc").capacity("4Gi")}, Code::Success, "", std::nullopt, {{kBind}}},
        {"volume of another class", pod({"pvc-a"}), {node("node-a")}, {makePVC("pvc-a", "wait-sc")},
         {makePV("pv-a", "wait-hdd-sc")}, Code::Success, "", std::nullopt, {{kBind}}},
        {"selector must match the volume's labels", pod({"pvc-a"}), {node("node-a")},
         {makePVC("pvc-a", "wait-sc").selector(sel({{"tier", "fast"}}))}, {makePV("pv-a", "wait-sc").label("tier", "slow")},
         Code::Success, "", std::nullopt, {{kBind}}},
        {"volumeMode must match", pod({"pvc-a"}), {node("node-a")}, {makePVC("pvc-a", "wait-sc").volumeMode("Block")},
         {makePV("pv-a", "wait-sc")}, Code::Success, "", std::nullopt, {{kBind}}},
        {"volume bound to another claim is taken", pod({"pvc-a"}), {node("node-a")}, {makePVC("pvc-a", "wait-sc")},
         {makePV("pv-a", "wait-sc").claimRef("default", "other")}, Code::Success, "", std::nullopt, {{kBind}}},
        {"volume being deleted", pod({"pvc-a"}), {node("node-a")}, {makePVC("pvc-a", "wait-sc")},
         {makePV("pv-a", "wait-sc").deleting()}, Code::Success, "", std::nullopt, {{kBind}}},
        {"released volume is not available", pod({"pvc-a"}), {node("node-a")}, {makePVC("pvc-a", "wait-sc")},
         {makePV("pv-a", "wait-sc").phase("Released")}, Code::Success, "", std::nullopt, {{kBind}}},
        {"unbound claim: volume node affinity decides the node", pod({"pvc-a"}),
         {node("node-a", {{"topology.kubernetes.io/zone", "zone-a"}}), node("node-b", {{"topology.kubernetes.io/zone", "zone-b"}})},
         {makePVC("pvc-a", "wait-sc")},
         {makePV("pv-a", "wait-sc").nodeAffinity({{"topology.kubernetes.io/zone", {"zone-b"}}})}, Code::Success, "",
         std::nullopt, {{kBind}, {}}},
        // Dynamic provisioning.
        {"provisioner without allowedTopologies fits every node", pod({"pvc-a"}), {node("node-a"), node("node-b")},
         {makePVC("pvc-a", "csi-wait")}, {}, Code::Success, "", std::nullopt, {{}, {}}},
        {"allowedTopologies restrict provisioning", pod({"pvc-a"}),
         {node("node-a", {{"topology.kubernetes.io/zone", "zone-a"}}), node("node-b", {{"topology.kubernetes.io/zone", "zone-b"}})},
         {makePVC("pvc-a", "csi-zone-a")}, {}, Code::Success, "", std::nullopt, {{}, {kBind}}},
        {"provisioning already started on another node", pod({"pvc-a"}), {node("node-a"), node("node-b")},
         {makePVC("pvc-a", "csi-wait").annotation("volume.kubernetes.io/selected-node", "node-b")}, {}, Code::Success, "",
         std::nullopt, {{kBind}, {}}},
    };
}

struct Fixture {
    FakeHandle handle;
    std::unique_ptr<VolumeBinding> plugin;
    Fixture(const std::vector<std::shared_ptr<const api::Node>>& nodes, const std::vector<api::PersistentVolumeClaim>& pvcs,
            const std::vector<api::PersistentVolume>& pvs, std::vector<std::shared_ptr<const api::Pod>> pods = {}) {
        handle.setCluster(nodes, pods, storageObjects(pvs, pvcs, classes()));
        std::string error;
        auto p = newVolumeBinding(nullptr, handle, error);
        plugin.reset(dynamic_cast<VolumeBinding*>(p.release()));
    }
};

const api::Value* field(const api::Value& v, const char* path) { return v.at(path); }

}  // namespace

class TestPluginVolumeBinding : public QObject {
    Q_OBJECT
private slots:
    void preFilterAndFilter_data() {
        QTest::addColumn<int>("row");
        const auto all = cases();
        for (std::size_t i = 0; i < all.size(); ++i) QTest::newRow(all[i].name.c_str()) << static_cast<int>(i);
    }
    void preFilterAndFilter() {
        QFETCH(int, row);
        const Case c = cases()[row];
        Fixture f(c.nodes, c.pvcs, c.pvs);
        auto pod = PodInfo::make(std::make_shared<const api::Pod>(c.pod));
        CycleState state;
        PreFilterResult result;
        Status s = f.plugin->preFilter(state, *pod, result);
        QCOMPARE(codeName(s.code()), codeName(c.preFilterCode));
        if (!c.preFilterMessage.empty()) QCOMPARE(s.message(), c.preFilterMessage);
        if (c.preFilterCode != Code::Success) return;
        QCOMPARE(result.nodeNames, c.preFilterNodes);
        QCOMPARE(c.filterReasons.size(), c.nodes.size());
        for (std::size_t i = 0; i < c.nodes.size(); ++i) {
            Status fs = f.plugin->filter(state, *pod, *f.handle.snapshot().get(c.nodes[i]->metadata.name));
            if (c.filterReasons[i].empty()) {
                QVERIFY2(fs.isSuccess(), (c.nodes[i]->metadata.name + ": " + fs.message()).c_str());
            } else {
                QCOMPARE(codeName(fs.code()), codeName(Code::UnschedulableAndUnresolvable));
                QCOMPARE(fs.reasons(), c.filterReasons[i]);
            }
        }
        // v1.31 has no volume scorer: PreScore skips, Score is 0.
        QVERIFY(f.plugin->preScore(state, *pod, {}).isSkip());
    }

    // The smallest volume that fits is chosen, and a volume pre-bound to the claim wins over it.
    void matchingPicksSmallestOrPreBound() {
        const auto claim = makePVC("pvc-a", "wait-sc").request("10Gi").obj();
        const std::vector<api::PersistentVolume> pvs = {makePV("big", "wait-sc").capacity("100Gi"),
                                                        makePV("small", "wait-sc").capacity("20Gi"),
                                                        makePV("tiny", "wait-sc").capacity("5Gi")};
        std::vector<const api::PersistentVolume*> ptrs;
        for (const auto& pv : pvs) ptrs.push_back(&pv);
        auto n = makeNode("node-a").obj();
        const api::PersistentVolume* got = volume::findMatchingVolume(claim, "wait-sc", ptrs, &n, {});
        QVERIFY(got);
        QCOMPARE(got->metadata.name, std::string("small"));
        // Already chosen for another claim of the pod: the next smallest.
        got = volume::findMatchingVolume(claim, "wait-sc", ptrs, &n, {{"small", true}});
        QCOMPARE(got->metadata.name, std::string("big"));
        // Pre-bound by the user (claimRef without uid) to this claim.
        const auto preBound = makePV("reserved", "wait-sc").capacity("500Gi").claimRef("default", "pvc-a").obj();
        ptrs.push_back(&preBound);
        got = volume::findMatchingVolume(claim, "wait-sc", ptrs, &n, {});
        QCOMPARE(got->metadata.name, std::string("reserved"));
    }

    // Reserve assumes the binding (another pod's claim cannot take the volume), Unreserve reverts,
    // PreBind writes the PV's claimRef and completes the claim.
    void reserveAndPreBindStaticBinding() {
        Fixture f({node("node-a")}, {makePVC("pvc-a", "wait-sc"), makePVC("pvc-b", "wait-sc")},
                  {makePV("pv-a", "wait-sc").phase("Available")});
        auto podA = PodInfo::make(std::make_shared<const api::Pod>(pod({"pvc-a"})));
        auto podB = PodInfo::make(PodBuilder("pod-b").pvc("pvc-b").ptr());
        const NodeInfo& nodeA = *f.handle.snapshot().get("node-a");

        CycleState state;
        PreFilterResult r;
        QVERIFY(f.plugin->preFilter(state, *podA, r).isSuccess());
        QVERIFY(f.plugin->filter(state, *podA, nodeA).isSuccess());
        QVERIFY(f.plugin->reserve(state, *podA, "node-a").isSuccess());
        auto assumed = f.plugin->binder().getPV("pv-a");
        QVERIFY(assumed);
        QCOMPARE(assumed->claimRefName, std::string("pvc-a"));
        QCOMPARE(assumed->metadata.annotations.at("pv.kubernetes.io/bound-by-controller"), std::string("yes"));

        // pod-b's claim no longer finds pv-a.
        CycleState stateB;
        QVERIFY(f.plugin->preFilter(stateB, *podB, r).isSuccess());
        Status sb = f.plugin->filter(stateB, *podB, nodeA);
        QCOMPARE(sb.reasons(), std::vector<std::string>{kBind});

        // Unreserve gives the volume back.
        f.plugin->unreserve(state, *podA, "node-a");
        QVERIFY(f.plugin->binder().getPV("pv-a")->claimRefName.empty());
        CycleState stateB2;
        QVERIFY(f.plugin->preFilter(stateB2, *podB, r).isSuccess());
        QVERIFY(f.plugin->filter(stateB2, *podB, nodeA).isSuccess());

        // A new cycle for pod-a: reserve again and bind.
        CycleState again;
        QVERIFY(f.plugin->preFilter(again, *podA, r).isSuccess());
        QVERIFY(f.plugin->filter(again, *podA, nodeA).isSuccess());
        QVERIFY(f.plugin->reserve(again, *podA, "node-a").isSuccess());
        QVERIFY(f.plugin->preBind(again, *podA, "node-a").isSuccess());
        QCOMPARE(f.handle.updatedObjects.size(), std::size_t{2});
        const api::Value& pv = f.handle.updatedObjects[0];
        QCOMPARE(pv.str("kind"), std::string("PersistentVolume"));
        QCOMPARE(field(pv, "metadata.name")->text(), std::string("pv-a"));
        QCOMPARE(field(pv, "spec.claimRef.kind")->text(), std::string("PersistentVolumeClaim"));
        QCOMPARE(field(pv, "spec.claimRef.name")->text(), std::string("pvc-a"));
        QCOMPARE(field(pv, "spec.claimRef.namespace")->text(), std::string("default"));
        QCOMPARE(field(pv, "spec.claimRef.uid")->text(), std::string("default-pvc-a-uid"));
        QCOMPARE(field(pv, "metadata.annotations")->str("pv.kubernetes.io/bound-by-controller"), std::string("yes"));
        const api::Value& pvc = f.handle.updatedObjects[1];
        QCOMPARE(pvc.str("kind"), std::string("PersistentVolumeClaim"));
        QCOMPARE(field(pvc, "spec.volumeName")->text(), std::string("pv-a"));
        QCOMPARE(field(pvc, "metadata.annotations")->str("pv.kubernetes.io/bind-completed"), std::string("yes"));
        QCOMPARE(field(pvc, "status.phase")->text(), std::string("Bound"));
        // The claim now counts as bound for the next pod that uses it.
        QVERIFY(f.plugin->binder().arePodVolumesBound(*podA->pod));
    }

    // PreBind keeps every field of the stored object (ClusterObjects' whole objects).
    void preBindUpdatesTheStoredObject() {
        auto objects = storageObjects({makePV("pv-a", "wait-sc")}, {makePVC("pvc-a", "wait-sc")}, classes());
        auto read = api::readYaml("apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-a\n"
                                  "spec:\n  capacity: {storage: 1Gi}\n  csi: {driver: ebs.csi.aws.com, volumeHandle: vol-0123}\n"
                                  "  storageClassName: wait-sc\n",
                                  "pv.yaml");
        objects->persistentVolumeObjects["pv-a"] = read.documents.front();
        FakeHandle handle;
        handle.setCluster({node("node-a")}, {}, objects);
        std::string error;
        auto p = newVolumeBinding(nullptr, handle, error);
        auto* vb = dynamic_cast<VolumeBinding*>(p.get());
        auto podA = PodInfo::make(std::make_shared<const api::Pod>(pod({"pvc-a"})));
        CycleState state;
        PreFilterResult r;
        QVERIFY(vb->preFilter(state, *podA, r).isSuccess());
        QVERIFY(vb->filter(state, *podA, *handle.snapshot().get("node-a")).isSuccess());
        QVERIFY(vb->reserve(state, *podA, "node-a").isSuccess());
        QVERIFY(vb->preBind(state, *podA, "node-a").isSuccess());
        const api::Value& pv = handle.updatedObjects.front();
        QCOMPARE(pv.at("spec.csi.volumeHandle")->text(), std::string("vol-0123"));
        QCOMPARE(pv.at("spec.claimRef.name")->text(), std::string("pvc-a"));
    }

    // Dynamic provisioning: Reserve assumes the selected-node annotation, PreBind writes it.
    void reserveAndPreBindDynamicProvisioning() {
        Fixture f({node("node-a"), node("node-b")}, {makePVC("pvc-a", "csi-wait")}, {});
        auto podA = PodInfo::make(std::make_shared<const api::Pod>(pod({"pvc-a"})));
        CycleState state;
        PreFilterResult r;
        QVERIFY(f.plugin->preFilter(state, *podA, r).isSuccess());
        for (const char* n : {"node-a", "node-b"})
            QVERIFY(f.plugin->filter(state, *podA, *f.handle.snapshot().get(n)).isSuccess());
        QVERIFY(f.plugin->reserve(state, *podA, "node-b").isSuccess());
        auto claim = f.plugin->binder().getPVC("default", "pvc-a");
        QCOMPARE(claim->metadata.annotations.at("volume.kubernetes.io/selected-node"), std::string("node-b"));
        QVERIFY(f.plugin->preBind(state, *podA, "node-b").isSuccess());
        QCOMPARE(f.handle.updatedObjects.size(), std::size_t{1});
        const api::Value& pvc = f.handle.updatedObjects.front();
        QCOMPARE(pvc.str("kind"), std::string("PersistentVolumeClaim"));
        QCOMPARE(pvc.at("metadata.annotations")->str("volume.kubernetes.io/selected-node"), std::string("node-b"));
        QVERIFY(!pvc.at("spec.volumeName"));

        // A second pod sharing the claim now has to follow it to node-b.
        auto podB = PodInfo::make(PodBuilder("pod-b").pvc("pvc-a").ptr());
        CycleState stateB;
        QVERIFY(f.plugin->preFilter(stateB, *podB, r).isSuccess());
        QCOMPARE(f.plugin->filter(stateB, *podB, *f.handle.snapshot().get("node-a")).reasons(), std::vector<std::string>{kBind});
        QVERIFY(f.plugin->filter(stateB, *podB, *f.handle.snapshot().get("node-b")).isSuccess());
    }

    void preBindFailureIsAnError() {
        Fixture f({node("node-a")}, {makePVC("pvc-a", "wait-sc")}, {makePV("pv-a", "wait-sc")});
        f.handle.updateStatus = Status::error("persistentvolumes \"pv-a\" conflict");
        auto podA = PodInfo::make(std::make_shared<const api::Pod>(pod({"pvc-a"})));
        CycleState state;
        PreFilterResult r;
        QVERIFY(f.plugin->preFilter(state, *podA, r).isSuccess());
        QVERIFY(f.plugin->filter(state, *podA, *f.handle.snapshot().get("node-a")).isSuccess());
        QVERIFY(f.plugin->reserve(state, *podA, "node-a").isSuccess());
        Status s = f.plugin->preBind(state, *podA, "node-a");
        QCOMPARE(s.code(), Code::Error);
        // The assumed binding is dropped again.
        QVERIFY(f.plugin->binder().getPV("pv-a")->claimRefName.empty());
    }

    void allBoundNeedsNoWrites() {
        Fixture f({node("node-a")}, {makePVC("pvc-a", "wait-sc").boundTo("pv-a")}, {makePV("pv-a", "wait-sc")});
        auto podA = PodInfo::make(std::make_shared<const api::Pod>(pod({"pvc-a"})));
        CycleState state;
        PreFilterResult r;
        QVERIFY(f.plugin->preFilter(state, *podA, r).isSuccess());
        QVERIFY(f.plugin->filter(state, *podA, *f.handle.snapshot().get("node-a")).isSuccess());
        QVERIFY(f.plugin->reserve(state, *podA, "node-a").isSuccess());
        QVERIFY(f.plugin->preBind(state, *podA, "node-a").isSuccess());
        QVERIFY(f.handle.updatedObjects.empty());
    }

    void defaultStorageClassAppliesToClaimsWithoutOne() {
        auto objects = storageObjects({}, {makePVC("pvc-a", std::nullopt)}, classes());
        auto sc = makeStorageClass("standard", "WaitForFirstConsumer", "ebs.csi.aws.com");
        sc.metadata.annotations["storageclass.kubernetes.io/is-default-class"] = "true";
        objects->storageClasses["standard"] = sc;
        QCOMPARE(volume::claimClass(objects->persistentVolumeClaims["default/pvc-a"], *objects), std::string("standard"));
        FakeHandle handle;
        handle.setCluster({node("node-a")}, {}, objects);
        std::string error;
        auto p = newVolumeBinding(nullptr, handle, error);
        auto* vb = dynamic_cast<VolumeBinding*>(p.get());
        auto podA = PodInfo::make(std::make_shared<const api::Pod>(pod({"pvc-a"})));
        CycleState state;
        PreFilterResult r;
        QVERIFY(vb->preFilter(state, *podA, r).isSuccess());
        QVERIFY(vb->filter(state, *podA, *handle.snapshot().get("node-a")).isSuccess());
    }

    void args_data() {
        QTest::addColumn<QString>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("negative timeout") << "bindTimeoutSeconds: -1\n"
                                          << "bindTimeoutSeconds: Invalid value: -1: invalid BindTimeoutSeconds, should not be a negative value";
        QTest::newRow("shape without the feature gate")
            << "shape:\n- {utilization: 0, score: 0}\n- {utilization: 100, score: 10}\n"
            << "shape: Invalid value: []config.UtilizationShapePoint{config.UtilizationShapePoint{Utilization:0, Score:0}, "
               "config.UtilizationShapePoint{Utilization:100, Score:10}}: unexpected field `shape`, remove it or turn on the "
               "feature gate VolumeCapacityPriority";
        QTest::newRow("valid") << "bindTimeoutSeconds: 30\n" << "";
    }
    void args() {
        QFETCH(QString, args);
        QFETCH(QString, error);
        FakeHandle handle;
        auto v = api::readYaml(args.toStdString(), "args.yaml").documents.front();
        std::string got;
        auto p = newVolumeBinding(&v, handle, got);
        QCOMPARE(QString::fromStdString(got), error);
        QCOMPARE(p != nullptr, error.isEmpty());
        if (p) QCOMPARE(dynamic_cast<VolumeBinding*>(p.get())->bindTimeoutSeconds(), std::int64_t{30});
    }
};

KS_TEST_MAIN(TestPluginVolumeBinding)
#include "tst_plugin_volume_binding.moc"
