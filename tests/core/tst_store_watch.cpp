// Tests the store's watch: event order and types, replay from an old resourceVersion,
// compaction and bounded history (Gone with upstream's wording), selector-filtered watches,
// initial events, queued non-reentrant delivery, the dispatch hook, and snapshot restore.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/yaml_reader.h"
#include "core/store/api_store.h"
#include "core/store/object_meta.h"

using namespace ks;
using namespace ks::store;
using api::Value;

namespace {

Value yaml(const std::string& text) {
    auto r = api::readYaml(text, "t.yaml");
    if (!r.ok() || r.documents.empty()) qFatal("bad test YAML: %s", text.c_str());
    return r.documents.front();
}

QString S(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

Value pod(const std::string& name, const std::string& node = {}) {
    Value p = yaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name +
                   "\n  namespace: default\nspec:\n  containers:\n  - name: c\n    image: nginx\n");
    if (!node.empty()) p.child("spec").set("nodeName", Value::string(node));
    return p;
}

// Records "TYPE name@rv" lines.
struct Recorder {
    QStringList lines;
    WatchCallback callback() {
        return [this](const WatchEvent& e) {
            lines << S(toString(e.type)) + " " + S(metaString(*e.object, "name")) + "@" + QString::number(e.resourceVersion);
        };
    }
};

}  // namespace

class TestStoreWatch : public QObject {
    Q_OBJECT
private slots:
    void eventsInResourceVersionOrder() {
        ApiStore store;
        Recorder rec;
        auto w = store.watch("Pod", 0, rec.callback());
        QVERIFY(w.ok());
        QVERIFY(store.create(pod("a")).ok());
        QVERIFY(store.create(yaml("apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n")).ok());  // other kind
        QVERIFY(store.bind("default", "a", "n1").ok());
        QVERIFY(store.create(pod("b")).ok());
        QVERIFY(store.remove({"Pod", "default", "a"}).ok());
        QCOMPARE(rec.lines, QStringList({"ADDED a@1", "MODIFIED a@3", "ADDED b@4", "MODIFIED a@5", "DELETED a@6"}));
    }

    void deletedEventCarriesLastStateAndItsVersion() {
        ApiStore store;
        ObjectPtr deleted, previous;
        QVERIFY(store.create(pod("a")).ok());
        store.watch("Pod", 0, [&](const WatchEvent& e) {
            if (e.type == EventType::Deleted) {
                deleted = e.object;
                previous = e.previous;
            }
        });
        QVERIFY(store.remove({"Pod", "default", "a"}, 0).ok());
        QVERIFY(deleted);
        QCOMPARE(S(metaString(*deleted, "resourceVersion")), QString("3"));
        QCOMPARE(S(metaString(*previous, "resourceVersion")), QString("2"));
        QVERIFY(!metaString(*deleted, "deletionTimestamp").empty());
    }

    void replayFromAnOldResourceVersion() {
        ApiStore store;
        QVERIFY(store.create(pod("a")).ok());
        QVERIFY(store.create(pod("b")).ok());
        QVERIFY(store.mergePatch({"Pod", "default", "a"}, yaml(R"({"metadata":{"labels":{"x":"1"}}})")).ok());
        Recorder rec;
        QVERIFY(store.watch("Pod", 1, rec.callback()).ok());
        QCOMPARE(rec.lines, QStringList({"ADDED b@2", "MODIFIED a@3"}));
        QVERIFY(store.create(pod("c")).ok());
        QCOMPARE(rec.lines.last(), QString("ADDED c@4"));
    }

