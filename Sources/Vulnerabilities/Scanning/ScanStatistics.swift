import Synchronization

/// Counts of what image scans did since the process started, for the service's metrics: images
/// scanned (and those that could not be read), vulnerabilities found by severity, layers read from
/// registries and layers served from the cache.
package final class ScanStatistics: Sendable {
    package struct Snapshot: Sendable, Equatable {
        package var imagesScanned = 0
        package var imagesFailed = 0
        package var vulnerabilities: [Severity: Int] = [:]
        package var layersDownloaded = 0
        package var layersCached = 0

        package init() {}
    }

    private let counts = Mutex(Snapshot())

    package init() {}

    package var snapshot: Snapshot { counts.withLock { $0 } }

    func scanned(_ result: ImageScanResult) {
        counts.withLock { counts in
            if result.error != nil {
                counts.imagesFailed += 1
            } else {
                counts.imagesScanned += 1
            }
            for vulnerability in result.vulnerabilities {
                counts.vulnerabilities[vulnerability.severity, default: 0] += 1
            }
        }
    }

    func layerRead(cached: Bool) {
        counts.withLock { counts in
            if cached {
                counts.layersCached += 1
            } else {
                counts.layersDownloaded += 1
            }
        }
    }
}
