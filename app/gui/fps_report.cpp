#include "fps_report.h"

#include <QCoreApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "adapters/app_facade.h"

namespace ks::gui {

namespace {
// The script: 3 s of panning down and back up, 2 s of zooming out to half size and back in,
// then 4 s of the simulation playing at 8x.
constexpr qint64 kPanMs = 3000;
constexpr qint64 kZoomMs = 2000;
constexpr qint64 kPlayMs = 4000;
constexpr double kPi = 3.14159265358979323846;

QQuickItem* findCanvas(QQuickItem* item) {
    if (!item) return nullptr;
    if (item->objectName() == "canvas") return item;
    for (QQuickItem* child : item->childItems())
        if (QQuickItem* found = findCanvas(child)) return found;
    return nullptr;
}

// The canvas is a ScrollView; its content item is the Flickable that scrolls the zones.
QQuickItem* flickableOf(QQuickItem* canvas) {
    if (!canvas) return nullptr;
    for (QQuickItem* child : canvas->childItems())
        if (child->property("contentY").isValid()) return child;
    QVariant content = canvas->property("contentItem");
    if (auto* c = content.value<QQuickItem*>(); c && c->property("contentY").isValid()) return c;
    return nullptr;
}
}  // namespace

FpsReport::FpsReport(QQuickWindow* window, AppFacade* app, const QElapsedTimer& sinceLaunch)
    : QObject(window), m_window(window), m_app(app), m_sinceLaunch(sinceLaunch) {
    connect(m_window, &QQuickWindow::frameSwapped, this, &FpsReport::onFrame);
    m_ticker.setInterval(1);
    connect(&m_ticker, &QTimer::timeout, this, &FpsReport::tick);
}

void FpsReport::start() {
    m_canvas = findCanvas(m_window->contentItem());
    m_flickable = flickableOf(m_canvas);
    m_running = true;
    m_clock.start();
    m_ticker.start();
}

FpsReport::Stats FpsReport::statsOf(std::vector<double> ms) {
    Stats s;
    s.frames = ms.size();
    if (ms.empty()) return s;
    std::sort(ms.begin(), ms.end());
    s.meanMs = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    const std::size_t rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(ms.size())));
    s.p95Ms = ms[std::min(ms.size(), std::max<std::size_t>(rank, 1)) - 1];
    s.maxMs = ms.back();
    return s;
}

void FpsReport::onFrame() {
    if (m_firstFrameMs < 0) m_firstFrameMs = m_sinceLaunch.elapsed();
    if (!m_running) return;
    const qint64 now = m_clock.nsecsElapsed();
    if (m_lastFrameNs >= 0) {
        const double ms = static_cast<double>(now - m_lastFrameNs) / 1e6;
        const qint64 t = now / 1000000;
        (t < kPanMs ? m_panMs : t < kPanMs + kZoomMs ? m_zoomMs : m_playMs).push_back(ms);
    }
    m_lastFrameNs = now;
}

void FpsReport::tick() {
    const qint64 t = m_clock.elapsed();
    if (t < kPanMs) {
        if (m_flickable) {
            // Down to the bottom and back up, as a teacher scrolls through the cluster.
            const double range = std::max(0.0, m_flickable->property("contentHeight").toDouble() -
                                                    m_flickable->property("height").toDouble());
            const double phase = static_cast<double>(t) / kPanMs;
            m_flickable->setProperty("contentY", range * (phase < 0.5 ? 2 * phase : 2 * (1 - phase)));
        }
    } else if (t < kPanMs + kZoomMs) {
        if (m_flickable) m_flickable->setProperty("contentY", 0);
        // Out to half the size and back in, as a teacher zooms to show the whole cluster.
        if (m_canvas) m_canvas->setProperty("zoom", 1.0 - 0.5 * std::sin(kPi * static_cast<double>(t - kPanMs) / kZoomMs));
    } else if (t < kPanMs + kZoomMs + kPlayMs) {
        if (m_canvas && m_canvas->property("zoom").toDouble() != 1.0) m_canvas->setProperty("zoom", 1.0);
        if (!m_app->playing()) {
            m_app->setSpeed(8);
            m_app->setPlaying(true);
        }
    } else {
        finish();
        return;
    }
    m_window->update();  // keep frames coming, even when nothing moved
}

void FpsReport::finish() {
    m_ticker.stop();
    m_running = false;
    m_app->setPlaying(false);
    const Stats pan = statsOf(m_panMs), zoom = statsOf(m_zoomMs), play = statsOf(m_playMs);
    std::vector<double> all = m_panMs;
    all.insert(all.end(), m_zoomMs.begin(), m_zoomMs.end());
    all.insert(all.end(), m_playMs.begin(), m_playMs.end());
    const Stats total = statsOf(all);
    auto line = [](const char* what, const Stats& s) {
        std::printf("%-6s frames %5zu  mean %6.1f ms  p95 %6.1f ms  max %6.1f ms\n", what, s.frames, s.meanMs, s.p95Ms,
                    s.maxMs);
    };
    std::printf("fps report: %d nodes, %d pods, window %dx%d\n", m_app->nodes()->rowCount(),
                m_app->pods()->rowCount(), m_window->width(), m_window->height());
    const QSGRendererInterface::GraphicsApi api = m_window->rendererInterface()->graphicsApi();
    std::printf("scene graph: %s\n", api == QSGRendererInterface::Software ? "software"
                                      : api == QSGRendererInterface::OpenGL ? "OpenGL"
                                                                            : "other");
    std::printf("first frame %lld ms after launch\n", static_cast<long long>(m_firstFrameMs));
    line("pan", pan);
    line("zoom", zoom);
    line("play", play);
    line("all", total);
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

}  // namespace ks::gui
