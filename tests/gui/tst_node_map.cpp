// NodeMap, the drawn canvas for big clusters: layout by zone, what a click hits, and that it
// repaints only what changed (panning and unrelated steps paint nothing).
#include <QQuickItem>
#include <QQuickWindow>
#include <QtTest>

#include "adapters/node_list_model.h"
#include "adapters/node_map.h"

using namespace ks::gui;

namespace {
NodeRow nodeRow(const QString& name, const QString& zone, int pods, const QString& phase = "Running") {
    NodeRow row;
    row.name = name;
    row.zone = zone;
    row.hostname = name;
    row.ready = true;
    row.cpuAllocatableMilli = 4000;
    row.memoryAllocatable = 16LL << 30;
    row.podCapacity = 110;
    for (int i = 0; i < pods; ++i)
        row.pods.append(QVariantMap{{"name", QString("%1-pod-%2").arg(name).arg(i)}, {"namespace", "default"}, {"phase", phase}});
    row.podCount = pods;
    row.labels = {QVariantMap{{"key", "disktype"}, {"value", "ssd"}, {"wellKnown", false}},
                  QVariantMap{{"key", "kubernetes.io/hostname"}, {"value", name}, {"wellKnown", true}}};
    row.cpuRequestedMilli = 100 * pods;
    return row;
}

// 3 zones of 10 nodes with 4 pods each, sorted by zone as the facade sorts them.
QVector<NodeRow> cluster() {
    QVector<NodeRow> rows;
    for (const char* zone : {"zone-a", "zone-b", "zone-c"})
        for (int i = 0; i < 10; ++i) rows << nodeRow(QString("%1-n%2").arg(zone).arg(i), zone, 4);
    return rows;
}

// Tiles of 100 × 60 with 10 between them, font 10, in the given width.
void configure(NodeMap& map, qreal width) {
    map.setTileWidth(100);
    map.setTileHeight(60);
    map.setSpacing(10);
    map.setFontPixelSize(10);
    map.setWidth(width);
}

QVariantMap colors() {
    return {{"background", "#ffffff"}, {"surface", "#ffffff"}, {"surfaceAlt", "#eeeeee"}, {"border", "#cccccc"},
            {"text", "#000000"},       {"textMuted", "#555555"}, {"accent", "#326ce5"},   {"ok", "#2e9d5b"},
            {"warning", "#d08a00"},    {"danger", "#d64545"},    {"Pending", "#d08a00"},  {"Running", "#00ff00"}};
}
}  // namespace

class TestNodeMap : public QObject {
    Q_OBJECT

private slots:
    void laysOutTilesByZone() {
        NodeListModel model;
        model.setRows(cluster());
        NodeMap map;
        configure(map, 340);  // (340 - 10) / 110 = 3 tiles per row
        map.setNodes(&model);
        // Zone a: heading (18 px at font 10), then rows of 3 tiles.
        QCOMPARE(map.tileRect("zone-a-n0"), QRectF(10, 18, 100, 60));
        QCOMPARE(map.tileRect("zone-a-n2"), QRectF(230, 18, 100, 60));
        QCOMPARE(map.tileRect("zone-a-n3"), QRectF(10, 88, 100, 60));
        // 10 nodes = 4 rows of 70 px; zone b starts below them and a gap.
        QCOMPARE(map.tileRect("zone-b-n0").top(), 18 + 4 * 70 + 10 + 18.0);
        QCOMPARE(map.implicitHeight(), 3 * (18 + 4 * 70.0) + 2 * 10);
        QVERIFY(map.tileRect("no-such-node").isEmpty());
        // Wider: 5 per row, fewer rows.
        map.setWidth(560);
        QCOMPARE(map.tileRect("zone-a-n4"), QRectF(450, 18, 100, 60));
        QCOMPARE(map.implicitHeight(), 3 * (18 + 2 * 70.0) + 2 * 10);
    }

