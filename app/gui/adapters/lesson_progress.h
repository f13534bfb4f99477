// LessonProgress: how far the learner got in each lesson, remembered between runs with QSettings
// (organization "KubeStage", application "kubestage", group "lessons"). Tests point QSettings at
// a temporary folder (QSettings::setPath or QStandardPaths::setTestModeEnabled) before use.
#pragma once

#include <QMap>
#include <QObject>
#include <QString>

namespace ks::gui {

struct LessonProgressEntry {
    int step = -1;       // the step last open (0-based); -1: never opened
    int furthest = -1;   // the furthest step reached
    int stepCount = 0;   // the lesson's step count when last seen
    int quizScore = -1;  // right answers of the last check; -1: not checked yet
    int quizTotal = 0;
    bool started() const { return step >= 0; }
    // Every step seen and the quiz checked (a lesson without a quiz: every step seen).
    bool done(bool hasQuiz) const {
        return stepCount > 0 && furthest + 1 >= stepCount && (!hasQuiz || quizScore >= 0);
    }
};

class LessonProgress : public QObject {
    Q_OBJECT
public:
    explicit LessonProgress(QObject* parent = nullptr);

    LessonProgressEntry entry(const QString& id) const { return m_entries.value(id); }
    // The lesson open last ("" when none was ever opened).
    QString lastLesson() const { return m_last; }

    void recordStep(const QString& id, int step, int stepCount);
    void recordQuiz(const QString& id, int score, int total);
    // Forgets everything (the settings too).
    void clear();
    // Reads the settings again (another instance may have written them).
    void reload();

signals:
    void changed();

private:
    void save(const QString& id) const;

    QMap<QString, LessonProgressEntry> m_entries;
    QString m_last;
};

}  // namespace ks::gui
