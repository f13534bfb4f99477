#include "format.h"

#include <QRegularExpression>

namespace ks::gui {

QString formatCpuMilli(std::int64_t milli) {
    if (milli % 1000 == 0) return QString::number(milli / 1000);
    if (milli < 1000) return QString::number(milli) + "m";
    return QString::number(milli / 1000.0, 'f', 2).remove(QRegularExpression("0+$"));
}

QString formatBytes(std::int64_t bytes) {
    static const char* units[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi"};
    double v = static_cast<double>(bytes);
    int unit = 0;
    while (v >= 1024.0 && unit < 5) {
        v /= 1024.0;
        ++unit;
    }
    QString num = QString::number(v, 'f', v < 10 && unit > 0 ? 1 : 0);
    if (num.endsWith(".0")) num.chop(2);
    return num + units[unit];
}

}  // namespace ks::gui
