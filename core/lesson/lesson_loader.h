// Reading lesson files (lessons/<chapter>/<id>.yaml) into the model of lesson.h.
//
// The format is strict: unknown fields, missing texts in either language, rich text outside the
// safe subset (rich_text.h), invalid inline manifests, malformed object references, durations,
// taints and labels are all errors, each as FILE:LINE:COL: field.path: message, read with the
// project's YAML reader so that marks and duplicate-key checks are those of manifests.
// lessons/README.md documents every field.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/api/diagnostic.h"
#include "core/lesson/lesson.h"

namespace ks::lesson {

struct LoadOptions {
    // Where `scenario.file` names are looked up; empty: the nearest "scenarios" folder beside the
    // lesson's folder or above it (lessons/scenarios for lessons/scheduler/x.yaml).
    std::string scenarioDir;
};

struct LoadResult {
    std::optional<Lesson> lesson;  // set when there are no errors
    api::Diagnostics diagnostics;
    bool ok() const { return lesson.has_value(); }
};

LoadResult loadLessonFile(const std::string& path, const LoadOptions& options = {});
LoadResult loadLessonText(const std::string& text, const std::string& file, const LoadOptions& options = {});

// The chapters, in course order: kube-scheduler, controller-manager, kubelet, cri, cni, csi.
const std::vector<std::string>& chapters();

// Every lesson file under lessonsDir (*.yaml, not under scenarios/), sorted by path.
std::vector<std::string> findLessonFiles(const std::string& lessonsDir);

// Checks what single files cannot: unique ids, unique orders within a chapter, and that every
// [text](lesson:ID) link names a lesson of the set. Diagnostics point at the offending field.
api::Diagnostics checkCatalogue(const std::vector<Lesson>& lessons);

// Lessons in catalogue order: chapter (course order), then order, then id.
void sortCatalogue(std::vector<Lesson>& lessons);

}  // namespace ks::lesson
