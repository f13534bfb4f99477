#include "node_map.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QQuickWindow>
#include <QSGImageNode>
#include <algorithm>
#include <cmath>

#include "format.h"
#include "node_list_model.h"

namespace ks::gui {

namespace {
// Bands this tall (item pixels) are painted and uploaded as one texture each: small enough that
// a step repaints little, big enough that a window shows only a few of them.
constexpr qreal kBandHeight = 384;
// Bands further than this from the visible area give their textures back.
constexpr int kKeptBandsAround = 3;
// A press and release closer than this (pixels) is a click, not the start of a flick.
constexpr qreal kClickSlop = 6;

// The scene graph side: one image node per painted band, in band order.
class MapRootNode : public QSGNode {
public:
    std::vector<QSGImageNode*> bands;
    void reset(std::size_t count) {
        for (QSGImageNode* band : bands) delete band;  // a child: deleting it unlinks it
        bands.assign(count, nullptr);
    }
    ~MapRootNode() override { reset(0); }
};

QString podKey(const QVariantMap& pod) {
    return pod.value("namespace").toString() + "/" + pod.value("name").toString();
}
}  // namespace

NodeMap::NodeMap(QQuickItem* parent) : QQuickItem(parent) {
    setFlag(ItemHasContents);
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptHoverEvents(true);
}

void NodeMap::setNodes(NodeListModel* nodes) {
    if (m_nodes == nodes) return;
    if (m_nodes) disconnect(m_nodes, nullptr, this, nullptr);
    m_nodes = nodes;
    if (m_nodes) {
        connect(m_nodes, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex& from, const QModelIndex& to) { markRowsDirty(from.row(), to.row()); });
        connect(m_nodes, &QAbstractItemModel::modelReset, this, &NodeMap::relayout);
        connect(m_nodes, &QAbstractItemModel::layoutChanged, this, &NodeMap::relayout);
        connect(m_nodes, &QAbstractItemModel::rowsInserted, this, &NodeMap::relayout);
        connect(m_nodes, &QAbstractItemModel::rowsRemoved, this, &NodeMap::relayout);
    }
    relayout();
    emit nodesChanged();
}

void NodeMap::setTileWidth(qreal w) {
    if (qFuzzyCompare(w, m_tileWidth)) return;
    m_tileWidth = w;
    relayout();
    emit layoutChanged();
}

void NodeMap::setTileHeight(qreal h) {
    if (qFuzzyCompare(h, m_tileHeight)) return;
    m_tileHeight = h;
    relayout();
    emit layoutChanged();
}

void NodeMap::setSpacing(qreal s) {
    if (qFuzzyCompare(s, m_spacing)) return;
    m_spacing = s;
    relayout();
    emit layoutChanged();
}

void NodeMap::setFontPixelSize(int px) {
    if (px == m_fontPixelSize) return;
    m_fontPixelSize = px;
    relayout();
    emit layoutChanged();
}

void NodeMap::setColors(const QVariantMap& colors) {
    if (colors == m_colorNames) return;
    m_colorNames = colors;
    m_colors.clear();
    for (auto it = colors.begin(); it != colors.end(); ++it) m_colors.insert(it.key(), it.value().value<QColor>());
    markAllDirty();
    emit colorsChanged();
}

void NodeMap::setVisibleArea(const QRectF& area) {
    if (area == m_visibleArea) return;
    m_visibleArea = area;
    update();  // newly visible bands get painted; nothing is repainted otherwise
    emit visibleAreaChanged();
}

void NodeMap::setSelectedNode(const QString& name) {
    if (name == m_selectedNode) return;
    markNodeDirty(m_selectedNode);
    m_selectedNode = name;
    markNodeDirty(m_selectedNode);
    emit decorationsChanged();
}

void NodeMap::setSelectedPod(const QString& key) {
    if (key == m_selectedPod) return;
    m_selectedPod = key;
    markAllDirty();  // rare, and the pod's node is not known here without a search
    emit decorationsChanged();
}

