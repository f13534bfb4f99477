// Tests recordEvent: the core/v1 Event it writes, and client-go's correlation of repeated
// events (count, aggregation into "(combined from similar events)", spam filter).
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/yaml_reader.h"
#include "core/sim/clock.h"
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

Value pod(const std::string& name) {
    return yaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name +
                "\n  namespace: prod\nspec:\n  containers:\n  - name: c\n    image: nginx\n");
}

QString nanosHex(api::Time t) {
    return QString::number((static_cast<quint64>(sim::kEpochUnixSeconds) * 1000 + t) * 1000000ULL, 16);
}

}  // namespace

class TestStoreEvents : public QObject {
    Q_OBJECT
private:
    ApiStore* m_store = nullptr;
    api::Time m_now = 0;
    ObjectKey m_web{"Pod", "prod", "web"};

private slots:
    void init() {
        m_store = new ApiStore;
        m_now = 2000;
        m_store->setClock([this] { return m_now; });
        QVERIFY(m_store->create(pod("web")).ok());
    }
    void cleanup() { delete m_store; }

    void writesACoreV1Event() {
        auto r = m_store->recordEvent(m_web, "Normal", "Scheduled", "Successfully assigned prod/web to node-1",
                                      "default-scheduler");
        QVERIFY2(r.ok(), r.status.message.c_str());
        const Value& ev = *r.value;
        QCOMPARE(S(metaString(ev, "name")), "web." + nanosHex(2000));
        QCOMPARE(S(metaString(ev, "namespace")), QString("prod"));
        QCOMPARE(S(ev.str("type")), QString("Normal"));
        QCOMPARE(S(ev.str("reason")), QString("Scheduled"));
        QCOMPARE(S(ev.str("message")), QString("Successfully assigned prod/web to node-1"));
        QCOMPARE(S(stringAt(ev, "source.component")), QString("default-scheduler"));
        QCOMPARE(S(ev.str("reportingComponent")), QString("default-scheduler"));
        QCOMPARE(S(stringAt(ev, "involvedObject.kind")), QString("Pod"));
        QCOMPARE(S(stringAt(ev, "involvedObject.name")), QString("web"));
        QCOMPARE(S(stringAt(ev, "involvedObject.namespace")), QString("prod"));
        QCOMPARE(S(stringAt(ev, "involvedObject.apiVersion")), QString("v1"));
        QCOMPARE(S(stringAt(ev, "involvedObject.uid")), S(metaString(*m_store->find(m_web), "uid")));
        QCOMPARE(S(stringAt(ev, "involvedObject.resourceVersion")), QString("1"));
        QCOMPARE(S(ev.str("firstTimestamp")), QString("2026-01-01T00:00:02Z"));
        QCOMPARE(S(ev.str("lastTimestamp")), QString("2026-01-01T00:00:02Z"));
        QCOMPARE(*ev.get("count")->toInt(), 1);
    }

    void identicalEventsCount() {
        auto first = m_store->recordEvent(m_web, "Warning", "FailedScheduling", "0/3 nodes are available", "default-scheduler");
        m_now = 7000;
        auto second = m_store->recordEvent(m_web, "Warning", "FailedScheduling", "0/3 nodes are available", "default-scheduler");
        QVERIFY(second.ok());
        QCOMPARE(S(metaString(*second.value, "name")), S(metaString(*first.value, "name")));
        QCOMPARE(*second.value->get("count")->toInt(), 2);
        QCOMPARE(S(second.value->str("firstTimestamp")), QString("2026-01-01T00:00:02Z"));
        QCOMPARE(S(second.value->str("lastTimestamp")), QString("2026-01-01T00:00:07Z"));
        QCOMPARE(m_store->count("Event"), 1u);
        // Another source about the same object is another event.
        auto kubelet = m_store->recordEvent(m_web, "Warning", "FailedScheduling", "0/3 nodes are available", "kubelet", "node-1");
        QVERIFY(metaString(*kubelet.value, "name") != metaString(*first.value, "name"));
        QCOMPARE(S(stringAt(*kubelet.value, "source.host")), QString("node-1"));
        QCOMPARE(m_store->count("Event"), 2u);
    }

