// LessonCatalog: the lesson browser's list. Every lesson under the lessons folder in catalogue
// order (chapter in course order, then order), with its title and summary in the current
// language, the course sections it annotates, and the learner's progress (LessonProgress).
// `startId` is where to go on: the lesson last open ("Continue"), else the first lesson.
#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include "lesson_progress.h"

namespace ks::gui {

struct LessonEntry {
    QString id, chapter, file;
    int order = 0;
    QString titleZh, titleEn, summaryZh, summaryEn;
    QStringList course;  // the course sections' headings
    int stepCount = 0;
    int quizCount = 0;
};

class LessonCatalog : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LessonCatalog is provided by App.lesson.catalog")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString startId READ startId NOTIFY progressChanged)
    Q_PROPERTY(bool canContinue READ canContinue NOTIFY progressChanged)
    Q_PROPERTY(QString startTitle READ startTitle NOTIFY progressChanged)
    Q_PROPERTY(QStringList loadErrors READ loadErrors NOTIFY countChanged)
    // Every fixed spotlight name (not node-card:/pod-card:) the lessons use, sorted.
    Q_PROPERTY(QStringList spotlightNames READ spotlightNames NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ChapterRole,
        OrderRole,
        TitleRole,       // in the current language
        SummaryRole,     // StyledText, in the current language
        CourseRole,      // "kuber-scheduler · 调度器"
        StepCountRole,
        StepRole,        // the step last open, 0-based; -1 never opened
        StatusRole,      // "new", "started", "done"
        StatusTextRole,  // "Not started", "Step 3 of 8", "Done"
        QuizTextRole,    // "Quiz 2/3", "" when not checked
        StartHereRole,   // the lesson startId names
    };

    LessonCatalog(LessonProgress* progress, QObject* parent);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads every lesson file of `lessonsDir` (lessons that do not load are left out and listed
    // in loadErrors).
    void load(const QString& lessonsDir);
    bool loaded() const { return m_loaded; }
    void setLanguage(const QString& language);

    QString startId() const;
    bool canContinue() const;
    QString startTitle() const;
    QStringList loadErrors() const { return m_errors; }
    QStringList spotlightNames() const { return m_spotlightNames; }
    const QVector<LessonEntry>& entries() const { return m_entries; }
    // -1 when absent.
    Q_INVOKABLE int indexOf(const QString& id) const;
    // The catalogue's next lesson after `id` ("" at the end).
    Q_INVOKABLE QString nextAfter(const QString& id) const;

signals:
    void countChanged();
    void progressChanged();

private:
    QString title(const LessonEntry& e) const;

    LessonProgress* m_progress;
    QVector<LessonEntry> m_entries;
    QStringList m_errors;
    QStringList m_spotlightNames;
    QString m_language = "en";
    bool m_loaded = false;
};

}  // namespace ks::gui
