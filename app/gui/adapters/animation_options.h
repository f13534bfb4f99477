// AnimationOptions: settings of the scheduling-cycle animation that come from the environment,
// so that a screenshot (kubestage --grab) can show a frame in the middle of the animation.
//   KUBESTAGE_ANIMATION_FREEZE=PHASE[:N]  start the shown cycle's animation and hold it at
//   PHASE (queue, filter, score or bind), plugin (or bind leg) N, counted from 0.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace ks::gui {

class AnimationOptions : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString freezePhase READ freezePhase CONSTANT)  // "" when not frozen
    Q_PROPERTY(int freezeIndex READ freezeIndex CONSTANT)

public:
    explicit AnimationOptions(QObject* parent = nullptr);

    QString freezePhase() const { return m_phase; }
    int freezeIndex() const { return m_index; }

private:
    QString m_phase;
    int m_index = 0;
};

}  // namespace ks::gui
