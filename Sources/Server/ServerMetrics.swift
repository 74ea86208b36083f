import Bot
import Foundation
import Prometheus
import Synchronization
import Vulnerabilities

/// The bot's Prometheus metrics: webhooks by event and outcome, jobs by kind and outcome, job
/// durations, queue depth, forge calls and the rate limit left.
package final class ServerMetrics: Sendable {
    package let registry = PrometheusCollectorRegistry()
    /// What runs before each scrape, to bring gauges and counters read from elsewhere up to date.
    private let collectors = Mutex<[@Sendable () async -> Void]>([])
    /// The image scans' counts at the last scrape (see `images`).
    let imageCounts = Mutex(ScanStatistics.Snapshot())

    package init() {}

    package func addCollector(_ collector: @escaping @Sendable () async -> Void) {
        collectors.withLock { $0.append(collector) }
    }

    /// Runs the collectors; the metrics route calls it before `exposition()`.
    package func collect() async {
        for collector in collectors.withLock({ $0 }) { await collector() }
    }

    package func webhook(forge: String, event: String, outcome: String) {
        registry.makeCounter(
            name: "shipshape_webhooks_total", labels: [("forge", forge), ("event", event), ("outcome", outcome)],
            help: "Webhook deliveries received, by forge, event and outcome."
        ).increment()
    }

    package func job(kind: String, outcome: String, duration: Duration) {
        registry.makeCounter(
            name: "shipshape_jobs_total", labels: [("kind", kind), ("outcome", outcome)],
            help: "Jobs run, by kind and outcome."
        ).increment()
        registry.makeDurationHistogram(
            name: "shipshape_job_duration_seconds", labels: [("kind", kind)],
            buckets: [
                .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(15), .seconds(60),
                .seconds(300),
            ],
            help: "How long jobs took, by kind."
        ).record(duration)
    }

    package func queueDepth(_ depth: [JobState: Int]) {
        for state in JobState.allCases {
            registry.makeGauge(
                name: "shipshape_queue_jobs", labels: [("state", state.rawValue)],
                help: "Jobs in the queue, by state."
            ).set(Double(depth[state] ?? 0))
        }
    }

    package func forgeCall(forge host: String, outcome: String) {
        registry.makeCounter(
            name: "shipshape_forge_calls_total", labels: [("host", host), ("outcome", outcome)],
            help: "Calls to forge APIs, by host and outcome."
        ).increment()
    }

    package func rateLimitRemaining(host: String, _ remaining: Int) {
        registry.makeGauge(
            name: "shipshape_forge_rate_limit_remaining", labels: [("host", host)],
            help: "Requests left in the forge's rate-limit window, as last seen."
        ).set(Double(remaining))
    }

    /// Delivery bodies being read, and the bytes they reserved (see `IntakeBudget`).
    func bodiesInFlight(_ bodies: Int, bytes: Int) {
        registry.makeGauge(
            name: "shipshape_webhook_bodies_in_flight", labels: [], help: "Webhook delivery bodies being read."
        ).set(Double(bodies))
        registry.makeGauge(
            name: "shipshape_webhook_reserved_bytes", labels: [],
            help: "Bytes reserved by the webhook bodies being read."
        ).set(Double(bytes))
    }

    /// The text exposition format.
    package func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
