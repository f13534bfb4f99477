// Tests the lesson engine: the loader's errors at FILE:LINE:COL, the safe rich-text subset, the
// model the loader builds, the small parsers (object references, taints, labels, field paths),
// the checker on small inline lessons (passing and failing expects, actions, admission refusals,
// try-its, scheduling, leader election), and that every lesson of the repository loads.
#include "ks_test_main.h"
#include <QtTest>

#include <fstream>

#include "core/api/value.h"
#include "core/cluster/cluster.h"
#include "core/lesson/lesson_checker.h"
#include "core/lesson/lesson_loader.h"
#include "core/lesson/lesson_reader.h"
#include "core/lesson/rich_text.h"
#include "core/store/api_store.h"

using namespace ks;
using namespace ks::lesson;

namespace {

QString S(const std::string& s) { return QString::fromStdString(s); }

QStringList formatted(const api::Diagnostics& diags) {
    QStringList out;
    for (const auto& d : diags) out << S(d.format());
    return out;
}

// Lines 1-12 of every test lesson; the test's own text starts at line 13 ("steps:" is line 12).
const char* kHead =
    "id: t\n"                                      // 1
    "chapter: kube-scheduler\n"                    // 2
    "order: 1\n"                                   // 3
    "title: {zh: 标题, en: Title}\n"               // 4
    "summary: {zh: 摘要。, en: A summary.}\n"      // 5
    "course: [Taints 和 Tolerations]\n"            // 6
    "scenario:\n"                                  // 7
    "  objects:\n"                                 // 8
    "  - apiVersion: v1\n"                         // 9
    "    kind: Node\n"                             // 10
    "    metadata: {name: n1}\n"                   // 11
    "steps:\n";                                    // 12

LoadResult load(const std::string& tail) { return loadLessonText(std::string(kHead) + tail, "t.yaml"); }

const char* kNodes = R"(
- apiVersion: v1
  kind: Node
  metadata:
    name: node-a
    labels: {kubernetes.io/hostname: node-a, topology.kubernetes.io/zone: zone-a}
  status:
    capacity: {cpu: "4", memory: 16Gi, pods: "110"}
    allocatable: {cpu: 3920m, memory: 15Gi, pods: "110"}
- apiVersion: v1
  kind: Node
  metadata:
    name: node-b
    labels: {kubernetes.io/hostname: node-b, topology.kubernetes.io/zone: zone-b}
  spec:
    taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
  status:
    capacity: {cpu: "4", memory: 16Gi, pods: "110"}
    allocatable: {cpu: 3920m, memory: 15Gi, pods: "110"}
)";

// A lesson whose scenario is kNodes indented under scenario.objects.
std::string withNodes(const std::string& scenarioExtra, const std::string& steps) {
    std::string nodes;
    std::string line;
    for (char c : std::string(kNodes)) {
        if (c == '\n') {
            if (!line.empty()) nodes += "  " + line + "\n";
            line.clear();
        } else {
            line += c;
        }
    }
    return "id: t\nchapter: kube-scheduler\norder: 1\ntitle: {zh: 标题, en: Title}\nsummary: {zh: 摘要。, en: A summary.}\n"
           "course: [Taints 和 Tolerations]\nscenario:\n" + scenarioExtra + "  objects:\n" + nodes + "steps:\n" + steps;
}

Lesson mustLoad(const std::string& text) {
    LoadResult r = loadLessonText(text, "t.yaml");
    if (!r.ok()) qFatal("test lesson does not load: %s", formatted(r.diagnostics).join("\n").toUtf8().constData());
    return *r.lesson;
}

}  // namespace