    void hitsNodesAndPods() {
        NodeListModel model;
        model.setRows(cluster());
        NodeMap map;
        configure(map, 340);
        map.setNodes(&model);
        const QRectF tile = map.tileRect("zone-b-n4");
        QVariantMap hit = map.objectAt(tile.left() + 50, tile.top() + 5);  // the name line
        QCOMPARE(hit.value("kind").toString(), QString("Node"));
        QCOMPARE(hit.value("name").toString(), QString("zone-b-n4"));
        // The dots start under the name line (14) and three bars (3 × (3 + 2) + 2) past the
        // padding (4); a dot is 6 px on a step of 8.
        const qreal dotsTop = tile.top() + 4 + 14 + 15 + 2;
        hit = map.objectAt(tile.left() + 4 + 8 * 2 + 3, dotsTop + 3);
        QCOMPARE(hit.value("kind").toString(), QString("Pod"));
        QCOMPARE(hit.value("namespace").toString(), QString("default"));
        QCOMPARE(hit.value("name").toString(), QString("zone-b-n4-pod-2"));
        // Past the last of the 4 dots: the node.
        hit = map.objectAt(tile.left() + 4 + 8 * 6 + 3, dotsTop + 3);
        QCOMPARE(hit.value("kind").toString(), QString("Node"));
        // Between tiles: nothing.
        hit = map.objectAt(tile.right() + 5, tile.top() + 5);
        QCOMPARE(hit.value("kind").toString(), QString());
        // The tooltips say what was hit.
        QCOMPARE(map.describeAt(tile.left() + 50, tile.top() + 5),
                 QString("zone-b-n4 (zone-b)\ncpu 400m/4, memory 0/16Gi, pods 4/110\nlabels disktype=ssd"));
        QCOMPARE(map.describeAt(tile.left() + 4 + 8 * 2 + 3, dotsTop + 3), QString("pod default/zone-b-n4-pod-2 on zone-b-n4: Running"));
        QCOMPARE(map.describeAt(tile.right() + 5, tile.top() + 5), QString());
    }

    void clickEmitsWhatWasHit() {
        NodeListModel model;
        model.setRows(cluster());
        QQuickWindow window;
        window.resize(340, 400);
        NodeMap map(window.contentItem());
        configure(map, 340);
        map.setHeight(400);
        map.setNodes(&model);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy clicked(&map, &NodeMap::clicked);
        const QPointF centre = map.tileRect("zone-a-n1").center();
        QTest::mouseClick(&window, Qt::LeftButton, {}, centre.toPoint());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toString(), QString("Node"));
        QCOMPARE(clicked.at(0).at(2).toString(), QString("zone-a-n1"));
    }

    // A render paints the visible bands; moving within them or changing a node elsewhere paints
    // nothing more; a change to a visible node repaints its band only.
    void repaintsOnlyWhatChanged() {
        QVector<NodeRow> rows;
        for (int i = 0; i < 60; ++i) rows << nodeRow(QString("n%1").arg(i, 2, 10, QChar('0')), "zone-a", 3);
        NodeListModel model;
        model.setRows(rows);
        QQuickWindow window;
        window.resize(340, 400);
        window.setColor(Qt::white);
        NodeMap map(window.contentItem());
        map.setColors(colors());
        configure(map, 340);
        map.setNodes(&model);
        map.setHeight(map.implicitHeight());  // 20 rows of 70 px: four bands of 384 px
        map.setVisibleArea(QRectF(0, 0, 340, 400));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QImage frame = window.grabWindow();
        QCOMPARE(map.paintedBands(), 2);  // 0..400 touches bands 0 and 1
        // A pod dot of n00 shows in the Running colour.
        const QRectF tile = map.tileRect("n00");
        QCOMPARE(frame.pixelColor(QPoint(int(tile.left() + 4 + 3), int(tile.top() + 35 + 3))), QColor("#00ff00"));

        map.setVisibleArea(QRectF(0, 10, 340, 400));  // a small pan within the painted bands
        window.grabWindow();
        QCOMPARE(map.paintedBands(), 2);

        rows[59].pods.clear();  // a node at the bottom, off screen
        model.setRows(rows);
        window.grabWindow();
        QCOMPARE(map.paintedBands(), 2);

        rows[0].pods.clear();  // n00, on screen: its band only
        model.setRows(rows);
        frame = window.grabWindow();
        QCOMPARE(map.paintedBands(), 3);
        QCOMPARE(frame.pixelColor(QPoint(int(tile.left() + 4 + 3), int(tile.top() + 35 + 3))), QColor("#ffffff"));

        map.setVisibleArea(QRectF(0, 1000, 340, 400));  // pan to the bottom: bands 2 and 3
        window.grabWindow();
        QCOMPARE(map.paintedBands(), 5);
    }
};

QTEST_MAIN(TestNodeMap)
#include "tst_node_map.moc"
