#include "scenario_files.h"
#include "format.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QQmlEngine>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include "app_facade.h"
#include "core/api/scenario_writer.h"
#include "core/cluster/cluster.h"
#include "core/store/api_store.h"

namespace ks::gui {

namespace {

ScenarioFiles* g_files = nullptr;

constexpr int kMaxRecent = 8;
const char* const kRecentKey = "files/recent";
// The autosave's first lines say what it was a copy of (read back on restore).
const QString kFileHeader = QStringLiteral("# kubestage-autosave-file: ");
const QString kNameHeader = QStringLiteral("# kubestage-autosave-name: ");


QString headerValue(const QByteArray& text, const QString& prefix) {
    for (const QByteArray& raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (!line.startsWith('#')) break;
        if (line.startsWith(prefix)) return line.mid(prefix.size()).trimmed();
    }
    return {};
}

}  // namespace

ScenarioFiles::ScenarioFiles(AppFacade* app, QObject* parent) : QObject(parent), m_app(app) {
    if (!g_files) g_files = this;
    m_autosaveDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(1500);
    connect(&m_autosaveTimer, &QTimer::timeout, this, [this]() { autosaveNow(); });
    connect(m_app, &AppFacade::clusterEdited, this, &ScenarioFiles::onEdited);
    connect(m_app, &AppFacade::editsChanged, this, &ScenarioFiles::onEdited);
    connect(m_app, &AppFacade::scenarioChanged, this, [this]() {
        // Someone else opened a scenario or a lesson: it is not one of our files.
        if (!m_ownLoad && m_app->loadErrors().isEmpty()) setLoaded(QString(), m_app->scenarioName());
    });
    m_title = m_app->scenarioName();
    loadRecent();
}

ScenarioFiles::~ScenarioFiles() {
    if (g_files == this) g_files = nullptr;
}

ScenarioFiles* ScenarioFiles::instance() { return g_files; }

ScenarioFiles* ScenarioFiles::create(QQmlEngine*, QJSEngine*) {
    if (!g_files) g_files = new ScenarioFiles(AppFacade::create(nullptr, nullptr));  // e.g. in Qt Quick tests
    QQmlEngine::setObjectOwnership(g_files, QQmlEngine::CppOwnership);
    return g_files;
}

QString ScenarioFiles::windowTitle() const {
    const QString name = m_currentFile.isEmpty() ? m_title : QFileInfo(m_currentFile).fileName();
    return QStringLiteral("KubeStage — ") + name + (m_modified ? QStringLiteral(" *") : QString());
}

QVariantList ScenarioFiles::examples() const {
    struct Example {
        const char* file;
        QString title;
        QString description;
    };
    const Example list[] = {
        {"default.yaml", tr("A small three-zone cluster"),
         tr("Three nodes in three zones, a GPU node with a taint, running and pending pods.")},
        {"taints-and-tolerations.yaml", tr("Taints and tolerations"),
         tr("Tainted nodes keep pods away; only the pods that tolerate a taint may land there.")},
        {"spread-over-zones.yaml", tr("Spread over zones"),
         tr("A topology spread constraint places the replicas of a service evenly across zones.")},
        {"preemption.yaml", tr("Priority and preemption"),
         tr("A full cluster; a high-priority pod evicts lower-priority pods to get a place.")},
    };
    QVariantList out;
    for (const Example& e : list) {
        const QString path = QStringLiteral(":/scenarios/") + e.file;
        if (!QFile::exists(path)) continue;
        out.append(QVariantMap{{"title", e.title}, {"description", e.description}, {"path", path}});
    }
    return out;
}

void ScenarioFiles::setNotice(const QString& notice) {
    if (notice == m_notice) return;
    m_notice = notice;
    emit noticeChanged();
}

void ScenarioFiles::setAutosaveDirectory(const QString& dir) {
    if (dir == m_autosaveDir) return;
    endSession();  // the lock belongs to the old folder
    m_autosaveDir = dir;
    emit autosaveChanged();
}

void ScenarioFiles::setAutosaveDelay(int ms) {
    if (ms == m_autosaveTimer.interval()) return;
    m_autosaveTimer.setInterval(ms);
    emit autosaveChanged();
}

QString ScenarioFiles::localPath(const QVariant& file) {
    const QUrl url = file.toUrl();
    if (url.isValid() && url.isLocalFile()) return url.toLocalFile();
    return file.toString();
}

void ScenarioFiles::setErrors(const QStringList& errors) {
    if (errors == m_errors) return;
    m_errors = errors;
    emit errorsChanged();
}

void ScenarioFiles::showOpened() {
    // A scenario opened from the File menu (or its keys, or the restore offer) is what the user
    // wants to see: the lesson browser, if open, gives way.
    m_app->lesson()->setBrowserOpen(false);
}

void ScenarioFiles::setLoaded(const QString& currentFile, const QString& title) {
    m_currentFile = currentFile;
    m_title = title;
    m_modified = false;
    m_autosaveTimer.stop();
    emit stateChanged();
}

bool ScenarioFiles::open(const QVariantList& files, bool remember) {
    QStringList paths;
    for (const QVariant& f : files) paths << localPath(f);
    paths.removeAll(QString());
    if (paths.isEmpty()) return false;
    m_ownLoad = true;
    const bool ok = m_app->loadScenario(paths);
    m_ownLoad = false;
    if (!ok) {
        setErrors(m_app->loadErrors());
        return false;
    }
    setErrors({});
    setLoaded(paths.size() == 1 ? QFileInfo(paths.first()).absoluteFilePath() : QString(), m_app->scenarioName());
    if (remember) addRecent(paths);
    showOpened();
    return true;
}

bool ScenarioFiles::openExample(const QString& path) {
    m_ownLoad = true;
    const bool ok = m_app->loadScenario({path});
    m_ownLoad = false;
    if (!ok) {
        setErrors(m_app->loadErrors());
        return false;
    }
    setErrors({});
    setLoaded(QString(), m_app->scenarioName());  // built in: Save as asks where to write
    showOpened();
    return true;
}

bool ScenarioFiles::openRecent(const QString& entry) {
    const QStringList files = entry.split('\n', Qt::SkipEmptyParts);
    QStringList missing;
    for (const QString& f : files)
        if (!QFileInfo::exists(f)) missing << f;
    if (!missing.isEmpty()) {
        m_recent.removeAll(entry);
        storeRecent();
        setNotice(tr("No longer there, removed from the recent files: %1").arg(missing.join(", ")));
        return false;
    }
    QVariantList list;
    for (const QString& f : files) list << f;
    return open(list);
}

void ScenarioFiles::clearRecent() {
    m_recent.clear();
    storeRecent();
}

void ScenarioFiles::addRecent(const QStringList& files) {
    QStringList absolute;
    for (const QString& f : files) absolute << QFileInfo(f).absoluteFilePath();
    const QString entry = absolute.join('\n');
    m_recent.removeAll(entry);
    m_recent.prepend(entry);
    while (m_recent.size() > kMaxRecent) m_recent.removeLast();
    storeRecent();
}

void ScenarioFiles::loadRecent() {
    QSettings s("KubeStage", "kubestage");
    m_recent = s.value(kRecentKey).toStringList().mid(0, kMaxRecent);
    emit recentFilesChanged();
}

void ScenarioFiles::refreshRecent() {
    // Checked when the menu is about to offer them, not at start: a notice would greet every
    // start (and every screenshot) otherwise.
    QStringList gone;
    QStringList kept;
    for (const QString& entry : m_recent) {
        bool present = true;
        for (const QString& f : entry.split('\n', Qt::SkipEmptyParts)) present = present && QFileInfo::exists(f);
        if (present) kept << entry;
        else gone << entry.split('\n', Qt::SkipEmptyParts).join(", ");
    }
    if (gone.isEmpty()) return;
    m_recent = kept;
    storeRecent();
    setNotice(tr("No longer there, removed from the recent files: %1").arg(gone.join(", ")));
}

void ScenarioFiles::storeRecent() {
    QSettings s("KubeStage", "kubestage");
    s.setValue(kRecentKey, m_recent);
    emit recentFilesChanged();
}

bool ScenarioFiles::importSnapshot(const QVariant& file) {
    const QString path = localPath(file);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        setErrors({path + ": " + tr("cannot open file: %1").arg(f.errorString())});
        return false;
    }
    const std::string text = f.readAll().toStdString();
    api::SnapshotImport imported = api::importSnapshot(text, path.toStdString());
    QStringList errors;
    for (const auto& d : imported.diagnostics)
        if (d.isError()) errors << qs(d.format());
    if (!imported.ok()) {
        setErrors(errors);
        return false;
    }
    const std::string scenario = api::writeScenario(
        imported.objects, {"Imported from " + QFileInfo(path).fileName().toStdString() +
                           ": server-set fields, Events and Leases left out."});
    m_ownLoad = true;
    const QString name = QFileInfo(path).completeBaseName();
    const bool ok = m_app->loadScenarioText(QByteArray::fromStdString(scenario), path + " (imported)", name);
    m_ownLoad = false;
    if (!ok) {
        setErrors(m_app->loadErrors());
        return false;
    }
    setErrors({});
    setLoaded(QString(), name);
    showOpened();
    // Not saved as a scenario yet: the title says so and the autosave keeps it.
    onEdited();
    setNotice(tr("Imported %1 objects from %2; %3 runtime objects (Events, Leases) left out.")
                  .arg(imported.objects.size())
                  .arg(QFileInfo(path).fileName())
                  .arg(imported.dropped));
    return true;
}