    void compactionGivesGone() {
        ApiStore store;
        for (int i = 0; i < 12; ++i) QVERIFY(store.create(pod("p" + std::to_string(i))).ok());
        store.compact(10);
        QCOMPARE(store.compactedResourceVersion(), 9u);
        auto gone = store.watch("Pod", 5, [](const WatchEvent&) {});
        QCOMPARE(gone.status.code, Code::Gone);
        QCOMPARE(S(gone.status.message), QString("too old resource version: 5 (9)"));
        QCOMPARE(S(gone.status.reason()), QString("Expired"));
        QCOMPARE(gone.status.httpCode(), 410);
        Recorder rec;
        QVERIFY(store.watch("Pod", 9, rec.callback()).ok());
        QCOMPARE(rec.lines, QStringList({"ADDED p9@10", "ADDED p10@11", "ADDED p11@12"}));
        // Watching from now always works.
        QVERIFY(store.watch("Pod", 0, [](const WatchEvent&) {}).ok());
    }

    void boundedHistoryCompactsItself() {
        StoreOptions o;
        o.watchHistory = 5;
        ApiStore store(o);
        for (int i = 0; i < 12; ++i) QVERIFY(store.create(pod("p" + std::to_string(i))).ok());
        QCOMPARE(store.compactedResourceVersion(), 7u);
        QCOMPARE(S(store.watch("Pod", 6, [](const WatchEvent&) {}).status.message),
                 QString("too old resource version: 6 (7)"));
        Recorder rec;
        QVERIFY(store.watch("Pod", 7, rec.callback()).ok());
        QCOMPARE(rec.lines.size(), 5);
    }

    void callbacksNeverReenter() {
        ApiStore store;
        int depth = 0, maxDepth = 0;
        QStringList order;
        store.watch("Pod", 0, [&](const WatchEvent& e) {
            ++depth;
            maxDepth = std::max(maxDepth, depth);
            std::string name = metaString(*e.object, "name");
            order << S(toString(e.type)) + " " + S(name);
            // A controller-like reaction: writes from inside the callback.
            if (e.type == EventType::Added && name == "a") QVERIFY(store.create(pod("from-a")).ok());
            if (e.type == EventType::Added && name == "from-a")
                QVERIFY(store.mergePatch({"Pod", "default", "a"}, yaml(R"({"metadata":{"labels":{"seen":"yes"}}})")).ok());
            order << "end " + S(name);
            --depth;
        });
        QVERIFY(store.create(pod("a")).ok());
        QCOMPARE(maxDepth, 1);
        QCOMPARE(order, QStringList({"ADDED a", "end a", "ADDED from-a", "end from-a", "MODIFIED a", "end a"}));
    }

    void dispatchHookDefersDelivery() {
        ApiStore store;
        int wakeups = 0;
        store.setDispatchHook([&] { ++wakeups; });
        Recorder rec;
        store.watch("Pod", 0, rec.callback());
        QVERIFY(store.create(pod("a")).ok());
        QVERIFY(store.create(pod("b")).ok());
        QCOMPARE(rec.lines.size(), 0);
        QVERIFY(store.hasPendingEvents());
        QCOMPARE(wakeups, 1);  // once per empty -> non-empty
        QCOMPARE(store.deliverPending(1), 1u);
        QCOMPARE(rec.lines, QStringList({"ADDED a@1"}));
        QCOMPARE(store.deliverPending(), 1u);
        QCOMPARE(rec.lines, QStringList({"ADDED a@1", "ADDED b@2"}));
        QVERIFY(!store.hasPendingEvents());
        QVERIFY(store.create(pod("c")).ok());
        QCOMPARE(wakeups, 2);
    }

    void fieldSelectedWatchSeesTransitions() {
        ApiStore store;
        Recorder node1, all;
        WatchOptions o;
        o.fieldSelector = "spec.nodeName=node-1";
        QVERIFY(store.watch("Pod", o, node1.callback()).ok());
        QVERIFY(store.watch("Pod", 0, all.callback()).ok());
        QVERIFY(store.create(pod("a")).ok());
        QVERIFY(store.create(pod("b", "node-2")).ok());
        QVERIFY(store.bind("default", "a", "node-1").ok());
        QVERIFY(store.mergePatchStatus({"Pod", "default", "a"}, yaml(R"({"status":{"phase":"Running"}})")).ok());
        QVERIFY(store.remove({"Pod", "default", "a"}).ok());
        // The kubelet of node-1 sees a pod arrive when it is bound there, and only its pods.
        QCOMPARE(node1.lines, QStringList({"ADDED a@3", "MODIFIED a@4", "MODIFIED a@5", "DELETED a@6"}));
        QCOMPARE(all.lines.size(), 6);
        auto bad = store.watch("Pod", WatchOptions{0, {}, {}, "spec.image=x", false}, [](const WatchEvent&) {});
        QCOMPARE(S(bad.status.message), QString("field label not supported: spec.image"));
    }

