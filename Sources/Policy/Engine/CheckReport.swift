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

    /// The findings, in memory or in a temporary file (`FindingList`): reports are written from it.
    package var findingList: FindingList
    /// The findings as an array (read back whole when they are in a temporary file).
    package var findings: [Finding] {
        get { findingList.array }
        set { findingList = FindingList(newValue) }
    }
    package var files: [FileOutcome]
    package var notes: [String]
    /// Checks made at run time (Kyverno rules), with their severities: SARIF rules come from here.
    package var runtimeChecks: [CheckMetadata]
    package var runtimeSeverities: [String: Severity]

    package init(
        findings: [Finding], files: [FileOutcome], notes: [String], runtimeChecks: [CheckMetadata] = [],
        runtimeSeverities: [String: Severity] = [:]
    ) {
        self.init(
            findingList: FindingList(findings), files: files, notes: notes, runtimeChecks: runtimeChecks,
            runtimeSeverities: runtimeSeverities)
    }

    package init(
        findingList: FindingList, files: [FileOutcome], notes: [String], runtimeChecks: [CheckMetadata] = [],
        runtimeSeverities: [String: Severity] = [:]
    ) {
        self.findingList = findingList
        self.files = files
        self.notes = notes
        self.runtimeChecks = runtimeChecks
        self.runtimeSeverities = runtimeSeverities
    }

    package var unreadableFiles: [FileOutcome] { files.filter { $0.status == .unreadable } }

    package func count(_ severity: Severity) -> Int {
        var count = 0
        findingList.forEachCheck { _, found in if found == severity { count += 1 } }
        return count
    }

    package var countsByCheck: [String: Int] {
        var counts: [String: Int] = [:]
        findingList.forEachCheck { checkID, _ in counts[checkID, default: 0] += 1 }
        return counts
    }

    /// True when something at or above `threshold` was found.
    package func fails(at threshold: Severity?) -> Bool {
        guard let threshold else { return false }
        var fails = false
        findingList.forEachCheck { _, severity in fails = fails || severity >= threshold }
        return fails
    }
}
