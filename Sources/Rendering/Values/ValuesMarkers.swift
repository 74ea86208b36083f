import Foundation
import Policy
import Synchronization

/// Unique stand-ins for the strings a repository wrote in its values: rendered once with them,
/// a chart shows where each written value ends up (`shpmk12k` in an `image:` line means that
/// line came from marker 12's key). Letters and digits only, so names built from them stay
/// valid DNS labels.
final class ValuesMarkers: Sendable {
    private struct Table {
        var origins: [SourceLocation] = []
        var numbers: [SourceLocation: Int] = [:]
    }

    private let table = Mutex(Table())

    /// The marker of the value written at `origin`: the same one each time it is asked.
    func marker(for origin: SourceLocation) -> String {
        table.withLock { table in
            if let number = table.numbers[origin] { return "shpmk\(number)k" }
            table.origins.append(origin)
            table.numbers[origin] = table.origins.count - 1
            return "shpmk\(table.origins.count - 1)k"
        }
    }

    /// The origins of the markers in `text`, in order of appearance.
    func origins(in text: String) -> [SourceLocation] {
        guard text.contains("shpmk") else { return [] }
        let known = table.withLock { $0.origins }
        var found: [SourceLocation] = []
        var rest = Substring(text)
        while let start = rest.range(of: "shpmk") {
            let digits = rest[start.upperBound...].prefix { $0.isASCII && $0.isNumber }
            let end = digits.endIndex
            if !digits.isEmpty, end < rest.endIndex, rest[end] == "k", let number = Int(digits), number < known.count {
                found.append(known[number])
                rest = rest[rest.index(after: end)...]
            } else {
                rest = rest[start.upperBound...]
            }
        }
        return found
    }
}