class TestLesson : public QObject {
    Q_OBJECT
private slots:
    // ---------------- loader ----------------
    void loaderErrors_data() {
        QTest::addColumn<QString>("tail");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("unknown step field") << "- text: {zh: 文本, en: Text}\n  spotlite: [events]\n"
                                            << QStringList{"t.yaml:14:3: steps[0].spotlite: unknown field \"spotlite\" "
                                                           "(known fields: id, title, text, spotlight, actions, tryIt, expect)"};
        QTest::newRow("missing en") << "- text: {zh: 文本}\n"
                                    << QStringList{"t.yaml:13:9: steps[0].text.en: Required value"};
        QTest::newRow("unknown spotlight element")
            << "- text: {zh: 文本, en: Text}\n  spotlight: [node-card:n1, scheduler.flter-table]\n"
            << QStringList{"t.yaml:14:29: steps[0].spotlight[1]: unknown element \"scheduler.flter-table\" (see "
                           "spotlightElements(); node-card:NODE and pod-card:[NAMESPACE/]NAME name objects)"};
        QTest::newRow("raw HTML in a block") << "- text:\n    zh: 文本\n    en: |\n      First line.\n      A <b>tag</b> here.\n"
                                             << QStringList{"t.yaml:17:9: steps[0].text.en: raw HTML is not allowed in "
                                                            "lesson text (write `<...>` inside code)"};
        QTest::newRow("script link") << "- text: {zh: 文本, en: \"see [this](javascript:alert(1))\"}\n"
                                     << QStringList{"t.yaml:13:38: steps[0].text.en: links may only point to other "
                                                    "lessons: [text](lesson:ID), not \"javascript:alert(1\""};
        QTest::newRow("bad duration") << "- text: {zh: 文本, en: Text}\n  actions:\n  - run: 10 seconds\n"
                                      << QStringList{"t.yaml:15:10: steps[0].actions[0].run: time: unknown unit \" seconds\" "
                                                     "in duration \"10 seconds\""};
        QTest::newRow("two kinds in one action") << "- text: {zh: 文本, en: Text}\n  actions:\n  - {run: 1s, step: 3}\n"
                                                 << QStringList{"t.yaml:15:5: steps[0].actions[0]: an action has exactly one "
                                                                "of: apply, patch, label, taint, cordon, uncordon, delete, run, "
                                                                "runUntil, step, stopScheduler, startScheduler"};
        QTest::newRow("bad taint effect") << "- text: {zh: 文本, en: Text}\n  actions:\n  - taint: {node: n1, taints: [a=b:NoScheduel]}\n"
                                          << QStringList{"t.yaml:15:32: steps[0].actions[0].taint.taints[0]: invalid taint "
                                                         "effect: NoScheduel, unsupported taint effect"};
        QTest::newRow("bad object ref") << "- text: {zh: 文本, en: Text}\n  expect:\n  - absent: Pods/web\n"
                                        << QStringList{"t.yaml:15:13: steps[0].expect[0].absent: unknown kind \"Pods\""};
        QTest::newRow("unknown condition field") << "- text: {zh: 文本, en: Text}\n  expect:\n  - podBound: {pod: web, nod: n1}\n"
                                                 << QStringList{"t.yaml:15:26: steps[0].expect[0].podBound.nod: unknown field "
                                                                "\"nod\" (known fields: pod, node, nodeIn)"};
        QTest::newRow("field needs one check")
            << "- text: {zh: 文本, en: Text}\n  expect:\n  - field: {object: Node/n1, path: spec.unschedulable}\n"
            << QStringList{"t.yaml:15:12: steps[0].expect[0].field: give exactly one of equals, contains, absent: true"};
        QTest::newRow("invalid inline manifest (OCR'd apiVersion)")
            << "- text: {zh: 文本, en: Text}\n  actions:\n  - apply:\n      apiVersion: vl\n      kind: Pod\n"
               "      metadata: {name: nginx}\n"
            << QStringList{"t.yaml:16:19: steps[0].actions[0].apply.apiVersion: Invalid value: \"vl\": no matches for kind \"Pod\" "
                           "in version \"vl\"; valid versions for kind Pod: v1"};
        QTest::newRow("quiz with two correct single answers")
            << "- text: {zh: 文本, en: Text}\nquiz:\n- question: {zh: 问, en: Which}\n  explanation: {zh: 因为, en: Because.}\n"
               "  choices:\n  - {text: {zh: 甲, en: A}, correct: true}\n  - {text: {zh: 乙, en: B}, correct: true}\n"
            << QStringList{"t.yaml:18:3: quiz[0].choices: a single-choice question has exactly one correct choice (set "
                           "multiple: true for more)"};
        QTest::newRow("try-it without answer") << "- text: {zh: 文本, en: Text}\n  tryIt:\n    prompt: {zh: 试试, en: Try}\n"
                                                  "    until: {absent: Node/n1}\n"
                                               << QStringList{"t.yaml:15:5: steps[0].tryIt.answer: Required value"};
        QTest::newRow("unknown admission plugin") << "- text: {zh: 文本, en: Text}\n" << QStringList{};  // see below
    }
    void loaderErrors() {
        QFETCH(QString, tail);
        QFETCH(QStringList, expected);
        if (QString(QTest::currentDataTag()) == "unknown admission plugin") {
            LoadResult r = loadLessonText(std::string(kHead).replace(std::string(kHead).find("  objects:"), 0,
                                                                     "  admission: [PodNodeSelector]\n") +
                                              tail.toStdString(),
                                          "t.yaml");
            QCOMPARE(formatted(r.diagnostics),
                     QStringList{"t.yaml:8:15: scenario.admission[0]: Unsupported value: \"PodNodeSelector\": supported "
                                 "values: \"PodTolerationRestriction\""});
            return;
        }
        LoadResult r = load(tail.toStdString());
        QCOMPARE(formatted(r.diagnostics), expected);
        QVERIFY(!r.ok());
    }

