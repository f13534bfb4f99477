#include "lesson_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <algorithm>

#include "app_facade.h"
#include "core/lesson/lesson_loader.h"
#include "core/lesson/rich_text.h"
#include "world.h"

#ifndef KUBESTAGE_LESSONS_DIR
#define KUBESTAGE_LESSONS_DIR ""
#endif

namespace ks::gui {

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
// StyledText has no <code>: code spans are coloured instead (the tags come from the core's
// converter; lesson text itself is escaped).
QString html(const std::string& rich) {
    return qs(lesson::richTextToHtml(rich))
        .replace("<code>", "<font color=\"#c7254e\">")
        .replace("</code>", "</font>");
}
lesson::Language langOf(const QString& l) { return l == "zh" ? lesson::Language::Zh : lesson::Language::En; }
}  // namespace

LessonController::LessonController(AppFacade* app) : QObject(app), m_app(app) {}
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

QString LessonController::lessonId() const { return m_lesson ? qs(m_lesson->id) : QString(); }

void LessonController::setLanguage(const QString& language) {
    QString l = language == "zh" ? "zh" : "en";
    if (l == m_language) return;
    m_language = l;
    emit changed();
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

QString LessonController::tryItHtml() const {
    if (!m_lesson || m_step >= stepCount() || !m_lesson->steps[m_step].tryIt) return {};
    return html(m_lesson->steps[m_step].tryIt->prompt.in(langOf(m_language)));
}

QStringList LessonController::spotlight() const {
    QStringList out;
    if (m_lesson && m_step < stepCount())
        for (const auto& s : m_lesson->steps[m_step].spotlight) out << qs(s);
    return out;
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
    m_lesson = std::make_shared<const lesson::Lesson>(std::move(*r.lesson));
    if (!goToStep(step)) {
        m_lesson = previous;
        return false;
    }
    m_app->m_scenarioName = qs(m_lesson->id);
    emit m_app->scenarioChanged();
    return true;
}

bool LessonController::goToStep(int step) {
    if (!m_lesson || m_lesson->steps.empty()) return false;
    step = std::clamp(step, 0, stepCount() - 1);
    std::shared_ptr<const lesson::Lesson> lesson = m_lesson;
    AppFacade::Builder builder = [lesson, step](QStringList& errors) -> std::unique_ptr<AppFacade::World> {
        auto world = std::make_unique<AppFacade::World>();
        world->lesson = lesson;
        world->run = std::make_unique<lesson::LessonRun>(*lesson);
        for (const auto& d : world->run->start())
            if (d.isError()) errors << qs(d.format());
        if (!errors.isEmpty()) return nullptr;
        // Earlier try-its are answered with the lesson's reference, so later steps build on them.
        for (int i = 0; i <= step; ++i)
            for (const auto& d : world->run->enterStep(static_cast<std::size_t>(i), i < step))
                if (d.isError()) errors << qs(d.format());
        return world;
    };
    if (!m_app->rebuild(builder)) return false;
    m_step = step;
    emit changed();
    return true;
}

bool LessonController::next() { return m_lesson && m_step + 1 < stepCount() && goToStep(m_step + 1); }
bool LessonController::back() { return m_lesson && m_step > 0 && goToStep(m_step - 1); }

void LessonController::close() {
    if (!m_lesson) return;
    m_lesson.reset();
    m_step = 0;
    emit changed();
}

}  // namespace ks::gui
