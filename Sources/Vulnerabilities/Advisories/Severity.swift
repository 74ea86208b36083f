/// How bad an advisory is: from its CVSS base score (v3 first, else v4, else v2; 0.1–3.9 low,
/// 4–6.9 medium, 7–8.9 high, 9–10 critical; a v2 score on NVD's v2 scale, which has no critical),
/// else from the severity word its database gives; `unknown` when neither says (Debian, Alpine and
/// Go advisories often do not).
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

    /// NVD's scale for CVSS v2 scores, which has no critical: 0–3.9 low, 4–6.9 medium, 7–10 high.
    package init(cvssV2Score score: Double) {
        switch score {
        case 7...: self = .high
        case 4..<7: self = .medium
        default: self = .low
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

    /// The advisory's worst statement for the affected entry, from the entry's vectors and the
    /// record's together: the highest CVSS v3 base score; without a v3 vector the highest v4
    /// score; without either the highest v2 score; else severity words.
    static func of(_ record: OSVRecord, _ affected: OSVRecord.Affected?) -> (severity: Severity, score: Double?) {
        let vectors = (affected?.severity ?? []) + (record.severity ?? [])
        func best(_ type: String, _ score: (String) -> Double?) -> Double? {
            vectors.filter { $0.type == type }.compactMap { score($0.score) }.max()
        }
        if let best = best("CVSS_V3", CVSSv3.baseScore(vector:)) { return (Severity(score: best), best) }
        if let best = best("CVSS_V4", CVSSv4.score(vector:)) { return (Severity(score: best), best) }
        if let best = best("CVSS_V2", CVSSv2.baseScore(vector:)) { return (Severity(cvssV2Score: best), best) }
        let words = [
            affected?.ecosystemSpecific?.severity, affected?.databaseSpecific?.severity,
            record.databaseSpecific?.severity,
        ]
        return (words.compactMap { $0.flatMap(Severity.init(word:)) }.max() ?? .unknown, nil)
    }
}
