import Foundation
import Manifests
import ShipshapeTesting
import Testing

@testable import Fixes
@testable import Policy

/// Every fix over the whole shared corpus (`../shared/corpus/`, read in place): each fixed file
/// still parses, the fixed findings are gone, nothing outside the edited paths changed (the
/// parsed documents are compared with those paths left out), and a second run is a no-op.
@Suite struct CorpusFixTests {
    static let corpus = SharedData.corpus

    @Test func everyFixOfTheCorpusIsMinimalAndFinal() throws {
        let engine = try FixEngineTests.engine(.all)
        let paths = try ManifestWalker.files(under: [Self.corpus.path])
        #expect(paths.count > 8_000, "the corpus is at \(Self.corpus.path)")
        var fixedFiles = 0
        var fixes = 0
        var problems: [String] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let original = [UInt8](data)
            let outcome = engine.fix(path: path, bytes: original)
            guard !outcome.applied.isEmpty else { continue }
            fixedFiles += 1
            fixes += outcome.applied.count
            let before = YAMLParser.parse(bytes: original)
            let after = YAMLParser.parse(bytes: outcome.bytes)
            if after.errors.count > before.errors.count {
                problems.append("\(path): no longer parses: \(after.errors)")
            }
            if before.documents.count != after.documents.count {
                problems.append("\(path): document count changed")
                continue
            }
            for (index, document) in after.documents.enumerated() {
                let edited = outcome.applied.filter { $0.document == index }.flatMap(\.editedPaths)
                let changed = TreeDifference.paths(before.documents[index].root, document.root)
                for path in changed where !edited.contains(where: { path.hasPrefix($0) || $0.hasPrefix(path) }) {
                    problems.append("\(path) changed outside the fixes: \(path)")
                }
            }
            let again = engine.fix(path: path, bytes: outcome.bytes)
            if !again.applied.isEmpty || again.bytes != outcome.bytes {
                problems.append("\(path): a second run changed it again")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
        #expect(fixes > 5_000, "fixed \(fixes) findings in \(fixedFiles) files")
    }
}

/// The document paths where two trees differ (keys present in one only, or different scalars).
enum TreeDifference {
    static func paths(_ before: YAMLNode?, _ after: YAMLNode?, at path: DocumentPath = .root) -> [DocumentPath] {
        switch (before?.content, after?.content) {
        case (nil, nil): return []
        case (.scalar(let a)?, .scalar(let b)?): return a.text == b.text ? [] : [path]
        case (.mapping(let a)?, .mapping(let b)?):
            let keys = Set(a.compactMap(\.keyText)).union(b.compactMap(\.keyText))
            return keys.flatMap { key in
                paths(
                    a.first { $0.keyText == key }?.value, b.first { $0.keyText == key }?.value, at: path.appending(key))
            }
        case (.sequence(let a)?, .sequence(let b)?):
            return (0..<max(a.count, b.count)).flatMap { index in
                paths(
                    index < a.count ? a[index] : nil, index < b.count ? b[index] : nil, at: path.appending(index: index)
                )
            }
        default: return [path]
        }
    }
}

extension DocumentPath {
    func hasPrefix(_ other: DocumentPath) -> Bool {
        other.components.count <= components.count
            && Array(components.prefix(other.components.count)) == other.components
    }
}
