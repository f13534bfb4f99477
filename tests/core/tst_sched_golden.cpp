// Golden tests of `kubestage-cli schedule -o json`: every tests/data/schedule/NAME.yaml is
// scheduled (with NAME.config.yaml as --config when present) and the output compared with
// NAME.json. Run with --update to rewrite the expected files after a deliberate change.
#include "ks_test_main.h"
#include <QtTest>

namespace {
bool gUpdate = false;
}

class TestSchedGolden : public QObject {
    Q_OBJECT
private slots:
    void golden_data();
    void golden();
    void invalidInput();
    void outOfTreePlugin();
};

void TestSchedGolden::golden_data() {
    QTest::addColumn<QString>("input");
    const QDir dir(QStringLiteral(KUBESTAGE_TEST_DATA) + "/schedule");
    for (const auto& f : dir.entryList({"*.yaml"}, QDir::Files, QDir::Name)) {
        if (f.endsWith(".config.yaml")) continue;
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
}

void TestSchedGolden::golden() {
    QFETCH(QString, input);
    const QString base = input.left(input.size() - 5);
    QStringList args{"schedule", "-o", "json", "--seed", "1"};
    if (QFile::exists(base + ".config.yaml")) args << "--config" << base + ".config.yaml";
    args << input;
    QProcess cli;
    cli.start(QStringLiteral(KUBESTAGE_CLI), args);
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    const QByteArray out = cli.readAllStandardOutput();
    QFile expected(base + ".json");
    if (gUpdate) {
        QVERIFY(expected.open(QIODevice::WriteOnly));
        expected.write(out);
        return;
    }
    QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable("missing " + expected.fileName() + " (run with --update)"));
    const QByteArray want = expected.readAll();
    if (out != want) {
        const auto got = QString::fromUtf8(out).split('\n'), exp = QString::fromUtf8(want).split('\n');
        for (int i = 0; i < std::max(got.size(), exp.size()); ++i)
            if (got.value(i) != exp.value(i))
                QFAIL(qPrintable(QString("line %1 differs:\n  got:  %2\n  want: %3\n(rerun with --update if intended)")
                                     .arg(i + 1)
                                     .arg(got.value(i), exp.value(i))));
    }
}

void TestSchedGolden::invalidInput() {
    // Invalid manifests: FILE:LINE:COL errors and exit 1.
    QTemporaryDir dir;
    const QString file = dir.filePath("bad.yaml");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  priorityClassName: missing\n"
            "  containers:\n  - name: web\n    image: nginx\n");
    f.close();
    QProcess cli;
    cli.start(QStringLiteral(KUBESTAGE_CLI), {"schedule", "-o", "json", file});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(file + ":1:1: spec.priorityClassName: pods \"web\" is forbidden: no PriorityClass with name missing was found"),
             qPrintable(err));
}

void TestSchedGolden::outOfTreePlugin() {
    // A config naming a plugin that is not built in fails when the scheduler is built.
    QTemporaryDir dir;
    QFile cfg(dir.filePath("config.yaml"));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write("apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles:\n"
              "- schedulerName: default-scheduler\n  plugins:\n    multiPoint:\n      enabled:\n      - name: Coscheduling\n");
    cfg.close();
    QProcess cli;
    cli.start(QStringLiteral(KUBESTAGE_CLI), {"schedule", "--config", cfg.fileName(),
                                              QStringLiteral(KUBESTAGE_TEST_DATA) + "/schedule/basic-plugins.yaml"});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 1);
    QCOMPARE(QString::fromUtf8(cli.readAllStandardError()).trimmed(),
             QString("error: creating profile for scheduler name default-scheduler: PreFilterPlugin \"Coscheduling\" does not exist"));
}

// KS_TEST_MAIN plus an --update flag that QTest would reject.
static int runSchedGolden(int argc, char** argv) {
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::string(argv[i]) == "--update") gUpdate = true;
        else args.push_back(argv[i]);
    }
    TestSchedGolden test;
    return QTest::qExec(&test, static_cast<int>(args.size()), args.data());
}
[[maybe_unused]] static const bool registeredSchedGolden = ks::test::registerTest(__FILE__, &runSchedGolden);

#include "tst_sched_golden.moc"
