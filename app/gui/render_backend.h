// Which scene graph renders the window. Qt Quick draws through OpenGL by default; where OpenGL is
// only Mesa's software rasterizer (llvmpipe, softpipe: Xvfb, most virtual machines, remote
// desktops, classroom PCs without a GPU driver), Qt Quick's own software backend is several
// times faster, because it repaints only the regions that changed with QPainter, while OpenGL
// redraws the whole window through an emulated GPU on every frame. docs/benchmarks.md has the
// numbers for both.
#pragma once

#include <QString>

namespace ks::gui {

// Called after the QGuiApplication exists and before any window: picks the software backend
// when the OpenGL renderer is a software rasterizer. QT_QUICK_BACKEND or QSG_RHI_BACKEND in the
// environment choose for themselves and are left alone. Returns the renderer it detected ("" when
// there is no OpenGL or the environment chose).
QString chooseSceneGraphBackend();

}  // namespace ks::gui
