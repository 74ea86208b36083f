import Upgrades

/// The nearest allowed tag whose scan has fewer vulnerabilities: the tags the upgrade policy
/// allows, newer than the pinned one, scanned in version order, nearest first, through the
/// shared layer cache; the first that removes vulnerabilities at or above the threshold without
/// bringing new ones at or above it is the answer. At most `limit` tags are scanned per image, so a
/// repository far behind costs a bounded number of scans; the answer says when the bound stopped it.
package struct FixingTagSearch: Sendable {
    package static let defaultLimit = 5

    package var scanner: ImageScanner
    package var minimumSeverity: Severity
    /// At most this many candidate tags are scanned for one image.
    package var limit: Int
    /// The tags the upgrade policy allows for a pinned image, nearest first (`AllowedTags`).
    package var allowedTags: @Sendable (Dependency) async -> [String]
    private let scans = ScanMemo()

    package init(
        scanner: ImageScanner, minimumSeverity: Severity, limit: Int = FixingTagSearch.defaultLimit,
        allowedTags: @escaping @Sendable (Dependency) async -> [String]
    ) {
        self.scanner = scanner
        self.minimumSeverity = minimumSeverity
        self.limit = max(0, limit)
        self.allowedTags = allowedTags
    }

    /// The search for the image `dependency` pins, whose scan found `current`; `concerning`: the
    /// advisories a better tag must fix one of (nil: any of `current`'s at or above the threshold).
    /// Nil when nothing is to be fixed, the search is off (`limit` 0) or no newer tag is allowed.
    package func search(_ dependency: Dependency, current: [Vulnerability], concerning: [String]? = nil) async
        -> FixingTag?
    {
        let present = Set(current.filter { $0.severity >= minimumSeverity }.map(\.advisory))
        let wanted = concerning ?? Self.advisories(current.filter { $0.severity >= minimumSeverity })
        guard limit > 0, !wanted.isEmpty, let image = ImageScanner.image(of: dependency) else { return nil }
        let tags = await allowedTags(dependency)
        guard !tags.isEmpty else { return nil }
        var scanned: [String] = []
        var unreadable: [String] = []
        for tag in tags.prefix(limit) {
            scanned.append(tag)
            let candidate = ImageReference(registry: image.registry, repository: image.repository, tag: tag)
            let result = await scans.result(of: candidate, scanner: scanner)
            guard result.error == nil else {
                unreadable.append(tag)
                continue
            }
            let found = Set(result.vulnerabilities.filter { $0.severity >= minimumSeverity }.map(\.advisory))
            let fixes = wanted.filter { !found.contains($0) }
            guard !fixes.isEmpty, found.isSubset(of: present) else { continue }
            return FixingTag(
                tag: tag, fixes: fixes, remaining: wanted.filter { found.contains($0) }, scanned: scanned,
                allowedCount: tags.count, unreadable: unreadable)
        }
        return FixingTag(
            tag: nil, fixes: [], remaining: wanted, scanned: scanned, allowedCount: tags.count, unreadable: unreadable)
    }

    /// Each advisory once, worst first.
    static func advisories(_ vulnerabilities: [Vulnerability]) -> [String] {
        var seen: Set<String> = []
        return vulnerabilities.sorted(by: ImageVerdict.reportOrder).map(\.advisory).filter { seen.insert($0).inserted }
    }
}

/// Each candidate image scanned once per search instance, however many pins ask for it.
private actor ScanMemo {
    private var scans: [ImageReference: Task<ImageScanResult, Never>] = [:]

    func result(of image: ImageReference, scanner: ImageScanner) async -> ImageScanResult {
        if let running = scans[image] { return await running.value }
        let task = Task { await scanner.scan(image, locations: []) }
        scans[image] = task
        return await task.value
    }
}
