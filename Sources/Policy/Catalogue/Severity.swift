/// Polaris' severities: `danger` fails the run by default, `warning` is reported, `ignore` turns a check off.
package enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case ignore, warning, danger

    package static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    package var rank: Int {
        switch self {
        case .ignore: 0
        case .warning: 1
        case .danger: 2
        }
    }
}
