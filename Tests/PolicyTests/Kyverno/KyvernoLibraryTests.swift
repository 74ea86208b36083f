import Foundation
import Manifests
import ShipshapeTesting
import Testing

@testable import Policy

/// Runs the Kyverno library's own tests (`../shared/reference/kyverno-policies`, each policy's
/// `.kyverno-test/kyverno-test.yaml`): for every (policy, rule, resource) they list whose rule
/// the engine runs, the verdict must be Kyverno's. Rules the engine does not run are counted
/// as unsupported (their notes say why), never as agreeing.
@Suite struct KyvernoLibraryTests {
    static let library = SharedData.folder.appending(path: "reference/kyverno-policies")

    struct Expectation {
        var policy: String, rule: String, kind: String, resource: String, result: String, test: String
    }

    struct Tally {
        var agree = 0, differ: [String] = [], unsupported = 0, unsupportedRules = Set<String>()
    }

    static func testFiles() -> [URL] {
        guard let walker = FileManager.default.enumerator(at: library, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }.filter { $0.lastPathComponent == "kyverno-test.yaml" }.sorted {
            $0.path < $1.path
        }
    }

    static func objects(at url: URL) throws -> [KubernetesObject] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return ManifestReader.read(path: url.path, text: text).objects
    }

    static func run(_ testFile: URL, into tally: inout Tally) throws {
        let folder = testFile.deletingLastPathComponent()
        guard let root = YAMLParser.parse(try String(contentsOf: testFile, encoding: .utf8)).documents.first?.root
        else { return }
        var rules: [String: KyvernoRule] = [:]
        for path in root["policies"]?.items?.compactMap(\.string) ?? [] {
            for object in try objects(at: folder.appending(path: path)) where KyvernoPolicies.isPolicy(object) {
                for rule in KyvernoPolicyLoader.load(object).rules { rules["\(rule.policy)/\(rule.name)"] = rule }
            }
        }
        var resources: [String: KubernetesObject] = [:]
        for path in root["resources"]?.items?.compactMap(\.string) ?? [] {
            for object in try objects(at: folder.appending(path: path)) {
                resources["\(object.kind)/\(object.name)"] = object
            }
        }
        for result in root["results"]?.items ?? [] {
            let names =
                (result["resources"]?.items?.compactMap(\.string) ?? [])
                + (result["resource"]?.string.map { [$0] } ?? [])
            for name in names {
                let expectation = Expectation(
                    policy: result["policy"]?.string ?? "", rule: result["rule"]?.string ?? "",
                    kind: result["kind"]?.string ?? "", resource: String(name.split(separator: "/").last ?? ""),
                    result: result["result"]?.string ?? "", test: folder.deletingLastPathComponent().lastPathComponent)
                let key = "\(expectation.policy)/\(expectation.rule)"
                guard let rule = rules[key] else {
                    tally.unsupported += 1
                    tally.unsupportedRules.insert(key)
                    continue
                }
                guard let object = resources["\(expectation.kind)/\(expectation.resource)"] else {
                    tally.differ.append(
                        "\(expectation.test): \(expectation.kind)/\(expectation.resource) is not in the test's resources"
                    )
                    continue
                }
                let outcome = KyvernoRuleEvaluator.evaluate(rule, on: object)
                if outcome.verdict == expectation.result {
                    tally.agree += 1
                } else {
                    tally.differ.append(
                        "\(key) on \(expectation.kind)/\(expectation.resource): Kyverno \(expectation.result), Shipshape \(outcome.verdict) \(outcome)"
                    )
                }
            }
        }
    }

    @Test func agreesWithKyvernosOwnTests() throws {
        let files = Self.testFiles()
        #expect(files.count >= 40, "expected the Kyverno library's tests in \(Self.library.path)")
        var tally = Tally()
        for file in files { try Self.run(file, into: &tally) }
        print(
            "Kyverno library tests: \(tally.agree) agree, \(tally.differ.count) differ, \(tally.unsupported) unsupported (rules not run: \(tally.unsupportedRules.sorted().joined(separator: ", ")))"
        )
        for difference in tally.differ { print("  differs: \(difference)") }
        #expect(tally.differ.isEmpty)
        #expect(tally.agree > 0)
    }
}
