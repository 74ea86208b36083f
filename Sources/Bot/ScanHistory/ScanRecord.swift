import Foundation

/// One scan of a repository's default branch as the dashboard shows it: what was found where, at
/// which commit, and how much was checked (the score's denominator).
public struct ScanRecord: Sendable, Equatable {
    /// The forge's kind (`github`, `gitea`, `gitlab`).
    public var forge: String
    /// `owner/name`.
    public var repository: String
    public var commit: String
    public var scannedAt: Date
    /// Kubernetes objects the checks ran over.
    public var objectsChecked: Int
    /// Checks that ran over each object.
    public var checksRun: Int
    public var findings: [ScanFinding]

    public init(
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

    public var summary: ScanSummary {
        ScanSummary(
            id: 0, forge: forge, repository: repository, commit: commit, scannedAt: scannedAt,
            objectsChecked: objectsChecked, checksRun: checksRun,
            dangers: findings.count { $0.severity == .danger }, warnings: findings.count { $0.severity == .warning })
    }
}

/// One finding of a stored scan.
public struct ScanFinding: Sendable, Hashable {
    public enum Severity: String, Sendable, CaseIterable {
        case danger, warning
    }

    public var check: String
    public var severity: Severity
    /// `Security`, `Reliability`, `Efficiency`, ... (the catalogue's categories).
    public var category: String
    public var file: String
    public var line: Int
    /// Empty for a cluster-wide object or a file-level finding.
    public var namespace: String
    /// `Kind/name`; empty for a file-level finding.
    public var object: String
    public var message: String

    public init(
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

/// A stored scan without its findings: what lists and trends need.
public struct ScanSummary: Sendable, Equatable {
    public var id: Int64
    public var forge: String
    public var repository: String
    public var commit: String
    public var scannedAt: Date
    public var objectsChecked: Int
    public var checksRun: Int
    public var dangers: Int
    public var warnings: Int

    public init(
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
