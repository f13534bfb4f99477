#include "core/lesson/lesson_loader.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/api/yaml_reader.h"
#include "core/lesson/lesson_reader.h"
#include "core/lesson/rich_text.h"
#include "core/scheduler/config/parse.h"
#include "core/store/admission/registry.h"

namespace ks::lesson {

using namespace detail;
namespace fs = std::filesystem;

const std::vector<std::string>& chapters() {
    static const std::vector<std::string> kChapters = {"kube-scheduler", "controller-manager", "kubelet",
                                                       "cri",            "cni",                "csi"};
    return kChapters;
}

namespace {

bool isLessonId(const std::string& id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    for (char c : id)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
            return false;
    return true;
}

std::string findScenarioDir(const std::string& lessonFile) {
    fs::path dir = fs::path(lessonFile).parent_path();
    for (int up = 0; up < 3; ++up) {
        fs::path candidate = (dir.empty() ? fs::path(".") : dir) / "scenarios";
        std::error_code ec;
        if (fs::is_directory(candidate, ec)) return candidate.string();
        if (dir.empty() || dir == dir.parent_path()) break;
        dir = dir.parent_path();
    }
    return {};
}

void readScenario(Reader& r, const Value& v, const std::string& lessonFile, const LoadOptions& options,
                  Scenario& s) {
    const std::string p = "scenario";
    if (!r.isMapping(v, p)) return;
    r.onlyFields(v, p, {"file", "objects", "admission", "scheduler", "seed", "settle"});
    if (const Value* file = r.field(v, "file", p, false)) {
        if (auto name = r.scalarString(*file, child(p, "file"))) {
            s.file = *name;
            s.fileMark = file->mark();
            std::string dir = options.scenarioDir.empty() ? findScenarioDir(lessonFile) : options.scenarioDir;
            std::error_code ec;
            if (name->find("..") != std::string::npos || fs::path(*name).is_absolute())
                r.error(file->mark(), child(p, "file"), "a scenario is a file name under lessons/scenarios, not a path");
            else if (dir.empty())
                r.error(file->mark(), child(p, "file"), "no scenarios folder beside or above the lesson");
            else if (!fs::is_regular_file(fs::path(dir) / *name, ec))
                r.error(file->mark(), child(p, "file"), "scenario \"" + *name + "\" not found in " + dir);
            else
                s.filePath = (fs::path(dir) / *name).string();
        }
    }
    if (const Value* objects = r.field(v, "objects", p, false); objects && r.isSequence(*objects, child(p, "objects"))) {
        for (std::size_t i = 0; i < objects->items().size(); ++i) {
            checkManifest(r, objects->items()[i], index(child(p, "objects"), i));
            s.objects.push_back(objects->items()[i]);
        }
    }
    if (s.file.empty() && s.objects.empty()) r.error(v.mark(), p, "a scenario needs a file, objects, or both");
    auto admission = r.stringList(v, "admission", p, false);
    const auto known = store::admission::optionalPluginNames();
    for (std::size_t i = 0; i < admission.size(); ++i) {
        if (std::find(known.begin(), known.end(), admission[i]) == known.end()) {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "\"" : ", \"") + k + "\"";
            r.error(v.get("admission")->items()[i].mark(), index(child(p, "admission"), i),
                    "Unsupported value: \"" + admission[i] + "\": supported values: " + list);
        }
    }
    s.admission = admission;
    if (const Value* sched = r.field(v, "scheduler", p, false); sched && r.isMapping(*sched, child(p, "scheduler"))) {
        std::string sp = child(p, "scheduler");
        r.onlyFields(*sched, sp, {"replicas", "configuration"});
        if (auto n = r.integer(*sched, "replicas", sp, false, 1, 5)) s.schedulerReplicas = static_cast<int>(*n);
        if (const Value* config = r.field(*sched, "configuration", sp, false)) {
            auto parsed = scheduler::config::parseConfiguration(*config, r.file());
            for (const auto& d : parsed.diagnostics) {
                if (d.isError()) r.error(d.mark, d.path.empty() ? child(sp, "configuration") : child(sp, "configuration") + "." + d.path, d.message);
                else r.diagnostics().push_back(d);
            }
            s.schedulerConfig = *config;
            s.schedulerConfigMark = config->mark();
        }
    }
    if (auto seed = r.integer(v, "seed", p, false, 0, INT64_MAX)) s.seed = static_cast<std::uint64_t>(*seed);
    if (const Value* settle = r.field(v, "settle", p, false))
        if (auto d = r.duration(*settle, child(p, "settle"), 0)) s.settle = *d;
}

std::optional<TryIt> readTryIt(Reader& r, const Value& v, const std::string& p) {
    if (!r.isMapping(v, p)) return std::nullopt;
    r.onlyFields(v, p, {"prompt", "hint", "until", "answer", "within"});
    TryIt t;
    t.mark = v.mark();
    t.path = p;
    t.prompt = r.text(v, "prompt", p, true, false);
    t.hint = r.text(v, "hint", p, false, false);
    if (const Value* until = r.field(v, "until", p, true)) t.until = readConditions(r, *until, child(p, "until"));
    if (const Value* answer = r.field(v, "answer", p, true)) {
        t.answer = readActions(r, *answer, child(p, "answer"));
        if (answer->isSequence() && answer->items().empty())
            r.error(answer->mark(), child(p, "answer"), "a try-it needs the reference answer the checker performs");
    }
    if (const Value* within = r.field(v, "within", p, false))
        if (auto d = r.duration(*within, child(p, "within"), 1)) t.within = *d;
    return t;
}

void readSteps(Reader& r, const Value& v, std::vector<Step>& out) {
    const std::string p = "steps";
    if (!r.isSequence(v, p)) return;
    if (v.items().empty()) r.error(v.mark(), p, "a lesson needs at least one step");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < v.items().size(); ++i) {
        const Value& item = v.items()[i];
        std::string ip = index(p, i);
        if (!r.isMapping(item, ip)) continue;
        r.onlyFields(item, ip, {"id", "title", "text", "spotlight", "actions", "tryIt", "expect"});
        Step s;
        s.mark = item.mark();
        s.path = ip;
        if (auto id = r.string(item, "id", ip, false)) {
            s.id = *id;
            if (!isLessonId(s.id)) r.error(item.get("id")->mark(), child(ip, "id"), "a step id is lower-case letters, digits and -");
            else if (!ids.insert(s.id).second) r.error(item.get("id")->mark(), child(ip, "id"), "Duplicate value: \"" + s.id + "\"");
        }
        s.title = r.text(item, "title", ip, false, true);
        s.text = r.text(item, "text", ip, true, false);
        s.spotlight = r.stringList(item, "spotlight", ip, false);
        for (std::size_t j = 0; j < s.spotlight.size(); ++j)
            if (!isSpotlightName(s.spotlight[j]))
                r.error(item.get("spotlight")->items()[j].mark(), index(child(ip, "spotlight"), j),
                        "unknown element \"" + s.spotlight[j] +
                            "\" (see spotlightElements(); node-card:NODE and pod-card:[NAMESPACE/]NAME name objects)");
        if (const Value* actions = r.field(item, "actions", ip, false)) s.actions = readActions(r, *actions, child(ip, "actions"));
        if (const Value* tryIt = r.field(item, "tryIt", ip, false)) s.tryIt = readTryIt(r, *tryIt, child(ip, "tryIt"));
        if (const Value* expect = r.field(item, "expect", ip, false)) s.expect = readConditions(r, *expect, child(ip, "expect"));
        out.push_back(std::move(s));
    }
}

