#include "lesson_controller.h"
#include "format.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <set>

#include "app_facade.h"
#include "core/lesson/lesson_loader.h"
#include "core/lesson/rich_text.h"
#include "lesson_inspector.h"
#include "world.h"

#ifndef KUBESTAGE_LESSONS_DIR
#define KUBESTAGE_LESSONS_DIR ""
#endif

namespace ks::gui {

namespace {
// StyledText has no <code>: code spans are coloured instead (the tags come from the core's
// converter; lesson text itself is escaped).
QString html(const std::string& rich) {
    return qs(lesson::richTextToHtml(rich))
        .replace("<code>", "<font color=\"#c7254e\">")
        .replace("</code>", "</font>");
}
// A one-paragraph text without its <p>, so that it can follow a label on the same line ("Try
// it: ...", "1. question").
QString inlineHtml(const std::string& rich) {
    QString h = html(rich).trimmed();
    if (h.startsWith("<p>") && h.endsWith("</p>") && h.indexOf("<p>", 3) < 0) h = h.mid(3, h.size() - 7);
    return h;
}
lesson::Language langOf(const QString& l) { return l == "zh" ? lesson::Language::Zh : lesson::Language::En; }
}  // namespace

LessonController::LessonController(AppFacade* app)
    : QObject(app), m_app(app), m_progress(this), m_catalog(&m_progress, this) {
    // Try it reacts to every change of the cluster: simulation steps and edits.
    connect(app, &AppFacade::positionChanged, this, &LessonController::followCluster);
    connect(app, &AppFacade::clusterEdited, this, &LessonController::followCluster);
}
LessonController::~LessonController() = default;

QString LessonController::lessonsDir() {
    QString env = qEnvironmentVariable("KUBESTAGE_LESSONS_DIR");
    if (!env.isEmpty()) return env;
    QDir dir(QCoreApplication::applicationDirPath());
    for (int up = 0; up < 4; ++up) {
        if (QFileInfo(dir.filePath("lessons/README.md")).exists()) return dir.filePath("lessons");
        if (!dir.cdUp()) break;
    }
    return QString(KUBESTAGE_LESSONS_DIR);
}

QString LessonController::spotlightTarget(const QString& name) {
    // Every fixed name of lesson::spotlightElements(); the element with this objectName is ringed.
    static const QHash<QString, QString> kTargets = {
        {"cluster", "canvas"},
        {"control-plane.apiserver", "apiserverPanel"},
        {"control-plane.scheduler", "schedulerPanel"},
        {"control-plane.controller-manager", "controlPlane"},  // not drawn on its own yet: the strip
        {"scheduler.queue", "queuePanel"},
        {"queue", "queuePanel"},
        {"scheduler.filter-table", "filterTable"},
        {"scheduler.score-table", "scoreTable"},
        {"scheduler.profiles", "schedulerPanel"},  // the replicas and their profiles' scheduler
        {"lease", "leaderBadge"},
        {"player", "player"},
        {"events", "events"},
        {"timeline", "timeline"},
        {"console", "console"},
        {"inspector", "inspector"},
        {"inspector.labels", "inspector.labels"},
        {"inspector.taints", "inspector.taints"},
        {"inspector.tolerations", "inspector.tolerations"},
        {"inspector.resources", "inspector.resources"},
        {"inspector.affinity", "inspector.affinity"},
        {"inspector.yaml", "inspector.yaml"},
    };
    return kTargets.value(name);
}

LessonCatalog* LessonController::catalog() {
    if (!m_catalog.loaded()) m_catalog.load(lessonsDir());
    return &m_catalog;
}

QString LessonController::lessonId() const { return m_lesson ? qs(m_lesson->id) : QString(); }

void LessonController::setLanguage(const QString& language) {
    QString l = language == "zh" ? "zh" : "en";
    if (l == m_language) return;
    m_language = l;
    m_catalog.setLanguage(l);
    emit changed();
    emit quizChanged();
}

QString LessonController::title() const {
    return m_lesson ? qs(lesson::richTextToPlain(m_lesson->title.in(langOf(m_language)))) : QString();
}

int LessonController::stepCount() const { return m_lesson ? static_cast<int>(m_lesson->steps.size()) : 0; }

QString LessonController::stepTitle() const {
    if (!m_lesson || m_step >= stepCount()) return {};
    return qs(lesson::richTextToPlain(m_lesson->steps[m_step].title.in(langOf(m_language))));
}

QString LessonController::stepHtml() const {
    if (!m_lesson || m_step >= stepCount()) return {};
    return html(m_lesson->steps[m_step].text.in(langOf(m_language)));
}

bool LessonController::hasTryIt() const {
    return m_lesson && m_step < stepCount() && m_lesson->steps[m_step].tryIt.has_value();
}

QString LessonController::tryItHtml() const {
    if (!hasTryIt()) return {};
    return inlineHtml(m_lesson->steps[m_step].tryIt->prompt.in(langOf(m_language)));
}

QString LessonController::tryItHintHtml() const {
    if (!hasTryIt()) return {};
    return inlineHtml(m_lesson->steps[m_step].tryIt->hint.in(langOf(m_language)));
}

bool LessonController::canAdvance() const {
    return m_lesson && m_step + 1 < stepCount() && (!hasTryIt() || m_tryItSolved);
}

QStringList LessonController::spotlight() const {
    QStringList out;
    if (m_lesson && m_step < stepCount() && !m_quizOpen)
        for (const auto& s : m_lesson->steps[m_step].spotlight) out << qs(s);
    return out;
}

QVariantList LessonController::quiz() const {
    QVariantList out;
    if (!m_lesson) return out;
    const lesson::Language lang = langOf(m_language);
    for (const auto& q : m_lesson->quiz) {
        QVariantList choices;
        for (const auto& c : q.choices) choices << inlineHtml(c.text.in(lang));
        out << QVariantMap{{"question", inlineHtml(q.question.in(lang))},
                           {"multiple", q.multiple},
                           {"choices", choices},
                           {"explanation", inlineHtml(q.explanation.in(lang))}};
    }
    return out;
}

void LessonController::setQuizOpen(bool open) {
    open = open && m_lesson && !m_lesson->quiz.empty();
    if (open == m_quizOpen) return;
    m_quizOpen = open;
    emit changed();
}

QString LessonController::nextLessonId() const { return m_lesson ? m_catalog.nextAfter(lessonId()) : QString(); }

void LessonController::setBrowserOpen(bool open) {
    if (open == m_browserOpen) return;
    if (open) {
        catalog();
        m_progress.reload();
    }
    m_browserOpen = open;
    emit browserOpenChanged();
}

bool LessonController::open(const QString& id, int step) {
    QString dir = lessonsDir();
    std::string file;
    for (const auto& f : lesson::findLessonFiles(dir.toStdString()))
        if (QFileInfo(qs(f)).completeBaseName() == id) file = f;
    if (file.empty()) {
        m_app->m_loadErrors = {"lesson " + id + ": not found under " + (dir.isEmpty() ? "(no lessons folder)" : dir)};
        emit m_app->scenarioChanged();
        return false;
    }
    lesson::LoadResult r = lesson::loadLessonFile(file);
    if (!r.ok()) {
        QStringList errors;
        for (const auto& d : r.diagnostics)
            if (d.isError()) errors << qs(d.format());
        m_app->m_loadErrors = errors;
        emit m_app->scenarioChanged();
        return false;
    }
    auto previous = m_lesson;
    const bool wasQuizOpen = m_quizOpen;
    m_lesson = std::make_shared<const lesson::Lesson>(std::move(*r.lesson));
    m_quizOpen = false;
    m_quizResult.clear();
    // One past the last step is the quiz page.
    const bool quizPage = step >= stepCount() && !m_lesson->quiz.empty();
    if (!goToStep(step)) {
        m_lesson = previous;
        m_quizOpen = wasQuizOpen;
        return false;
    }
    if (quizPage) setQuizOpen(true);
    emit quizChanged();
    m_app->m_scenarioName = qs(m_lesson->id);
    emit m_app->scenarioChanged();
    return true;
}

bool LessonController::resume(const QString& id) {
    const LessonProgressEntry p = m_progress.entry(id);
    if (!open(id, std::max(p.step, 0))) return false;
    setBrowserOpen(false);
    return true;
}

bool LessonController::build(int step, bool answerCurrent) {
    if (!m_lesson || m_lesson->steps.empty()) return false;
    step = std::clamp(step, 0, stepCount() - 1);
    std::shared_ptr<const lesson::Lesson> lesson = m_lesson;
    AppFacade::Builder builder = [lesson, step, answerCurrent](QStringList& errors) -> std::unique_ptr<AppFacade::World> {
        auto world = std::make_unique<AppFacade::World>();
        world->lesson = lesson;
        world->run = std::make_unique<lesson::LessonRun>(*lesson);
        for (const auto& d : world->run->start())
            if (d.isError()) errors << qs(d.format());
        if (!errors.isEmpty()) return nullptr;
        // Earlier try-its are answered with the lesson's reference, so later steps build on them.
        for (int i = 0; i <= step; ++i)
            for (const auto& d : world->run->enterStep(static_cast<std::size_t>(i), i < step || answerCurrent))
                if (d.isError()) errors << qs(d.format());
        return world;
    };
    if (!m_app->rebuild(builder)) return false;
    m_step = step;
    m_answered = answerCurrent;
    m_progress.recordStep(lessonId(), m_step, stepCount());
    followCluster();
    emit changed();
    return true;
}

bool LessonController::goToStep(int step) {
    if (!build(step, false)) return false;
    setQuizOpen(false);
    return true;
}

bool LessonController::next() {
    if (!m_lesson) return false;
    if (m_step + 1 >= stepCount()) {
        // After the last step comes the quiz (once the step's try-it is solved, as for Next).
        if (hasTryIt() && !m_tryItSolved) return false;
        setQuizOpen(true);
        return m_quizOpen;
    }
    return canAdvance() && goToStep(m_step + 1);
}

bool LessonController::back() {
    if (!m_lesson) return false;
    if (m_quizOpen) {
        setQuizOpen(false);
        return true;
    }
    return m_step > 0 && goToStep(m_step - 1);
}

bool LessonController::showMe() {
    if (!hasTryIt()) return false;
    return build(m_step, true);
}

void LessonController::followCluster() {
    AppFacade::World* world = m_app->m_world.get();
    const bool ours = m_lesson && m_step < stepCount() && world && world->run && world->lesson == m_lesson;
    QVariantMap inspected;
    if (ours) inspected = inspectObject(world->cluster().store(), inspectedObjectOf(m_lesson->steps[m_step]));
    if (inspected != m_inspected) {
        m_inspected = inspected;
        emit inspectedChanged();
    }
    bool solved = ours && hasTryIt() && world->run->holds(m_lesson->steps[m_step].tryIt->until);
    if (solved == m_tryItSolved) return;
    m_tryItSolved = solved;
    emit changed();
}

QVariantMap LessonController::checkQuiz(const QVariantList& answers) {
    if (!m_lesson) return {};
    int score = 0;
    QVariantList questions;
    for (std::size_t q = 0; q < m_lesson->quiz.size(); ++q) {
        const auto& question = m_lesson->quiz[q];
        std::set<int> chosen;
        if (static_cast<int>(q) < answers.size())
            for (const QVariant& v : answers[static_cast<int>(q)].toList()) chosen.insert(v.toInt());
        bool right = true;
        QVariantList choices;
        for (std::size_t c = 0; c < question.choices.size(); ++c) {
            const bool isChosen = chosen.count(static_cast<int>(c)) > 0;
            const bool correct = question.choices[c].correct;
            if (isChosen != correct) right = false;
            choices << QVariantMap{{"chosen", isChosen}, {"correct", correct}};
        }
        if (right) ++score;
        questions << QVariantMap{{"right", right}, {"choices", choices}};
    }
    const int total = static_cast<int>(m_lesson->quiz.size());
    m_quizResult = QVariantMap{{"score", score}, {"total", total}, {"questions", questions}};
    m_progress.recordQuiz(lessonId(), score, total);
    emit quizChanged();
    return m_quizResult;
}

void LessonController::resetQuiz() {
    if (m_quizResult.isEmpty()) return;
    m_quizResult.clear();
    emit quizChanged();
}

void LessonController::close() {
    if (!m_lesson) return;
    m_lesson.reset();
    m_step = 0;
    m_quizOpen = false;
    m_tryItSolved = false;
    m_quizResult.clear();
    m_inspected.clear();
    emit changed();
    emit quizChanged();
    emit inspectedChanged();
}

}  // namespace ks::gui