    void loaderFileLevelErrors() {
        // The id is the file name.
        LoadResult r = loadLessonText(std::string(kHead) + "- text: {zh: 文本, en: Text}\n", "lessons/x/other.yaml");
        QCOMPARE(formatted(r.diagnostics), QStringList{"lessons/x/other.yaml:1:5: id: the id must be the file's name: \"other\""});
        // Duplicate keys are caught by the project's reader, as in manifests.
        r = load("- text: {zh: 文本, en: Text}\n  text: {zh: 文本, en: Text}\n");
        QCOMPARE(formatted(r.diagnostics), QStringList{"t.yaml:14:3: mapping key \"text\" already defined at line 13"});
        // Unknown top-level field and a missing required one.
        r = loadLessonText("id: t\nchapter: kube-scheduler\norder: 1\ntitel: {zh: a, en: b}\n", "t.yaml");
        QStringList got = formatted(r.diagnostics);
        QVERIFY2(got.contains("t.yaml:4:1: titel: unknown field \"titel\" (known fields: id, chapter, order, title, "
                              "summary, course, scenario, steps, quiz)"),
                 qPrintable(got.join("\n")));
        QVERIFY2(got.contains("t.yaml:1:1: title: Required value"), qPrintable(got.join("\n")));
        QVERIFY2(got.contains("t.yaml:1:1: steps: Required value"), qPrintable(got.join("\n")));
        // A missing file is a diagnostic.
        r = loadLessonFile("/nonexistent/l.yaml");
        QCOMPARE(formatted(r.diagnostics), QStringList{"/nonexistent/l.yaml: cannot read the file"});
    }

