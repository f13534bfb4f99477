// Tests stepping back (Checkpointer) and determinism on a toy scenario: counters that tick after
// random delays, sometimes emitting two records from one event and an extra event at the same
// time. Restoring to any step and running forward must give the original trace byte for byte.
#include "ks_test_main.h"
#include <QtTest>

#include "core/sim/event_loop.h"
#include "core/sim/snapshot.h"
#include "core/sim/trace.h"

using namespace ks::sim;
using ks::api::Value;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// A counter that schedules itself with random delays and records every tick.
class Counter : public Actor {
public:
    struct State {
        std::int64_t value = 0;
        std::int64_t echoes = 0;
        EventId next = 0;
    };

    Counter(std::string id, Trace& trace) : m_id(std::move(id)), m_trace(trace) {}
    std::string name() const override { return "counter/" + m_id; }
    void start(EventLoop& loop) override {
        m_loop = &loop;
        scheduleNext();
    }

    State state;
    std::int64_t limit = std::numeric_limits<std::int64_t>::max();  // stops ticking at this value

    // An external edit: jump the counter and record it.
    void bump(std::int64_t by) {
        state.value += by;
        record("Bump", "toy.bump", Value::null());
        // Changes the future: the pending tick is replaced by one after a fresh random delay.
        m_loop->cancel(state.next);
        scheduleNext();
    }

private:
    void tick() {
        ++state.value;
        const std::int64_t roll = m_loop->intn(6);
        Value detail = Value::mapping();
        detail.set("value", Value::integer(state.value));
        detail.set("roll", Value::integer(roll));
        detail.set("pending", Value::integer(static_cast<std::int64_t>(m_loop->pendingCount())));
        record("Tick", "toy.tick", detail);
        if (roll == 0) {
            // Two records from one event, and a tie at the same virtual time.
            record("Burst", "toy.burst", Value::null());
            m_loop->after(0, name(), [this] {
                ++state.echoes;
                record("Echo", "toy.echo", Value::null());
            });
        }
        scheduleNext();
    }
    void scheduleNext() {
        if (state.value >= limit) return;
        state.next = m_loop->after(1 + m_loop->intn(1000), name(), [this] { tick(); });
    }
    void record(const char* action, const char* key, Value detail) {
        TraceRecord r;
        r.time = m_loop->now();
        r.actor = name();
        r.action = action;
        r.objects = {"counter/default/" + m_id};
        r.key = key;
        r.args = {{"value", std::to_string(state.value)}, {"echoes", std::to_string(state.echoes)}};
        r.detail = std::move(detail);
        m_trace.append(std::move(r));
    }

    std::string m_id;
    Trace& m_trace;
    EventLoop* m_loop = nullptr;
};

// A loop, a trace, three counters and a checkpointer that knows them all.
struct World {
    EventLoop loop;
    Trace trace;
    Counter a{"a", trace}, b{"b", trace}, c{"c", trace};
    Checkpointer checkpointer;

    explicit World(std::uint64_t seed, std::size_t interval = 7) : loop(seed), checkpointer(loop, trace, interval) {
        for (Counter* counter : {&a, &b, &c}) {
            loop.addActor(*counter);
            checkpointer.registerValue(counter->name(), counter->state);
        }
        loop.start();
        checkpointer.checkpoint();
    }
    std::vector<std::int64_t> values() const { return {a.state.value, b.state.value, c.state.value}; }
    std::string jsonl() const { return toJsonLines(trace); }
};

std::string runScenario(std::uint64_t seed, Time until) {
    World w(seed);
    w.loop.runUntil(until);
    return w.jsonl();
}

// The first n lines of a JSONL text.
std::string firstLines(const std::string& text, std::size_t n) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < n; ++i) pos = text.find('\n', pos) + 1;
    return text.substr(0, pos);
}

// The counters' values after the first n records, read back from the trace itself.
std::vector<std::int64_t> valuesAt(const Trace& trace, std::size_t n) {
    std::vector<std::int64_t> v(3, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const TraceRecord& r = trace.record(i);
        if (r.action == "Echo") continue;
        v[static_cast<std::size_t>(r.actor.back() - 'a')] = std::stoll(r.args.at("value"));
    }
    return v;
}

}  // namespace

