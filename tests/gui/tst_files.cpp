// ScenarioFiles with the real facade: the autosave follows every edit (undo included), a clean
// exit leaves nothing to restore, a crashed session's autosave is offered and restored (or
// discarded), a second window does not write over the first one's autosave, and the recent
// files keep eight entries and drop the ones that are gone, saying so.
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "adapters/app_facade.h"
#include "adapters/scenario_files.h"

using ks::gui::AppFacade;
using ks::gui::NodeListModel;
using ks::gui::ScenarioFiles;

namespace {

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool writeAll(const QString& path, const QByteArray& data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// What a session that crashed leaves: its lock file, naming a process that is gone. The lock is
// taken for real (QLockFile's own format: pid, application, host, boot id), then its pid is
// replaced by one no process can have (above the kernel's 2^22 limit).
bool leaveStaleLock(const QString& dir) {
    const QString path = dir + "/session.lock";
    QByteArray content;
    {
        QLockFile lock(path);
        if (!lock.tryLock(0)) return false;
        content = readAll(path).toUtf8();
    }
    const qsizetype eol = content.indexOf('\n');
    return eol > 0 && writeAll(path, "4194305" + content.mid(eol));
}

QString taintsOf(AppFacade& app, const QString& node) {
    for (int i = 0; i < app.nodes()->rowCount(); ++i) {
        QModelIndex index = app.nodes()->index(i);
        if (index.data(NodeListModel::NameRole).toString() != node) continue;
        QStringList keys;
        for (const QVariant& t : index.data(NodeListModel::TaintsRole).toList()) keys << t.toMap().value("key").toString();
        return keys.join(',');
    }
    return "<no node>";
}

}  // namespace

class TestFiles : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }

    void autosaveFollowsEveryEdit() {
        QTemporaryDir dir;
        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        ScenarioFiles files(&app);
        files.setAutosaveDirectory(dir.path());
        files.setAutosaveDelay(10);
        QVERIFY(files.startSession());
        QVERIFY(files.autosaving());
        QVERIFY(!files.restoreAvailable());
        QVERIFY(QFile::exists(dir.path() + "/session.lock"));
        QVERIFY2(!QFile::exists(files.autosavePath()), "nothing to keep before the first edit");

        QCOMPARE(app.runKubectl("kubectl taint nodes node-b1 lab=demo:NoSchedule").exitCode, 0);
        QVERIFY(files.modified());
        QTRY_VERIFY(QFile::exists(files.autosavePath()));
        const QString text = readAll(files.autosavePath());
        const QString header = "# kubestage-autosave-file: \n# kubestage-autosave-name: default\n";
        QVERIFY2(text.startsWith(header), qPrintable(text.left(200)));
        QCOMPARE(text.mid(header.size()), files.scenarioText());
        QVERIFY(text.contains("key: lab"));
        QVERIFY(!text.contains("resourceVersion"));
        QVERIFY(!text.contains("kind: Event"));

        QCOMPARE(app.runKubectl("kubectl cordon node-a1").exitCode, 0);
        QTRY_VERIFY(readAll(files.autosavePath()).contains("unschedulable: true"));
        QVERIFY(app.undo());
        QTRY_VERIFY2(!readAll(files.autosavePath()).contains("unschedulable: true"), "undo is an edit too");
        QVERIFY(readAll(files.autosavePath()).contains("key: lab"));

        // A clean exit: nothing is left to offer.
        files.endSession();
        QVERIFY(!files.autosaving());
        QVERIFY(!QFile::exists(dir.path() + "/session.lock"));
        QVERIFY(!QFile::exists(files.autosavePath()));
    }

    void crashedSessionIsRestored() {
        QTemporaryDir dir;
        {
            AppFacade app(nullptr);
            QVERIFY(app.loadDefaultScenario());
            ScenarioFiles files(&app);
            files.setAutosaveDirectory(dir.path());
            QVERIFY(files.startSession());
            QCOMPARE(app.runKubectl("kubectl taint nodes node-b1 lab=demo:NoSchedule").exitCode, 0);
            QVERIFY(files.autosaveNow());
        }  // gone without endSession(); the lock went with the QLockFile, so put back a stale one
        QVERIFY(leaveStaleLock(dir.path()));
        QVERIFY(QFile::exists(dir.path() + "/autosave.yaml"));

        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        QCOMPARE(taintsOf(app, "node-b1"), QString());
        ScenarioFiles files(&app);
        files.setAutosaveDirectory(dir.path());
        QSignalSpy offered(&files, &ScenarioFiles::restoreAvailableChanged);
        QVERIFY(files.startSession());
        QVERIFY(files.restoreAvailable());
        QCOMPARE(offered.count(), 1);
        // While the question is open, the old autosave is not overwritten.
        QVERIFY(!files.autosaveNow());
        QVERIFY(readAll(files.autosavePath()).contains("key: lab"));

        QVERIFY(files.restoreAutosave());
        QVERIFY(!files.restoreAvailable());
        QCOMPARE(taintsOf(app, "node-b1"), QString("lab"));
        QCOMPARE(app.nodes()->rowCount(), 3);
        QCOMPARE(app.pods()->rowCount(), 5);
        QVERIFY2(files.modified(), "restored edits are not in a file yet");
        QCOMPARE(files.windowTitle(), QString("KubeStage — default *"));
        files.endSession();
    }

    void discardForgetsTheAutosave() {
        QTemporaryDir dir;
        QVERIFY(writeAll(dir.path() + "/autosave.yaml", "apiVersion: v1\nkind: Node\nmetadata: {name: old}\n"));
        QVERIFY(leaveStaleLock(dir.path()));
        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        ScenarioFiles files(&app);
        files.setAutosaveDirectory(dir.path());
        QVERIFY(files.startSession());
        QVERIFY(files.restoreAvailable());
        files.discardAutosave();
        QVERIFY(!files.restoreAvailable());
        QVERIFY(!QFile::exists(files.autosavePath()));
        QCOMPARE(app.nodes()->rowCount(), 3);
        files.endSession();
    }

    void noOfferAfterACleanExit() {
        QTemporaryDir dir;
        QVERIFY(writeAll(dir.path() + "/autosave.yaml", "apiVersion: v1\nkind: Node\nmetadata: {name: old}\n"));
        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        ScenarioFiles files(&app);
        files.setAutosaveDirectory(dir.path());
        QVERIFY(files.startSession());
        QVERIFY2(!files.restoreAvailable(), "no lock was left behind: the last session ended cleanly");
        QVERIFY2(!QFile::exists(files.autosavePath()), "an autosave nobody owns is not offered later");
        files.endSession();
    }

    void secondWindowLeavesTheAutosaveAlone() {
        QTemporaryDir dir;
        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        ScenarioFiles first(&app);
        first.setAutosaveDirectory(dir.path());
        QVERIFY(first.startSession());
        ScenarioFiles second(&app);
        second.setAutosaveDirectory(dir.path());
        QVERIFY(!second.startSession());
        QVERIFY(!second.autosaving());
        QVERIFY(!second.restoreAvailable());
        QVERIFY(!second.autosaveNow());
        first.endSession();
    }

    void recentFilesKeepEightAndDropWhatIsGone() {
        QTemporaryDir dir;
        AppFacade app(nullptr);
        ScenarioFiles files(&app);
        files.clearRecent();
        QFile source(":/scenarios/default.yaml");
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray scenario = source.readAll();
        QStringList paths;
        for (int i = 0; i < 10; ++i) {
            paths << dir.path() + QString("/scenario-%1.yaml").arg(i);
            QVERIFY(writeAll(paths.last(), scenario));
            QVERIFY(files.open({paths.last()}));
        }
        QCOMPARE(files.recentFiles().size(), 8);
        QCOMPARE(files.recentFiles().first(), paths[9]);
        QCOMPARE(files.recentFiles().last(), paths[2]);
        // Opening again moves an entry to the top instead of repeating it.
        QVERIFY(files.openRecent(paths[5]));
        QCOMPARE(files.recentFiles().first(), paths[5]);
        QCOMPARE(files.recentFiles().size(), 8);
        QCOMPARE(files.currentFile(), paths[5]);

        // Stored in the settings: a new window sees the same list.
        ScenarioFiles later(&app);
        QCOMPARE(later.recentFiles(), files.recentFiles());

        QVERIFY(QFile::remove(paths[9]));
        QVERIFY(QFile::remove(paths[3]));
        files.refreshRecent();
        QCOMPARE(files.recentFiles().size(), 6);
        QVERIFY(!files.recentFiles().contains(paths[9]));
        QVERIFY2(files.notice().contains("scenario-9.yaml") && files.notice().contains("scenario-3.yaml"),
                 qPrintable(files.notice()));

        files.setNotice(QString());
        QVERIFY(QFile::remove(paths[8]));
        QVERIFY(!files.openRecent(paths[8]));
        QVERIFY(files.notice().contains("scenario-8.yaml"));
        QCOMPARE(files.recentFiles().size(), 5);
        QCOMPARE(files.currentFile(), paths[5]);  // the working scenario stays
    }

    void saveAddsASuffixAndWritesPlainManifests() {
        QTemporaryDir dir;
        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        ScenarioFiles files(&app);
        QVERIFY(!files.save());  // built in: no file to write to without a name
        QVERIFY(files.saveAs(QUrl::fromLocalFile(dir.path() + "/mine")));
        QCOMPARE(files.currentFile(), dir.path() + "/mine.yaml");
        const QString text = readAll(dir.path() + "/mine.yaml");
        QVERIFY(text.startsWith("apiVersion: v1\nkind: Node\n"));
        QCOMPARE(text.count("kind: Node\n"), 3);
        QCOMPARE(text.count("kind: Pod\n"), 5);
        QVERIFY(!text.contains("uid:"));
        QVERIFY(!text.contains("kind: Lease"));
        QCOMPARE(files.windowTitle(), QString("KubeStage — mine.yaml"));
    }
};

QTEST_MAIN(TestFiles)
#include "tst_files.moc"
