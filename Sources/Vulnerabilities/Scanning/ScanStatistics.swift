import Synchronization

/// Counts of what image scans did since the process started, for the service's metrics: images
/// scanned (and those that could not be read), vulnerabilities found by severity, layers read from
/// registries and layers served from the cache.
public final class ScanStatistics: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var imagesScanned = 0
        public var imagesFailed = 0
        public var vulnerabilities: [Severity: Int] = [:]
        public var layersDownloaded = 0
        public var layersCached = 0

        public init() {}
    }

    private let counts = Mutex(Snapshot())

    public init() {}

    public var snapshot: Snapshot { counts.withLock { $0 } }

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
