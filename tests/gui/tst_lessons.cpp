// Adapter tests for the lesson browser and the lesson panel: the catalogue, progress remembered
// between runs (in a temporary QSettings folder, never the user's), the quiz, and "try it"
// reacting to a change written to the store.
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "adapters/app_facade.h"
#include "adapters/lesson_catalog.h"
#include "core/cluster/cluster.h"
#include "core/lesson/lesson_checker.h"
#include "core/lesson/lesson_loader.h"
#include "core/store/api_store.h"

using ks::gui::AppFacade;
using ks::gui::LessonCatalog;

namespace {
// The catalogue's row of `id` as role -> value.
QVariant roleOf(LessonCatalog* catalog, const QString& id, int role) {
    int row = catalog->indexOf(id);
    return row < 0 ? QVariant() : catalog->index(row).data(role);
}

// The try-it of sched-09-taints' step 2 ("add the toleration"), read from the lesson file.
const ks::lesson::TryIt& taintsTryIt() {
    static std::optional<ks::lesson::Lesson> lesson;
    if (!lesson) {
        auto r = ks::lesson::loadLessonFile(std::string(KUBESTAGE_SOURCE_DIR) + "/lessons/scheduler/sched-09-taints.yaml");
        lesson = std::move(r.lesson);
    }
    return *lesson->steps.at(1).tryIt;
}
}  // namespace

class TestLessons : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;

