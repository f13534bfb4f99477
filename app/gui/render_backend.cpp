#include "render_backend.h"

#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQuickWindow>
#include <QSGRendererInterface>

namespace ks::gui {

namespace {
bool isSoftwareRasterizer(const QString& renderer) {
    for (const char* name : {"llvmpipe", "softpipe", "swrast", "Software Rasterizer", "SWR"})
        if (renderer.contains(QLatin1String(name), Qt::CaseInsensitive)) return true;
    return false;
}
}  // namespace

QString chooseSceneGraphBackend() {
    if (qEnvironmentVariableIsSet("QT_QUICK_BACKEND") || qEnvironmentVariableIsSet("QSG_RHI_BACKEND")) return {};
    QOpenGLContext context;
    if (!context.create()) return {};  // no OpenGL (the offscreen platform): Qt picks for itself
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!context.makeCurrent(&surface)) return {};
    const auto* text = reinterpret_cast<const char*>(context.functions()->glGetString(GL_RENDERER));
    const QString renderer = text ? QString::fromLatin1(text) : QString();
    context.doneCurrent();
    if (isSoftwareRasterizer(renderer)) QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    return renderer;
}

}  // namespace ks::gui
