// What the GUI shows: a cluster built from a scenario, or a lesson's run (which owns its
// cluster). Rebuilt from scratch to go back in time.
#pragma once

#include <memory>

#include "app_facade.h"
#include "core/cluster/cluster.h"
#include "core/lesson/lesson.h"
#include "core/lesson/lesson_checker.h"

namespace ks::gui {

struct AppFacade::World {
    std::unique_ptr<cluster::Cluster> own;
    std::shared_ptr<const lesson::Lesson> lesson;  // outlives run, which refers to it
    std::unique_ptr<lesson::LessonRun> run;
    cluster::Cluster& cluster() { return run ? run->cluster() : *own; }
};

}  // namespace ks::gui
