/// How one ecosystem orders its versions; `compare` is nil when either text is not a version of
/// the scheme (an advisory range over such a version cannot be decided, and is reported so).
package enum VersionScheme: String, Sendable, CaseIterable {
    case debian, rpm, alpine, goSemantic

    package func compare(_ left: String, _ right: String) -> Int? {
        switch self {
        case .debian:
            guard let a = DebianVersion(left), let b = DebianVersion(right) else { return nil }
            return DebianVersion.compare(a, b)
        case .rpm:
            return RPMVersion.compare(RPMVersion(left), RPMVersion(right))
        case .alpine:
            guard let a = AlpineVersion(left), let b = AlpineVersion(right) else { return nil }
            return AlpineVersion.compare(a, b)
        case .goSemantic:
            guard let a = GoSemanticVersion(left), let b = GoSemanticVersion(right) else { return nil }
            return GoSemanticVersion.compare(a, b)
        }
    }
}
