import Foundation

/// `shipshape upgrade --format json`: a stable document for scripts. Every dependency found
/// appears once in `dependencies` with its status (`outdated`, `upToDate`, `skipped`, `failed`).
package enum UpgradeJSONReport {
    struct Document: Encodable {
        var dependencies: [Entry]
        var notes: [Note]
        var summary: Summary
        var dryRun: Bool
    }

    struct Entry: Encodable {
        var name: String
        var kind: String
        var addOn: String
        var source: String
        var file: String
        var line: Int
        var column: Int
        var origin: String
        var current: String
        var digest: String?
        var status: String
        var newestAllowed: String?
        var newestOverall: String?
        var updateType: String?
        var newValue: String?
        var newDigest: String?
        var written: Bool
        var reason: String?
        var releaseNotes: [String]?
    }

    struct Note: Encodable {
        var file: String
        var line: Int
        var origin: String
        var message: String
    }

    struct Summary: Encodable {
        var files: Int
        var dependencies: Int
        var outdated: Int
        var upToDate: Int
        var skipped: Int
        var failed: Int
        var valuesWritten: Int
        var filesChanged: Int
    }

    package static func render(_ report: UpgradeReport, outcome: UpgradeEditor.Outcome, dryRun: Bool) throws -> String {
        let written = Set(outcome.applied.map { "\($0.dependency.location) \($0.dependency.origin)" })
        var entries: [Entry] = []
        for upgrade in report.upgrades {
            var entry = base(upgrade.dependency, status: "outdated")
            entry.newestAllowed = upgrade.newestAllowed
            entry.newestOverall = upgrade.newestOverall
            entry.updateType = upgrade.updateType?.rawValue
            entry.newValue = upgrade.newValue
            entry.newDigest = upgrade.newDigest
            entry.written = !dryRun && written.contains("\(upgrade.dependency.location) \(upgrade.dependency.origin)")
            entry.releaseNotes = upgrade.releaseNotes.isEmpty ? nil : upgrade.releaseNotes
            entries.append(entry)
        }
        entries += report.upToDate.map { base($0, status: "upToDate") }
        entries += report.skipped.map {
            var entry = base($0.dependency, status: "skipped")
            entry.reason = $0.reason
            return entry
        }
        entries += report.failures.map {
            var entry = base($0.dependency, status: "failed")
            entry.reason = $0.reason
            return entry
        }
        entries.sort { ($0.file, $0.line, $0.column, $0.origin) < ($1.file, $1.line, $1.column, $1.origin) }
        let document = Document(
            dependencies: entries,
            notes: report.detection.notes.map {
                Note(file: $0.file, line: $0.line, origin: $0.origin.description, message: $0.message)
            },
            summary: Summary(
                files: report.detection.filesScanned, dependencies: report.detection.dependencies.count,
                outdated: report.upgrades.count, upToDate: report.upToDate.count, skipped: report.skipped.count,
                failed: report.failures.count, valuesWritten: dryRun ? 0 : outcome.applied.count,
                filesChanged: dryRun ? 0 : outcome.files.count),
            dryRun: dryRun
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    private static func base(_ dependency: Dependency, status: String) -> Entry {
        Entry(
            name: dependency.name, kind: dependency.kind.rawValue, addOn: dependency.addOn,
            source: dependency.source.description,
            file: dependency.location.file, line: dependency.location.line, column: dependency.location.column,
            origin: dependency.origin.description, current: dependency.currentValue, digest: dependency.digest,
            status: status,
            written: false)
    }
}