class TestSimSnapshot : public QObject {
    Q_OBJECT
private slots:
    void sameSeedGivesByteIdenticalTrace() {
        const std::string first = runScenario(42, 60 * kSecond);
        const std::string second = runScenario(42, 60 * kSecond);
        QVERIFY(first.size() > 10000);
        QCOMPARE(q(first), q(second));
        // The toy scenario does exercise bursts and same-time echoes.
        QVERIFY(first.find("\"action\":\"Burst\"") != std::string::npos);
        QVERIFY(first.find("\"action\":\"Echo\"") != std::string::npos);
    }

    void differentSeedGivesDifferentTrace() {
        const std::string a = runScenario(42, 60 * kSecond);
        const std::string b = runScenario(43, 60 * kSecond);
        QVERIFY(a != b);
        // Still a valid run: same shape, read back without errors.
        auto parsed = readJsonLines(b);
        QVERIFY(parsed.ok());
        QVERIFY(parsed.records.size() > 100);
    }

    void checkpointsAreTakenEveryKRecords() {
        World w(5, 10);
        w.loop.runUntil(30 * kSecond);
        const auto cps = w.checkpointer.checkpoints();
        QVERIFY(cps.size() > 5);
        QCOMPARE(cps.front().traceSize, std::size_t(0));
        QCOMPARE(cps.front().position.events, std::uint64_t(0));
        for (std::size_t i = 1; i < cps.size(); ++i) {
            QVERIFY(cps[i - 1].position < cps[i].position);
            QVERIFY(cps[i].traceSize >= cps[i - 1].traceSize + 10);
            // One event adds at most two records, so no gap is much wider than K.
            QVERIFY(cps[i].traceSize <= cps[i - 1].traceSize + 11);
        }
        QVERIFY(w.trace.size() < cps.back().traceSize + 10);
    }

    void restoreThenRunForwardReproducesTheRun_data() {
        QTest::addColumn<int>("seq");
        for (int seq : {0, 1, 2, 6, 7, 8, 13, 14, 50, 101, 200}) QTest::newRow(std::to_string(seq).c_str()) << seq;
        QTest::newRow("last") << -1;
    }
    void restoreThenRunForwardReproducesTheRun() {
        QFETCH(int, seq);
        World w(42);
        const Time end = 45 * kSecond;
        w.loop.runUntil(end);
        const std::string original = w.jsonl();
        const std::vector<std::int64_t> finalValues = w.values();
        Trace reference;
        for (const auto& r : w.trace.records()) reference.append(r);
        const std::size_t target = seq < 0 ? w.trace.size() : static_cast<std::size_t>(seq);
        QVERIFY(target <= w.trace.size());

        auto r = w.checkpointer.restoreTo(target);
        QVERIFY2(r.ok, r.error.c_str());
        // The first moment with `target` records: one event adds at most two.
        QVERIFY(r.traceSize >= target && r.traceSize <= target + 1);
        QCOMPARE(w.trace.size(), r.traceSize);
        QCOMPARE(q(w.jsonl()), q(firstLines(original, r.traceSize)));
        QCOMPARE(w.values(), valuesAt(reference, r.traceSize));
        if (r.traceSize > 0) QCOMPARE(w.loop.now(), reference.record(r.traceSize - 1).time);

        w.loop.runUntil(end);
        QCOMPARE(q(w.jsonl()), q(original));
        QCOMPARE(w.values(), finalValues);
        QCOMPARE(w.loop.now(), end);
    }

