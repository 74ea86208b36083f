import Forge
import Vulnerabilities

/// What the repository template reads of the branch scan's images: each image with where it is
/// pinned (linked to the scanned revision), its vulnerabilities counted by severity and listed
/// worst first, or why it could not be read.
struct ImageScanView {
    /// Vulnerabilities listed per image, the worst first; the counts by severity cover them all.
    static let listed = 100
    var forge: ForgeEndpoint?
    var repository: String
    var scans: [StoredImageScan]

    func dictionary() -> [String: Any] {
        let vulnerable = scans.filter { !$0.result.vulnerabilities.isEmpty }.count
        return [
            "revision": String(scans.first?.revision.prefix(12) ?? ""),
            "scannedAt": scans.first.map { DashboardFormat.time($0.scannedAt) } ?? "",
            "scanned": !scans.isEmpty, "vulnerable": vulnerable, "count": scans.count, "images": scans.map(imageRow),
        ]
    }

    func imageRow(_ scan: StoredImageScan) -> [String: Any] {
        let result = scan.result
        let ordered = result.vulnerabilities.sorted { left, right in
            if left.severity != right.severity { return left.severity > right.severity }
            return (left.package.name, left.advisory) < (right.package.name, right.advisory)
        }
        let severities = Severity.allCases.reversed().compactMap { severity -> [String: Any]? in
            let count = ordered.filter { $0.severity == severity }.count
            return count == 0 ? nil : ["severity": severity.rawValue, "count": count]
        }
        return [
            "image": result.image, "error": sectionText(result.error), "distribution": sectionText(result.distribution),
            "locations": result.locations.map { location(revision: scan.revision, $0) },
            "severities": severities, "clean": result.error == nil && ordered.isEmpty,
            "hasVulnerabilities": !ordered.isEmpty,
            "more": ordered.count > Self.listed ? ordered.count - Self.listed : false,
            "vulnerabilities": ordered.prefix(Self.listed).map { vulnerability -> [String: Any] in
                [
                    "severity": vulnerability.severity.rawValue, "advisory": vulnerability.advisory,
                    "package": vulnerability.package.name, "installed": vulnerability.installedVersion,
                    "fixed": vulnerability.fixedVersion ?? "no fix",
                ]
            },
        ]
    }

    /// A stored `file:line:column` as `file:line`, linked like a finding.
    func location(revision: String, _ stored: String) -> [String: Any] {
        let (file, line) = ImageScanReport.fileAndLine(stored)
        return [
            "text": file + ":" + String(line),
            "link": sectionText(forge?.blobURL(repository: repository, commit: revision, file: file, line: line)),
        ]
    }
}