    void similarEventsAreCombined() {
        QStringList messages;
        for (int i = 1; i <= 11; ++i) {
            auto r = m_store->recordEvent(m_web, "Warning", "BackOff", "attempt " + std::to_string(i), "kubelet");
            QVERIFY(r.ok());
            messages << S(r.value->str("message")) + " x" + QString::number(*r.value->get("count")->toInt());
        }
        QCOMPARE(messages.mid(8), QStringList({"attempt 9 x1", "(combined from similar events): attempt 10 x1",
                                               "(combined from similar events): attempt 11 x2"}));
        QCOMPARE(m_store->count("Event"), 10u);
        // Ten minutes later the aggregation starts over.
        m_now += 601 * 1000;
        auto later = m_store->recordEvent(m_web, "Warning", "BackOff", "attempt 12", "kubelet");
        QCOMPARE(S(later.value->str("message")), QString("attempt 12"));
    }

    void spamFilterDropsTheBurst() {
        int written = 0, dropped = 0;
        for (int i = 0; i < 30; ++i) {
            auto r = m_store->recordEvent(m_web, "Normal", "Pulled", "image pulled", "kubelet");
            QVERIFY(r.ok());
            r.value ? ++written : ++dropped;
        }
        QCOMPARE(written, 25);
        QCOMPARE(dropped, 5);
        // One token comes back every five minutes; the count carries on from the last record.
        m_now += 300 * 1000;
        auto r = m_store->recordEvent(m_web, "Normal", "Pulled", "image pulled", "kubelet");
        QVERIFY(r.value);
        QCOMPARE(*r.value->get("count")->toInt(), 31);
        QVERIFY(!m_store->recordEvent(m_web, "Normal", "Pulled", "image pulled", "kubelet").value);
    }

    void clusterScopedObjectsUseTheDefaultNamespace() {
        QVERIFY(m_store->create(yaml("apiVersion: v1\nkind: Node\nmetadata:\n  name: node-1\n")).ok());
        auto r = m_store->recordEvent({"Node", "", "node-1"}, "Normal", "NodeReady", "Node node-1 status is now: NodeReady",
                                      "kubelet", "node-1");
        QCOMPARE(S(metaString(*r.value, "namespace")), QString("default"));
        QVERIFY(!r.value->at("involvedObject.namespace"));
    }

    void sameInstantGetsDistinctNames() {
        auto a = m_store->recordEvent(m_web, "Normal", "Pulling", "pulling image", "kubelet");
        auto b = m_store->recordEvent(m_web, "Normal", "Pulled", "image pulled", "kubelet");
        QCOMPARE(S(metaString(*a.value, "name")), "web." + nanosHex(2000));
        QCOMPARE(S(metaString(*b.value, "name")),
                 "web." + QString::number((static_cast<quint64>(sim::kEpochUnixSeconds) * 1000 + 2000) * 1000000ULL + 1, 16));
    }

    void eventsAreSelectableByTheirFields() {
        m_store->recordEvent(m_web, "Normal", "Scheduled", "assigned", "default-scheduler");
        m_store->recordEvent(m_web, "Normal", "Pulled", "pulled", "kubelet");
        ListOptions o;
        o.fieldSelector = "involvedObject.name=web,source=kubelet";
        auto r = m_store->listObjects("Event", o);
        QVERIFY2(r.ok(), r.status.message.c_str());
        QCOMPARE(r.value.items.size(), 1u);
        QCOMPARE(S(r.value.items[0]->str("reason")), QString("Pulled"));
    }
};

KS_TEST_MAIN(TestStoreEvents)
#include "tst_store_events.moc"
