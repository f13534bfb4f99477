// Tests the simulation engine's parts: virtual time (RFC 3339 and Go durations), the seeded RNG,
// the event loop's ordering and the trace with its JSON Lines form.
#include "ks_test_main.h"
#include <QtTest>

#include "core/sim/clock.h"
#include "core/sim/event_loop.h"
#include "core/sim/rng.h"
#include "core/sim/trace.h"

using namespace ks::sim;
using ks::api::Value;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

class NamedActor : public Actor {
public:
    NamedActor(std::string name, std::vector<std::string>& log) : m_name(std::move(name)), m_log(log) {}
    std::string name() const override { return m_name; }
    void start(EventLoop& loop) override {
        m_log.push_back("start " + m_name);
        loop.after(10, *this, [this] { m_log.push_back("tick " + m_name); });
    }

private:
    std::string m_name;
    std::vector<std::string>& m_log;
};

}  // namespace

class TestSim : public QObject {
    Q_OBJECT
private slots:
    // ------------------------------------------------------------------ clock

    void formatRfc3339_data() {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("seconds");
        QTest::addColumn<QString>("millis");
        QTest::newRow("epoch") << qint64(0) << "2026-01-01T00:00:00Z" << "2026-01-01T00:00:00.000Z";
        QTest::newRow("12.5s") << qint64(12500) << "2026-01-01T00:00:12Z" << "2026-01-01T00:00:12.500Z";
        QTest::newRow("one ms before") << qint64(-1) << "2025-12-31T23:59:59Z" << "2025-12-31T23:59:59.999Z";
        QTest::newRow("march 1st") << qint64(59LL * 86400 * 1000) << "2026-03-01T00:00:00Z"
                                   << "2026-03-01T00:00:00.000Z";
        QTest::newRow("leap day 2028") << qint64((365LL * 2 + 31 + 28) * 86400 * 1000 + 3723004)
                                       << "2028-02-29T01:02:03Z" << "2028-02-29T01:02:03.004Z";
        QTest::newRow("year 2112") << qint64(2745446399999LL) << "2112-12-31T23:59:59Z"
                                   << "2112-12-31T23:59:59.999Z";
    }
    void formatRfc3339() {
        QFETCH(qint64, ms);
        QFETCH(QString, seconds);
        QFETCH(QString, millis);
        QCOMPARE(q(ks::sim::formatRfc3339(ms)), seconds);
        QCOMPARE(q(formatRfc3339Milli(ms)), millis);
        // Second precision loses the milliseconds, floored toward the past.
        auto back = ks::sim::parseRfc3339(ks::sim::formatRfc3339(ms));
        QVERIFY(back.ok());
        QCOMPARE(*back.value, ms - ((ms % 1000) + 1000) % 1000);
        auto exact = ks::sim::parseRfc3339(formatRfc3339Milli(ms));
        QVERIFY(exact.ok());
        QCOMPARE(*exact.value, ms);
    }

