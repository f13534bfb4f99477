#include "cycle_view.h"
#include "format.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "core/cluster/cluster.h"
#include "core/scheduler/framework/registry.h"
#include "core/scheduler/framework/runtime.h"
#include "core/scheduler/scheduler.h"
#include "core/sim/trace.h"

namespace ks::gui {

namespace {

QString legacy(const std::vector<std::string>& names) {
    QStringList out;
    for (const auto& n : names) out << qs(n);
    return out.join(", ");
}

const sim::TraceRecord* findCycle(sim::Trace& trace, int selected) {
    std::size_t end = trace.size();
    if (selected > 0) end = std::min(end, static_cast<std::size_t>(selected));
    for (std::size_t i = end; i > 0; --i)
        if (trace.record(i - 1).action == "Schedule" && trace.record(i - 1).detail.isMapping()) return &trace.record(i - 1);
    return nullptr;
}
}  // namespace

void CycleView::select(int seq) {
    m_selected = seq < 0 ? 0 : seq;
    emit selectRequested();
}

void CycleView::clear() {
    m_seq = m_attempt = 0;
    m_pod.clear();
    m_scheduler.clear();
    m_selectedNode.clear();
    m_message.clear();
    m_nominatedNode.clear();
    m_preempted.clear();
    m_filterPlugins.clear();
    m_scorePlugins.clear();
    m_rows.clear();
    m_firstFailures.clear();
}

void CycleView::update(cluster::Cluster& cluster) {
    // Every step asks, but the cycle shown changes only on some: views convert the rows into
    // script objects on each change (hundreds of nodes × plugins), so an unchanged cycle is not
    // announced.
    const int seq = m_seq, attempt = m_attempt;
    const QString pod = m_pod, scheduler = m_scheduler, node = m_selectedNode, message = m_message,
                  nominated = m_nominatedNode;
    const QStringList preempted = m_preempted;
    const QVariantList filterPlugins = m_filterPlugins, scorePlugins = m_scorePlugins, rows = m_rows;
    rebuild(cluster);
    if (m_selected == m_announcedSelected && seq == m_seq && attempt == m_attempt && pod == m_pod && scheduler == m_scheduler && node == m_selectedNode &&
        message == m_message && nominated == m_nominatedNode && preempted == m_preempted &&
        filterPlugins == m_filterPlugins && scorePlugins == m_scorePlugins && rows == m_rows)
        return;
    m_announcedSelected = m_selected;
    emit changed();
}

QVariantList CycleView::someRows(int max) const {
    if (m_rows.size() <= max) return m_rows;
    auto rank = [](const QVariantMap& r) {
        return r.value("winner").toBool() ? 0 : r.value("feasible").toBool() ? 1 : r.value("evaluated").toBool() ? 2 : 3;
    };
    std::vector<int> order(static_cast<std::size_t>(m_rows.size()));
    std::iota(order.begin(), order.end(), 0);
    std::vector<QVariantMap> rows;
    rows.reserve(order.size());
    for (const QVariant& r : m_rows) rows.push_back(r.toMap());
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const QVariantMap &ra = rows[std::size_t(a)], &rb = rows[std::size_t(b)];
        if (rank(ra) != rank(rb)) return rank(ra) < rank(rb);
        return ra.value("total").toLongLong() > rb.value("total").toLongLong();
    });
    order.resize(static_cast<std::size_t>(std::max(0, max)));
    std::sort(order.begin(), order.end());
    QVariantList out;
    for (int i : order) out.append(m_rows[i]);
    return out;
}

