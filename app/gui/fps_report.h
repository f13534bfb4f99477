// kubestage --fps-report: plays a scripted pan over the canvas, a zoom out and back in, and a
// play-through of the simulation, measures the time between presented frames, prints frame
// count, mean and p95 frame time and the time to the first frame, and exits. Frames are requested
// continuously, so the numbers are what rendering and the scene's bindings cost, not idle time.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <vector>

class QQuickWindow;
class QQuickItem;

namespace ks::gui {

class AppFacade;

class FpsReport : public QObject {
    Q_OBJECT
public:
    // `sinceLaunch` was started when the process began (for the first frame's time).
    FpsReport(QQuickWindow* window, AppFacade* app, const QElapsedTimer& sinceLaunch);
    void start();

    // Frame-time statistics of intervals in milliseconds (p95: nearest rank).
    struct Stats {
        std::size_t frames = 0;
        double meanMs = 0, p95Ms = 0, maxMs = 0;
    };
    static Stats statsOf(std::vector<double> intervalsMs);

private:
    void onFrame();
    void tick();
    void finish();

    QQuickWindow* m_window;
    AppFacade* m_app;
    QElapsedTimer m_sinceLaunch;
    qint64 m_firstFrameMs = -1;
    QElapsedTimer m_clock;  // since the script started
    qint64 m_lastFrameNs = -1;
    std::vector<double> m_panMs, m_zoomMs, m_playMs;
    QTimer m_ticker;
    QQuickItem* m_flickable = nullptr;
    QQuickItem* m_canvas = nullptr;  // ClusterCanvas, whose zoom property the script changes
    bool m_running = false;
};

}  // namespace ks::gui
