/// A kind or state in the jobs table that this build does not know (written by a newer version?).
struct UnknownStoredValue: Error, CustomStringConvertible {
    var column: String
    var value: String

    var description: String {
        "the jobs table holds \(column) '\(value)', which this version of Shipshape does not know (was it written by a newer one?)"
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
