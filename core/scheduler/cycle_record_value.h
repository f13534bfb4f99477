// A CycleRecord as a Value: the detail payload of a scheduling step in the trace, which the GUI,
// the lesson checker and `kubestage-cli run --trace` read. Same field names as
// `kubestage-cli schedule -o json`, plus the raw and normalized score of every plugin.
#pragma once

#include "core/api/value.h"
#include "core/scheduler/framework/cycle_record.h"

namespace ks::scheduler {

api::Value toValue(const CycleRecord& record);

}  // namespace ks::scheduler
