#include "core/scheduler/framework/status.h"

namespace ks::scheduler {

std::string Status::message() const {
    std::string out;
    for (std::size_t i = 0; i < m_reasons.size(); ++i) {
        if (i) out += ", ";
        out += m_reasons[i];
    }
    return out;
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
