/// A kind, state or severity in a table that this build does not know (written by a newer version?).
struct UnknownStoredValue: Error, CustomStringConvertible {
    var table = "jobs"
    var column: String
    var value: String

    var description: String {
        "the \(table) table holds \(column) '\(value)', which this version of Shipshape does not know (was it written by a newer one?)"
    }
}

extension JobKind {
    init(stored name: String) throws {
        guard let kind = JobKind(rawValue: name) else { throw UnknownStoredValue(column: "kind", value: name) }
        self = kind
    }
}

extension JobState {
    init(stored name: String) throws {
        guard let state = JobState(rawValue: name) else { throw UnknownStoredValue(column: "state", value: name) }
        self = state
    }
}

extension ScanFinding.Severity {
    init(stored name: String) throws {
        guard let severity = Self(rawValue: name) else {
            throw UnknownStoredValue(table: "scan_findings", column: "severity", value: name)
        }
        self = severity
    }
}

extension OutdatedDependency.Kind {
    init(stored name: String) throws {
        guard let kind = Self(rawValue: name) else {
            throw UnknownStoredValue(table: "outdated_dependencies", column: "kind", value: name)
        }
        self = kind
    }
}