void NodeMap::setHighlightedNodes(const QStringList& names) {
    if (names == m_highlighted) return;
    for (const QString& n : m_highlighted) markNodeDirty(n);
    m_highlighted = names;
    for (const QString& n : m_highlighted) markNodeDirty(n);
    emit decorationsChanged();
}

void NodeMap::setVerdicts(const QVariantMap& verdicts) {
    if (verdicts == m_verdicts) return;
    // Only the nodes whose verdict changed are repainted: a Filter plugin step flips a few.
    for (auto it = m_verdicts.begin(); it != m_verdicts.end(); ++it)
        if (verdicts.value(it.key()) != it.value()) markNodeDirty(it.key());
    for (auto it = verdicts.begin(); it != verdicts.end(); ++it)
        if (!m_verdicts.contains(it.key())) markNodeDirty(it.key());
    m_verdicts = verdicts;
    emit decorationsChanged();
}

void NodeMap::setHiddenPod(const QString& key) {
    if (key == m_hiddenPod) return;
    m_hiddenPod = key;
    markAllDirty();
    emit decorationsChanged();
}

void NodeMap::geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) {
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (!qFuzzyCompare(newGeometry.width(), oldGeometry.width())) relayout();
}

QColor NodeMap::color(const char* name) const { return m_colors.value(QLatin1String(name), QColor(Qt::gray)); }

// Tiles flow left to right in rows within the width, zone after zone (the model's rows are
// sorted by zone, then hostname), each zone under a heading.
void NodeMap::relayout() {
    m_tiles.clear();
    m_headings.clear();
    m_rowOf.clear();
    const int rows = m_nodes ? m_nodes->rowCount() : 0;
    const qreal headingHeight = std::round(m_fontPixelSize * 1.8);
    const int columns = std::max(1, int((width() - m_spacing) / (m_tileWidth + m_spacing)));
    qreal y = 0;
    int column = 0;
    QString zone;
    for (int i = 0; i < rows; ++i) {
        const NodeRow& row = m_nodes->rows().at(i);
        if (i == 0 || row.zone != zone) {
            if (i > 0) y += (column > 0 ? m_tileHeight + m_spacing : 0) + m_spacing;
            zone = row.zone;
            int count = 0;
            for (int j = i; j < rows && m_nodes->rows().at(j).zone == zone; ++j) ++count;
            const QString name = zone.isEmpty() ? tr("no zone label") : tr("zone %1").arg(zone);
            const QString heading = count == 1 ? tr("%1 · 1 node").arg(name) : tr("%1 · %2 nodes").arg(name).arg(count);
            m_headings.push_back({heading, QRectF(m_spacing, y, width() - 2 * m_spacing, headingHeight)});
            y += headingHeight;
            column = 0;
        }
        m_rowOf.insert(row.name, i);
        m_tiles.emplace_back(m_spacing + column * (m_tileWidth + m_spacing), y, m_tileWidth, m_tileHeight);
        if (++column == columns) {
            column = 0;
            y += m_tileHeight + m_spacing;
        }
    }
    if (column > 0) y += m_tileHeight + m_spacing;
    setImplicitHeight(y);
    m_bandDirty.assign(std::size_t(std::ceil(std::max<qreal>(y, 1) / kBandHeight)), true);
    m_structureChanged = true;
    update();
}

void NodeMap::markAllDirty() {
    std::fill(m_bandDirty.begin(), m_bandDirty.end(), true);
    update();
}

void NodeMap::markBandsDirty(const QRectF& rect) {
    if (rect.isEmpty() || m_bandDirty.empty()) return;
    // A selection ring is drawn a little outside the tile.
    const int first = std::max(0, int((rect.top() - m_spacing) / kBandHeight));
    const int last = std::min(int(m_bandDirty.size()) - 1, int((rect.bottom() + m_spacing) / kBandHeight));
    for (int b = first; b <= last; ++b) m_bandDirty[std::size_t(b)] = true;
    update();
}

