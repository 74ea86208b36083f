import Policy

extension KustomizeCheckPlan {
    /// One finding per check and source position: a base that several overlays build reports
    /// its line once, naming the overlays (`in kustomizations: overlays/prod, overlays/staging`).
    package func mergingAcrossRoots(_ report: CheckReport, isIgnored: (String) -> Bool = { _ in false }) -> CheckReport
    {
        // A built object's value written in an ignored file is not reported either.
        var findings = Self.mergedAcrossRoots(report.findingList.filtered { !isIgnored($0.file) })
        findings.sortInReportOrder()
        return CheckReport(
            findingList: findings, files: report.files, notes: report.notes,
            runtimeChecks: report.runtimeChecks, runtimeSeverities: report.runtimeSeverities)
    }

    /// The findings with those on the same source position from several roots made one.
    package static func mergedAcrossRoots(_ findings: [Finding]) -> [Finding] {
        mergedAcrossRoots(FindingList(findings)).array
    }

    /// The findings with those on the same source position from several roots made one: the
    /// others first, then one per group in the order groups first appear, naming every root.
    /// A group is held as its first finding's position and its roots' numbers, not as findings.
    package static func mergedAcrossRoots(_ findings: FindingList) -> FindingList {
        var merged = findings.emptyCopy
        var seen = SeenKeys()
        var firstOfGroup: [Int] = []
        var rootsOfGroup: [[Int32]] = []
        var rootNames: [String] = []
        var rootNumbers: [String: Int32] = [:]
        for index in findings.indices {
            let finding = findings[index]
            guard let label = rootLabel(of: finding) else {
                merged.append(index, of: findings)
                continue
            }
            let root = rootNumbers[label.root] ?? Int32(rootNames.count)
            if rootNumbers[label.root] == nil {
                rootNumbers[label.root] = root
                rootNames.append(label.root)
            }
            let key = groupKey(finding, base: label.base)
            let earlier = seen.firstPosition(of: key, at: firstOfGroup.count) { group in
                let first = findings[firstOfGroup[group]]
                return rootLabel(of: first).map { groupKey(first, base: $0.base) } ?? ""
            }
            if let group = earlier {
                if !rootsOfGroup[group].contains(root) { rootsOfGroup[group].append(root) }
            } else {
                firstOfGroup.append(index)
                rootsOfGroup.append([root])
            }
        }
        for (first, roots) in zip(firstOfGroup, rootsOfGroup) {
            guard roots.count > 1 else {
                merged.append(first, of: findings)
                continue
            }
            var finding = findings[first]
            guard let label = rootLabel(of: finding) else { continue }
            let detail = label.detail.map { ", \($0)" } ?? ""
            let names = roots.map { rootNames[Int($0)] }.joined(separator: ", ")
            finding.message = label.base + " (built by kustomizations \(names)\(detail))"
            merged.append(finding)
        }
        return merged
    }

    /// What a finding's message says of the root that built its object: the message before the
    /// label, the root, and what follows it; nil for a finding on a file's own object.
    private static func rootLabel(of finding: Finding) -> (base: String, root: String, detail: String?)? {
        guard finding.message.hasSuffix(")"), let range = lastRange(of: rootMarker, in: finding.message) else {
            return nil
        }
        let base = String(finding.message[..<range.lowerBound])
        let label = finding.message[range.upperBound..<finding.message.index(before: finding.message.endIndex)]
        let parts = label.split(separator: ",", maxSplits: 1)
        let detail = parts.count > 1 ? String(parts[1]).trimmingWhitespace : nil
        return (base, String(parts[0]), detail)
    }

    private static func groupKey(_ finding: Finding, base: String) -> String {
        "\(finding.checkID)|\(finding.file)|\(finding.position)|\(finding.container ?? "")|\(base)"
    }

    private static let rootMarker = " (built by kustomization "

    /// The root whose built object a finding is about (nil for a finding on a file's own object).
    package static func root(of finding: Finding) -> String? {
        guard finding.message.hasSuffix(")"), let range = lastRange(of: rootMarker, in: finding.message) else {
            return nil
        }
        let label = finding.message[range.upperBound..<finding.message.index(before: finding.message.endIndex)]
        return label.split(separator: ",", maxSplits: 1).first.map(String.init)
    }

    /// The last occurrence of `marker` in `text`, searched on its UTF-8 bytes.
    static func lastRange(of marker: String, in text: String) -> Range<String.Index>? {
        let needle = Array(marker.utf8)
        let bytes = text.utf8
        guard bytes.count >= needle.count else { return nil }
        var index = bytes.index(bytes.endIndex, offsetBy: -needle.count)
        while true {
            if bytes[index...].starts(with: needle) {
                return index..<bytes.index(index, offsetBy: needle.count)
            }
            if index == bytes.startIndex { return nil }
            index = bytes.index(before: index)
        }
    }
}
