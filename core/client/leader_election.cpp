#include "core/client/leader_election.h"

#include "core/sim/clock.h"

namespace ks::client {

namespace {

// metav1.MicroTime's wire form: RFC 3339 with microseconds.
std::string microTime(sim::Time t) {
    std::string milli = sim::formatRfc3339Milli(t);  // ...T00:00:12.500Z
    return milli.substr(0, milli.size() - 1) + "000Z";
}

// The parts of a Lease spec that make up the leader election record, as one comparable string.
std::string recordText(const api::Value* spec) {
    if (!spec) return {};
    std::string s;
    for (const char* key : {"holderIdentity", "leaseDurationSeconds", "acquireTime", "renewTime", "leaseTransitions"})
        s += spec->str(key) + "|";
    return s;
}

}  // namespace

LeaderElector::LeaderElector(store::ApiStore& store, sim::EventLoop& loop, std::string actor,
                             LeaderElectionConfig config, LeaderCallbacks callbacks)
    : m_store(store), m_loop(loop), m_actor(std::move(actor)), m_config(std::move(config)),
      m_callbacks(std::move(callbacks)) {}

LeaderElector::~LeaderElector() {
    if (m_timer) m_loop.cancel(m_timer);
}

void LeaderElector::run() {
    if (m_running) return;
    m_running = true;
    acquireAttempt();
}

void LeaderElector::stop() {
    if (!m_running) return;
    m_running = false;
    if (m_timer) m_loop.cancel(m_timer);
    m_timer = 0;
    if (m_leader) {
        if (m_config.releaseOnCancel) release();
        loseLeadership();
    }
}

void LeaderElector::scheduleNext(sim::Duration delay, void (LeaderElector::*step)()) {
    m_timer = m_loop.after(delay, m_actor, [this, step] {
        m_timer = 0;
        if (m_running) (this->*step)();
    });
}

void LeaderElector::observe(const std::string& holder) {
    if (holder == m_observedHolder) return;
    m_observedHolder = holder;
    if (m_callbacks.onNewLeader) m_callbacks.onNewLeader(holder);
}

bool LeaderElector::tryAcquireOrRenew() {
    const sim::Time now = m_loop.now();
    const store::ObjectKey key{"Lease", m_config.leaseNamespace, m_config.leaseName};
    auto fresh = [&](std::int64_t transitions, std::optional<std::string> acquireTime) {
        api::Value spec = api::Value::mapping();
        spec.set("holderIdentity", api::Value::string(m_config.identity));
        spec.set("leaseDurationSeconds", api::Value::integer(m_config.leaseDuration / sim::kSecond));
        spec.set("acquireTime", api::Value::string(acquireTime ? *acquireTime : microTime(now)));
        spec.set("renewTime", api::Value::string(microTime(now)));
        spec.set("leaseTransitions", api::Value::integer(transitions));
        return spec;
    };

    store::ObjectPtr current = m_store.find(key);
    if (!current) {
        api::Value lease = api::Value::mapping();
        lease.set("apiVersion", api::Value::string("coordination.k8s.io/v1"));
        lease.set("kind", api::Value::string("Lease"));
        api::Value& meta = lease.child("metadata");
        meta.set("name", api::Value::string(m_config.leaseName));
        meta.set("namespace", api::Value::string(m_config.leaseNamespace));
        lease.set("spec", fresh(0, std::nullopt));
        auto created = m_store.create(std::move(lease));
        if (!created.ok()) return false;
        m_observedRecord = recordText(created.value->get("spec"));
        m_observedTime = now;
        observe(m_config.identity);
        return true;
    }

    const api::Value* spec = current->get("spec");
    const std::string record = recordText(spec);
    if (record != m_observedRecord) {
        m_observedRecord = record;
        m_observedTime = now;
    }
    const std::string holder = spec ? spec->str("holderIdentity") : "";
    observe(holder);
    std::int64_t duration = 0;
    if (spec && spec->get("leaseDurationSeconds"))
        duration = spec->get("leaseDurationSeconds")->toInt().value_or(0) * sim::kSecond;
    if (!holder.empty() && holder != m_config.identity && m_observedTime + duration > now)
        return false;  // "lock is held by <holder> and has not yet expired"

    std::int64_t transitions = 0;
    if (spec && spec->get("leaseTransitions")) transitions = spec->get("leaseTransitions")->toInt().value_or(0);
    std::optional<std::string> acquireTime;
    if (holder == m_config.identity && spec && spec->get("acquireTime")) acquireTime = spec->str("acquireTime");
    else transitions += 1;

    api::Value updated = *current;
    updated.set("spec", fresh(transitions, acquireTime));
    auto written = m_store.update(std::move(updated));  // carries resourceVersion: a race is a Conflict
    if (!written.ok()) return false;
    m_observedRecord = recordText(written.value->get("spec"));
    m_observedTime = now;
    observe(m_config.identity);
    return true;
}

void LeaderElector::acquireAttempt() {
    if (tryAcquireOrRenew()) {
        becomeLeader();
        scheduleNext(m_config.retryPeriod, &LeaderElector::renewAttempt);
        return;
    }
    // wait.JitterUntil(..., RetryPeriod, JitterFactor 1.2, sliding)
    scheduleNext(m_loop.rng().jitter(m_config.retryPeriod, 1.2), &LeaderElector::acquireAttempt);
}

void LeaderElector::renewAttempt() {
    const sim::Time now = m_loop.now();
    if (m_renewFailingSince && now - *m_renewFailingSince >= m_config.renewDeadline) {
        // "failed to renew lease ...: timed out waiting for the condition"
        m_renewFailingSince.reset();
        loseLeadership();
        m_running = false;  // the process exits upstream ("leaderelection lost")
        return;
    }
    if (tryAcquireOrRenew()) m_renewFailingSince.reset();
    else if (!m_renewFailingSince) m_renewFailingSince = now;
    scheduleNext(m_config.retryPeriod, &LeaderElector::renewAttempt);
}

void LeaderElector::becomeLeader() {
    m_leader = true;
    recordEvent("became leader");
    if (m_callbacks.onStartedLeading) m_callbacks.onStartedLeading();
}

void LeaderElector::loseLeadership() {
    if (!m_leader) return;
    m_leader = false;
    recordEvent("stopped leading");
    if (m_callbacks.onStoppedLeading) m_callbacks.onStoppedLeading();
}

void LeaderElector::release() {
    const store::ObjectKey key{"Lease", m_config.leaseNamespace, m_config.leaseName};
    store::ObjectPtr current = m_store.find(key);
    if (!current) return;
    const api::Value* spec = current->get("spec");
    if (!spec || spec->str("holderIdentity") != m_config.identity) return;
    const std::string now = microTime(m_loop.now());
    api::Value updated = *current;
    api::Value released = api::Value::mapping();
    released.set("holderIdentity", api::Value::string(""));
    released.set("leaseDurationSeconds", api::Value::integer(1));
    released.set("acquireTime", api::Value::string(now));
    released.set("renewTime", api::Value::string(now));
    released.set("leaseTransitions", spec->get("leaseTransitions") ? *spec->get("leaseTransitions")
                                                                    : api::Value::integer(0));
    updated.set("spec", std::move(released));
    auto written = m_store.update(std::move(updated));
    if (written.ok()) {
        m_observedRecord = recordText(written.value->get("spec"));
        m_observedTime = m_loop.now();
        observe("");
    }
}

void LeaderElector::recordEvent(const std::string& what) {
    // LeaseLock.RecordEvent: "<identity> became leader" on the Lease, reason LeaderElection.
    m_store.recordEvent(store::ObjectKey{"Lease", m_config.leaseNamespace, m_config.leaseName}, "Normal",
                        "LeaderElection", m_config.identity + " " + what, m_config.eventComponent);
}

}  // namespace ks::client