QString ScenarioFiles::scenarioText() const {
    std::vector<api::Value> objects;
    const store::ApiStore& store = m_app->cluster().store();
    for (const std::string& kind : store.kinds())
        for (const auto& object : store.list(kind)) objects.push_back(*object);
    return qs(api::writeScenario(api::scenarioObjects(objects)));
}

bool ScenarioFiles::writeFile(const QString& path, const QByteArray& data, QString& error) const {
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
        error = path + ": " + tr("cannot write file: %1").arg(out.errorString());
        return false;
    }
    return true;
}

bool ScenarioFiles::save() {
    if (m_currentFile.isEmpty()) return false;
    return saveAs(m_currentFile);
}

bool ScenarioFiles::saveAs(const QVariant& file) {
    QString path = localPath(file);
    if (path.isEmpty()) return false;
    if (QFileInfo(path).suffix().isEmpty()) path += ".yaml";
    QString error;
    if (!writeFile(path, scenarioText().toUtf8(), error)) {
        setErrors({error});
        return false;
    }
    setErrors({});
    setLoaded(QFileInfo(path).absoluteFilePath(), QFileInfo(path).completeBaseName());
    addRecent({path});
    discardAutosave();  // everything is in the file now
    return true;
}

void ScenarioFiles::onEdited() {
    if (!m_modified) {
        m_modified = true;
        emit stateChanged();
    }
    if (m_lock && !m_app->lesson()->active()) m_autosaveTimer.start();
}