void NodeMap::markRowsDirty(int first, int last) {
    for (int i = std::max(0, first); i <= last && i < int(m_tiles.size()); ++i) markBandsDirty(m_tiles[std::size_t(i)]);
}

void NodeMap::markNodeDirty(const QString& name) {
    if (!name.isEmpty()) markBandsDirty(tileRect(name));
}

QRectF NodeMap::tileRect(const QString& node) const {
    // A lookup by name: an animated Filter step marks every node whose verdict changed.
    const auto it = m_rowOf.constFind(node);
    return it == m_rowOf.cend() ? QRectF() : m_tiles[std::size_t(it.value())];
}

// The pods' dots fill the tile under the bars; they shrink (down to 2 px) before they overflow.
NodeMap::PodDots NodeMap::podDots(int row) const {
    const QRectF tile = m_tiles[std::size_t(row)];
    const qreal f = m_fontPixelSize;
    const qreal pad = std::max(2.0, std::round(f * 0.4));
    const qreal nameHeight = f >= 6 ? std::round(f * 1.4) : 0;
    const qreal barHeight = std::max(2.0, std::round(f * 0.3)), barGap = std::max(1.0, std::round(f * 0.2));
    PodDots dots;
    const qreal top = tile.top() + pad + nameHeight + 3 * (barHeight + barGap) + barGap;
    dots.area = QRectF(tile.left() + pad, top, tile.width() - 2 * pad, tile.bottom() - pad - top);
    const int count = m_nodes->rows().at(row).pods.size();
    qreal size = std::max(2.0, std::round(f * 0.6));
    for (;;) {
        dots.size = size;
        dots.step = size + std::max(1.0, std::round(size * 0.3));
        dots.columns = std::max(1, int((dots.area.width() + dots.step - dots.size) / dots.step));
        const int fitRows = std::max(0, int((dots.area.height() + dots.step - dots.size) / dots.step));
        dots.shown = std::min(count, dots.columns * fitRows);
        if (dots.shown == count || size <= 2) break;
        size -= 1;
    }
    return dots;
}

QVariantMap NodeMap::objectAt(qreal x, qreal y) const {
    const QPointF point(x, y);
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        if (!m_tiles[i].contains(point)) continue;
        const NodeRow& row = m_nodes->rows().at(int(i));
        const PodDots dots = podDots(int(i));
        if (dots.area.contains(point)) {
            const int column = int((x - dots.area.left()) / dots.step);
            const int line = int((y - dots.area.top()) / dots.step);
            const int index = line * dots.columns + column;
            const bool onDot = column < dots.columns && x - dots.area.left() - column * dots.step <= dots.size + 1 &&
                               y - dots.area.top() - line * dots.step <= dots.size + 1;
            if (onDot && index < dots.shown) {
                const QVariantMap pod = row.pods.at(index).toMap();
                return {{"kind", "Pod"}, {"namespace", pod.value("namespace")}, {"name", pod.value("name")}};
            }
        }
        return {{"kind", "Node"}, {"namespace", QString()}, {"name", row.name}};
    }
    return {{"kind", QString()}, {"namespace", QString()}, {"name", QString()}};
}

void NodeMap::mousePressEvent(QMouseEvent* event) {
    m_pressPos = event->position();
    event->accept();
}

void NodeMap::mouseReleaseEvent(QMouseEvent* event) {
    if ((event->position() - m_pressPos).manhattanLength() > kClickSlop) return;
    const QVariantMap hit = objectAt(event->position().x(), event->position().y());
    emit clicked(hit.value("kind").toString(), hit.value("namespace").toString(), hit.value("name").toString());
}

