import Policy

extension KustomizeCheckPlan {
    /// One finding per check and source position: a base that several overlays build reports
    /// its line once, naming the overlays (`in kustomizations: overlays/prod, overlays/staging`).
    package func mergingAcrossRoots(_ report: CheckReport, isIgnored: (String) -> Bool = { _ in false }) -> CheckReport
    {
        // A built object's value written in an ignored file is not reported either.
        var findings = Self.mergedAcrossRoots(report.findings.filter { !isIgnored($0.file) })
        Finding.sortInReportOrder(&findings)
        return CheckReport(
            findings: findings, files: report.files, notes: report.notes,
            runtimeChecks: report.runtimeChecks, runtimeSeverities: report.runtimeSeverities)
    }

    /// The findings with those on the same source position from several roots made one.
    package static func mergedAcrossRoots(_ findings: [Finding]) -> [Finding] {
        let marker = rootMarker
        var order: [String] = []
        var groups: [String: (finding: Finding, base: String, roots: [String], detail: String?)] = [:]
        var others: [Finding] = []
        for finding in findings {
            guard finding.message.hasSuffix(")"), let range = Self.lastRange(of: marker, in: finding.message) else {
                others.append(finding)
                continue
            }
            let base = String(finding.message[..<range.lowerBound])
            let label = finding.message[range.upperBound..<finding.message.index(before: finding.message.endIndex)]
            let parts = label.split(separator: ",", maxSplits: 1)
            let root = String(parts[0])
            let detail = parts.count > 1 ? String(parts[1]).trimmingWhitespace : nil
            let key = "\(finding.checkID)|\(finding.file)|\(finding.position)|\(finding.container ?? "")|\(base)"
            if groups[key] == nil {
                order.append(key)
                groups[key] = (finding, base, [root], detail)
            } else if groups[key]?.roots.contains(root) == false {
                groups[key]?.roots.append(root)
            }
        }
        var merged = others
        for key in order {
            guard let group = groups[key] else { continue }
            var finding = group.finding
            if group.roots.count > 1 {
                let detail = group.detail.map { ", \($0)" } ?? ""
                finding.message =
                    group.base + " (built by kustomizations \(group.roots.joined(separator: ", "))\(detail))"
            }
            merged.append(finding)
        }
        return merged
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