    void jumpingBackAndForthStaysOnTheSameRun() {
        World w(7, 5);
        w.loop.runUntil(20 * kSecond);
        const std::string original = w.jsonl();
        const std::size_t total = w.trace.size();
        Trace reference;
        for (const auto& r : w.trace.records()) reference.append(r);
        std::vector<std::size_t> targets;
        for (std::size_t i = 0; i <= total; i += 3) targets.push_back(i);
        Rng order(99);
        order.shuffle(targets);
        for (std::size_t target : targets) {
            auto r = w.checkpointer.restoreTo(target);
            QVERIFY2(r.ok, r.error.c_str());
            QCOMPARE(q(w.jsonl()), q(firstLines(original, r.traceSize)));
            QCOMPARE(w.values(), valuesAt(reference, r.traceSize));
        }
        // Forward past the current step: a later checkpoint of the same run is restored and its
        // records put back, so only the last few events are re-run.
        QVERIFY(w.checkpointer.restoreTo(3).ok);
        int eventsRerun = 0, replayedRecords = 0;
        w.loop.addAfterEventHook([&] { ++eventsRerun; });
        w.trace.addObserver([&](const TraceRecord&) { replayedRecords += w.checkpointer.replaying() ? 1 : 0; });
        QVERIFY(w.checkpointer.restoreTo(total).ok);
        QCOMPARE(q(w.jsonl()), q(original));
        QCOMPARE(w.values(), valuesAt(reference, total));
        QVERIFY(eventsRerun < 6);
        QCOMPARE(std::size_t(replayedRecords), total - 3);
    }

    void restoringPastTheEndOfARunFails() {
        World w(7, 5);
        for (Counter* counter : {&w.a, &w.b, &w.c}) counter->limit = 10;
        w.loop.runUntil(kHour);
        QVERIFY(w.loop.idle());
        const std::size_t total = w.trace.size();
        QVERIFY(total >= 30);
        QVERIFY(w.checkpointer.restoreTo(3).ok);
        auto beyond = w.checkpointer.restoreTo(total + 1);
        QVERIFY(!beyond.ok);
        QCOMPARE(beyond.traceSize, total);
        QCOMPARE(q(beyond.error), QString("the run ends at step %1").arg(total));
    }

    void inputsAreReplayedAtTheSameMoment() {
        World w(11);
        w.loop.runUntil(10 * kSecond);
        const std::size_t beforeBump = w.trace.size();
        w.checkpointer.input("bump a", [&] { w.a.bump(100); });
        QCOMPARE(w.checkpointer.inputCount(), std::size_t(1));
        QCOMPARE(q(w.trace.record(beforeBump).action), QString("Bump"));
        w.loop.runUntil(20 * kSecond);
        const std::string original = w.jsonl();
        const auto finalValues = w.values();

        // Back before the input, forward again: the bump happens again, at 10 s.
        QVERIFY(w.checkpointer.restoreTo(3).ok);
        QVERIFY(w.a.state.value < 100);
        w.loop.runUntil(20 * kSecond);
        QCOMPARE(q(w.jsonl()), q(original));
        QCOMPARE(w.values(), finalValues);

        // Restoring exactly to the bump's record lands right after the input, at its time.
        auto r = w.checkpointer.restoreTo(beforeBump + 1);
        QVERIFY(r.ok);
        QCOMPARE(r.traceSize, beforeBump + 1);
        QCOMPARE(w.loop.now(), 10 * kSecond);
        QVERIFY(w.a.state.value >= 100);
    }

    void replayedInputsDoNotOvertakeTheHorizon() {
        World w(11);
        w.loop.runUntil(10 * kSecond);
        w.checkpointer.input("bump a", [&] { w.a.bump(100); });
        w.loop.runUntil(20 * kSecond);
        const std::string original = w.jsonl();

        QVERIFY(w.checkpointer.restoreTo(1).ok);
        w.loop.runUntil(5 * kSecond);
        QCOMPARE(w.loop.now(), 5 * kSecond);
        QVERIFY(w.jsonl().find("\"Bump\"") == std::string::npos);
        w.loop.runUntil(10 * kSecond);  // the input was made at 10 s: it is redone now
        QVERIFY(w.jsonl().find("\"Bump\"") != std::string::npos);
        w.loop.runUntil(20 * kSecond);
        QCOMPARE(q(w.jsonl()), q(original));
    }

