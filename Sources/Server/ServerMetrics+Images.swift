import Foundation
import Prometheus
import Synchronization
import Vulnerabilities

extension ServerMetrics {
    /// The image scans' counts, as counters advanced by what happened since the last scrape, and
    /// each advisory export's age (the report's "imported ... ago", as a gauge an alert can watch).
    func images(_ counts: ScanStatistics.Snapshot, imports: [AdvisoryImport], now: Date) {
        let before = imageCounts.withLock { last in
            defer { last = counts }
            return last
        }
        func advance(_ name: String, _ labels: [(String, String)], _ help: String, _ now: Int, _ then: Int) {
            registry.makeCounter(name: name, labels: labels, help: help).increment(by: Int64(max(0, now - then)))
        }
        advance(
            "shipshape_images_scanned_total", [("outcome", "scanned")], "Images scanned, by outcome.",
            counts.imagesScanned, before.imagesScanned)
        advance(
            "shipshape_images_scanned_total", [("outcome", "failed")], "Images scanned, by outcome.",
            counts.imagesFailed, before.imagesFailed)
        advance(
            "shipshape_image_layers_total", [("source", "registry")],
            "Image layers read, from registries or from the layer cache.", counts.layersDownloaded,
            before.layersDownloaded)
        advance(
            "shipshape_image_layers_total", [("source", "cache")],
            "Image layers read, from registries or from the layer cache.", counts.layersCached, before.layersCached)
        for severity in Vulnerabilities.Severity.allCases {
            advance(
                "shipshape_image_vulnerabilities_total", [("severity", severity.rawValue)],
                "Vulnerabilities found in scanned images, by severity.", counts.vulnerabilities[severity] ?? 0,
                before.vulnerabilities[severity] ?? 0)
        }
        for record in imports {
            registry.makeGauge(
                name: "shipshape_advisory_data_age_seconds", labels: [("export", record.export)],
                help: "Seconds since each OSV export was last imported."
            ).set(now.timeIntervalSince(record.importedAt))
        }
    }
}