    void labelSelectedWatchSeesObjectsLeave() {
        ApiStore store;
        Recorder rec;
        WatchOptions o;
        o.labelSelector = api::LabelSelector{{{"app", "web"}}, {}};
        QVERIFY(store.watch("Pod", o, rec.callback()).ok());
        Value p = pod("a");
        p.child("metadata").child("labels").set("app", Value::string("web"));
        QVERIFY(store.create(p).ok());
        QVERIFY(store.mergePatch({"Pod", "default", "a"}, yaml(R"({"metadata":{"labels":{"app":"db"}}})")).ok());
        QVERIFY(store.mergePatch({"Pod", "default", "a"}, yaml(R"({"metadata":{"labels":{"v":"2"}}})")).ok());
        QVERIFY(store.mergePatch({"Pod", "default", "a"}, yaml(R"({"metadata":{"labels":{"app":"web"}}})")).ok());
        QCOMPARE(rec.lines, QStringList({"ADDED a@1", "DELETED a@2", "ADDED a@4"}));
    }

    void initialEventsThenChanges() {
        ApiStore store;
        QVERIFY(store.create(pod("b")).ok());
        QVERIFY(store.create(pod("a")).ok());
        QVERIFY(store.create(yaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: z\n  namespace: other\n"
                                  "spec:\n  containers:\n  - name: c\n    image: x\n"))
                    .ok());
        Recorder rec;
        WatchOptions o;
        o.sendInitialEvents = true;
        o.namespace_ = "default";
        QVERIFY(store.watch("Pod", o, rec.callback()).ok());
        QVERIFY(store.create(pod("c")).ok());
        QCOMPARE(rec.lines, QStringList({"ADDED a@2", "ADDED b@1", "ADDED c@4"}));
    }

    void allKindsAndUnwatch() {
        ApiStore store;
        Recorder rec;
        auto w = store.watch("", 0, rec.callback());
        QVERIFY(store.create(pod("a")).ok());
        QVERIFY(store.create(yaml("apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n")).ok());
        store.unwatch(w.value);
        QVERIFY(store.create(pod("b")).ok());
        QCOMPARE(rec.lines, QStringList({"ADDED a@1", "ADDED n1@2"}));
        // A watcher may stop itself from its callback.
        int seen = 0;
        WatchId self = 0;
        self = store.watch("Pod", 0, [&](const WatchEvent&) {
                        ++seen;
                        store.unwatch(self);
                    }).value;
        QVERIFY(store.create(pod("c")).ok());
        QVERIFY(store.create(pod("d")).ok());
        QCOMPARE(seen, 1);
    }

    void restoreDropsPendingEventsAndKeepsWatchers() {
        ApiStore store;
        store.setDispatchHook([] {});
        Recorder rec;
        store.watch("Pod", 0, rec.callback());
        QVERIFY(store.create(pod("a")).ok());
        Snapshot snap = store.snapshot();
        QVERIFY(store.create(pod("b")).ok());
        store.restore(snap);
        QVERIFY(!store.hasPendingEvents());
        QVERIFY(store.create(pod("c")).ok());
        store.deliverPending();
        QCOMPARE(rec.lines, QStringList({"ADDED c@2"}));
        // History was restored with the objects: replay from 0 < rv sees a then c.
        Recorder replay;
        QVERIFY(store.watch("Pod", 1, replay.callback()).ok());
        store.deliverPending();
        QCOMPARE(replay.lines, QStringList({"ADDED c@2"}));
    }
};

KS_TEST_MAIN(TestStoreWatch)
#include "tst_store_watch.moc"
