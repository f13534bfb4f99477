// Small formatting helpers shared by the adapters: quantities as people read them, and the
// core's strings as Qt's.
#pragma once

#include <QString>
#include <cstdint>
#include <string>

namespace ks::gui {

inline QString qs(const std::string& s) { return QString::fromStdString(s); }

QString formatCpuMilli(std::int64_t milli);   // 1500 -> "1.5", 250 -> "250m"
QString formatBytes(std::int64_t bytes);      // 2147483648 -> "2Gi"

}  // namespace ks::gui
