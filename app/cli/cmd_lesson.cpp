// kubestage-cli lesson list | check [FILE...]: the lesson catalogue, and every lesson run as a
// test (each step's actions, the try-its performed with the lesson's reference answer, every
// expect checked), failures printed as FILE:LINE:COL: field.path: what was seen.
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "args.h"
#include "commands.h"
#include "core/lesson/lesson_checker.h"
#include "core/lesson/lesson_loader.h"

namespace ks::cli {

namespace {

const std::vector<FlagSpec> kLessonFlags = {
    {"dir", 0, true, "DIR", "The lessons folder (default: the source tree's lessons/)"},
    {"lang", 0, true, "LANG", "Language of the titles in 'list': en or zh (default en)"},
    {"quiet", 'q', false, "", "'check': print only failures and the summary"},
    {"help", 'h', false, "", "Show this help"},
};

void printUsage(std::FILE* out) {
    std::fprintf(out,
                 "List the lessons, or check them: each lesson's scenario is run step by step, every\n"
                 "\"try it\" is performed with the lesson's own reference answer, and every expect is\n"
                 "checked. Exits 1 when a lesson does not load or an expect fails.\n\n"
                 "Usage:\n  kubestage-cli lesson list [flags]\n  kubestage-cli lesson check [flags] [FILE...]\n\n%s",
                 formatFlags(kLessonFlags).c_str());
}

// The lessons folder: --dir, then $KUBESTAGE_LESSONS_DIR, then the source tree this program was
// built from, then ./lessons.
std::string lessonsDir(const Args& args) {
    if (auto dir = args.value("dir")) return *dir;
    if (const char* env = std::getenv("KUBESTAGE_LESSONS_DIR"); env && *env) return env;
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path source = fs::path(__FILE__).parent_path().parent_path().parent_path() / "lessons";
    if (fs::is_directory(source, ec)) return source.string();
    return "lessons";
}

std::vector<lesson::Lesson> loadAll(const std::vector<std::string>& files, bool& failed) {
    std::vector<lesson::Lesson> out;
    for (const auto& f : files) {
        lesson::LoadResult r = lesson::loadLessonFile(f);
        for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        if (r.ok()) out.push_back(std::move(*r.lesson));
        else failed = true;
    }
    return out;
}

int list(const Args& args) {
    std::string dir = lessonsDir(args);
    auto files = lesson::findLessonFiles(dir);
    if (files.empty()) {
        std::fprintf(stderr, "error: no lessons found in %s\n", dir.c_str());
        return 1;
    }
    bool failed = false;
    auto lessons = loadAll(files, failed);
    lesson::sortCatalogue(lessons);
    lesson::Language lang = args.value("lang").value_or("en") == "zh" ? lesson::Language::Zh : lesson::Language::En;
    std::size_t idWidth = 2, chapterWidth = 7;
    for (const auto& l : lessons) {
        idWidth = std::max(idWidth, l.id.size());
        chapterWidth = std::max(chapterWidth, l.chapter.size());
    }
    std::printf("%-*s   %-*s   %-5s   %s\n", static_cast<int>(idWidth), "ID", static_cast<int>(chapterWidth), "CHAPTER",
                "STEPS", "TITLE");
    for (const auto& l : lessons)
        std::printf("%-*s   %-*s   %-5zu   %s\n", static_cast<int>(idWidth), l.id.c_str(), static_cast<int>(chapterWidth),
                    l.chapter.c_str(), l.steps.size(), l.title.in(lang).c_str());
    return failed ? 1 : 0;
}

int check(const Args& args, std::vector<std::string> files) {
    bool whole = files.empty();
    if (whole) {
        std::string dir = lessonsDir(args);
        files = lesson::findLessonFiles(dir);
        if (files.empty()) {
            std::fprintf(stderr, "error: no lessons found in %s\n", dir.c_str());
            return 1;
        }
    }
    bool failed = false;
    auto lessons = loadAll(files, failed);
    if (whole)
        for (const auto& d : lesson::checkCatalogue(lessons)) {
            std::fprintf(stderr, "%s\n", d.format().c_str());
            failed = true;
        }
    std::size_t passed = 0, expects = 0;
    bool quiet = args.has("quiet");
    for (const auto& l : lessons) {
        lesson::CheckResult r = lesson::checkLesson(l);
        for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        expects += r.expectsChecked;
        if (r.ok()) ++passed;
        else failed = true;
        if (!quiet || !r.ok())
            std::printf("%-4s %s: %zu step%s, %zu expect%s%s\n", r.ok() ? "ok" : "FAIL", l.id.c_str(), r.stepsRun,
                        r.stepsRun == 1 ? "" : "s", r.expectsChecked, r.expectsChecked == 1 ? "" : "s",
                        r.expectsFailed ? (", " + std::to_string(r.expectsFailed) + " failed").c_str() : "");
    }
    std::printf("%zu of %zu lesson%s passed (%zu expects checked)\n", passed, files.size(), files.size() == 1 ? "" : "s",
                expects);
    return failed ? 1 : 0;
}

}  // namespace

int runLessonCommand(const std::vector<std::string>& argv) {
    Args args;
    std::string error;
    if (!args.parse(argv, kLessonFlags, error)) {
        std::fprintf(stderr, "error: %s\nSee 'kubestage-cli lesson --help' for usage.\n", error.c_str());
        return 2;
    }
    if (args.has("help")) {
        printUsage(stdout);
        return 0;
    }
    if (auto lang = args.value("lang"); lang && *lang != "en" && *lang != "zh") {
        std::fprintf(stderr, "error: --lang must be en or zh, not \"%s\"\n", lang->c_str());
        return 2;
    }
    const auto& pos = args.positionals();
    if (pos.empty()) {
        printUsage(stderr);
        return 2;
    }
    std::string sub = pos.front();
    if (sub == "list") {
        if (pos.size() > 1) {
            std::fprintf(stderr, "error: 'lesson list' takes no files\n");
            return 2;
        }
        return list(args);
    }
    if (sub == "check") return check(args, std::vector<std::string>(pos.begin() + 1, pos.end()));
    std::fprintf(stderr, "error: unknown lesson command \"%s\" (list, check)\n", sub.c_str());
    return 2;
}

}  // namespace ks::cli