void readQuiz(Reader& r, const Value& v, std::vector<QuizQuestion>& out) {
    const std::string p = "quiz";
    if (!r.isSequence(v, p)) return;
    for (std::size_t i = 0; i < v.items().size(); ++i) {
        const Value& item = v.items()[i];
        std::string ip = index(p, i);
        if (!r.isMapping(item, ip)) continue;
        r.onlyFields(item, ip, {"question", "multiple", "choices", "explanation"});
        QuizQuestion q;
        q.mark = item.mark();
        q.path = ip;
        q.question = r.text(item, "question", ip, true, false);
        q.multiple = r.boolean(item, "multiple", ip).value_or(false);
        q.explanation = r.text(item, "explanation", ip, true, false);
        const Value* choices = r.field(item, "choices", ip, true);
        if (choices && r.isSequence(*choices, child(ip, "choices"))) {
            std::string cp = child(ip, "choices");
            int correct = 0;
            for (std::size_t j = 0; j < choices->items().size(); ++j) {
                const Value& c = choices->items()[j];
                std::string jp = index(cp, j);
                if (!r.isMapping(c, jp)) continue;
                r.onlyFields(c, jp, {"text", "correct"});
                QuizChoice choice;
                choice.text = r.text(c, "text", jp, true, true);
                choice.correct = r.boolean(c, "correct", jp).value_or(false);
                correct += choice.correct ? 1 : 0;
                q.choices.push_back(std::move(choice));
            }
            if (choices->items().size() < 2 || choices->items().size() > 6)
                r.error(choices->mark(), cp, "a question has 2 to 6 choices");
            else if (!q.multiple && correct != 1)
                r.error(choices->mark(), cp, "a single-choice question has exactly one correct choice (set multiple: true for more)");
            else if (q.multiple && correct < 1)
                r.error(choices->mark(), cp, "a multiple-choice question has at least one correct choice");
        }
        out.push_back(std::move(q));
    }
}

}  // namespace

