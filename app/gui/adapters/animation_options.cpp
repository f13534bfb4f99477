#include "animation_options.h"

#include <QStringList>
#include <QtGlobal>

namespace ks::gui {

AnimationOptions::AnimationOptions(QObject* parent) : QObject(parent) {
    const QString spec = qEnvironmentVariable("KUBESTAGE_ANIMATION_FREEZE").trimmed();
    if (spec.isEmpty()) return;
    const QStringList parts = spec.split(':');
    static const QStringList kPhases{"queue", "filter", "score", "bind"};
    if (!kPhases.contains(parts[0])) {
        qWarning("KUBESTAGE_ANIMATION_FREEZE: expected queue, filter, score or bind[:N], got \"%s\"",
                 qPrintable(spec));
        return;
    }
    m_phase = parts[0];
    m_index = parts.size() > 1 ? qMax(0, parts[1].toInt()) : 0;
}

}  // namespace ks::gui
