import Foundation
import Manifests
import Policy
import Testing

/// Polaris' 43 schema checks, loaded as custom checks, against the native checks over the whole
/// shared corpus (`../shared/corpus/`, read in place), as `scripts/bench-polaris-custom-checks`
/// compares them: per check, the findings must be the same, or the check must be in
/// `Fixtures/polaris-custom-checks/explained-differences.txt` (the list the script prints, each
/// entry naming the page of docs/ that says why). A difference not listed is a fault of the
/// custom-check engine until the documentation explains it.
@Suite struct PolarisCustomCheckCorpusTests {
    /// Who a finding is about: check, file, object, and the container for a definition that targets
    /// containers. A definition that targets the pod spec (`hostProcess`, `procMount`...) finds the
    /// pod once where the native check names each container, so those are compared per object.
    struct Key: Hashable, CustomStringConvertible {
        var checkID: String
        var file: String
        var object: ObjectReference?
        var container: String?

        var description: String {
            "\(file) \(object?.description ?? "(file)")" + (container.map { " container \($0)" } ?? "")
        }
    }

    static let explainedDifferencesFile = TestPaths.fixtures.appending(
        path: "polaris-custom-checks/explained-differences.txt")

    /// Check id → the page of docs/ that explains why its findings differ.
    static func explainedDifferences() throws -> [String: String] {
        let text = try String(contentsOf: explainedDifferencesFile, encoding: .utf8)
        var explained: [String: String] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty && !line.hasPrefix("#") {
            let words = line.split(separator: " ")
            guard words.count == 2 else {
                throw CocoaError(
                    .fileReadCorruptFile,
                    userInfo: [
                        NSLocalizedDescriptionKey:
                            "\(explainedDifferencesFile.path):\(index + 1): expected `check-id page`, found \(line)"
                    ])
            }
            explained[String(words[0])] = String(words[1])
        }
        return explained
    }

    /// Per check, the keys of its findings.
    static func keys(_ report: CheckReport, checks: [String: Bool]) -> [String: Set<Key>] {
        var keys: [String: Set<Key>] = [:]
        for finding in report.findings {
            guard let perContainer = checks[finding.checkID] else { continue }
            keys[finding.checkID, default: []].insert(
                Key(
                    checkID: finding.checkID, file: finding.file, object: finding.object,
                    container: perContainer ? finding.container : nil))
        }
        return keys
    }

    @Test func everyCheckFindsWhatTheNativeCheckFindsOrTheDifferenceIsExplained() throws {
        let loaded = PolarisCustomCheckTests.loaded
        let explained = try Self.explainedDifferences()
        let docs = TestPaths.repository.appending(path: "docs")
        for (check, page) in explained {
            #expect(
                loaded.ids.contains(check), "\(Self.explainedDifferencesFile.path): \(check) is not a Polaris check")
            #expect(
                FileManager.default.fileExists(atPath: docs.appending(path: page).path),
                "\(Self.explainedDifferencesFile.path): \(check) names docs/\(page), which does not exist")
        }

        // Check id → whether its definition targets containers.
        let checks = Dictionary(
            uniqueKeysWithValues: loaded.configuration.customChecks.map { ($0.id, $0.metadata.target == "Container") })
        let paths = try ManifestWalker.files(under: [TestPaths.sharedCorpus.path])
        let native = try TestEngine.make(configuration: PolarisChecksAsCustomChecks.nativeSeverities(loaded.ids))
            .run(paths: paths, source: TestEngine.fileSource)
        let custom = try TestEngine.make(configuration: loaded.configuration).run(
            paths: paths, source: TestEngine.fileSource)
        let nativeKeys = Self.keys(native, checks: checks)
        let customKeys = Self.keys(custom, checks: checks)
        #expect(nativeKeys.values.reduce(0) { $0 + $1.count } > 1_000, "the corpus gives findings to compare")

        var differing: [String] = []
        for check in checks.keys.sorted() {
            let nativeOnly = nativeKeys[check, default: []].subtracting(customKeys[check, default: []])
            let customOnly = customKeys[check, default: []].subtracting(nativeKeys[check, default: []])
            if nativeOnly.isEmpty && customOnly.isEmpty { continue }
            differing.append(check)
            let examples =
                nativeOnly.prefix(3).map { "only native: \($0)" } + customOnly.prefix(3).map { "only custom: \($0)" }
            #expect(
                explained[check] != nil,
                """
                \(check): \(nativeOnly.count) findings only the native check reports, \(customOnly.count) only the \
                custom check, and \(Self.explainedDifferencesFile.lastPathComponent) does not explain it; \
                \(examples.joined(separator: "; "))
                """)
        }
        print(
            "Polaris custom checks over the corpus: \(checks.count - differing.count) of \(checks.count) agree;"
                + " \(differing.count) differ (\(differing.filter { explained[$0] == nil }.count) unexplained);"
                + " listed but the same on the corpus' files as written:"
                + " \(explained.keys.filter { !differing.contains($0) }.sorted())")
    }
}
