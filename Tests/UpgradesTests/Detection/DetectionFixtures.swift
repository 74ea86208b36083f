@testable import Upgrades

/// Scans in-memory files and finds dependencies by what they hold, for readable assertions.
struct ScannedTree {
    let report: DetectionReport
    let files: [String: [UInt8]]

    init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
        report = DependencyScanner.scan(
            contents: files.sorted { $0.key < $1.key }.map { ($0.key, Array($0.value.utf8)) })
    }

    func dependency(_ name: String, _ current: String) -> Dependency? {
        report.dependencies.first { $0.name == name && $0.currentValue == current }
    }

    /// The bytes a dependency's location points at: must be exactly its version.
    func writtenText(_ location: ValueLocation?) -> String? {
        guard let location, let range = location.range, let bytes = files[location.file] else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }
}
