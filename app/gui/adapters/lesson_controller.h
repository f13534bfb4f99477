// LessonController: the lesson panel and the lesson browser. Holds the open lesson and its step;
// the facade rebuilds the cluster through LessonRun for each step (actions of every step up to
// it, the try-its before it answered with the lesson's reference), so Back shows exactly the
// earlier state.
//
// Try it: after every change to the cluster (a simulation step, or an edit announced with
// AppFacade::clusterEdited) the step's `until` conditions are evaluated on the live store;
// `tryItSolved` turns true when they all hold. "Show me" (showMe) rebuilds the step with the
// lesson's reference answer performed, as `kubestage-cli lesson check` does.
//
// The quiz: `quiz` in the current language; checkQuiz() grades the learner's choices and keeps
// the score in LessonProgress, which the browser (LessonCatalog) shows.
#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <memory>

#include "lesson_catalog.h"
#include "lesson_progress.h"

namespace ks::lesson {
struct Lesson;
}

namespace ks::gui {

class AppFacade;

class LessonController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LessonController is provided by App.lesson")
    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(QString lessonId READ lessonId NOTIFY changed)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(int step READ step NOTIFY changed)
    Q_PROPERTY(int stepCount READ stepCount NOTIFY changed)
    Q_PROPERTY(QString stepTitle READ stepTitle NOTIFY changed)
    Q_PROPERTY(QString stepHtml READ stepHtml NOTIFY changed)  // Qt StyledText, safe subset only
    Q_PROPERTY(QString tryItHtml READ tryItHtml NOTIFY changed)
    Q_PROPERTY(QString tryItHintHtml READ tryItHintHtml NOTIFY changed)
    Q_PROPERTY(bool hasTryIt READ hasTryIt NOTIFY changed)
    Q_PROPERTY(bool tryItSolved READ tryItSolved NOTIFY changed)
    // Next is offered: a later step exists and the step's try-it (if any) is solved.
    Q_PROPERTY(bool canAdvance READ canAdvance NOTIFY changed)
    Q_PROPERTY(QStringList spotlight READ spotlight NOTIFY changed)
    Q_PROPERTY(QVariantList quiz READ quiz NOTIFY quizChanged)  // changes with the lesson and the language only
    Q_PROPERTY(bool quizOpen READ quizOpen WRITE setQuizOpen NOTIFY changed)
    Q_PROPERTY(QVariantMap quizResult READ quizResult NOTIFY quizChanged)
    Q_PROPERTY(QString nextLessonId READ nextLessonId NOTIFY changed)
    // The object the step is about, for the panel's inspector (lesson_inspector.h).
    Q_PROPERTY(QVariantMap inspected READ inspected NOTIFY inspectedChanged)
    Q_PROPERTY(bool browserOpen READ browserOpen WRITE setBrowserOpen NOTIFY browserOpenChanged)
    Q_PROPERTY(LessonCatalog* catalog READ catalog CONSTANT)

public:
    explicit LessonController(AppFacade* app);
    ~LessonController() override;

    bool active() const { return m_lesson != nullptr; }
    QString lessonId() const;
    QString language() const { return m_language; }
    void setLanguage(const QString& language);
    QString title() const;
    int step() const { return m_step; }
    int stepCount() const;
    QString stepTitle() const;
    QString stepHtml() const;
    QString tryItHtml() const;
    QString tryItHintHtml() const;
    bool hasTryIt() const;
    bool tryItSolved() const { return m_tryItSolved; }
    bool canAdvance() const;
    QStringList spotlight() const;
    QVariantList quiz() const;
    bool quizOpen() const { return m_quizOpen; }
    void setQuizOpen(bool open);
    QVariantMap quizResult() const { return m_quizResult; }
    QString nextLessonId() const;
    QVariantMap inspected() const { return m_inspected; }
    bool browserOpen() const { return m_browserOpen; }
    void setBrowserOpen(bool open);
    LessonCatalog* catalog();
    LessonProgress* progress() { return &m_progress; }

    // The lessons folder: $KUBESTAGE_LESSONS_DIR, else lessons/ beside or above the executable,
    // else the source tree's.
    static QString lessonsDir();
    // The objectName of the main window's element a fixed spotlight name rings ("cluster" ->
    // "canvas"); node-card:/pod-card: names are drawn by the cards themselves and map to "".
    Q_INVOKABLE static QString spotlightTarget(const QString& name);

    // Loads lesson `id` and enters step `step` (clamped; a step past the last opens the quiz);
    // false with the app's loadErrors.
    bool open(const QString& id, int step);
    // Opens `id` where the learner left it (the browser's choice), and closes the browser.
    Q_INVOKABLE bool resume(const QString& id);
    Q_INVOKABLE bool next();
    Q_INVOKABLE bool back();
    Q_INVOKABLE bool goToStep(int step);
    // Performs the step's reference answer (the same as `lesson check`), then runs until the
    // try-it's condition holds.
    Q_INVOKABLE bool showMe();
    // Grades `answers` (one list of chosen choice indices per question). The result map:
    // score, total, questions: [{right, choices: [{chosen, correct}]}].
    Q_INVOKABLE QVariantMap checkQuiz(const QVariantList& answers);
    Q_INVOKABLE void resetQuiz();
    void close();

signals:
    void changed();
    void quizChanged();
    void inspectedChanged();
    void browserOpenChanged();

private:
    bool build(int step, bool answerCurrent);
    // After every change of the cluster: the try-it's condition and the inspector.
    void followCluster();

    AppFacade* m_app;
    std::shared_ptr<const lesson::Lesson> m_lesson;
    int m_step = 0;
    bool m_answered = false;  // the current step was built with its reference answer
    bool m_tryItSolved = false;
    bool m_quizOpen = false;
    bool m_browserOpen = false;
    QVariantMap m_quizResult;
    QVariantMap m_inspected;
    QString m_language = "en";
    LessonProgress m_progress;
    LessonCatalog m_catalog;
};

}  // namespace ks::gui