    void parseRfc3339_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("error");
        QTest::newRow("utc") << "2026-01-01T00:00:12Z" << qint64(12000) << "";
        QTest::newRow("offset") << "2026-01-01T01:00:12+01:00" << qint64(12000) << "";
        QTest::newRow("negative offset") << "2025-12-31T23:30:00-00:30" << qint64(0) << "";
        QTest::newRow("fraction truncated") << "2026-01-01T00:00:01.23456Z" << qint64(1234) << "";
        QTest::newRow("comma fraction") << "2026-01-01T00:00:01,5Z" << qint64(1500) << "";
        QTest::newRow("one-digit hour as Go") << "2026-01-01T1:00:00Z" << qint64(3600000) << "";
        QTest::newRow("month") << "2026-13-01T00:00:00Z" << qint64(0)
                               << "parsing time \"2026-13-01T00:00:00Z\": month out of range";
        QTest::newRow("day") << "2026-02-29T00:00:00Z" << qint64(0)
                             << "parsing time \"2026-02-29T00:00:00Z\": day out of range";
        QTest::newRow("hour") << "2026-01-01T24:00:00Z" << qint64(0)
                              << "parsing time \"2026-01-01T24:00:00Z\": hour out of range";
        QTest::newRow("no zone") << "2026-01-01T00:00:00" << qint64(0)
                                 << "parsing time \"2026-01-01T00:00:00\" as \"2006-01-02T15:04:05Z07:00\": "
                                    "cannot parse \"\" as \"Z07:00\"";
        QTest::newRow("space separator") << "2026-01-01 00:00:00Z" << qint64(0)
                                         << "parsing time \"2026-01-01 00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": "
                                            "cannot parse \" 00:00:00Z\" as \"T\"";
        QTest::newRow("short year") << "26-01-01T00:00:00Z" << qint64(0)
                                    << "parsing time \"26-01-01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": "
                                       "cannot parse \"26-01-01T00:00:00Z\" as \"2006\"";
        QTest::newRow("extra text") << "2026-01-01T00:00:00Zx" << qint64(0)
                                    << "parsing time \"2026-01-01T00:00:00Zx\": extra text: \"x\"";
        QTest::newRow("empty") << "" << qint64(0)
                               << "parsing time \"\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"2006\"";
    }
    void parseRfc3339() {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QFETCH(QString, error);
        auto r = ks::sim::parseRfc3339(text.toStdString());
        QCOMPARE(q(r.error), error);
        QCOMPARE(r.ok(), error.isEmpty());
        if (r.ok()) QCOMPARE(*r.value, ms);
    }

    void parseDuration_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("error");
        QTest::newRow("5m") << "5m" << qint64(300000) << "";
        QTest::newRow("1m30s") << "1m30s" << qint64(90000) << "";
        QTest::newRow("500ms") << "500ms" << qint64(500) << "";
        QTest::newRow("2h") << "2h" << qint64(7200000) << "";
        QTest::newRow("-1.5h") << "-1.5h" << qint64(-5400000) << "";
        QTest::newRow("2h45m") << "2h45m" << qint64(9900000) << "";
        QTest::newRow("+5s") << "+5s" << qint64(5000) << "";
        QTest::newRow(".5s") << ".5s" << qint64(500) << "";
        QTest::newRow("1.s") << "1.s" << qint64(1000) << "";
        QTest::newRow("zero") << "0" << qint64(0) << "";
        QTest::newRow("-0") << "-0" << qint64(0) << "";
        QTest::newRow("sub-ms truncated") << "1500us" << qint64(1) << "";
        QTest::newRow("micro sign") << "2000\xC2\xB5s" << qint64(2) << "";
        QTest::newRow("greek mu") << "3000\xCE\xBCs" << qint64(3) << "";
        QTest::newRow("ns") << "999999ns" << qint64(0) << "";
        QTest::newRow("repeated units") << "1s1s" << qint64(2000) << "";
        QTest::newRow("min int64 ns") << "-9223372036854775808ns" << qint64(-9223372036854) << "";
        QTest::newRow("empty") << "" << qint64(0) << "time: invalid duration \"\"";
        QTest::newRow("sign only") << "-" << qint64(0) << "time: invalid duration \"-\"";
        QTest::newRow("no unit") << "10" << qint64(0) << "time: missing unit in duration \"10\"";
        QTest::newRow("days") << "1d" << qint64(0) << "time: unknown unit \"d\" in duration \"1d\"";
        QTest::newRow("space") << "1h 30m" << qint64(0) << "time: unknown unit \"h \" in duration \"1h 30m\"";
        QTest::newRow("dot only") << ".s" << qint64(0) << "time: invalid duration \".s\"";
        QTest::newRow("letters") << "abc" << qint64(0) << "time: invalid duration \"abc\"";
        QTest::newRow("two dots") << "1..5s" << qint64(0) << "time: missing unit in duration \"1..5s\"";
        QTest::newRow("overflow") << "9223372036854775808ns" << qint64(0)
                                  << "time: invalid duration \"9223372036854775808ns\"";
        QTest::newRow("overflow hours") << "2562048h" << qint64(0) << "time: invalid duration \"2562048h\"";
        QTest::newRow("non-ascii quoted as Go") << "5\xC2\xB5x" << qint64(0)
                                                << "time: unknown unit \"\\xc2\\xb5x\" in duration \"5\\xc2\\xb5x\"";
    }
    void parseDuration() {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QFETCH(QString, error);
        auto r = ks::sim::parseDuration(text.toUtf8().toStdString());
        QCOMPARE(q(r.error), error);
        QCOMPARE(r.ok(), error.isEmpty());
        if (r.ok()) QCOMPARE(*r.value, ms);
    }

    void formatDuration_data() {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << "0s";
        QTest::newRow("1ms") << qint64(1) << "1ms";
        QTest::newRow("500ms") << qint64(500) << "500ms";
        QTest::newRow("1s") << qint64(1000) << "1s";
        QTest::newRow("1.5s") << qint64(1500) << "1.5s";
        QTest::newRow("1.05s") << qint64(1050) << "1.05s";
        QTest::newRow("1m30s") << qint64(90000) << "1m30s";
        QTest::newRow("5m") << qint64(300000) << "5m0s";
        QTest::newRow("2h") << qint64(7200000) << "2h0m0s";
        QTest::newRow("1h2m3.004s") << qint64(3723004) << "1h2m3.004s";
        QTest::newRow("-1m") << qint64(-60000) << "-1m0s";
        QTest::newRow("-250ms") << qint64(-250) << "-250ms";
        QTest::newRow("100h") << qint64(360000000) << "100h0m0s";
    }
    void formatDuration() {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(q(ks::sim::formatDuration(ms)), text);
        auto back = ks::sim::parseDuration(text.toStdString());
        QVERIFY(back.ok());
        QCOMPARE(*back.value, ms);
    }

    // ------------------------------------------------------------------ rng

    void rngFollowsTheStandardEngine() {
        // The C++ standard fixes mt19937_64's 10000th output for the default seed 5489.
        Rng rng(5489);
        for (int i = 0; i < 9999; ++i) rng.next();
        QCOMPARE(rng.next(), std::uint64_t(9981545732273789042ULL));
    }

    void rngDrawsAreBoundedAndCoverTheRange() {
        Rng rng(7);
        std::vector<int> seen(6, 0);
        for (int i = 0; i < 6000; ++i) {
            auto v = rng.intn(6);
            QVERIFY(v >= 0 && v < 6);
            ++seen[static_cast<std::size_t>(v)];
        }
        for (int count : seen) QVERIFY2(count > 800 && count < 1200, "intn(6) should be roughly uniform");
        QCOMPARE(rng.intn(0), std::int64_t(0));
        QCOMPARE(rng.intn(1), std::int64_t(0));
        for (int i = 0; i < 1000; ++i) {
            auto v = rng.range(-3, 3);
            QVERIFY(v >= -3 && v <= 3);
            auto j = rng.jitter(1000, 0.5);
            QVERIFY(j >= 1000 && j <= 1500);
            double f = rng.float64();
            QVERIFY(f >= 0.0 && f < 1.0);
        }
    }

    void rngIsReproducibleAndSeedDependent() {
        Rng a(42), b(42), c(43);
        std::vector<std::int64_t> va, vb, vc;
        for (int i = 0; i < 20; ++i) {
            va.push_back(a.intn(1000));
            vb.push_back(b.intn(1000));
            vc.push_back(c.intn(1000));
        }
        QCOMPARE(va, vb);
        QVERIFY(va != vc);
        QVERIFY(a == b);
    }

    void shuffleIsAFixedPermutation() {
        std::vector<int> v{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Rng rng(1);
        rng.shuffle(v);
        std::vector<int> sorted = v;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        QVERIFY(v != sorted);
        // The same seed gives the same order on every platform: the draws are ours, not the library's.
        std::vector<int> again{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Rng rng2(1);
        rng2.shuffle(again);
        QCOMPARE(again, v);
        QCOMPARE(v, kShuffleSeed1);
    }

    // ------------------------------------------------------------------ event loop

    void equalTimesRunInInsertionOrder() {
        EventLoop loop;
        std::vector<std::string> log;
        for (const char* name : {"c", "a", "b"}) loop.schedule(100, "t", [&log, name] { log.push_back(name); });
        loop.schedule(50, "t", [&log] { log.push_back("early"); });
        loop.schedule(100, "t", [&log] { log.push_back("d"); });
        QCOMPARE(loop.runUntil(1000), std::size_t(5));
        QCOMPARE(log, (std::vector<std::string>{"early", "c", "a", "b", "d"}));
        QCOMPARE(loop.now(), Time(1000));
    }

    void eventsScheduledWhileRunningKeepOrder() {
        EventLoop loop;
        std::vector<std::string> log;
        loop.schedule(10, "x", [&] {
            log.push_back("first@" + std::to_string(loop.now()));
            loop.after(0, "x", [&] { log.push_back("same-time-child@" + std::to_string(loop.now())); });
            loop.after(5, "x", [&] { log.push_back("later-child@" + std::to_string(loop.now())); });
            loop.schedule(3, "x", [&] { log.push_back("past-clamped@" + std::to_string(loop.now())); });
        });
        loop.schedule(10, "x", [&] { log.push_back("second@" + std::to_string(loop.now())); });
        loop.runUntil(100);
        QCOMPARE(log, (std::vector<std::string>{"first@10", "second@10", "same-time-child@10", "past-clamped@10",
                                                "later-child@15"}));
        QCOMPARE(loop.eventsRun(), std::uint64_t(5));
    }

    void cancelRemovesOnlyThatEvent() {
        EventLoop loop;
        std::vector<int> log;
        EventId a = loop.schedule(10, "x", [&] { log.push_back(1); });
        EventId b = loop.schedule(10, "x", [&] { log.push_back(2); });
        loop.schedule(20, "x", [&] { log.push_back(3); });
        QVERIFY(loop.isPending(b));
        QVERIFY(loop.cancel(b));
        QVERIFY(!loop.cancel(b));
        QVERIFY(!loop.isPending(b));
        QCOMPARE(loop.pendingCount(), std::size_t(2));
        loop.runOne();
        QVERIFY(!loop.cancel(a));  // already ran
        loop.runOne();
        QCOMPARE(log, (std::vector<int>{1, 3}));
        QVERIFY(!loop.runOne());
        QVERIFY(loop.idle());
    }

    void runUntilStopsAtTheHorizonAndMovesTheClock() {
        EventLoop loop;
        int ran = 0;
        loop.schedule(100, "x", [&] { ++ran; });
        loop.schedule(200, "x", [&] { ++ran; });
        loop.schedule(201, "x", [&] { ++ran; });
        QCOMPARE(loop.runUntil(200), std::size_t(2));
        QCOMPARE(loop.now(), Time(200));
        QCOMPARE(*loop.nextEventTime(), Time(201));
        QCOMPARE(loop.runUntil(150), std::size_t(0));
        QCOMPARE(loop.now(), Time(200));  // never backwards
        loop.advanceTo(500);              // clamped to the next event
        QCOMPARE(loop.now(), Time(201));
        QCOMPARE(loop.runUntil(5000), std::size_t(1));
        QCOMPARE(loop.now(), Time(5000));
        QCOMPARE(ran, 3);
    }

    void runStepsAndStop() {
        EventLoop loop;
        int ran = 0;
        for (int i = 0; i < 10; ++i) loop.schedule(i * 10, "x", [&] {
            ++ran;
            if (ran == 7) loop.stop();
        });
        QCOMPARE(loop.runSteps(3), std::size_t(3));
        QCOMPARE(loop.now(), Time(20));
        QCOMPARE(loop.runUntil(1000), std::size_t(4));  // stopped by the 7th event
        QCOMPARE(loop.now(), Time(60));
        QCOMPARE(loop.runSteps(100), std::size_t(3));
        QCOMPARE(ran, 10);
    }

    void nestedRunsAreRefused() {
        EventLoop loop;
        bool nestedRan = true;
        std::string actorSeen;
        loop.schedule(1, "kube-scheduler", [&] {
            actorSeen = loop.currentActor();
            nestedRan = loop.runOne();
        });
        loop.schedule(2, "other", [] {});
        loop.runOne();
        QVERIFY(!nestedRan);
        QCOMPARE(q(actorSeen), QString("kube-scheduler"));
        QVERIFY(loop.currentActor().empty());
        QCOMPARE(loop.pendingCount(), std::size_t(1));
    }

    void actorsStartInRegistrationOrder() {
        EventLoop loop(3);
        std::vector<std::string> log;
        NamedActor a("kube-scheduler", log);
        loop.addActor(a);
        loop.addActor(std::make_unique<NamedActor>("kubelet/node-1", log));
        QCOMPARE(loop.actors().size(), std::size_t(2));
        QVERIFY(loop.findActor("kubelet/node-1"));
        QVERIFY(!loop.findActor("nobody"));
        loop.start();
        loop.start();  // idempotent
        auto pending = loop.pending();
        QCOMPARE(pending.size(), std::size_t(2));
        QCOMPARE(q(pending[0].actor), QString("kube-scheduler"));
        QCOMPARE(pending[1].at, Time(10));
        loop.runUntil(100);
        QCOMPARE(log, (std::vector<std::string>{"start kube-scheduler", "start kubelet/node-1", "tick kube-scheduler",
                                                "tick kubelet/node-1"}));
        QCOMPARE(loop.seed(), std::uint64_t(3));
    }

    void stateCaptureRewindsClockQueueAndRng() {
        EventLoop loop(9);
        std::vector<std::int64_t> draws;
        std::function<void()> tick = [&] {
            draws.push_back(loop.intn(1000));
            loop.after(1 + loop.intn(50), "x", tick);
        };
        loop.schedule(0, "x", tick);
        loop.runSteps(5);
        const EventLoop::State saved = loop.captureState();
        QCOMPARE(saved.eventsRun(), std::uint64_t(5));
        loop.runSteps(5);
        const std::vector<std::int64_t> after(draws.begin() + 5, draws.end());
        const Time endTime = loop.now();
        loop.restoreState(saved);
        QCOMPARE(loop.now(), saved.now());
        QCOMPARE(loop.eventsRun(), std::uint64_t(5));
        draws.resize(5);
        loop.runSteps(5);
        QCOMPARE(std::vector<std::int64_t>(draws.begin() + 5, draws.end()), after);
        QCOMPARE(loop.now(), endTime);
    }

    // ------------------------------------------------------------------ trace

    void appendAssignsSeqAndNotifies() {
        Trace trace;
        std::vector<std::uint64_t> seen;
        std::size_t truncatedTo = 99;
        auto id = trace.addObserver([&](const TraceRecord& r) { seen.push_back(r.seq); });
        trace.addTruncateObserver([&](std::size_t n) { truncatedTo = n; });
        TraceRecord r;
        r.seq = 77;  // ignored
        r.actor = "kube-scheduler";
        QCOMPARE(trace.append(r), std::uint64_t(1));
        QCOMPARE(trace.append(r), std::uint64_t(2));
        trace.removeObserver(id);
        QCOMPARE(trace.append(r), std::uint64_t(3));
        QCOMPARE(seen, (std::vector<std::uint64_t>{1, 2}));
        QCOMPARE(trace.record(2).seq, std::uint64_t(3));
        QCOMPARE(trace.bySeq(2)->seq, std::uint64_t(2));
        QVERIFY(!trace.bySeq(0));
        QVERIFY(!trace.bySeq(4));
        trace.truncate(1);
        QCOMPARE(trace.size(), std::size_t(1));
        QCOMPARE(truncatedTo, std::size_t(1));
        QCOMPARE(trace.append(r), std::uint64_t(2));
    }

    void jsonLineIsByteStable() {
        TraceRecord r;
        r.time = 12500;
        r.actor = "kube-scheduler";
        r.action = "Bind";
        r.objects = {"pod/default/web-3", "node//node-3"};
        r.key = "scheduler.bind";
        r.args = {{"pod", "web-3"}, {"node", "node-3"}};
        Value detail = Value::mapping();
        detail.set("score", Value::integer(512));
        detail.set("ratio", Value::plain("0.50"));
        detail.set("feasible", Value::boolean(true));
        detail.set("note", Value::string("say \"hi\"\n\t\\ \x01 é"));
        Value nodes = Value::sequence();
        nodes.push(Value::string("node-1"));
        nodes.push(Value::null());
        nodes.push(Value::integer(-9223372036854775807LL - 1));
        detail.set("nodes", nodes);
        detail.set("hex", Value::plain("0x1F"));
        detail.set("word", Value::plain("web"));
        detail.set("quotedNumber", Value::string("42"));
        detail.set("inf", Value::plain(".inf"));
        detail.set("shortFloat", Value::plain(".5"));
        r.detail = detail;
        Trace trace;
        trace.append(r);
        const std::string expected =
            "{\"seq\":1,\"time\":12500,\"timestamp\":\"2026-01-01T00:00:12.500Z\",\"actor\":\"kube-scheduler\","
            "\"action\":\"Bind\",\"objects\":[\"pod/default/web-3\",\"node//node-3\"],\"key\":\"scheduler.bind\","
            "\"args\":{\"node\":\"node-3\",\"pod\":\"web-3\"},\"detail\":{\"score\":512,\"ratio\":0.50,"
            "\"feasible\":true,\"note\":\"say \\\"hi\\\"\\n\\t\\\\ \\u0001 é\","
            "\"nodes\":[\"node-1\",null,-9223372036854775808],\"hex\":31,\"word\":\"web\",\"quotedNumber\":\"42\","
            "\"inf\":\".inf\",\"shortFloat\":0.5}}";
        QCOMPARE(q(toJsonLine(trace.record(0))), q(expected));
        QCOMPARE(q(toJsonLines(trace)), q(expected + "\n"));

        TraceRecord empty;
        empty.actor = "a";
        empty.action = "b";
        QCOMPARE(q(toJsonLine(empty)), QString("{\"seq\":0,\"time\":0,\"timestamp\":\"2026-01-01T00:00:00.000Z\","
                                               "\"actor\":\"a\",\"action\":\"b\",\"objects\":[],\"key\":\"\","
                                               "\"args\":{},\"detail\":null}"));
    }

    void invalidUtf8BecomesReplacementCharacter() {
        TraceRecord r;
        r.actor = std::string("bad\xFF") + "\xC3";  // a stray byte and a truncated sequence
        r.action = "\xE4\xB8\xAD";                    // 中, valid
        const std::string line = toJsonLine(r);
        QVERIFY(line.find("\"actor\":\"bad\xEF\xBF\xBD\xEF\xBF\xBD\"") != std::string::npos);
        QVERIFY(line.find("\"action\":\"\xE4\xB8\xAD\"") != std::string::npos);
        auto back = readJsonLines(line + "\n");
        QVERIFY(back.ok());
        QCOMPARE(q(back.records[0].action), QString::fromUtf8("中"));
    }

    void jsonLinesRoundTrip() {
        Trace trace;
        for (int i = 0; i < 5; ++i) {
            TraceRecord r;
            r.time = 1000 * i - 1;
            r.actor = "kubelet/node-" + std::to_string(i);
            r.action = "SyncPod";
            r.objects = {"pod/default/web-" + std::to_string(i)};
            r.key = "kubelet.sync";
            r.args = {{"z", "last"}, {"a", "first"}, {"n", std::to_string(i)}};
            if (i % 2) {
                Value d = Value::mapping();
                d.set("ok", Value::boolean(i == 3));
                d.set("ratio", Value::plain("1.250"));
                d.set("big", Value::plain("123456789012345678901234567890"));
                d.child("nested").set("list", Value::sequence()).push(Value::mapping());
                r.detail = d;
            }
            trace.append(r);
        }
        const std::string text = toJsonLines(trace);
        auto back = readJsonLines(text, "trace.jsonl");
        QVERIFY(back.ok());
        QCOMPARE(back.records.size(), std::size_t(5));
        for (std::size_t i = 0; i < 5; ++i) QVERIFY2(back.records[i] == trace.record(i), "record differs after reading");
        Trace again;
        for (auto& r : back.records) again.append(r);
        QCOMPARE(q(toJsonLines(again)), q(text));
    }

    void readerReportsLineAndField_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("diagnostic");
        QTest::newRow("syntax") << "\n{\"seq\":1,}" << "t.jsonl:2:10: syntax error while parsing object key - "
                                                       "unexpected '}'; expected string literal";
        QTest::newRow("not an object") << "[1]" << "t.jsonl:1:1: expected a JSON object";
        QTest::newRow("missing seq") << "{\"time\":0,\"actor\":\"a\",\"action\":\"b\"}"
                                     << "t.jsonl:1:1: seq: Required value";
        QTest::newRow("negative seq") << "{\"seq\":-1,\"time\":0,\"actor\":\"a\",\"action\":\"b\"}"
                                      << "t.jsonl:1:1: seq: expected a non-negative integer";
        QTest::newRow("float time") << "{\"seq\":1,\"time\":1.5,\"actor\":\"a\",\"action\":\"b\"}"
                                    << "t.jsonl:1:1: time: expected an integer";
        QTest::newRow("numeric actor") << "{\"seq\":1,\"time\":0,\"actor\":5,\"action\":\"b\"}"
                                       << "t.jsonl:1:1: actor: expected a string";
        QTest::newRow("object entry") << "{\"seq\":1,\"time\":0,\"actor\":\"a\",\"action\":\"b\",\"objects\":[\"x\",1]}"
                                      << "t.jsonl:1:1: objects[1]: expected a string";
        QTest::newRow("arg value") << "{\"seq\":1,\"time\":0,\"actor\":\"a\",\"action\":\"b\",\"args\":{\"n\":1}}"
                                   << "t.jsonl:1:1: args.n: expected a string";
    }
    void readerReportsLineAndField() {
        QFETCH(QString, text);
        QFETCH(QString, diagnostic);
        // A good line after the bad one is still read.
        const std::string good = "{\"seq\":9,\"time\":5,\"actor\":\"a\",\"action\":\"b\",\"unknown\":[1,2]}";
        auto r = readJsonLines(text.toStdString() + "\r\n\n" + good, "t.jsonl");
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics.size(), std::size_t(1));
        QCOMPARE(q(r.diagnostics[0].format()), diagnostic);
        QCOMPARE(r.records.size(), std::size_t(1));
        QCOMPARE(r.records[0].seq, std::uint64_t(9));
        QCOMPARE(r.records[0].time, Time(5));
        QVERIFY(r.records[0].detail.isNull());
    }

    void readerRejectsDeepNesting() {
        std::string deep = "{\"seq\":1,\"time\":0,\"actor\":\"a\",\"action\":\"b\",\"detail\":";
        deep += std::string(100000, '[') + std::string(100000, ']') + "}";
        auto r = readJsonLines(deep);
        QVERIFY(!r.ok());
        QVERIFY(r.diagnostics[0].message.find("nesting deeper than 256 levels") != std::string::npos);
    }

private:
    const std::vector<int> kShuffleSeed1 = {1, 7, 3, 9, 4, 0, 5, 2, 6, 8};
};

KS_TEST_MAIN(TestSim)
#include "tst_sim.moc"