LoadResult loadLessonText(const std::string& text, const std::string& file, const LoadOptions& options) {
    LoadResult result;
    api::ReadResult read = api::readYaml(text, file);
    result.diagnostics = read.diagnostics;
    if (!read.ok()) return result;
    if (read.documents.size() != 1) {
        result.diagnostics.push_back(api::Diagnostic{api::Diagnostic::Severity::Error, file,
                                                     read.documents.empty() ? api::Mark{} : read.documents[1].mark(), {},
                                                     "a lesson file holds exactly one YAML document"});
        return result;
    }
    const Value& doc = read.documents.front();
    Reader r(file, text, result.diagnostics);
    if (!r.isMapping(doc, {})) return result;
    r.onlyFields(doc, {}, {"id", "chapter", "order", "title", "summary", "course", "scenario", "steps", "quiz"});

    Lesson lesson;
    lesson.file = file;
    if (auto id = r.string(doc, "id", {}, true)) {
        lesson.id = *id;
        std::string stem = fs::path(file).stem().string();
        if (!isLessonId(lesson.id))
            r.error(doc.get("id")->mark(), "id", "a lesson id is lower-case letters, digits and -");
        else if (fs::path(file).extension() == ".yaml" && stem != lesson.id)
            r.error(doc.get("id")->mark(), "id", "the id must be the file's name: \"" + stem + "\"");
    }
    if (auto chapter = r.string(doc, "chapter", {}, true)) {
        lesson.chapter = *chapter;
        const auto& known = chapters();
        if (std::find(known.begin(), known.end(), lesson.chapter) == known.end()) {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "\"" : ", \"") + k + "\"";
            r.error(doc.get("chapter")->mark(), "chapter",
                    "Unsupported value: \"" + lesson.chapter + "\": supported values: " + list);
        }
    }
    if (auto order = r.integer(doc, "order", {}, true, 1, 999)) lesson.order = static_cast<int>(*order);
    lesson.title = r.text(doc, "title", {}, true, true);
    lesson.summary = r.text(doc, "summary", {}, true, false);
    if (const Value* course = r.field(doc, "course", {}, true); course && r.isSequence(*course, "course")) {
        if (course->items().empty()) r.error(course->mark(), "course", "name the course section(s) the lesson annotates");
        for (std::size_t i = 0; i < course->items().size(); ++i)
            if (auto heading = r.scalarString(course->items()[i], index("course", i)))
                lesson.course.push_back({*heading, course->items()[i].mark()});
    }
    if (const Value* scenario = r.field(doc, "scenario", {}, true))
        readScenario(r, *scenario, file, options, lesson.scenario);
    if (const Value* steps = r.field(doc, "steps", {}, true)) readSteps(r, *steps, lesson.steps);
    if (const Value* quiz = r.field(doc, "quiz", {}, false)) readQuiz(r, *quiz, lesson.quiz);

    if (!api::hasErrors(result.diagnostics)) result.lesson = std::move(lesson);
    return result;
}

