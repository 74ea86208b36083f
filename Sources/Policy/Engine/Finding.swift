import Manifests

/// One problem, ready to report: what, how bad, and exactly where.
package struct Finding: Sendable, Hashable {
    package var checkID: String
    package var severity: Severity
    package var category: CheckCategory
    package var file: String
    package var position: SourcePosition
    /// The object the finding is about; `nil` for a file-level finding such as a syntax error.
    package var object: ObjectReference?
    package var container: String?
    /// Where in the document the offending (or missing) field is.
    package var path: DocumentPath
    package var message: String
    /// Which document of its file the object is in (generated manifests map findings back by it).
    package var documentIndex: Int?

    package init(
        checkID: String, severity: Severity, category: CheckCategory, file: String, position: SourcePosition,
        object: ObjectReference?, container: String?, path: DocumentPath, message: String, documentIndex: Int? = nil
    ) {
        self.checkID = checkID
        self.severity = severity
        self.category = category
        self.file = file
        self.position = position
        self.object = object
        self.container = container
        self.path = path
        self.message = message
        self.documentIndex = documentIndex
    }

    /// Who the finding is about, independent of line numbers: check, file, object, container
    /// and path in the document. Stays the same when lines move, so re-runs recognise it.
    package var fingerprint: String {
        [checkID, file, object?.description ?? "", container ?? "", path.description].joined(separator: "|")
    }

    /// Reports list findings by file, then position, then check.
    /// The findings sorted by `reportOrder`, without comparing file names per pair: each distinct
    /// file gets its rank once, and indices are sorted rather than the (large) findings themselves.
    package static func inReportOrder(_ findings: [Finding]) -> [Finding] {
        let rank = Dictionary(uniqueKeysWithValues: Set(findings.map(\.file)).sorted().enumerated().map { ($1, $0) })
        let ranks = findings.map { rank[$0.file] ?? 0 }
        let order = findings.indices.sorted { left, right in
            if ranks[left] != ranks[right] { return ranks[left] < ranks[right] }
            return reportOrder(findings[left], findings[right])
        }
        return order.map { findings[$0] }
    }

    /// `findings` put in report order in place: the order is worked out on indices as
    /// `inReportOrder` does, then applied by following its cycles, so no second list is made.
    package static func sortInReportOrder(_ findings: inout [Finding]) {
        let rank = Dictionary(uniqueKeysWithValues: Set(findings.map(\.file)).sorted().enumerated().map { ($1, $0) })
        let ranks = findings.map { rank[$0.file] ?? 0 }
        var order = findings.indices.sorted { left, right in
            if ranks[left] != ranks[right] { return ranks[left] < ranks[right] }
            return reportOrder(findings[left], findings[right])
        }
        // order[i] is the index of the finding that goes to position i.
        for start in order.indices where order[start] != start {
            let first = findings[start]
            var position = start
            while order[position] != start {
                let next = order[position]
                findings[position] = findings[next]
                order[position] = position
                position = next
            }
            findings[position] = first
            order[position] = position
        }
    }

    package static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.position != rhs.position { return lhs.position < rhs.position }
        if lhs.checkID != rhs.checkID { return lhs.checkID < rhs.checkID }
        return (lhs.container ?? "") < (rhs.container ?? "")
    }
}
