#include "lesson_catalog.h"
#include "format.h"

#include <QFileInfo>
#include <set>

#include "core/lesson/lesson_loader.h"
#include "core/lesson/rich_text.h"

namespace ks::gui {

namespace {
QString plain(const std::string& rich) { return qs(lesson::richTextToPlain(rich)); }
QString styled(const std::string& rich) {
    return qs(lesson::richTextToHtml(rich)).replace("<code>", "<font color=\"#c7254e\">").replace("</code>", "</font>");
}
}  // namespace

LessonCatalog::LessonCatalog(LessonProgress* progress, QObject* parent)
    : QAbstractListModel(parent), m_progress(progress) {
    connect(m_progress, &LessonProgress::changed, this, [this]() {
        if (!m_entries.isEmpty())
            emit dataChanged(index(0), index(m_entries.size() - 1),
                             {StepRole, StatusRole, StatusTextRole, QuizTextRole, StartHereRole});
        emit progressChanged();
    });
}

int LessonCatalog::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_entries.size(); }

QHash<int, QByteArray> LessonCatalog::roleNames() const {
    return {{IdRole, "lessonId"},       {ChapterRole, "chapter"},       {OrderRole, "order"},
            {TitleRole, "title"},       {SummaryRole, "summary"},       {CourseRole, "course"},
            {StepCountRole, "stepCount"}, {StepRole, "step"},           {StatusRole, "status"},
            {StatusTextRole, "statusText"}, {QuizTextRole, "quizText"}, {StartHereRole, "startHere"}};
}

QString LessonCatalog::title(const LessonEntry& e) const { return m_language == "zh" ? e.titleZh : e.titleEn; }

QVariant LessonCatalog::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size()) return {};
    const LessonEntry& e = m_entries[index.row()];
    const LessonProgressEntry p = m_progress->entry(e.id);
    const bool done = p.done(e.quizCount > 0);
    switch (role) {
    case IdRole: return e.id;
    case ChapterRole: return e.chapter;
    case OrderRole: return e.order;
    case TitleRole: return title(e);
    case SummaryRole: return m_language == "zh" ? e.summaryZh : e.summaryEn;
    case CourseRole: return e.course.join(" · ");
    case StepCountRole: return e.stepCount;
    case StepRole: return p.step;
    case StatusRole: return done ? "done" : p.started() ? "started" : "new";
    case StatusTextRole: {
        // In the lesson language, like everything the browser shows.
        const bool zh = m_language == "zh";
        if (done) return zh ? QString::fromUtf8("已完成") : QString("Done");
        if (!p.started()) return zh ? QString::fromUtf8("未开始") : QString("Not started");
        return (zh ? QString::fromUtf8("第 %1 步，共 %2 步") : QString("Step %1 of %2")).arg(p.step + 1).arg(e.stepCount);
    }
    case QuizTextRole:
        if (p.quizScore < 0) return QString();
        return (m_language == "zh" ? QString::fromUtf8("测验 %1/%2") : QString("Quiz %1/%2")).arg(p.quizScore).arg(p.quizTotal);
    case StartHereRole: return e.id == startId();
    }
    return {};
}

void LessonCatalog::load(const QString& lessonsDir) {
    std::vector<lesson::Lesson> lessons;
    QStringList errors;
    for (const auto& file : lesson::findLessonFiles(lessonsDir.toStdString())) {
        lesson::LoadResult r = lesson::loadLessonFile(file);
        if (r.ok()) {
            lessons.push_back(std::move(*r.lesson));
            continue;
        }
        for (const auto& d : r.diagnostics)
            if (d.isError()) errors << qs(d.format());
    }
    lesson::sortCatalogue(lessons);
    beginResetModel();
    m_entries.clear();
    std::set<QString> names;
    for (const auto& l : lessons)
        for (const auto& step : l.steps)
            for (const auto& name : step.spotlight)
                if (name.find(':') == std::string::npos) names.insert(qs(name));
    m_spotlightNames = QStringList(names.begin(), names.end());
    for (const auto& l : lessons) {
        LessonEntry e;
        e.id = qs(l.id);
        e.chapter = qs(l.chapter);
        e.file = qs(l.file);
        e.order = l.order;
        e.titleZh = plain(l.title.zh);
        e.titleEn = plain(l.title.en);
        e.summaryZh = styled(l.summary.zh);
        e.summaryEn = styled(l.summary.en);
        for (const auto& c : l.course) e.course << qs(c.heading);
        e.stepCount = static_cast<int>(l.steps.size());
        e.quizCount = static_cast<int>(l.quiz.size());
        m_entries.append(e);
    }
    m_errors = errors;
    m_loaded = true;
    endResetModel();
    emit countChanged();
    emit progressChanged();
}

void LessonCatalog::setLanguage(const QString& language) {
    if (language == m_language) return;
    m_language = language;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0), index(m_entries.size() - 1), {TitleRole, SummaryRole, StatusTextRole, QuizTextRole});
    emit progressChanged();
}

int LessonCatalog::indexOf(const QString& id) const {
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].id == id) return i;
    return -1;
}

QString LessonCatalog::nextAfter(const QString& id) const {
    int i = indexOf(id);
    return i >= 0 && i + 1 < m_entries.size() ? m_entries[i + 1].id : QString();
}

bool LessonCatalog::canContinue() const {
    const QString last = m_progress->lastLesson();
    return !last.isEmpty() && indexOf(last) >= 0;
}

QString LessonCatalog::startId() const {
    if (canContinue()) return m_progress->lastLesson();
    // The place to start: the chapter's overview, which is the catalogue's first lesson.
    return m_entries.isEmpty() ? QString() : m_entries.first().id;
}

QString LessonCatalog::startTitle() const {
    int i = indexOf(startId());
    return i < 0 ? QString() : title(m_entries[i]);
}

}  // namespace ks::gui
