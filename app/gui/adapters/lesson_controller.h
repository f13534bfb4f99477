// LessonController: the lesson panel. Holds the open lesson and its step; the facade rebuilds
// the cluster through LessonRun for each step (actions of every step up to it, the try-its
// before it answered with the lesson's reference), so Back shows exactly the earlier state.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <memory>

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
    Q_PROPERTY(QStringList spotlight READ spotlight NOTIFY changed)

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
    QStringList spotlight() const;

    // The lessons folder: $KUBESTAGE_LESSONS_DIR, else lessons/ beside or above the executable,
    // else the source tree's.
    static QString lessonsDir();

    // Loads lesson `id` and enters step `step` (clamped); false with the app's loadErrors.
    bool open(const QString& id, int step);
    Q_INVOKABLE bool next();
    Q_INVOKABLE bool back();
    Q_INVOKABLE bool goToStep(int step);
    void close();

signals:
    void changed();

private:
    AppFacade* m_app;
    std::shared_ptr<const lesson::Lesson> m_lesson;
    int m_step = 0;
    QString m_language = "en";
};

}  // namespace ks::gui
