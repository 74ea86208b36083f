/// How bad an advisory is, from its CVSS v3 vector's base score (0.1–3.9 low, 4–6.9 medium,
/// 7–8.9 high, 9–10 critical), else from the severity word its database gives; `unknown` when
/// neither says (Debian, Alpine and Go advisories often do not).
package enum Severity: String, Sendable, Codable, Hashable, Comparable, CaseIterable {
    case unknown, low, medium, high, critical

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    package static func < (left: Self, right: Self) -> Bool { left.rank < right.rank }

    package init(score: Double) {
        switch score {
        case 9...: self = .critical
        case 7..<9: self = .high
        case 4..<7: self = .medium
        case 0.1..<4: self = .low
        default: self = .unknown
        }
    }

    /// A database's word: GitHub's MODERATE is medium; Ubuntu's and Debian's "negligible" is low.
    package init?(word: String) {
        switch word.lowercased() {
        case "critical": self = .critical
        case "high", "important": self = .high
        case "medium", "moderate": self = .medium
        case "low", "negligible", "unimportant": self = .low
        default: return nil
        }
    }

    /// The advisory's worst statement for the affected entry: CVSS v3 scores (the entry's, else the
    /// record's), else severity words.
    static func of(_ record: OSVRecord, _ affected: OSVRecord.Affected?) -> (severity: Severity, score: Double?) {
        let vectors = (affected?.severity ?? []) + (record.severity ?? [])
        let scores = vectors.filter { $0.type == "CVSS_V3" }.compactMap { CVSSv3.baseScore(vector: $0.score) }
        if let best = scores.max() { return (Severity(score: best), best) }
        let words = [
            affected?.ecosystemSpecific?.severity, affected?.databaseSpecific?.severity,
            record.databaseSpecific?.severity,
        ]
        return (words.compactMap { $0.flatMap(Severity.init(word:)) }.max() ?? .unknown, nil)
    }
}
