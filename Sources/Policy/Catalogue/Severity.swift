/// Polaris' severities: `danger` fails the run by default, `warning` is reported, `ignore` turns a check off.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case ignore, warning, danger

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    public var rank: Int {
        switch self {
        case .ignore: 0
        case .warning: 1
        case .danger: 2
        }
    }
}
