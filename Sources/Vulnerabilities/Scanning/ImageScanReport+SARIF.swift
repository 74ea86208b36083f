import Foundation

extension ImageScanReport {
    /// SARIF 2.1.0: one rule per advisory, one result per vulnerable package per place the image
    /// is pinned (critical and high are errors, medium warnings, the rest notes).
    package func sarif() throws -> String {
        var rules: [String: [String: Any]] = [:]
        var results: [[String: Any]] = []
        for image in images {
            for vulnerability in image.vulnerabilities {
                rules[vulnerability.advisory] = [
                    "id": vulnerability.advisory,
                    "shortDescription": ["text": vulnerability.summary ?? vulnerability.advisory],
                    "properties": [
                        "security-severity": String(
                            vulnerability.score ?? Self.representativeScore(vulnerability.severity)),
                        "tags": ["security", "vulnerability"],
                    ],
                ]
                var fix = vulnerability.fixedVersion.map { "; fixed in \($0)" } ?? "; no fix published"
                if let fixingTag = image.fixingTag, let tag = fixingTag.tag,
                    fixingTag.fixes.contains(vulnerability.advisory)
                {
                    fix += "; tag \(tag), the nearest allowed tag with fewer vulnerabilities, fixes it"
                }
                let message =
                    "\(image.image): \(vulnerability.package.name) \(vulnerability.installedVersion) is affected by \(vulnerability.advisory)"
                    + (vulnerability.aliases.isEmpty ? "" : " (\(vulnerability.aliases.joined(separator: ", ")))") + fix
                for location in image.locations {
                    let (file, line) = Self.fileAndLine(location)
                    results.append([
                        "ruleId": vulnerability.advisory,
                        "level": Self.level(vulnerability.severity),
                        "message": ["text": message],
                        "locations": [
                            ["physicalLocation": ["artifactLocation": ["uri": file], "region": ["startLine": line]]]
                        ],
                    ])
                }
            }
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
                    "tool": [
                        "driver": [
                            "name": "Shipshape", "informationUri": "https://github.com/shipshape-dev/shipshape",
                            "rules": rules.keys.sorted().compactMap { rules[$0] },
                        ]
                    ],
                    "results": results,
                    "properties": [
                        "advisoryImports": advisoryImports.map {
                            ["export": $0.export, "importedAt": Self.timestamp($0.importedAt)]
                        }
                    ],
                ]
            ],
        ]
        let data = try JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .unknown: "note"
        }
    }

    /// GitHub ranks security results by `security-severity`; without a CVSS score, the middle of the band.
    static func representativeScore(_ severity: Severity) -> Double {
        switch severity {
        case .critical: 9.5
        case .high: 8.0
        case .medium: 5.5
        case .low: 2.0
        case .unknown: 0.0
        }
    }

    /// `deploy/web.yaml:12:14` → (`deploy/web.yaml`, 12); names with colons keep them.
    package static func fileAndLine(_ location: String) -> (String, Int) {
        let parts = location.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]) else { return (location, 1) }
        return (parts.dropLast(2).joined(separator: ":"), line)
    }
}
