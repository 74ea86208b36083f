import Foundation

/// One scan of a repository's default branch as the dashboard shows it: what was found where, at
/// which commit, and how much was checked (the score's denominator).
package struct ScanRecord: Sendable, Equatable {
    /// The forge's kind (`github`, `gitea`, `gitlab`).
    package var forge: String
    /// `owner/name`.
    package var repository: String
    package var commit: String
    package var scannedAt: Date
    /// Kubernetes objects the checks ran over.
    package var objectsChecked: Int
    /// Checks that ran over each object.
    package var checksRun: Int
    package var findings: [ScanFinding]

    package init(
        forge: String, repository: String, commit: String, scannedAt: Date, objectsChecked: Int, checksRun: Int,
        findings: [ScanFinding]
    ) {
        self.forge = forge
        self.repository = repository
        self.commit = commit
        self.scannedAt = scannedAt
        self.objectsChecked = objectsChecked
        self.checksRun = checksRun
        self.findings = findings
    }

    package var summary: ScanSummary {
        ScanSummary(
            id: 0, forge: forge, repository: repository, commit: commit, scannedAt: scannedAt,
            objectsChecked: objectsChecked, checksRun: checksRun,
            dangers: findings.count { $0.severity == .danger }, warnings: findings.count { $0.severity == .warning })
    }
}

/// One finding of a stored scan.
package struct ScanFinding: Sendable, Hashable {
    package enum Severity: String, Sendable, CaseIterable {
        case danger, warning
    }

    package var check: String
    package var severity: Severity
    /// `Security`, `Reliability`, `Efficiency`, ... (the catalogue's categories).
    package var category: String
    package var file: String
    package var line: Int
    /// Empty for a cluster-wide object or a file-level finding.
    package var namespace: String
    /// `Kind/name`; empty for a file-level finding.
    package var object: String
    package var message: String

    package init(
        check: String, severity: Severity, category: String, file: String, line: Int, namespace: String,
        object: String, message: String
    ) {
        self.check = check
        self.severity = severity
        self.category = category
        self.file = file
        self.line = line
        self.namespace = namespace
        self.object = object
        self.message = message
    }
}

extension ScanFinding {
    /// The longest message kept, in characters; a repository's own rules (Kyverno) write messages.
    package static let maximumMessage = 4_096
    /// The longest check, category, file, namespace or object kept, in characters.
    package static let maximumName = 1_024

    /// This finding with each text cut to its limit (marked with `…`), so a repository cannot make
    /// its stored scan, or the page that lists it, as large as it likes with one long string.
    package var bounded: ScanFinding {
        let cut = { (text: String, limit: Int) in text.count > limit ? text.prefix(limit - 1) + "…" : text }
        return ScanFinding(
            check: cut(check, Self.maximumName), severity: severity, category: cut(category, Self.maximumName),
            file: cut(file, Self.maximumName), line: line, namespace: cut(namespace, Self.maximumName),
            object: cut(object, Self.maximumName), message: cut(message, Self.maximumMessage))
    }
}

/// A stored scan without its findings: what lists and trends need.
package struct ScanSummary: Sendable, Equatable {
    package var id: Int64
    package var forge: String
    package var repository: String
    package var commit: String
    package var scannedAt: Date
    package var objectsChecked: Int
    package var checksRun: Int
    package var dangers: Int
    package var warnings: Int

    package init(
        id: Int64, forge: String, repository: String, commit: String, scannedAt: Date, objectsChecked: Int,
        checksRun: Int, dangers: Int, warnings: Int
    ) {
        self.id = id
        self.forge = forge
        self.repository = repository
        self.commit = commit
        self.scannedAt = scannedAt
        self.objectsChecked = objectsChecked
        self.checksRun = checksRun
        self.dangers = dangers
        self.warnings = warnings
    }
}
