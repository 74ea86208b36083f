/// A release number such as `1.35` or `v1.16.0`, compared part by part (missing parts are 0).
package struct ReleaseVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var parts: [Int]

    package init?(_ text: String) {
        var trimmed = Substring(text)
        if trimmed.hasPrefix("v") || trimmed.hasPrefix("V") { trimmed = trimmed.dropFirst() }
        let pieces = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard !pieces.isEmpty, pieces.count <= 3 else { return nil }
        var parts: [Int] = []
        for piece in pieces {
            guard let number = Int(piece), number >= 0 else { return nil }
            parts.append(number)
        }
        self.parts = parts
    }

    package static func < (lhs: ReleaseVersion, rhs: ReleaseVersion) -> Bool {
        for index in 0..<max(lhs.parts.count, rhs.parts.count) {
            let left = index < lhs.parts.count ? lhs.parts[index] : 0
            let right = index < rhs.parts.count ? rhs.parts[index] : 0
            if left != right { return left < right }
        }
        return false
    }

    package static func == (lhs: ReleaseVersion, rhs: ReleaseVersion) -> Bool {
        !(lhs < rhs) && !(rhs < lhs)
    }

    package func hash(into hasher: inout Hasher) {
        var trimmed = parts
        while trimmed.count > 1, trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
    }

    package var description: String { parts.map(String.init).joined(separator: ".") }
}