    void anInputAfterGoingBackStartsANewFuture() {
        World w(11);
        w.loop.runUntil(10 * kSecond);
        w.checkpointer.input("bump a", [&] { w.a.bump(100); });
        w.loop.runUntil(20 * kSecond);
        const std::string original = w.jsonl();

        QVERIFY(w.checkpointer.restoreTo(20).ok);
        const auto here = w.checkpointer.position();
        w.checkpointer.input("bump b", [&] { w.b.bump(1000); });
        QCOMPARE(w.checkpointer.inputCount(), std::size_t(1));  // "bump a" belonged to the old future
        for (const auto& cp : w.checkpointer.checkpoints()) QVERIFY(cp.position.events <= here.events);
        w.loop.runUntil(20 * kSecond);
        const std::string branch = w.jsonl();
        QVERIFY(branch != original);
        QVERIFY(w.b.state.value >= 1000);
        QVERIFY(w.a.state.value < 100);

        // The new future is itself replayable.
        QVERIFY(w.checkpointer.restoreTo(5).ok);
        w.loop.runUntil(20 * kSecond);
        QCOMPARE(q(w.jsonl()), q(branch));
    }

    void inputsFromInsideAnEventAreNotLogged() {
        World w(3);
        bool ran = false;
        w.loop.schedule(500, "lesson", [&] { w.checkpointer.input("inner", [&] { ran = true; }); });
        w.loop.runUntil(kSecond);
        QVERIFY(ran);
        QCOMPARE(w.checkpointer.inputCount(), std::size_t(0));
    }

    void restoreNeedsACheckpointBeforeTheStep() {
        EventLoop loop;
        Trace trace;
        Checkpointer cp(loop, trace, 4);
        auto none = cp.restoreTo(0);
        QVERIFY(!none.ok);
        QCOMPARE(q(none.error), QString("no checkpoint has been taken"));

        int value = 0;
        cp.registerValue("value", value);
        TraceRecord r;
        r.actor = "x";
        trace.append(r);
        trace.append(r);
        cp.checkpoint();
        auto early = cp.restoreTo(1);
        QVERIFY(!early.ok);
        QCOMPARE(q(early.error), QString("no checkpoint before step 1"));

        // A component registered late invalidates older checkpoints (they lack its state).
        int other = 0;
        cp.registerValue("other", other);
        QVERIFY(cp.checkpoints().empty());
    }

    void storeLikeComponentsRegisterWithAny() {
        // What core/store will do: hand over an opaque copy of its state and take it back.
        World w(21);
        std::map<std::string, std::string> objects;
        std::uint64_t resourceVersion = 0;
        struct StoreState {
            std::map<std::string, std::string> objects;
            std::uint64_t rv;
        };
        w.checkpointer.registerComponent(
            "store", [&] { return std::any(StoreState{objects, resourceVersion}); },
            [&](const std::any& s) {
                const auto& st = std::any_cast<const StoreState&>(s);
                objects = st.objects;
                resourceVersion = st.rv;
            });
        w.checkpointer.checkpoint();
        const std::size_t start = w.trace.size();
        auto writer = w.trace.addObserver([&](const TraceRecord& r) {
            if (r.action == "Tick") objects[r.objects[0]] = r.args.at("value"), ++resourceVersion;
        });
        w.loop.runUntil(15 * kSecond);
        const auto finalObjects = objects;
        const auto finalRv = resourceVersion;
        QVERIFY(finalRv > 10);
        std::vector<std::string> actions;
        for (const auto& r : w.trace.records()) actions.push_back(r.action);

        auto r = w.checkpointer.restoreTo(start + 10);
        QVERIFY(r.ok);
        const auto ticks = std::count(actions.begin() + static_cast<std::ptrdiff_t>(start),
                                      actions.begin() + static_cast<std::ptrdiff_t>(r.traceSize), "Tick");
        QCOMPARE(resourceVersion, std::uint64_t(ticks));
        QVERIFY(resourceVersion < finalRv);
        w.loop.runUntil(15 * kSecond);
        QCOMPARE(objects, finalObjects);
        QCOMPARE(resourceVersion, finalRv);
        w.trace.removeObserver(writer);
    }
};

KS_TEST_MAIN(TestSimSnapshot)
#include "tst_sim_snapshot.moc"
