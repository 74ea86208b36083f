import Upgrades

/// What an image upgrade does to the image's vulnerabilities, for the upgrade pull request: the
/// advisories at or above the threshold the current tag has and the new one does not (fixed),
/// and those both have (remaining). When the new tag is not better (it fixes none, or brings new
/// ones), the nearest allowed tag that is (`FixingTagSearch`) is named. Each image is scanned once
/// per run, layers once per digest.
package struct UpgradeAdvisories: Sendable {
    package struct Change: Sendable, Hashable {
        package var from: ImageReference
        package var to: ImageReference
        package var fixed: [Vulnerability]
        package var remaining: [Vulnerability]
        package var introduced: [Vulnerability]
    }

    package var scanner: ImageScanner
    package var minimumSeverity: Severity
    /// Looks for a better tag when the proposed one is not; nil: none is looked for.
    package var fixingTags: FixingTagSearch?

    package init(scanner: ImageScanner, minimumSeverity: Severity, fixingTags: FixingTagSearch? = nil) {
        self.scanner = scanner
        self.minimumSeverity = minimumSeverity
        self.fixingTags = fixingTags
    }

    /// One change per distinct pair of images that either side has something to say about.
    package func changes(_ pairs: [(from: ImageReference, to: ImageReference)]) async -> [Change] {
        var seen: Set<[ImageReference]> = []
        let distinct = pairs.filter { seen.insert([$0.from, $0.to]).inserted }
        let images = Array(Set(distinct.flatMap { [$0.from, $0.to] })).sorted { $0.description < $1.description }
        let results = await scanner.scan(images.map { (image: $0, locations: []) })
        let scans = Dictionary(zip(images, results)) { first, _ in first }
        return distinct.compactMap { pair in
            guard let before = scans[pair.from], let after = scans[pair.to], before.error == nil, after.error == nil
            else { return nil }
            let old = before.vulnerabilities.filter { $0.severity >= minimumSeverity }
            let new = after.vulnerabilities.filter { $0.severity >= minimumSeverity }
            let newAdvisories = Set(new.map(\.advisory))
            let oldAdvisories = Set(old.map(\.advisory))
            let change = Change(
                from: pair.from, to: pair.to, fixed: Self.once(old.filter { !newAdvisories.contains($0.advisory) }),
                remaining: Self.once(new.filter { oldAdvisories.contains($0.advisory) }),
                introduced: Self.once(new.filter { !oldAdvisories.contains($0.advisory) }))
            return change.fixed.isEmpty && change.remaining.isEmpty && change.introduced.isEmpty ? nil : change
        }
    }

    /// Markdown for the pull request's body of these upgrades (charts are left out); empty when no
    /// image changes in what it is affected by.
    package func markdown(_ upgrades: [Upgrade]) async -> String {
        var pinnedBy: [ImageReference: Dependency] = [:]
        var pairs: [(from: ImageReference, to: ImageReference)] = []
        for upgrade in upgrades {
            guard let from = ImageScanner.image(of: upgrade.dependency), let to = ImageScanner.image(after: upgrade)
            else { continue }
            pairs.append((from, to))
            if pinnedBy[from] == nil { pinnedBy[from] = upgrade.dependency }
        }
        let changes = await changes(pairs)
        guard !changes.isEmpty else { return "" }
        var lines = ["**Vulnerabilities** (\(minimumSeverity.rawValue) and above)", ""]
        func list(_ vulnerabilities: [Vulnerability]) -> String {
            vulnerabilities.map { "\($0.advisory) (\($0.severity.rawValue), \($0.package.name))" }.joined(
                separator: ", ")
        }
        for change in changes {
            var parts: [String] = []
            if !change.fixed.isEmpty { parts.append("fixes \(list(change.fixed))") }
            if !change.remaining.isEmpty { parts.append("still affected by \(list(change.remaining))") }
            if !change.introduced.isEmpty { parts.append("newly affected by \(list(change.introduced))") }
            lines.append(
                "- `\(change.from)` → `\(change.to.tag ?? change.to.description)`: \(parts.joined(separator: "; "))")
            if let better = await betterTag(than: change, pinnedBy: pinnedBy[change.from]) {
                lines.append("  - \(better.sentence)")
            }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// When the proposed tag fixes nothing or brings new advisories: the search's answer from the
    /// current tag, unless it names the proposed tag itself.
    private func betterTag(than change: Change, pinnedBy dependency: Dependency?) async -> FixingTag? {
        guard let fixingTags, let dependency, change.fixed.isEmpty || !change.introduced.isEmpty,
            !(change.fixed + change.remaining).isEmpty
        else { return nil }
        let current = change.fixed + change.remaining
        guard let found = await fixingTags.search(dependency, current: current),
            found.tag == nil || found.tag != change.to.tag
        else { return nil }
        return found
    }

    /// Each advisory once (the first package it names), worst first.
    private static func once(_ vulnerabilities: [Vulnerability]) -> [Vulnerability] {
        var seen: Set<String> = []
        return vulnerabilities.sorted(by: ImageVerdict.reportOrder).filter { seen.insert($0.advisory).inserted }
    }
}
