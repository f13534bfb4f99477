#include "lesson_progress.h"

#include <QSettings>
#include <algorithm>

namespace ks::gui {


LessonProgress::LessonProgress(QObject* parent) : QObject(parent) { reload(); }

void LessonProgress::reload() {
    QSettings s("KubeStage", "kubestage");
    m_entries.clear();
    s.beginGroup("lessons");
    m_last = s.value("last").toString();
    for (const QString& id : s.childGroups()) {
        s.beginGroup(id);
        LessonProgressEntry e;
        e.step = s.value("step", -1).toInt();
        e.furthest = s.value("furthest", e.step).toInt();
        e.stepCount = s.value("steps", 0).toInt();
        e.quizScore = s.value("quizScore", -1).toInt();
        e.quizTotal = s.value("quizTotal", 0).toInt();
        m_entries.insert(id, e);
        s.endGroup();
    }
    s.endGroup();
}

void LessonProgress::save(const QString& id) const {
    QSettings s("KubeStage", "kubestage");
    s.beginGroup("lessons");
    s.setValue("last", m_last);
    const LessonProgressEntry e = m_entries.value(id);
    s.beginGroup(id);
    s.setValue("step", e.step);
    s.setValue("furthest", e.furthest);
    s.setValue("steps", e.stepCount);
    s.setValue("quizScore", e.quizScore);
    s.setValue("quizTotal", e.quizTotal);
    s.endGroup();
    s.endGroup();
}

void LessonProgress::recordStep(const QString& id, int step, int stepCount) {
    LessonProgressEntry& e = m_entries[id];
    if (e.step == step && e.stepCount == stepCount && m_last == id) return;
    e.step = step;
    e.furthest = std::max(e.furthest, step);
    e.stepCount = stepCount;
    m_last = id;
    save(id);
    emit changed();
}

void LessonProgress::recordQuiz(const QString& id, int score, int total) {
    LessonProgressEntry& e = m_entries[id];
    e.quizScore = score;
    e.quizTotal = total;
    save(id);
    emit changed();
}

void LessonProgress::clear() {
    QSettings s("KubeStage", "kubestage");
    s.remove("lessons");
    m_entries.clear();
    m_last.clear();
    emit changed();
}

}  // namespace ks::gui
