import Blocking
import Upgrades

/// Scans every image a tree pins (as the upgrade scan finds them): each distinct image read
/// once, a few at a time, its packages matched against the advisory database.
package struct ImageScanner: Sendable {
    private let reader: ImageContentsReader
    private let matcher: VulnerabilityMatcher
    private let concurrency: Int
    /// Counts each scan for the service's metrics.
    package var statistics: ScanStatistics?

    package init(reader: ImageContentsReader, matcher: VulnerabilityMatcher, concurrency: Int = 4) {
        self.reader = reader
        self.matcher = matcher
        self.concurrency = max(1, concurrency)
    }

    /// The images of `detection` (charts left out), in the order first pinned.
    package static func images(in detection: DetectionReport) -> [(image: ImageReference, locations: [String])] {
        var order: [ImageReference] = []
        var locations: [ImageReference: [String]] = [:]
        for dependency in detection.dependencies {
            guard let image = image(of: dependency) else { continue }
            if locations[image] == nil { order.append(image) }
            locations[image, default: []].append(dependency.location.description)
        }
        return order.map { ($0, locations[$0] ?? []) }
    }

    /// The image a dependency pins; nil for a chart.
    package static func image(of dependency: Dependency) -> ImageReference? {
        guard dependency.kind == .image, case .registry(let host, let repository) = dependency.source else {
            return nil
        }
        let tag =
            dependency.currentValue.isEmpty || dependency.currentValue == dependency.digest
            ? nil : dependency.currentValue
        return ImageReference(registry: host, repository: repository, tag: tag, digest: dependency.digest)
    }

    /// The image an upgrade writes (with the new tag's digest for a `tag@digest` pin); nil for a chart.
    package static func image(after upgrade: Upgrade) -> ImageReference? {
        guard let current = image(of: upgrade.dependency), let tag = upgrade.newValue else { return nil }
        return ImageReference(
            registry: current.registry, repository: current.repository, tag: tag,
            digest: current.digest == nil ? nil : upgrade.newDigest)
    }

    package func scan(_ images: [(image: ImageReference, locations: [String])]) async -> [ImageScanResult] {
        await withTaskGroup(of: (Int, ImageScanResult).self) { group in
            var results = [ImageScanResult?](repeating: nil, count: images.count)
            var next = 0
            func start() {
                guard next < images.count else { return }
                let (index, entry) = (next, images[next])
                next += 1
                group.addTask { (index, await scan(entry.image, locations: entry.locations)) }
            }
            for _ in 0..<concurrency { start() }
            for await (index, result) in group {
                results[index] = result
                start()
            }
            return results.compactMap { $0 }
        }
    }

    package func scan(_ image: ImageReference, locations: [String]) async -> ImageScanResult {
        var result = ImageScanResult(image: image.description, locations: locations)
        do {
            let contents = try await reader.contents(of: image)
            let root = contents.root
            let inventory = try await ScanThreads.pool.value { PackageInventory(root: root) }
            let matched = try await matcher.match(inventory)
            result.manifestDigest = contents.manifestDigest
            result.platform = contents.platform
            result.distribution = inventory.distribution.map {
                $0.prettyName ?? [$0.id, $0.versionID].compactMap { $0 }.joined(separator: " ")
            }
            result.packageCount = inventory.packages.count
            result.vulnerabilities = matched.vulnerabilities
            result.notes = inventory.notes + matched.notes
        } catch let error as ImageScanError {
            result.error = error.reason
        } catch {
            result.error = "\(error)"
        }
        statistics?.scanned(result)
        return result
    }
}