QString NodeMap::describeAt(qreal x, qreal y) const {
    const QVariantMap hit = objectAt(x, y);
    const QString kind = hit.value("kind").toString();
    if (kind.isEmpty()) return {};
    const QString name = hit.value("name").toString();
    for (const NodeRow& row : m_nodes->rows()) {
        if (kind == "Pod") {
            for (const QVariant& p : row.pods) {
                const QVariantMap pod = p.toMap();
                if (pod.value("name").toString() == name && pod.value("namespace") == hit.value("namespace"))
                    return tr("pod %1/%2 on %3: %4").arg(pod.value("namespace").toString(), name, row.name,
                                                          pod.value("phase").toString());
            }
            continue;
        }
        if (row.name != name) continue;
        QString text = tr("%1 (%2)\ncpu %3/%4, memory %5/%6, pods %7/%8")
                           .arg(row.name, row.zone.isEmpty() ? tr("no zone label") : row.zone)
                           .arg(formatCpuMilli(row.cpuRequestedMilli), formatCpuMilli(row.cpuAllocatableMilli),
                                formatBytes(row.memoryRequested), formatBytes(row.memoryAllocatable))
                           .arg(row.podCount)
                           .arg(row.podCapacity);
        QStringList labels;
        for (const QVariant& l : row.labels) {
            const QVariantMap label = l.toMap();
            if (!label.value("wellKnown").toBool())
                labels << label.value("key").toString() + "=" + label.value("value").toString();
        }
        if (!labels.isEmpty()) text += "\n" + tr("labels %1").arg(labels.join(", "));
        for (const QVariant& t : row.taints) {
            const QVariantMap taint = t.toMap();
            const QString value = taint.value("value").toString();
            text += "\n" + tr("taint %1").arg(taint.value("key").toString() + (value.isEmpty() ? "" : "=" + value) + ":" +
                                            taint.value("effect").toString());
        }
        if (row.unschedulable) text += "\n" + tr("cordoned (spec.unschedulable)");
        if (!row.ready) text += "\n" + tr("not Ready");
        return text;
    }
    return {};
}

void NodeMap::hoverMoveEvent(QHoverEvent* event) {
    const QString text = describeAt(event->position().x(), event->position().y());
    if (text == m_hoverText) return;
    m_hoverText = text;
    emit hoverTextChanged();
}

void NodeMap::hoverLeaveEvent(QHoverEvent*) {
    if (m_hoverText.isEmpty()) return;
    m_hoverText.clear();
    emit hoverTextChanged();
}

