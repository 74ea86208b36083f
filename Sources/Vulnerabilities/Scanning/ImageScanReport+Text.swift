import Foundation

extension ImageScanReport {
    /// One block per image: where it is pinned, what it is, its vulnerabilities worst first.
    package var text: String {
        var lines: [String] = []
        if advisoryImports.isEmpty {
            lines.append("Advisory data: none imported (use --import-advisories); nothing can match")
        } else {
            let imports = advisoryImports.map {
                "\($0.export) (\($0.records) records, imported \(Self.timestamp($0.importedAt)), \(Self.age(generatedAt.timeIntervalSince($0.importedAt))) old)"
            }
            lines.append("Advisory data: " + imports.joined(separator: "; "))
        }
        for image in images {
            lines.append("")
            let facts = [
                image.manifestDigest, image.platform, image.distribution,
                image.error == nil ? "\(image.packageCount) packages" : nil,
            ].compactMap { $0 }
            lines.append("\(image.image)" + (facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))"))
            for location in image.locations { lines.append("  pinned at \(location)") }
            if let error = image.error { lines.append("  error: \(error)") }
            for vulnerability in image.vulnerabilities {
                let package = vulnerability.package
                let names =
                    package.sourceName.map { $0 == package.name ? package.name : "\($0) (\(package.name))" }
                    ?? package.name
                let fix = vulnerability.fixedVersion.map { "fixed in \($0)" } ?? "no fix yet"
                let aliases = vulnerability.aliases.isEmpty ? "" : " [\(vulnerability.aliases.joined(separator: ", "))]"
                lines.append(
                    "  \(vulnerability.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(vulnerability.advisory)\(aliases) \(names) \(vulnerability.installedVersion): \(fix) (\(package.foundIn))"
                )
            }
            if let fixingTag = image.fixingTag { lines.append("  upgrade: \(fixingTag.sentence)") }
            for note in image.notes { lines.append("  note: \(note)") }
        }
        let all = images.flatMap(\.vulnerabilities)
        let bySeverity = Severity.allCases.reversed().compactMap { severity in
            let count = all.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)"
        }
        lines.append("")
        lines.append(
            "\(images.count) images, \(images.filter { !$0.vulnerabilities.isEmpty }.count) vulnerable, \(images.filter { $0.error != nil }.count) unreadable; "
                + "\(all.count) vulnerabilities at or above \(minimumSeverity.rawValue)"
                + (bySeverity.isEmpty ? "" : " (\(bySeverity.joined(separator: ", ")))"))
        return lines.joined(separator: "\n") + "\n"
    }
}