private slots:
    void initTestCase() {
        QVERIFY(m_settings.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    }

    void init() { QSettings("KubeStage", "kubestage").clear(); }

    void catalogueListsTheChapterInOrder() {
        AppFacade app(nullptr);
        LessonCatalog* catalog = app.lesson()->catalog();
        QVERIFY2(catalog->loadErrors().isEmpty(), qPrintable(catalog->loadErrors().join('\n')));
        QCOMPARE(catalog->rowCount(), 14);
        QCOMPARE(catalog->index(0).data(LessonCatalog::IdRole).toString(), QString("sched-01-overview"));
        QCOMPARE(catalog->index(13).data(LessonCatalog::IdRole).toString(), QString("sched-14-leader"));
        QCOMPARE(catalog->index(8).data(LessonCatalog::OrderRole).toInt(), 9);
        QCOMPARE(catalog->index(0).data(LessonCatalog::ChapterRole).toString(), QString("kube-scheduler"));
        QCOMPARE(catalog->index(0).data(LessonCatalog::TitleRole).toString(),
                 QString("What kube-scheduler does: find a node for a Pod"));
        QCOMPARE(catalog->index(0).data(LessonCatalog::CourseRole).toString(), QString::fromUtf8("kuber-scheduler · 调度器"));
        QCOMPARE(catalog->index(0).data(LessonCatalog::StepCountRole).toInt(), 5);
        QCOMPARE(catalog->index(0).data(LessonCatalog::StatusRole).toString(), QString("new"));
        QCOMPARE(catalog->index(0).data(LessonCatalog::StatusTextRole).toString(), QString("Not started"));
        // Nothing opened yet: the overview is the place to start.
        QCOMPARE(catalog->startId(), QString("sched-01-overview"));
        QVERIFY(!catalog->canContinue());
        QVERIFY(catalog->index(0).data(LessonCatalog::StartHereRole).toBool());
        QVERIFY(!catalog->index(1).data(LessonCatalog::StartHereRole).toBool());
        QCOMPARE(catalog->nextAfter("sched-01-overview"), QString("sched-02-filter"));
        QCOMPARE(catalog->nextAfter("sched-14-leader"), QString());

        // The lesson panel's language switch switches the browser too.
        QSignalSpy changed(catalog, &QAbstractItemModel::dataChanged);
        app.lesson()->setLanguage("zh");
        QCOMPARE(changed.count(), 1);
        QCOMPARE(catalog->index(0).data(LessonCatalog::TitleRole).toString(),
                 QString::fromUtf8("kube-scheduler 做什么：给 Pod 找一个节点"));
        QCOMPARE(catalog->index(0).data(LessonCatalog::StatusTextRole).toString(), QString::fromUtf8("未开始"));
    }

    void progressIsRememberedBetweenRuns() {
        {
            AppFacade app(nullptr);
            QVERIFY2(app.openLesson("sched-09-taints", 2), qPrintable(app.loadErrors().join('\n')));
            LessonCatalog* catalog = app.lesson()->catalog();
            QCOMPARE(roleOf(catalog, "sched-09-taints", LessonCatalog::StatusTextRole).toString(), QString("Step 3 of 4"));
            QCOMPARE(roleOf(catalog, "sched-09-taints", LessonCatalog::StatusRole).toString(), QString("started"));
            QCOMPARE(catalog->startId(), QString("sched-09-taints"));
        }
        // The settings went to the temporary folder, not the user's.
        QSettings written("KubeStage", "kubestage");
        QVERIFY2(written.fileName().startsWith(m_settings.path()), qPrintable(written.fileName()));
        QCOMPARE(written.value("lessons/last").toString(), QString("sched-09-taints"));
        QCOMPARE(written.value("lessons/sched-09-taints/step").toInt(), 2);

        // A new run continues where the last one stopped.
        AppFacade app(nullptr);
        LessonCatalog* catalog = app.lesson()->catalog();
        QVERIFY(catalog->canContinue());
        QCOMPARE(catalog->startId(), QString("sched-09-taints"));
        QCOMPARE(catalog->startTitle(), QString("Taints and tolerations: nodes that say no"));
        QVERIFY(roleOf(catalog, "sched-09-taints", LessonCatalog::StartHereRole).toBool());
        QCOMPARE(roleOf(catalog, "sched-09-taints", LessonCatalog::StepRole).toInt(), 2);
        app.lesson()->setBrowserOpen(true);
        QVERIFY(app.lesson()->resume("sched-09-taints"));
        QVERIFY(!app.lesson()->browserOpen());
        QCOMPARE(app.lesson()->lessonId(), QString("sched-09-taints"));
        QCOMPARE(app.lesson()->step(), 2);
    }

    void quizIsGradedAndScored() {
        AppFacade app(nullptr);
        auto* lesson = app.lesson();
        QVERIFY(app.openLesson("sched-09-taints", 3));  // the last step
        QVERIFY(!lesson->quizOpen());
        QVERIFY(lesson->next());  // after the last step: the quiz
        QVERIFY(lesson->quizOpen());
        QVERIFY(lesson->spotlight().isEmpty());
        const QVariantList quiz = lesson->quiz();
        QCOMPARE(quiz.size(), 3);
        QVERIFY(quiz[0].toMap()["multiple"].toBool());
        QVERIFY(!quiz[1].toMap()["multiple"].toBool());
        QVERIFY(quiz[0].toMap()["explanation"].toString().size() > 20);

        // Every correct choice, from the lesson file itself.
        auto r = ks::lesson::loadLessonFile(std::string(KUBESTAGE_SOURCE_DIR) + "/lessons/scheduler/sched-09-taints.yaml");
        QVERIFY(r.ok());
        QVariantList right, wrong;
        for (const auto& q : r.lesson->quiz) {
            QVariantList correct, incorrect;
            for (int c = 0; c < static_cast<int>(q.choices.size()); ++c)
                (q.choices[c].correct ? correct : incorrect) << c;
            right << QVariant(correct);
            wrong << QVariant(QVariantList{incorrect.first()});
        }
        QVariantMap result = lesson->checkQuiz(wrong);
        QCOMPARE(result["score"].toInt(), 0);
        QCOMPARE(result["total"].toInt(), 3);
        const QVariantMap q1 = result["questions"].toList()[1].toMap();
        QVERIFY(!q1["right"].toBool());
        int chosenWrong = wrong[1].toList()[0].toInt();
        QVERIFY(q1["choices"].toList()[chosenWrong].toMap()["chosen"].toBool());
        QVERIFY(!q1["choices"].toList()[chosenWrong].toMap()["correct"].toBool());
        int correct1 = right[1].toList()[0].toInt();
        QVERIFY(q1["choices"].toList()[correct1].toMap()["correct"].toBool());
        QVERIFY(!q1["choices"].toList()[correct1].toMap()["chosen"].toBool());

        // A multiple-choice question with only some of its right answers is not right.
        QVariantList partial = right;
        partial[0] = QVariantList{right[0].toList().first()};
        QVERIFY(right[0].toList().size() > 1);
        QCOMPARE(lesson->checkQuiz(partial)["score"].toInt(), 2);

        result = lesson->checkQuiz(right);
        QCOMPARE(result["score"].toInt(), 3);
        QCOMPARE(lesson->quizResult()["score"].toInt(), 3);
        LessonCatalog* catalog = lesson->catalog();
        QCOMPARE(roleOf(catalog, "sched-09-taints", LessonCatalog::QuizTextRole).toString(), QString("Quiz 3/3"));
        // Every step seen (it was opened at the last one) and the quiz checked: done.
        QCOMPARE(roleOf(catalog, "sched-09-taints", LessonCatalog::StatusRole).toString(), QString("done"));
        QCOMPARE(roleOf(catalog, "sched-09-taints", LessonCatalog::StatusTextRole).toString(), QString("Done"));

        // The quiz follows the language; Back returns to the last step.
        const QString en = lesson->quiz()[0].toMap()["question"].toString();
        lesson->setLanguage("zh");
        QVERIFY(lesson->quiz()[0].toMap()["question"].toString() != en);
        QVERIFY(lesson->quiz()[0].toMap()["question"].toString().contains(QString::fromUtf8("污点")));
        QVERIFY(lesson->back());
        QVERIFY(!lesson->quizOpen());
        QCOMPARE(lesson->step(), 3);
    }

    void tryItReactsToAChangeInTheStore() {
        AppFacade app(nullptr);
        auto* lesson = app.lesson();
        QVERIFY(app.openLesson("sched-09-taints", 1));
        QVERIFY(lesson->hasTryIt());
        QVERIFY(lesson->tryItHtml().contains("shop/train"));
        QVERIFY(!lesson->tryItHintHtml().isEmpty());
        QVERIFY(!lesson->tryItSolved());
        QVERIFY(!lesson->canAdvance());
        QVERIFY(!lesson->next());  // Next waits for the learner
        QCOMPARE(lesson->step(), 1);

        // The learner's change, as a console or an editor would make it: the reference answer's
        // merge patch, written to the store.
        const ks::lesson::TryIt& tryIt = taintsTryIt();
        QCOMPARE(tryIt.answer.size(), std::size_t(1));
        const auto& patch = tryIt.answer[0];
        auto patched = app.cluster().store().mergePatch(ks::lesson::keyOf(patch.target), patch.patch);
        QVERIFY2(patched.ok(), patched.status.message.c_str());
        QSignalSpy edited(&app, &AppFacade::clusterEdited);
        app.notifyClusterEdited();
        QCOMPARE(edited.count(), 1);
        QVERIFY(!lesson->tryItSolved());  // the scheduler has not seen it yet

        // Let the cluster react: the panel switches to success once train is bound to node-3.
        int steps = 0;
        while (!lesson->tryItSolved() && steps < 500 && app.stepForward()) ++steps;
        QVERIFY2(lesson->tryItSolved(), qPrintable(QString("not solved after %1 steps").arg(steps)));
        QVERIFY(steps > 0);
        bool bound = false;
        for (const auto& pod : app.cluster().pods())
            bound |= pod->metadata.name == "train" && pod->spec.nodeName == "node-3";
        QVERIFY(bound);
        QVERIFY(lesson->canAdvance());
        QVERIFY(lesson->next());
        QCOMPARE(lesson->step(), 2);
        QVERIFY(!lesson->hasTryIt());
    }

    void showMePerformsTheReferenceAnswer() {
        AppFacade app(nullptr);
        auto* lesson = app.lesson();
        QVERIFY(app.openLesson("sched-09-taints", 1));
        QVERIFY(!lesson->tryItSolved());
        QVERIFY(lesson->showMe());
        QVERIFY(lesson->tryItSolved());
        QCOMPARE(lesson->step(), 1);
        bool bound = false;
        for (const auto& pod : app.cluster().pods())
            bound |= pod->metadata.name == "train" && pod->spec.nodeName == "node-3";
        QVERIFY(bound);
        // Back and forth rebuilds the step without the answer: the learner may try again.
        QVERIFY(lesson->goToStep(1));
        QVERIFY(!lesson->tryItSolved());
    }

    void inspectorShowsTheObjectTheStepIsAbout() {
        AppFacade app(nullptr);
        auto* lesson = app.lesson();
        QVERIFY(app.openLesson("sched-09-taints", 0));  // spotlight: node-card:node-3, inspector.taints
        QVariantMap inspected = lesson->inspected();
        QCOMPARE(inspected["title"].toString(), QString("Node node-3"));
        QVERIFY(inspected["found"].toBool());
        QVERIFY2(inspected["taints"].toString().contains("key: dedicated"), qPrintable(inspected["taints"].toString()));
        QVERIFY(inspected["resources"].toString().startsWith("allocatable:"));
        QVERIFY(inspected["yaml"].toString().contains("kind: Node"));
        QVERIFY(lesson->goToStep(1));  // spotlight: inspector.tolerations, pod-card:shop/train
        inspected = lesson->inspected();
        QCOMPARE(inspected["title"].toString(), QString("Pod shop/train"));
        QVERIFY(!inspected["tolerations"].toString().contains("value: gpu"));
        QVERIFY(lesson->showMe());  // the inspector follows the store
        QVERIFY2(lesson->inspected()["tolerations"].toString().contains("value: gpu"),
                 qPrintable(lesson->inspected()["tolerations"].toString()));
    }

    void everySpotlightNameHasATarget() {
        AppFacade app(nullptr);
        const QStringList names = app.lesson()->catalog()->spotlightNames();
        QVERIFY(names.contains("cluster"));
        QVERIFY(names.contains("scheduler.filter-table"));
        for (const QString& name : names)
            QVERIFY2(!ks::gui::LessonController::spotlightTarget(name).isEmpty(), qPrintable(name));
        QCOMPARE(ks::gui::LessonController::spotlightTarget("cluster"), QString("canvas"));
        QCOMPARE(ks::gui::LessonController::spotlightTarget("node-card:node-1"), QString());
    }
};

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