    // ---------------- rich text ----------------
    void richText_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("inlineOnly");
        QTest::addColumn<QString>("problem");  // "line:col: message", empty when accepted
        QTest::newRow("bold code link") << "**Filter** runs `NodeAffinity`; see [taints](lesson:sched-09-taints)." << false << "";
        QTest::newRow("angle brackets in code") << "`kubectl label nodes <node> disktype=ssd`" << false << "";
        QTest::newRow("comparison") << "a < b and c > d, 2 && 3" << false << "";
        QTest::newRow("lists") << "Steps:\n\n- one\n- two\n\n1. first\n2. second" << false << "";
        QTest::newRow("html tag") << "a <script>alert(1)</script>" << false
                                  << "1:3: raw HTML is not allowed in lesson text (write `<...>` inside code)";
        QTest::newRow("qml-ish tag") << "x\n<Item { Component.onCompleted: Qt.quit() }" << false
                                     << "2:1: raw HTML is not allowed in lesson text (write `<...>` inside code)";
        QTest::newRow("comment") << "<!-- hidden -->" << false
                                 << "1:1: raw HTML is not allowed in lesson text (write `<...>` inside code)";
        QTest::newRow("entity") << "a &lt; b" << false
                                << "1:3: HTML entities are not allowed in lesson text; write the character itself";
        QTest::newRow("image") << "![x](lesson:a)" << false << "1:1: images are not allowed in lesson text";
        QTest::newRow("web link") << "[k8s](https://kubernetes.io)" << false
                                  << "1:7: links may only point to other lessons: [text](lesson:ID), not \"https://kubernetes.io\"";
        QTest::newRow("qrc link") << "[x](qrc:/Main.qml)" << false
                                  << "1:5: links may only point to other lessons: [text](lesson:ID), not \"qrc:/Main.qml\"";
        QTest::newRow("bad lesson id") << "[x](lesson:Sched_01)" << false << "1:12: invalid lesson id \"Sched_01\"";
        QTest::newRow("unclosed bold") << "**bold" << false << "1:1: unclosed ** (bold must end on the same line)";
        QTest::newRow("unclosed code") << "run `kubectl" << false << "1:5: unclosed ` (code must end on the same line)";
        QTest::newRow("heading") << "# Title" << false
                                 << "1:1: headings are not supported in lesson text; the lesson and step titles are the headings";
        QTest::newRow("fence") << "```yaml" << false << "1:1: code blocks are not supported in lesson text; use `inline code`";
        QTest::newRow("quote") << "> quoted" << false << "1:1: block quotes are not supported in lesson text";
        QTest::newRow("table") << "| a | b |" << false << "1:1: tables are not supported in lesson text";
        QTest::newRow("list in a title") << "- item" << true << "1:1: lists are not allowed here";
        QTest::newRow("two lines in a title") << "a\nb" << true << "2:1: only one line of text is allowed here";
    }
    void richText() {
        QFETCH(QString, text);
        QFETCH(bool, inlineOnly);
        QFETCH(QString, problem);
        auto problems = checkRichText(text.toStdString(), inlineOnly);
        QStringList got;
        for (const auto& p : problems) got << QString("%1:%2: %3").arg(p.line).arg(p.col).arg(S(p.message));
        QCOMPARE(got, problem.isEmpty() ? QStringList{} : QStringList{problem});
    }

    void richTextRendering() {
        QCOMPARE(S(richTextToHtml("**Bold** and `<code>` & [l](lesson:sched-01-overview)\nmore\n\n- a\n- b\n\n1. x")),
                 QString("<p><b>Bold</b> and <code>&lt;code&gt;</code> &amp; <a href=\"lesson:sched-01-overview\">l</a> more</p>"
                         "<ul><li>a</li><li>b</li></ul><ol><li>x</li></ol>"));
        QCOMPARE(S(richTextToPlain("**Bold** `x` [l](lesson:a)\n- item")), QString("Bold x l\n• item"));
        QCOMPARE(lessonLinks("[a](lesson:one) and [b](lesson:two)"), (std::vector<std::string>{"one", "two"}));
    }

    // ---------------- small parsers ----------------
    void objectRefs_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");  // ref.str() or the error
        QTest::newRow("pod in default") << "Pod/web" << "Pod/default/web";
        QTest::newRow("pod in a namespace") << "Pod/team-a/web" << "Pod/team-a/web";
        QTest::newRow("node") << "Node/node-a1" << "Node/node-a1";
        QTest::newRow("lease") << "Lease/kube-system/kube-scheduler" << "Lease/kube-system/kube-scheduler";
        QTest::newRow("namespaced node") << "Node/x/node-a1" << "Node is not namespaced: write Node/NAME";
        QTest::newRow("unknown kind") << "Pods/web" << "unknown kind \"Pods\"";
        QTest::newRow("no name") << "Pod" << "expected Kind/name or Kind/namespace/name, got \"Pod\"";
        QTest::newRow("bad name") << "Pod/Web" << "invalid name \"Web\": a lowercase RFC 1123 subdomain must consist of lower "
                                                 "case alphanumeric characters, '-' or '.', and must start and end with an "
                                                 "alphanumeric character (e.g. 'example.com', regex used for validation is "
                                                 "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    }
    void objectRefs() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        ObjectRef ref;
        std::string error;
        bool ok = parseObjectRef(text.toStdString(), ref, error);
        QCOMPARE(ok ? S(ref.str()) : S(error), expected);
    }

    void taintsAndLabels_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("taint");
        QTest::addColumn<QString>("expected");  // key|value|effect|remove, or the error
        QTest::newRow("taint add") << "dedicated=gpu:NoSchedule" << true << "dedicated|gpu|NoSchedule|0";
        QTest::newRow("taint without value") << "node.kubernetes.io/disk:NoExecute" << true << "node.kubernetes.io/disk||NoExecute|0";
        QTest::newRow("taint remove by key") << "dedicated-" << true << "dedicated|||1";
        QTest::newRow("taint remove by key and effect") << "dedicated:NoSchedule-" << true << "dedicated||NoSchedule|1";
        QTest::newRow("taint without effect") << "dedicated=gpu" << true
                                              << "invalid taint spec: dedicated=gpu, a taint to add needs an effect (key=value:Effect)";
        QTest::newRow("label set") << "disktype=ssd" << false << "disktype|ssd||0";
        QTest::newRow("label remove") << "disktype-" << false << "disktype|||1";
        QTest::newRow("label without value") << "disktype" << false << "invalid label spec: \"disktype\" (key=value adds, key- removes)";
    }
    void taintsAndLabels() {
        QFETCH(QString, text);
        QFETCH(bool, taint);
        QFETCH(QString, expected);
        std::string error;
        QString got;
        if (taint) {
            Action::TaintChange t;
            got = parseTaintChange(text.toStdString(), t, error)
                      ? QString("%1|%2|%3|%4").arg(S(t.key), S(t.value), S(t.effect)).arg(t.remove ? 1 : 0)
                      : S(error);
        } else {
            Action::LabelChange l;
            got = parseLabelChange(text.toStdString(), l, error)
                      ? QString("%1|%2||%3").arg(S(l.key), S(l.value)).arg(l.remove ? 1 : 0)
                      : S(error);
        }
        QCOMPARE(got, expected);
    }

    void fieldPaths() {
        std::vector<detail::PathSegment> segs;
        std::string error;
        QVERIFY(detail::parseFieldPath("metadata.labels['kubernetes.io/hostname']", segs, error));
        QCOMPARE(segs.size(), std::size_t(3));
        QCOMPARE(S(segs[2].key), QString("kubernetes.io/hostname"));
        QVERIFY(detail::parseFieldPath("spec.taints[1].key", segs, error));
        QCOMPARE(segs.size(), std::size_t(4));
        QCOMPARE(*segs[2].index, std::size_t(1));
        QVERIFY(!detail::parseFieldPath("spec..x", segs, error));
        QCOMPARE(S(error), QString("empty segment in field path"));
        QVERIFY(!detail::parseFieldPath("spec.taints[x]", segs, error));
        QCOMPARE(S(error), QString("expected [N] or ['key'] in field path, got [x]"));
    }

    // ---------------- the model ----------------
    void modelFields() {
        Lesson l = mustLoad(withNodes("  admission: [PodTolerationRestriction]\n  scheduler: {replicas: 2}\n  seed: 7\n  settle: 2s\n",
                                      R"(- id: first
  title: {zh: 第一步, en: First step}
  text:
    zh: 看 **node-b**。
    en: |
      Look at **node-b**.

      - it is tainted
  spotlight: [node-card:node-b, inspector.taints]
  actions:
  - apply:
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers: [{name: c, image: nginx}]
  - taint: {node: node-a, taints: ["gpu=true:NoExecute", "old-"]}
  - label: {object: Node/node-a, labels: [disktype=ssd, zone-]}
  - runUntil: {within: 30s, until: {podBound: {pod: web}}}
  - delete: {object: Pod/web, gracePeriodSeconds: 0}
  - stopScheduler: leader
  - run: 1m30s
  - step: 3
  - {patch: {object: Node/node-a, patch: {spec: {unschedulable: true}}}, expectError: forbidden}
  tryIt:
    prompt: {zh: 加上容忍, en: Add a toleration}
    hint: {zh: 看污点, en: Read the taint}
    within: 20s
    until:
    - podBound: {pod: team-a/web, nodeIn: [node-a, node-b]}
    answer:
    - cordon: node-a
  expect:
  - podBound: {pod: web, node: node-a}
  - podPending: {pod: team-a/db, message: "untolerated taint"}
  - field: {object: Node/node-a, path: "metadata.labels['disktype']", equals: ssd}
  - event: {object: Pod/web, reason: Scheduled, type: Normal, message: node-a}
  - leader: {not: kube-scheduler-a}
  - cycle: {pod: web, attempt: 2, selected: node-a, preempted: [low-1, team-a/low-2], rejectedBy: {node-b: TaintToleration}}
quiz:
- question: {zh: 哪个？, en: Which ones}
  multiple: true
  choices:
  - {text: {zh: 甲, en: A}, correct: true}
  - {text: {zh: 乙, en: B}, correct: true}
  - {text: {zh: 丙, en: C}}
  explanation: {zh: 因为。, en: Because.}
)"));
        QCOMPARE(S(l.id), QString("t"));
        QCOMPARE(S(l.chapter), QString("kube-scheduler"));
        QCOMPARE(S(l.title.en), QString("Title"));
        QCOMPARE(S(l.title.in(Language::Zh)), QString("标题"));
        QCOMPARE(l.course.size(), std::size_t(1));
        QCOMPARE(S(l.course[0].heading), QString("Taints 和 Tolerations"));
        QCOMPARE(l.scenario.objects.size(), std::size_t(2));
        QCOMPARE(l.scenario.admission, (std::vector<std::string>{"PodTolerationRestriction"}));
        QCOMPARE(l.scenario.schedulerReplicas, 2);
        QCOMPARE(l.scenario.seed, std::uint64_t(7));
        QCOMPARE(l.scenario.settle, sim::Duration(2000));
        QCOMPARE(l.steps.size(), std::size_t(1));
        const Step& s = l.steps[0];
        QCOMPARE(S(s.id), QString("first"));
        QCOMPARE(S(s.text.en), QString("Look at **node-b**.\n\n- it is tainted"));  // the block's final newline dropped
        QCOMPARE(s.spotlight, (std::vector<std::string>{"node-card:node-b", "inspector.taints"}));
        QCOMPARE(s.actions.size(), std::size_t(9));
        QCOMPARE(s.actions[0].kind, Action::Kind::Apply);
        QCOMPARE(S(s.actions[0].objects[0].str("kind")), QString("Pod"));
        QCOMPARE(s.actions[1].taints.size(), std::size_t(2));
        QCOMPARE(S(s.actions[1].taints[0].effect), QString("NoExecute"));
        QVERIFY(s.actions[1].taints[1].remove);
        QCOMPARE(S(s.actions[1].target.str()), QString("Node/node-a"));
        QVERIFY(s.actions[2].labels[1].remove);
        QCOMPARE(s.actions[3].kind, Action::Kind::RunUntil);
        QCOMPARE(s.actions[3].duration, sim::Duration(30000));
        QCOMPARE(s.actions[3].until.size(), std::size_t(1));
        QCOMPARE(*s.actions[4].gracePeriodSeconds, std::int64_t(0));
        QCOMPARE(S(s.actions[5].replica), QString("leader"));
        QCOMPARE(s.actions[6].duration, sim::Duration(90000));
        QCOMPARE(s.actions[7].count, std::size_t(3));
        QCOMPARE(S(*s.actions[8].expectError), QString("forbidden"));
        QCOMPARE(S(s.actions[8].path), QString("steps[0].actions[8]"));
        QVERIFY(s.tryIt.has_value());
        QCOMPARE(s.tryIt->within, sim::Duration(20000));
        QCOMPARE(S(s.tryIt->until[0].object.str()), QString("Pod/team-a/web"));
        QCOMPARE(s.tryIt->until[0].nodeIn, (std::vector<std::string>{"node-a", "node-b"}));
        QCOMPARE(s.tryIt->answer[0].kind, Action::Kind::Cordon);
        QCOMPARE(s.expect.size(), std::size_t(6));
        QCOMPARE(s.expect[1].kind, Condition::Kind::PodPending);
        QCOMPARE(S(s.expect[1].message), QString("untolerated taint"));
        QCOMPARE(S(s.expect[2].equals->text()), QString("ssd"));
        QCOMPARE(S(s.expect[3].eventType), QString("Normal"));
        QCOMPARE(S(s.expect[4].notLeader), QString("kube-scheduler-a"));
        QCOMPARE(s.expect[5].preempted, (std::vector<std::string>{"default/low-1", "team-a/low-2"}));
        QCOMPARE(S(s.expect[5].rejectedBy.at("node-b")), QString("TaintToleration"));
        QCOMPARE(s.expect[5].attempt, 2);
        // Marks point at the list items, for the checker's reports.
        QCOMPARE(s.expect[0].mark.line, 65);
        QCOMPARE(s.expect[0].mark.col, 5);
        QCOMPARE(l.quiz.size(), std::size_t(1));
        QVERIFY(l.quiz[0].multiple);
        QCOMPARE(l.quiz[0].choices.size(), std::size_t(3));
        QVERIFY(!l.quiz[0].choices[2].correct);
        QCOMPARE(S(l.quiz[0].explanation.zh), QString("因为。"));
    }

    void catalogue() {
        Lesson a = mustLoad(withNodes("", "- text: {zh: \"见 [b](lesson:b)。\", en: \"See [b](lesson:b) and [c](lesson:c).\"}\n"));
        a.id = "a";
        a.file = "a.yaml";
        Lesson b = a;
        b.id = "b";
        b.file = "b.yaml";
        b.order = 1;  // the same order as a
        QCOMPARE(formatted(checkCatalogue({a, b})),
                 (QStringList{"b.yaml: order: Duplicate value: 1 in chapter kube-scheduler (also a)",
                              "a.yaml:28:42: steps[0].text.en: link to unknown lesson \"c\"",
                              "b.yaml:28:42: steps[0].text.en: link to unknown lesson \"c\""}));
        std::vector<Lesson> list = {b, a};
        list[0].order = 2;
        sortCatalogue(list);
        QCOMPARE(S(list[0].id), QString("a"));
    }

    // ---------------- the checker ----------------
    // Node edits and field checks need no scheduling: the API server alone answers them.
    void checkerNodeActionsAndAFailingExpect() {
        Lesson l = mustLoad(withNodes("  settle: 0s\n", R"(- text: {zh: 封锁, en: Cordon}
  actions:
  - cordon: node-a
  - label: {object: Node/node-a, labels: [disktype=ssd]}
  - taint: {node: node-a, taints: ["gpu=true:NoExecute"]}
  - taint: {node: node-b, taints: ["dedicated-"]}
  expect:
  - field: {object: Node/node-a, path: spec.unschedulable, equals: true}
  - field: {object: Node/node-a, path: "metadata.labels['disktype']", equals: ssd}
  - field: {object: Node/node-a, path: "spec.taints[0].key", equals: gpu}
  - field: {object: Node/node-a, path: "spec.taints[0].timeAdded", contains: "2026-01-01T00:00:00Z"}
  - field: {object: Node/node-b, path: spec.taints, absent: true}
  - field: {object: Node/node-a, path: spec.unschedulable, equals: false}
- text: {zh: 解除, en: Uncordon}
  actions:
  - uncordon: node-a
  - taint: {node: node-b, taints: ["dedicated-"]}
  expect:
  - field: {object: Node/node-a, path: spec.unschedulable, absent: true}
  - absent: Node/node-c
)"));
        CheckResult r = checkLesson(l);
        QCOMPARE(r.stepsRun, std::size_t(2));
        QCOMPARE(r.expectsChecked, std::size_t(8));
        QCOMPARE(r.expectsFailed, std::size_t(1));
        QCOMPARE(formatted(r.diagnostics),
                 (QStringList{"t.yaml:41:5: steps[0].expect[5]: Node/node-a spec.unschedulable is true, expected false",
                              "t.yaml:45:5: steps[1].actions[1]: taint \"dedicated\" not found"}));
        QVERIFY(!r.ok());
    }

    void checkerAdmissionRefusals() {
        const char* scenario = "  admission: [PodTolerationRestriction]\n  settle: 0s\n";
        Lesson l = mustLoad(withNodes(scenario, R"(- text: {zh: 租户, en: Tenants}
  actions:
  - apply:
    - apiVersion: v1
      kind: Namespace
      metadata:
        name: team-b
        annotations:
          scheduler.alpha.kubernetes.io/tolerationsWhitelist: '[]'
    - apiVersion: v1
      kind: Namespace
      metadata:
        name: team-c
        annotations:
          scheduler.alpha.kubernetes.io/tolerationsWhitelist: '[{"key":"app","operator":"Exists"}]'
  - expectError: "conflict with its namespace whitelist"
    apply:
      apiVersion: v1
      kind: Pod
      metadata: {name: thief, namespace: team-c}
      spec:
        tolerations: [{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}]
        containers: [{name: c, image: nginx}]
  - expectError: "conflict with its namespace whitelist"
    apply:
      apiVersion: v1
      kind: Pod
      metadata: {name: allowed, namespace: team-b}
      spec:
        tolerations: [{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}]
        containers: [{name: c, image: nginx}]
  expect:
  - absent: Pod/team-c/thief
  - exists: Pod/team-b/allowed
)"));
        CheckResult r = checkLesson(l);
        // An empty whitelist allows everything: the second pod is created, so its expectError fails.
        QCOMPARE(formatted(r.diagnostics),
                 (QStringList{"t.yaml:53:5: steps[0].actions[2]: expected the action to fail with \"conflict with its "
                              "namespace whitelist\", but it succeeded"}));
        QCOMPARE(r.expectsFailed, std::size_t(0));
    }

    void checkerScheduling() {
        Lesson l = mustLoad(withNodes("", R"(- text: {zh: 调度, en: Schedule}
  actions:
  - apply:
    - apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers: [{name: c, image: nginx, resources: {requests: {cpu: 500m}}}]
    - apiVersion: v1
      kind: Pod
      metadata: {name: big}
      spec:
        containers: [{name: c, image: nginx, resources: {requests: {cpu: "3"}}}]
    - apiVersion: v1
      kind: Pod
      metadata: {name: gpu}
      spec:
        nodeSelector: {kubernetes.io/hostname: node-b}
        containers: [{name: c, image: nginx}]
  - run: 5s
  expect:
  - podBound: {pod: web, node: node-a}
  - podPending: {pod: gpu, message: "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: gpu}"}
  - event: {object: Pod/web, reason: Scheduled, type: Normal, message: "Successfully assigned default/web to node-a"}
  - cycle: {pod: gpu, rejectedBy: {node-a: NodeAffinity, node-b: TaintToleration}}
  - podBound: {pod: web, node: node-b}
  tryIt:
    prompt: {zh: 加容忍, en: Add a toleration}
    until: {podBound: {pod: gpu, node: node-b}}
    answer:
    - delete: {object: Pod/gpu, gracePeriodSeconds: 0}
    - apply:
        apiVersion: v1
        kind: Pod
        metadata: {name: gpu}
        spec:
          nodeSelector: {kubernetes.io/hostname: node-b}
          tolerations: [{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}]
          containers: [{name: c, image: nginx}]
)"));
        CheckResult r = checkLesson(l);
        QCOMPARE(r.expectsChecked, std::size_t(5));
        // The try-it runs before the expects: by then gpu is bound, so podPending fails too.
        QStringList got = formatted(r.diagnostics);
        QCOMPARE(got.size(), 3);
        QVERIFY2(got[0].startsWith("t.yaml:50:5: steps[0].expect[1]: pod default/gpu is bound to node-b"), qPrintable(got[0]));
        QVERIFY2(got[1].startsWith("t.yaml:52:5: steps[0].expect[3]: the last cycle of default/gpu"), qPrintable(got[1]));
        QCOMPARE(got[2], QString("t.yaml:53:5: steps[0].expect[4]: pod default/web is on node-a, expected node-b"));
    }

    void checkerPendingAndTryIt() {
        Lesson l = mustLoad(withNodes("", R"(- text: {zh: 等待, en: Pending}
  actions:
  - apply:
      apiVersion: v1
      kind: Pod
      metadata: {name: gpu}
      spec:
        nodeSelector: {kubernetes.io/hostname: node-b}
        containers: [{name: c, image: nginx}]
  - runUntil: {within: 10s, until: {podPending: {pod: gpu, message: "untolerated taint"}}}
  expect:
  - podPending: {pod: gpu, message: "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."}
  - event: {object: Pod/gpu, reason: FailedScheduling, type: Warning, message: "untolerated taint {dedicated: gpu}"}
  - cycle: {pod: gpu, rejectedBy: {node-a: NodeAffinity, node-b: TaintToleration}}
- text: {zh: 修好, en: Fix it}
  spotlight: [node-card:node-b, pod-card:gpu]
  tryIt:
    prompt: {zh: 去掉污点, en: Remove the taint}
    until: {podBound: {pod: gpu, node: node-b}}
    answer:
    - taint: {node: node-b, taints: ["dedicated:NoSchedule-"]}
  expect:
  - podBound: {pod: gpu, node: node-b}
)"));
        CheckResult r = checkLesson(l);
        QVERIFY2(r.ok(), qPrintable(formatted(r.diagnostics).join("\n")));
        QCOMPARE(r.expectsChecked, std::size_t(4));
        QCOMPARE(r.stepsRun, std::size_t(2));
    }

    void checkerTryItNotReached() {
        Lesson l = mustLoad(withNodes("", R"(- text: {zh: 等待, en: Pending}
  tryIt:
    prompt: {zh: 试试, en: Try}
    within: 5s
    until: {podBound: {pod: nowhere}}
    answer:
    - run: 1s
  expect:
  - exists: Node/node-a
- text: {zh: 不会到这里, en: Never reached}
  expect:
  - absent: Node/node-a
)"));
        CheckResult r = checkLesson(l);
        QCOMPARE(formatted(r.diagnostics),
                 QStringList{"t.yaml:32:12: steps[0].tryIt.until: the reference answer did not reach this within 5s: pod "
                             "default/nowhere does not exist"});
        QCOMPARE(r.stepsRun, std::size_t(1));  // later steps build on the try-it
    }

    void checkerPreemptionByAttempt() {
        // node-a is full of a low-priority Pod; a high-priority one preempts it: the first cycle
        // nominates and names the victim, the second binds.
        Lesson l = mustLoad(withNodes("", R"(- text: {zh: 抢占, en: Preempt}
  actions:
  - apply:
    - apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata: {name: high}
      value: 1000
    - apiVersion: v1
      kind: Pod
      metadata: {name: low}
      spec:
        nodeName: node-a
        containers: [{name: c, image: nginx, resources: {requests: {cpu: 3500m}}}]
    - apiVersion: v1
      kind: Pod
      metadata: {name: urgent}
      spec:
        priorityClassName: high
        nodeSelector: {kubernetes.io/hostname: node-a}
        containers: [{name: c, image: nginx, resources: {requests: {cpu: "1"}}}]
  - runUntil: {within: 30s, until: {podBound: {pod: urgent}}}
  expect:
  - cycle: {pod: urgent, attempt: 1, nominated: node-a, preempted: [low]}
  - cycle: {pod: urgent, selected: node-a}
  - absent: Pod/low
  - event: {object: Pod/low, reason: Preempted, message: on node node-a}
  - cycle: {pod: urgent, attempt: 1, preempted: [other]}
  - cycle: {pod: urgent, attempt: 7}
)"));
        CheckResult r = checkLesson(l);
        QStringList got = formatted(r.diagnostics);
        QCOMPARE(got.size(), 2);
        QVERIFY2(got[0].startsWith("t.yaml:54:5: steps[0].expect[4]: the cycle of default/urgent (attempt 1) found no node, "
                                   "nominated node-a, preempted default/low; expected the victims to be exactly the listed pods"),
                 qPrintable(got[0]));
        QCOMPARE(got[1], QString("t.yaml:55:5: steps[0].expect[5]: no scheduling cycle for pod default/urgent with attempt 7"));
    }

    void checkerLeaderElection() {
        Lesson l = mustLoad(withNodes("  scheduler: {replicas: 2}\n  settle: 20s\n", R"(- text: {zh: 领导者, en: Leader}
  expect:
  - leader: kube-scheduler-a
  - field: {object: Lease/kube-system/kube-scheduler, path: spec.holderIdentity, contains: kube-scheduler-a}
- text: {zh: 停止, en: Stop it}
  actions:
  - stopScheduler: leader
  - runUntil: {within: 30s, until: {leader: kube-scheduler-b}}
  expect:
  - leader: {not: kube-scheduler-a}
  - leader: kube-scheduler-a
)"));
        CheckResult r = checkLesson(l);
        QCOMPARE(formatted(r.diagnostics),
                 QStringList{"t.yaml:40:5: steps[1].expect[1]: the leader is kube-scheduler-b"});
    }

    // ---------------- the lessons of the repository ----------------
    void repositoryLessonsLoad() {
        std::string dir = std::string(KUBESTAGE_SOURCE_DIR) + "/lessons";
        auto files = findLessonFiles(dir);
        if (files.empty()) QSKIP("no lessons under lessons/ yet");
        std::vector<Lesson> lessons;
        for (const auto& f : files) {
            LoadResult r = loadLessonFile(f);
            QVERIFY2(r.ok(), qPrintable(formatted(r.diagnostics).join("\n")));
            lessons.push_back(*r.lesson);
        }
        QVERIFY2(checkCatalogue(lessons).empty(), qPrintable(formatted(checkCatalogue(lessons)).join("\n")));
        // The course headings a lesson annotates are headings of the course.
        std::ifstream course(std::string(KUBESTAGE_SHARED_DIR) + "/course/000_860c7fd626bd99b7.txt");
        if (!course) QSKIP("the course text (KUBESTAGE_SHARED_DIR/course) is not available");
        std::string text((std::istreambuf_iterator<char>(course)), std::istreambuf_iterator<char>());
        for (const auto& l : lessons)
            for (const auto& c : l.course)
                QVERIFY2(text.find("# " + c.heading) != std::string::npos || text.find("\n" + c.heading + "\n") != std::string::npos,
                         qPrintable(S(l.id + ": \"" + c.heading + "\" is not a heading of the course")));
    }
};

KS_TEST_MAIN(TestLesson)
#include "tst_lesson.moc"
