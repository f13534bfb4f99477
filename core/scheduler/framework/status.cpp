#include "core/scheduler/framework/status.h"

namespace ks::scheduler {

std::string Status::message() const {
    std::string out;
    const auto& reasons = this->reasons();
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        if (i) out += ", ";
        out += reasons[i];
    }
    return out;
}

const std::vector<std::string>& Status::noReasons() {
    static const std::vector<std::string> kNone;
    return kNone;
}

const std::string& Status::noPlugin() {
    static const std::string kNone;
    return kNone;
}

const char* codeName(Code code) {
    switch (code) {
    case Code::Success: return "Success";
    case Code::Error: return "Error";
    case Code::Unschedulable: return "Unschedulable";
    case Code::UnschedulableAndUnresolvable: return "UnschedulableAndUnresolvable";
    case Code::Wait: return "Wait";
    case Code::Skip: return "Skip";
    case Code::Pending: return "Pending";
    }
    return "Unknown";
}

}  // namespace ks::scheduler
