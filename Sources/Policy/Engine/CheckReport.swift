import Manifests

/// Everything one `check` run found, and what it did with every file.
package struct CheckReport: Sendable {
    package struct FileOutcome: Sendable {
        package enum Status: String, Sendable {
            case checked, notKubernetes, template, ignored, unreadable
        }

        package var path: String
        package var status: Status
        package var documents: Int
        package var objects: Int
        package var bytes: Int
        /// Why a file could not be read.
        package var error: String?

        package init(
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

    package var findings: [Finding]
    package var files: [FileOutcome]
    package var notes: [String]
    /// Checks made at run time (Kyverno rules), with their severities: SARIF rules come from here.
    package var runtimeChecks: [CheckMetadata]
    package var runtimeSeverities: [String: Severity]

    package init(
        findings: [Finding], files: [FileOutcome], notes: [String], runtimeChecks: [CheckMetadata] = [],
        runtimeSeverities: [String: Severity] = [:]
    ) {
        self.findings = findings
        self.files = files
        self.notes = notes
        self.runtimeChecks = runtimeChecks
        self.runtimeSeverities = runtimeSeverities
    }

    package var unreadableFiles: [FileOutcome] { files.filter { $0.status == .unreadable } }

    package func count(_ severity: Severity) -> Int {
        findings.filter { $0.severity == severity }.count
    }

    package var countsByCheck: [String: Int] {
        findings.reduce(into: [:]) { $0[$1.checkID, default: 0] += 1 }
    }

    /// True when something at or above `threshold` was found.
    package func fails(at threshold: Severity?) -> Bool {
        guard let threshold else { return false }
        return findings.contains { $0.severity >= threshold }
    }
}
