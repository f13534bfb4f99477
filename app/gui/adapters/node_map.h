// NodeMap: the whole cluster drawn as one item of small node tiles, for clusters too big for
// one QML card per node (hundreds of nodes, thousands of pods) and for zooming out.
//
// Each tile is an aggregate of its node: name, ready dot, taint marks, cpu / memory / pods bars
// and one dot per pod coloured by phase. Tiles are grouped by zone like the cards. The item
// paints with QPainter into horizontal bands of a few hundred pixels, each its own texture, and
// repaints only the bands that are visible and whose nodes changed: panning repaints nothing, a
// step repaints the band of the node whose pods changed. It works the same with the software
// scene graph (the offscreen platform) and with OpenGL.
#pragma once

#include <QImage>
#include <QPointer>
#include <QQuickItem>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace ks::gui {

class NodeListModel;

class NodeMap : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    // App.nodes
    Q_PROPERTY(ks::gui::NodeListModel* nodes READ nodes WRITE setNodes NOTIFY nodesChanged)
    Q_PROPERTY(qreal tileWidth READ tileWidth WRITE setTileWidth NOTIFY layoutChanged)
    Q_PROPERTY(qreal tileHeight READ tileHeight WRITE setTileHeight NOTIFY layoutChanged)
    Q_PROPERTY(qreal spacing READ spacing WRITE setSpacing NOTIFY layoutChanged)
    Q_PROPERTY(int fontPixelSize READ fontPixelSize WRITE setFontPixelSize NOTIFY layoutChanged)
    // Theme colours by name: background, surface, surfaceAlt, border, text, textMuted, accent,
    // ok, warning, danger, Pending, Running, Succeeded, Failed, NoSchedule, PreferNoSchedule,
    // NoExecute.
    Q_PROPERTY(QVariantMap colors READ colors WRITE setColors NOTIFY colorsChanged)
    // The part of the item on screen (item coordinates); bands outside it are not painted.
    Q_PROPERTY(QRectF visibleArea READ visibleArea WRITE setVisibleArea NOTIFY visibleAreaChanged)
    Q_PROPERTY(QString selectedNode READ selectedNode WRITE setSelectedNode NOTIFY decorationsChanged)
    // "NAMESPACE/NAME" of the selected pod, drawn with a ring.
    Q_PROPERTY(QString selectedPod READ selectedPod WRITE setSelectedPod NOTIFY decorationsChanged)
    // Nodes drawn with the accent ring: a lesson's spotlight, the cycle's winner.
    Q_PROPERTY(QStringList highlightedNodes READ highlightedNodes WRITE setHighlightedNodes NOTIFY decorationsChanged)
    // The animated scheduling cycle's verdict per node: "pass" or "fail" (others: none).
    Q_PROPERTY(QVariantMap verdicts READ verdicts WRITE setVerdicts NOTIFY decorationsChanged)
    // A pod not drawn on its node ("NAMESPACE/NAME"): the one flying there during a bind.
    Q_PROPERTY(QString hiddenPod READ hiddenPod WRITE setHiddenPod NOTIFY decorationsChanged)
    // What the pointer is over, for a tooltip: the node's name, requests and taints, or the
    // pod's name and phase ("" over empty space).
    Q_PROPERTY(QString hoverText READ hoverText NOTIFY hoverTextChanged)
    // Number of bands painted since the item was created (for tests: panning repaints nothing).
    Q_PROPERTY(int paintedBands READ paintedBands NOTIFY paintedBandsChanged)

public:
    explicit NodeMap(QQuickItem* parent = nullptr);

    NodeListModel* nodes() const { return m_nodes; }
    void setNodes(NodeListModel* nodes);
    qreal tileWidth() const { return m_tileWidth; }
    void setTileWidth(qreal w);
    qreal tileHeight() const { return m_tileHeight; }
    void setTileHeight(qreal h);
    qreal spacing() const { return m_spacing; }
    void setSpacing(qreal s);
    int fontPixelSize() const { return m_fontPixelSize; }
    void setFontPixelSize(int px);
    QVariantMap colors() const { return m_colorNames; }
    void setColors(const QVariantMap& colors);
    QRectF visibleArea() const { return m_visibleArea; }
    void setVisibleArea(const QRectF& area);
    QString selectedNode() const { return m_selectedNode; }
    void setSelectedNode(const QString& name);
    QString selectedPod() const { return m_selectedPod; }
    void setSelectedPod(const QString& key);
    QStringList highlightedNodes() const { return m_highlighted; }
    void setHighlightedNodes(const QStringList& names);
    QVariantMap verdicts() const { return m_verdicts; }
    void setVerdicts(const QVariantMap& verdicts);
    QString hiddenPod() const { return m_hiddenPod; }
    void setHiddenPod(const QString& key);
    int paintedBands() const { return m_paintedBands; }
    QString hoverText() const { return m_hoverText; }
    // The tooltip text for what is at a point (see hoverText).
    Q_INVOKABLE QString describeAt(qreal x, qreal y) const;

    // The tile of a node in item coordinates (empty when the node is not shown), for tests and
    // for drawing things over a tile (the flying pod's target).
    Q_INVOKABLE QRectF tileRect(const QString& node) const;
    // What is under a point: {kind: "Node"|"Pod"|"", name, namespace}.
    Q_INVOKABLE QVariantMap objectAt(qreal x, qreal y) const;

signals:
    void nodesChanged();
    void layoutChanged();
    void colorsChanged();
    void visibleAreaChanged();
    void decorationsChanged();
    void paintedBandsChanged();
    void hoverTextChanged();
    // A click on a tile (kind "Node") or on one of its pod dots (kind "Pod").
    void clicked(const QString& kind, const QString& namespaceName, const QString& name);

protected:
    QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData*) override;
    void geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void hoverMoveEvent(QHoverEvent* event) override;
    void hoverLeaveEvent(QHoverEvent* event) override;

private:
    struct Heading {
        QString text;
        QRectF rect;
    };
    struct PodDots {
        QRectF area;  // where the dots are
        qreal size = 0, step = 0;
        int columns = 1, shown = 0;
    };

    void relayout();
    void markAllDirty();
    void markRowsDirty(int first, int last);
    void markNodeDirty(const QString& name);
    void markBandsDirty(const QRectF& rect);
    QColor color(const char* name) const;
    PodDots podDots(int row) const;
    QImage paintBand(int band, qreal dpr) const;
    void paintTile(class QPainter& p, int row) const;

    QPointer<NodeListModel> m_nodes;
    qreal m_tileWidth = 150, m_tileHeight = 96, m_spacing = 8;
    int m_fontPixelSize = 12;
    QVariantMap m_colorNames;
    QHash<QString, QColor> m_colors;
    QRectF m_visibleArea;
    QString m_selectedNode, m_selectedPod, m_hiddenPod;
    QStringList m_highlighted;
    QVariantMap m_verdicts;

    // Layout: one rect per model row, the zone headings, the bands' dirty flags.
    std::vector<QRectF> m_tiles;
    QHash<QString, int> m_rowOf;  // node name -> model row, for a node's tile
    std::vector<Heading> m_headings;
    std::vector<bool> m_bandDirty;
    bool m_structureChanged = true;  // band count or size changed: rebuild the scene-graph nodes
    int m_paintedBands = 0;
    QString m_hoverText;
    QPointF m_pressPos;
};

}  // namespace ks::gui