void CycleView::rebuild(cluster::Cluster& cluster) {
    clear();
    const sim::TraceRecord* record = findCycle(cluster.trace(), m_selected);
    if (!record) return;
    const api::Value& d = record->detail;
    m_seq = static_cast<int>(record->seq);
    m_pod = qs(d.str("pod"));
    m_scheduler = qs(d.str("scheduler"));
    m_attempt = static_cast<int>(d.get("attempt") ? d.get("attempt")->toInt().value_or(0) : 0);
    m_selectedNode = qs(d.str("node"));
    m_message = qs(d.str("message"));
    m_nominatedNode = qs(d.str("nominatedNode"));
    if (const api::Value* victims = d.get("preempted"); victims && victims->isSequence())
        for (const auto& v : victims->items()) m_preempted << qs(v.text());
    const api::Value* nodes = d.get("nodes");

    // Filter columns: the profile's Filter plugins in order; plugins seen only in the record
    // (a profile that no running replica has) are appended as they appear.
    std::vector<std::string> filters;
    if (const scheduler::Scheduler* s = cluster.activeScheduler())
        if (scheduler::Framework* fw = s->profile(d.str("scheduler"))) filters = fw->filterPluginNames();
    std::vector<std::string> scores;
    if (nodes && nodes->isSequence())
        for (const auto& n : nodes->items()) {
            if (const api::Value* fails = n.get("failures"))
                for (const auto& f : fails->items())
                    if (std::find(filters.begin(), filters.end(), f.str("plugin")) == filters.end())
                        filters.push_back(f.str("plugin"));
            if (const api::Value* sc = n.get("scores"))
                for (const auto& field : sc->fields())
                    if (std::find(scores.begin(), scores.end(), field.key) == scores.end()) scores.push_back(field.key);
        }
    std::map<std::string, std::int64_t> weights;
    for (const auto& f : filters)
        m_filterPlugins.append(QVariantMap{{"name", qs(f)}, {"legacy", legacy(scheduler::legacyNames(f).predicates)}});

    if (nodes && nodes->isSequence())
        for (const auto& n : nodes->items()) {
            QVariantMap row;
            std::string name = n.str("name");
            bool evaluated = n.get("evaluated") && n.get("evaluated")->toBool().value_or(false);
            bool feasible = n.get("feasible") && n.get("feasible")->toBool().value_or(false);
            row["name"] = qs(name);
            row["evaluated"] = evaluated;
            row["feasible"] = feasible;
            row["winner"] = !name.empty() && name == d.str("node");
            QVariantList cells;
            int failAt = -1;
            for (const auto& plugin : filters) {
                QStringList reasons;
                if (const api::Value* fails = n.get("failures"))
                    for (const auto& f : fails->items())
                        if (f.str("plugin") == plugin) reasons << qs(f.str("reason"));
                const bool pass = evaluated && reasons.isEmpty();
                if (evaluated && !pass && failAt < 0) failAt = static_cast<int>(cells.size());
                cells.append(QVariantMap{{"evaluated", evaluated}, {"pass", pass}, {"reason", reasons.join("; ")}});
            }
            row["filters"] = cells;
            if (evaluated) m_firstFailures.insert(qs(name), failAt);
            QVariantList scoreCells;
            const api::Value* sc = n.get("scores");
            for (const auto& plugin : scores) {
                const api::Value* one = sc ? sc->get(plugin) : nullptr;
                if (!one) {
                    scoreCells.append(QVariantMap{{"present", false}, {"text", QString()}});
                    continue;
                }
                auto num = [&](const char* k) { return one->get(k) ? one->get(k)->toInt().value_or(0) : 0; };
                weights[plugin] = num("weight");
                scoreCells.append(QVariantMap{{"present", true}, {"raw", qint64(num("raw"))},
                                              {"normalized", qint64(num("normalized"))}, {"weight", qint64(num("weight"))},
                                              {"weighted", qint64(num("weighted"))},
                                              {"text", QString("%1×%2=%3").arg(num("normalized")).arg(num("weight")).arg(num("weighted"))}});
            }
            row["scores"] = scoreCells;
            row["total"] = n.get("total") ? qint64(n.get("total")->toInt().value_or(0)) : QVariant();
            m_rows.append(row);
        }
    for (const auto& s : scores)
        m_scorePlugins.append(QVariantMap{{"name", qs(s)},
                                          {"legacy", legacy(scheduler::legacyNames(s).priorities)},
                                          {"weight", qint64(weights[s])}});
}

QString CycleView::filterCell(const QString& node, const QString& plugin) const {
    for (int col = 0; col < m_filterPlugins.size(); ++col) {
        if (m_filterPlugins[col].toMap()["name"].toString() != plugin) continue;
        for (const auto& r : m_rows) {
            QVariantMap row = r.toMap();
            if (row["name"].toString() != node) continue;
            QVariantMap cell = row["filters"].toList().at(col).toMap();
            if (!cell["evaluated"].toBool()) return "-";
            return cell["pass"].toBool() ? QString("pass") : "fail: " + cell["reason"].toString();
        }
    }
    return {};
}

QString CycleView::scoreCell(const QString& node, const QString& plugin) const {
    for (int col = 0; col < m_scorePlugins.size(); ++col) {
        if (m_scorePlugins[col].toMap()["name"].toString() != plugin) continue;
        for (const auto& r : m_rows) {
            QVariantMap row = r.toMap();
            if (row["name"].toString() == node) return row["scores"].toList().at(col).toMap()["text"].toString();
        }
    }
    return {};
}

}  // namespace ks::gui
