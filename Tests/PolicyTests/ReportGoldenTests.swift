import Foundation
import ShipshapeTesting
import Testing

@testable import Policy

/// The three report formats over `examples/`, compared byte for byte with `Golden/`.
/// `RECORD_GOLDEN=1 swift test --filter ReportGoldenTests` rewrites the golden files.
@Suite struct ReportGoldenTests {
    static func exampleReport() throws -> (CheckReport, PolicyConfiguration) {
        let folder = TestPaths.repository.appending(path: "examples")
        let files = try TestPaths.files(in: folder, withExtensions: ["yaml", "yml", "json"]).map { url in
            ("examples" + url.path.dropFirst(folder.path.count), try String(contentsOf: url, encoding: .utf8))
        }
        let configuration = try BundledData.defaultConfiguration()
        return (try TestEngine.make().run(files: files), configuration)
    }

    static func assertGolden(_ actual: String, _ name: String) throws {
        try GoldenFile.check(actual, against: TestPaths.testsFolder.appending(path: "Golden/\(name)"))
    }

    @Test func text() throws {
        let (report, _) = try Self.exampleReport()
        try Self.assertGolden(TextReport(useColor: false).render(report), "examples.txt")
    }

    @Test func coloredTextMarksSeverities() throws {
        let (report, _) = try Self.exampleReport()
        let colored = TextReport(useColor: true).render(report)
        #expect(colored.contains("\u{1B}[31mdanger"))
        #expect(colored.contains("\u{1B}[33mwarning"))
    }

    @Test func json() throws {
        let (report, _) = try Self.exampleReport()
        try Self.assertGolden(JSONReport.render(report), "examples.json")
    }

    @Test func sarif() throws {
        let (report, configuration) = try Self.exampleReport()
        let text = SARIFReport.render(report, checks: Catalogue.metadata, configuration: configuration)
        try Self.assertGolden(text, "examples.sarif")
    }

    /// What GitHub code scanning requires of an upload.
    @Test func sarifHasWhatCodeScanningNeeds() throws {
        let (report, configuration) = try Self.exampleReport()
        let text = SARIFReport.render(report, checks: Catalogue.metadata, configuration: configuration)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Shipshape")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(
            rules.count == Catalogue.all.count + report.runtimeChecks.count,
            "one rule per check, Kyverno rules included")
        #expect(report.runtimeChecks.map(\.id) == ["kyverno:shop-images/shop-registry"])
        for rule in rules {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String != nil)
            #expect((rule["help"] as? [String: Any])?["text"] as? String != nil)
            #expect(
                ["error", "warning", "note", "none"].contains(
                    (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String ?? ""))
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            #expect((result["message"] as? [String: Any])?["text"] as? String != nil)
            let location = try #require(
                ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
            let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(!uri.hasPrefix("/") && !uri.hasPrefix("./"), "code scanning needs paths relative to the repository")
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((region["startColumn"] as? Int ?? 0) >= 1)
        }
    }
}