void NodeMap::paintTile(QPainter& p, int i) const {
    const NodeRow& row = m_nodes->rows().at(i);
    const QRectF tile = m_tiles[std::size_t(i)];
    const qreal f = m_fontPixelSize;
    const qreal pad = std::max(2.0, std::round(f * 0.4));
    const qreal radius = std::max(2.0, f * 0.3);
    const bool selected = row.name == m_selectedNode;
    const bool highlighted = m_highlighted.contains(row.name);
    const QString verdict = m_verdicts.value(row.name).toString();

    QColor borderColor = color("border");
    qreal borderWidth = 1;
    if (selected) borderColor = color("text"), borderWidth = 3;
    else if (highlighted) borderColor = color("accent"), borderWidth = 3;
    else if (row.unschedulable) borderColor = color("warning"), borderWidth = 2;
    p.setPen(QPen(borderColor, borderWidth));
    p.setBrush(color("surface"));
    p.drawRoundedRect(tile.adjusted(borderWidth / 2, borderWidth / 2, -borderWidth / 2, -borderWidth / 2), radius, radius);
    p.setPen(Qt::NoPen);

    qreal y = tile.top() + pad;
    if (f >= 6) {
        const qreal lineHeight = std::round(f * 1.4);
        const qreal dot = std::round(f * 0.55);
        p.setBrush(row.ready ? color("ok") : color("danger"));
        p.drawEllipse(QRectF(tile.left() + pad, y + (lineHeight - dot) / 2, dot, dot));
        // Taints as small squares in their effect's colour at the right of the name line.
        const qreal mark = std::round(f * 0.6);
        const int marks = std::min<int>(row.taints.size(), 4);
        qreal right = tile.right() - pad;
        for (int t = 0; t < marks; ++t) {
            right -= mark;
            p.setBrush(color(row.taints.at(t).toMap().value("effect").toString().toLatin1().constData()));
            p.drawRect(QRectF(right, y + (lineHeight - mark) / 2, mark, mark));
            right -= 2;
        }
        QFont font = QGuiApplication::font();
        font.setPixelSize(int(f));
        font.setBold(true);
        p.setFont(font);
        p.setPen(color("text"));
        const QRectF nameRect(tile.left() + pad + dot + 3, y, right - tile.left() - pad - dot - 6, lineHeight);
        p.drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter, p.fontMetrics().elidedText(row.name, Qt::ElideRight, int(nameRect.width())));
        p.setPen(Qt::NoPen);
        y += lineHeight;
    }
    // Requests against allocatable, as the cards' bars: cpu, memory, pods.
    const qreal barHeight = std::max(2.0, std::round(f * 0.3)), barGap = std::max(1.0, std::round(f * 0.2));
    const double fractions[] = {
        row.cpuAllocatableMilli > 0 ? double(row.cpuRequestedMilli) / double(row.cpuAllocatableMilli) : 0,
        row.memoryAllocatable > 0 ? double(row.memoryRequested) / double(row.memoryAllocatable) : 0,
        row.podCapacity > 0 ? double(row.podCount) / row.podCapacity : 0};
    for (double fraction : fractions) {
        fraction = std::clamp(fraction, 0.0, 1.0);
        const QRectF track(tile.left() + pad, y + barGap, tile.width() - 2 * pad, barHeight);
        p.setBrush(color("surfaceAlt"));
        p.drawRect(track);
        p.setBrush(fraction > 0.9 ? color("danger") : fraction > 0.7 ? color("warning") : color("accent"));
        p.drawRect(QRectF(track.topLeft(), QSizeF(track.width() * fraction, barHeight)));
        y += barHeight + barGap;
    }
    // One dot per pod, coloured by phase.
    const PodDots dots = podDots(i);
    for (int d = 0; d < dots.shown; ++d) {
        const QVariantMap pod = row.pods.at(d).toMap();
        const QString key = podKey(pod);
        if (key == m_hiddenPod) continue;
        const QRectF dot(dots.area.left() + (d % dots.columns) * dots.step, dots.area.top() + (d / dots.columns) * dots.step,
                         dots.size, dots.size);
        p.setBrush(color(pod.value("phase").toString().toLatin1().constData()));
        p.drawRect(dot);
        if (key == m_selectedPod) {
            p.setPen(QPen(color("text"), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(dot.adjusted(-2, -2, 2, 2));
            p.setPen(Qt::NoPen);
        }
    }
    // The animated cycle's verdict: a failing node greys out, as the cards do.
    if (verdict == "fail" || verdict == "pass") {
        if (verdict == "fail") {
            QColor veil = color("background");
            veil.setAlphaF(0.65);
            p.setBrush(veil);
            p.drawRoundedRect(tile, radius, radius);
        }
        const qreal badge = std::max(8.0, std::round(f * 1.2));
        const QRectF circle(tile.right() - pad - badge, tile.bottom() - pad - badge, badge, badge);
        p.setBrush(verdict == "fail" ? color("danger") : color("ok"));
        p.drawEllipse(circle);
        QFont font = QGuiApplication::font();
        font.setPixelSize(int(badge * 0.75));
        font.setBold(true);
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(circle, Qt::AlignCenter, verdict == "fail" ? QStringLiteral("✗") : QStringLiteral("✓"));
        p.setPen(Qt::NoPen);
    }
}

QImage NodeMap::paintBand(int band, qreal dpr) const {
    const qreal top = band * kBandHeight;
    const qreal height = std::min(kBandHeight, implicitHeight() - top);
    QImage image(QSize(int(std::ceil(width() * dpr)), int(std::ceil(height * dpr))), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.translate(0, -top);
    const QRectF bandRect(0, top, width(), height);
    QFont heading = QGuiApplication::font();
    heading.setPixelSize(std::max(6, int(std::round(m_fontPixelSize * 1.1))));
    heading.setBold(true);
    p.setFont(heading);
    p.setPen(color("textMuted"));
    for (const Heading& h : m_headings)
        if (h.rect.intersects(bandRect)) p.drawText(h.rect, Qt::AlignLeft | Qt::AlignVCenter, h.text);
    p.setPen(Qt::NoPen);
    for (std::size_t i = 0; i < m_tiles.size(); ++i)
        if (m_tiles[i].adjusted(-3, -3, 3, 3).intersects(bandRect)) paintTile(p, int(i));
    return image;
}

QSGNode* NodeMap::updatePaintNode(QSGNode* old, UpdatePaintNodeData*) {
    auto* root = static_cast<MapRootNode*>(old);
    if (!root) root = new MapRootNode;
    if (!m_nodes || width() <= 0 || m_tiles.empty()) {
        root->reset(0);
        return root;
    }
    if (m_structureChanged || root->bands.size() != m_bandDirty.size()) {
        root->reset(m_bandDirty.size());
        std::fill(m_bandDirty.begin(), m_bandDirty.end(), true);
        m_structureChanged = false;
    }
    // Before the canvas reports what is on screen, the first window's worth counts as visible.
    const QRectF visible = m_visibleArea.isEmpty() ? QRectF(0, 0, width(), 1200) : m_visibleArea;
    const int firstVisible = std::max(0, int(visible.top() / kBandHeight));
    const int lastVisible = std::min(int(m_bandDirty.size()) - 1, int(visible.bottom() / kBandHeight));
    const qreal dpr = window() ? window()->effectiveDevicePixelRatio() : 1.0;
    int painted = 0;
    for (int b = 0; b < int(m_bandDirty.size()); ++b) {
        QSGImageNode*& node = root->bands[std::size_t(b)];
        const bool onScreen = b >= firstVisible && b <= lastVisible;
        const bool kept = b >= firstVisible - kKeptBandsAround && b <= lastVisible + kKeptBandsAround;
        if (!kept || (!onScreen && m_bandDirty[std::size_t(b)])) {
            // Off screen: out of date or far away, so its texture is given back until it shows.
            if (node) {
                delete node;
                node = nullptr;
                m_bandDirty[std::size_t(b)] = true;
            }
            continue;
        }
        if (!onScreen || (!m_bandDirty[std::size_t(b)] && node)) continue;
        const QImage image = paintBand(b, dpr);
        QSGImageNode* fresh = window()->createImageNode();
        fresh->setTexture(window()->createTextureFromImage(image));
        fresh->setOwnsTexture(true);
        fresh->setFiltering(QSGTexture::Linear);
        fresh->setRect(QRectF(0, b * kBandHeight, width(), image.height() / dpr));
        // Keep the children in band order, so a ring drawn past a band's edge is not covered.
        QSGNode* before = nullptr;
        for (int n = b + 1; n < int(root->bands.size()) && !before; ++n) before = root->bands[std::size_t(n)];
        if (node) {
            root->insertChildNodeBefore(fresh, node);
            delete node;
        } else if (before) {
            root->insertChildNodeBefore(fresh, before);
        } else {
            root->appendChildNode(fresh);
        }
        node = fresh;
        m_bandDirty[std::size_t(b)] = false;
        ++painted;
    }
    if (painted > 0) {
        m_paintedBands += painted;
        QMetaObject::invokeMethod(this, &NodeMap::paintedBandsChanged, Qt::QueuedConnection);
    }
    return root;
}

}  // namespace ks::gui
