import Manifests

/// A report's findings: in memory, or in a `FindingSpill`'s file with a small entry each in
/// memory. Sorting, filtering and merging work on the entries; a finding is read back when it
/// is looked at, so a report is written from the file one finding at a time.
package struct FindingList: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case memory([Finding])
        case spilled(FindingSpill, [FindingSpill.Entry])
    }

    private var storage: Storage

    package init(_ findings: [Finding] = []) { storage = .memory(findings) }

    /// An empty list that keeps what is added to it in `spill`, or in memory without one.
    package init(spill: FindingSpill?) {
        storage = spill.map { .spilled($0, []) } ?? .memory([])
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int {
        switch storage {
        case .memory(let findings): findings.count
        case .spilled(_, let entries): entries.count
        }
    }

    package subscript(position: Int) -> Finding {
        switch storage {
        case .memory(let findings): findings[position]
        case .spilled(let spill, let entries): spill.finding(entries[position])
        }
    }

    /// The findings as an array (read back from the file when spilled).
    package var array: [Finding] {
        if case .memory(let findings) = storage { return findings }
        return Array(self)
    }

    /// The same kind of list, empty: what a filter or merge builds its result in.
    package var emptyCopy: FindingList {
        switch storage {
        case .memory: FindingList()
        case .spilled(let spill, _): FindingList(spill: spill)
        }
    }

    /// Adds findings (written to the file when spilled).
    package mutating func append(contentsOf findings: [Finding]) {
        if let spill {
            let added = spill.append(findings)
            updateEntries { $0 += added }
        } else {
            updateFindings { $0 += findings }
        }
    }

    package mutating func append(_ finding: Finding) { append(contentsOf: [finding]) }

    /// Adds the finding at `index` of `other`, a list of the same kind, without reading it back.
    package mutating func append(_ index: Int, of other: FindingList) {
        if let spill, let source = other.spill, spill === source {
            let entry = other.entry(at: index)
            updateEntries { $0.append(entry) }
        } else {
            append(other[index])
        }
    }

    /// Adds every finding of `other` (entries only, when both are in the same file).
    package mutating func append(contentsOf other: FindingList) {
        if let spill, let source = other.spill, spill === source {
            guard case .spilled(_, let added) = other.storage else { return }
            updateEntries { $0 += added }
        } else if spill == nil, other.spill == nil {
            append(contentsOf: other.array)
        } else {
            for index in other.indices { append(index, of: other) }
        }
    }

    /// The spill the findings are kept in, if any.
    private var spill: FindingSpill? {
        if case .spilled(let spill, _) = storage { return spill }
        return nil
    }

    private func entry(at index: Int) -> FindingSpill.Entry {
        guard case .spilled(_, let entries) = storage else { preconditionFailure("entries of a list in memory") }
        return entries[index]
    }

    // The two below take the array out of `storage` before changing it, so it is the only
    // reference and grows in place: a copy per append made merging quadratic in findings.

    private mutating func updateEntries(_ change: (inout [FindingSpill.Entry]) -> Void) {
        guard case .spilled(let spill, var entries) = storage else { return }
        storage = .memory([])
        change(&entries)
        storage = .spilled(spill, entries)
    }

    private mutating func updateFindings(_ change: (inout [Finding]) -> Void) {
        guard case .memory(var findings) = storage else { return }
        storage = .memory([])
        change(&findings)
        storage = .memory(findings)
    }

    /// The findings `isIncluded` keeps, in order.
    package func filtered(_ isIncluded: (Finding) -> Bool) -> FindingList {
        var kept = emptyCopy
        for index in indices where isIncluded(self[index]) { kept.append(index, of: self) }
        return kept
    }

    /// Puts the findings in report order (`Finding.reportOrder`), as `Finding.sortInReportOrder`
    /// does; spilled ones by their entries, with files, check ids and containers ranked once.
    package mutating func sortInReportOrder() {
        guard let spill else {
            updateFindings { Finding.sortInReportOrder(&$0) }
            return
        }
        let rank = spill.stringRanks()
        // The comparisons of `Finding.reportOrder`, on ranks (equal strings share one).
        updateEntries { entries in
            entries.sort { left, right in
                if left.file != right.file { return rank[Int(left.file)] < rank[Int(right.file)] }
                if (left.line, left.column, left.positionOffset) != (right.line, right.column, right.positionOffset) {
                    return (left.line, left.column) < (right.line, right.column)
                }
                if left.checkID != right.checkID { return rank[Int(left.checkID)] < rank[Int(right.checkID)] }
                return rank[Int(left.container)] < rank[Int(right.container)]
            }
        }
    }

    /// Each finding's check id and severity, without reading findings back: what summaries count.
    package func forEachCheck(_ body: (_ checkID: String, _ severity: Severity) -> Void) {
        switch storage {
        case .memory(let findings): for finding in findings { body(finding.checkID, finding.severity) }
        case .spilled(let spill, let entries):
            var names: [Int32: String] = [:]
            for entry in entries {
                let name = names[entry.checkID] ?? spill.string(entry.checkID)
                names[entry.checkID] = name
                body(name, entry.severity)
            }
        }
    }

    /// How many different files the findings are in.
    package var fileCount: Int {
        switch storage {
        case .memory(let findings): Set(findings.map(\.file)).count
        case .spilled(_, let entries): Set(entries.map(\.file)).count
        }
    }
}

extension FindingList: ExpressibleByArrayLiteral {
    package init(arrayLiteral elements: Finding...) { self.init(elements) }
}

/// Which keys were seen, holding a hash and a position per key rather than the key: the key of
/// an earlier position is worked out again (`keyAt`) only when hashes meet.
package struct SeenKeys {
    private var first: [Int: Int] = [:]
    /// Positions whose key's hash met another key's (rare): checked one by one.
    private var more: [Int: [Int]] = [:]

    package init() {}

    /// The position first seen with `key`, or nil after recording `position` as its first.
    package mutating func firstPosition(of key: String, at position: Int, keyAt: (Int) -> String) -> Int? {
        let hash = key.hashValue
        guard let earlier = first[hash] else {
            first[hash] = position
            return nil
        }
        if keyAt(earlier) == key { return earlier }
        for other in more[hash] ?? [] where keyAt(other) == key { return other }
        more[hash, default: []].append(position)
        return nil
    }
}