// ---- autosave ----

QString ScenarioFiles::autosavePath() const { return m_autosaveDir + "/autosave.yaml"; }

bool ScenarioFiles::startSession() {
    if (m_lock) return true;
    if (m_autosaveDir.isEmpty() || !QDir().mkpath(m_autosaveDir)) return false;
    const QString lockPath = m_autosaveDir + "/session.lock";
    const bool lockWasThere = QFile::exists(lockPath);
    auto lock = std::make_unique<QLockFile>(lockPath);
    lock->setStaleLockTime(0);  // stale only when its process is gone, however long it ran
    if (!lock->tryLock(0)) return false;  // another window is running and autosaving here
    m_lock = std::move(lock);
    // The lock was there but its process was not: the last session crashed or was killed.
    const bool available = lockWasThere && QFile::exists(autosavePath());
    // An autosave without a crash is an old one (a clean exit removes it); it belongs to nobody.
    if (!available) QFile::remove(autosavePath());
    if (available != m_restoreAvailable) {
        m_restoreAvailable = available;
        emit restoreAvailableChanged();
    }
    emit autosaveChanged();
    return true;
}

void ScenarioFiles::endSession() {
    if (!m_lock) return;
    m_autosaveTimer.stop();
    // A clean exit: whatever was not saved was discarded on purpose.
    if (!m_restoreAvailable) QFile::remove(autosavePath());
    m_lock->unlock();
    m_lock.reset();
    emit autosaveChanged();
}

bool ScenarioFiles::autosaveNow() {
    m_autosaveTimer.stop();
    if (!m_lock || m_app->lesson()->active()) return false;
    if (m_restoreAvailable) return false;  // the old autosave waits for the user's answer
    QByteArray data = (kFileHeader + m_currentFile + "\n" + kNameHeader + m_title + "\n").toUtf8();
    data += scenarioText().toUtf8();
    QString error;
    return writeFile(autosavePath(), data, error);
}

bool ScenarioFiles::restoreAutosave() {
    QFile f(autosavePath());
    if (!f.open(QIODevice::ReadOnly)) {
        setErrors({autosavePath() + ": " + tr("cannot open file: %1").arg(f.errorString())});
        return false;
    }
    const QByteArray text = f.readAll();
    const QString file = headerValue(text, kFileHeader);
    QString name = headerValue(text, kNameHeader);
    if (name.isEmpty()) name = tr("restored");
    m_ownLoad = true;
    const bool ok = m_app->loadScenarioText(text, autosavePath(), name);
    m_ownLoad = false;
    m_restoreAvailable = false;
    emit restoreAvailableChanged();
    if (!ok) {
        setErrors(m_app->loadErrors());
        return false;
    }
    setErrors({});
    setLoaded(file, name);
    showOpened();
    onEdited();  // the restored edits are not in the file yet
    return true;
}

void ScenarioFiles::discardAutosave() {
    QFile::remove(autosavePath());
    if (m_restoreAvailable) {
        m_restoreAvailable = false;
        emit restoreAvailableChanged();
    }
}

}  // namespace ks::gui
