// ImageLocality: scores ported from upstream's image_locality_test.go (v1.31: init containers
// count, 1000Mi per container), and image name normalization.
#include "ks_test_main.h"
#include <QtTest>

#include "core/scheduler/plugins/image_locality/image_locality.h"
#include "sched_fake_handle.h"
#include "sched_test_builders.h"

using namespace ks;
using namespace ks::scheduler;
using namespace ks::scheduler::plugins;
using namespace ks::scheduler::testing;

namespace {

constexpr std::int64_t kMB = 1024 * 1024;

using Images = std::vector<std::pair<std::vector<std::string>, std::int64_t>>;

std::shared_ptr<const api::Node> imageNode(const std::string& name, const Images& images) {
    NodeBuilder b = makeNode(name);
    for (const auto& [names, size] : images) b.image(names, size);
    return b.ptr();
}

const Images node403002000 = {{{"gcr.io/40:latest", "gcr.io/40:v1", "gcr.io/40:v1"}, 40 * kMB},
                              {{"gcr.io/300:latest", "gcr.io/300:v1"}, 300 * kMB},
                              {{"gcr.io/2000:latest"}, 2000 * kMB}};
const Images node25010 = {{{"gcr.io/250:latest"}, 250 * kMB}, {{"gcr.io/10:latest", "gcr.io/10:v1"}, 10 * kMB}};
const Images node60040900 = {{{"gcr.io/600:latest"}, 600 * kMB}, {{"gcr.io/40:latest"}, 40 * kMB},
                             {{"gcr.io/900:latest"}, 900 * kMB}};
const Images node300600900 = {{{"gcr.io/300:latest"}, 300 * kMB}, {{"gcr.io/600:latest"}, 600 * kMB},
                              {{"gcr.io/900:latest"}, 900 * kMB}};
const Images node400030 = {{{"gcr.io/4000:latest"}, 4000 * kMB}, {{"gcr.io/30:latest"}, 30 * kMB}};
const Images node203040 = {{{"gcr.io/20:latest"}, 20 * kMB}, {{"gcr.io/30:latest"}, 30 * kMB},
                           {{"gcr.io/40:latest"}, 40 * kMB}};

struct Case {
    std::string name;
    api::Pod pod;
    std::vector<std::shared_ptr<const api::Node>> nodes;
    std::vector<std::int64_t> scores;
};

api::Pod images(std::vector<std::string> containers, std::vector<std::string> inits = {}) {
    PodBuilder b("p");
    for (const auto& i : containers) b.image(i);
    for (const auto& i : inits) b.initContainer({}, i);
    return b.obj();
}

std::vector<Case> cases() {
    return {
        // 40M/2 < 23M -> 0; 100 * (250M/2 - 23M) / (2 * 1000M - 23M) = 5
        {"two images spread on two nodes, prefer the larger image one", images({"gcr.io/40", "gcr.io/250"}),
         {imageNode("node1", node403002000), imageNode("node2", node25010)}, {0, 5}},
        {"two images on one node, prefer this node", images({"gcr.io/40", "gcr.io/300"}),
         {imageNode("node1", node403002000), imageNode("node2", node25010)}, {7, 0}},
        {"if exceed limit, use limit", images({"gcr.io/10", "gcr.io/4000"}),
         {imageNode("node1", node400030), imageNode("node2", node25010)}, {100, 0}},
        {"if exceed limit, use limit (with node which has no images present)", images({"gcr.io/10", "gcr.io/4000"}),
         {imageNode("node1", node400030), imageNode("node2", node25010), imageNode("node3", {})}, {66, 0, 0}},
        {"pod with multiple large images, node2 is preferred", images({"gcr.io/300", "gcr.io/600", "gcr.io/900"}),
         {imageNode("node1", node60040900), imageNode("node2", node300600900), imageNode("node3", {})}, {32, 36, 0}},
        {"pod with multiple small images", images({"gcr.io/30", "gcr.io/40"}),
         {imageNode("node1", node203040), imageNode("node2", node400030)}, {1, 0}},
        {"include InitContainers: two images spread on two nodes, prefer the larger image one",
         images({"gcr.io/30"}, {"gcr.io/300"}), {imageNode("node1", node403002000), imageNode("node2", node203040)}, {6, 0}},
    };
}

}  // namespace

class TestPluginImageLocality : public QObject {
    Q_OBJECT
private slots:
    void score_data() {
        QTest::addColumn<int>("row");
        const auto all = cases();
        for (std::size_t i = 0; i < all.size(); ++i) QTest::newRow(all[i].name.c_str()) << static_cast<int>(i);
    }
    void score() {
        QFETCH(int, row);
        const Case c = cases()[row];
        FakeHandle handle;
        handle.setCluster(c.nodes, {});
        std::string error;
        auto plugin = newImageLocality(nullptr, handle, error);
        auto* il = dynamic_cast<ImageLocality*>(plugin.get());
        QVERIFY(il);
        QCOMPARE(il->name(), std::string("ImageLocality"));
        auto pod = PodInfo::make(std::make_shared<const api::Pod>(c.pod));
        CycleState state;
        std::vector<std::int64_t> got;
        for (const auto& n : c.nodes) {
            std::int64_t s = -1;
            QVERIFY(il->score(state, *pod, *handle.snapshot().get(n->metadata.name), s).isSuccess());
            got.push_back(s);
        }
        QCOMPARE(got, c.scores);
    }

    void normalizedImageName_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("output");
        QTest::newRow("add :latest postfix 1") << "root" << "root:latest";
        QTest::newRow("add :latest postfix 2") << "gcr.io:5000/root" << "gcr.io:5000/root:latest";
        QTest::newRow("keep it as is 1") << "root:tag" << "root:tag";
        QTest::newRow("keep it as is 2") << "root@sha256:4813494d137e1631bba301d5acab6e7bb7aa74ce1185d456565ef51d737677b2"
                                         << "root@sha256:4813494d137e1631bba301d5acab6e7bb7aa74ce1185d456565ef51d737677b2";
    }
    void normalizedImageName() {
        QFETCH(QString, input);
        QFETCH(QString, output);
        QCOMPARE(QString::fromStdString(ImageLocality::normalizedImageName(input.toStdString())), output);
    }

    // The thresholds: sums clamp to [23Mi, 1000Mi x containers].
    void calculatePriority() {
        QCOMPARE(ImageLocality::calculatePriority(0, 1), std::int64_t{0});
        QCOMPARE(ImageLocality::calculatePriority(23 * kMB, 1), std::int64_t{0});
        QCOMPARE(ImageLocality::calculatePriority(5000 * kMB, 1), std::int64_t{100});
        QCOMPARE(ImageLocality::calculatePriority(5000 * kMB, 10), std::int64_t{49});  // 100 * 4977 / 9977
        QCOMPARE(ImageLocality::calculatePriority(0, 0), std::int64_t{0});  // a pod without containers
    }
};

KS_TEST_MAIN(TestPluginImageLocality)
#include "tst_plugin_image_locality.moc"