LoadResult loadLessonFile(const std::string& path, const LoadOptions& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult result;
        result.diagnostics.push_back(api::Diagnostic{api::Diagnostic::Severity::Error, path, {}, {},
                                                     "cannot read the file"});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return loadLessonText(text.str(), path, options);
}

std::vector<std::string> findLessonFiles(const std::string& lessonsDir) {
    std::vector<std::string> out;
    std::error_code ec;
    if (!fs::is_directory(lessonsDir, ec)) return out;
    for (auto it = fs::recursive_directory_iterator(lessonsDir, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (ec) break;
        if (it->is_directory() && it->path().filename() == "scenarios") {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && it->path().extension() == ".yaml") out.push_back(it->path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

void sortCatalogue(std::vector<Lesson>& lessons) {
    auto chapterIndex = [](const std::string& c) {
        const auto& all = chapters();
        return std::find(all.begin(), all.end(), c) - all.begin();
    };
    std::stable_sort(lessons.begin(), lessons.end(), [&](const Lesson& a, const Lesson& b) {
        auto ca = chapterIndex(a.chapter), cb = chapterIndex(b.chapter);
        if (ca != cb) return ca < cb;
        if (a.order != b.order) return a.order < b.order;
        return a.id < b.id;
    });
}

api::Diagnostics checkCatalogue(const std::vector<Lesson>& lessons) {
    api::Diagnostics out;
    auto error = [&](const Lesson& l, api::Mark m, std::string path, std::string message) {
        out.push_back(api::Diagnostic{api::Diagnostic::Severity::Error, l.file, m, std::move(path), std::move(message)});
    };
    std::map<std::string, const Lesson*> byId;
    std::map<std::pair<std::string, int>, const Lesson*> byOrder;
    for (const auto& l : lessons) {
        if (auto [it, inserted] = byId.emplace(l.id, &l); !inserted)
            error(l, {}, "id", "Duplicate value: \"" + l.id + "\" (also " + it->second->file + ")");
        if (auto [it, inserted] = byOrder.emplace(std::make_pair(l.chapter, l.order), &l); !inserted)
            error(l, {}, "order",
                  "Duplicate value: " + std::to_string(l.order) + " in chapter " + l.chapter + " (also " + it->second->id + ")");
    }
    for (const auto& l : lessons) {
        auto checkLinks = [&](const Text& t, const std::string& path) {
            for (const auto* text : {&t.zh, &t.en})
                for (const auto& id : lessonLinks(*text))
                    if (!byId.count(id))
                        error(l, text == &t.zh ? t.zhMark : t.enMark, path + (text == &t.zh ? ".zh" : ".en"),
                              "link to unknown lesson \"" + id + "\"");
        };
        checkLinks(l.summary, "summary");
        for (const auto& s : l.steps) {
            checkLinks(s.text, s.path + ".text");
            if (s.tryIt) checkLinks(s.tryIt->prompt, s.tryIt->path + ".prompt");
        }
        for (const auto& q : l.quiz) checkLinks(q.explanation, q.path + ".explanation");
    }
    return out;
}

}  // namespace ks::lesson
