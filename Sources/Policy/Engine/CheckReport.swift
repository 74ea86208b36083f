import Manifests

/// Everything one `check` run found, and what it did with every file.
public struct CheckReport: Sendable {
    public struct FileOutcome: Sendable {
        public enum Status: String, Sendable {
            case checked, notKubernetes, template, ignored, unreadable
        }

        public var path: String
        public var status: Status
        public var documents: Int
        public var objects: Int
        public var bytes: Int
        /// Why a file could not be read.
        public var error: String?

        public init(
            path: String, status: Status, documents: Int = 0, objects: Int = 0, bytes: Int = 0, error: String? = nil
        ) {
            self.path = path
            self.status = status
            self.documents = documents
            self.objects = objects
            self.bytes = bytes
            self.error = error
        }
    }

    public var findings: [Finding]
    public var files: [FileOutcome]
    public var notes: [String]
    /// Checks made at run time (Kyverno rules), with their severities: SARIF rules come from here.
    public var runtimeChecks: [CheckMetadata]
    public var runtimeSeverities: [String: Severity]

    public init(
        findings: [Finding], files: [FileOutcome], notes: [String], runtimeChecks: [CheckMetadata] = [],
        runtimeSeverities: [String: Severity] = [:]
    ) {
        self.findings = findings
        self.files = files
        self.notes = notes
        self.runtimeChecks = runtimeChecks
        self.runtimeSeverities = runtimeSeverities
    }

    public var unreadableFiles: [FileOutcome] { files.filter { $0.status == .unreadable } }

    public func count(_ severity: Severity) -> Int {
        findings.filter { $0.severity == severity }.count
    }

    public var countsByCheck: [String: Int] {
        findings.reduce(into: [:]) { $0[$1.checkID, default: 0] += 1 }
    }

    /// True when something at or above `threshold` was found.
    public func fails(at threshold: Severity?) -> Bool {
        guard let threshold else { return false }
        return findings.contains { $0.severity >= threshold }
    }
}
