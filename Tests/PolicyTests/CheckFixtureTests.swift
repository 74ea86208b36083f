import Foundation
import Manifests
import Policy
import Testing

/// Runs every fixture under `Fixtures/checks/<checkId>/`: a `failure.*` file must produce a
/// finding of that check on exactly the lines marked `# expect: <checkId>`, a `success.*` file none.
/// `SHIPSHAPE_CHECK=<id> swift test --filter CheckFixtureTests` runs one check's fixtures.
@Suite struct CheckFixtureTests {
    struct Fixture: CustomTestStringConvertible, Sendable {
        let checkID: String
        let url: URL
        var isFailure: Bool { url.lastPathComponent.hasPrefix("failure.") }
        var testDescription: String { "\(checkID)/\(url.lastPathComponent)" }
    }

    static let fixtures: [Fixture] = {
        let only = ProcessInfo.processInfo.environment["SHIPSHAPE_CHECK"]
        return TestPaths.subfolders(of: TestPaths.fixtures.appending(path: "checks")).flatMap { folder in
            let id = folder.lastPathComponent
            guard only == nil || only == id else { return [Fixture]() }
            return TestPaths.files(in: folder).map { Fixture(checkID: id, url: $0) }
        }
    }()

    @Test(arguments: fixtures)
    func findingsLandOnMarkedLines(_ fixture: Fixture) throws {
        let text = try String(contentsOf: fixture.url, encoding: .utf8)
        let marker = "# expect: \(fixture.checkID)"
        let expectedLines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains(marker) }.map { $0.offset + 1 }
        let report = try TestEngine.check(text, path: "\(fixture.checkID)/\(fixture.url.lastPathComponent)")
        let foundLines = report.findings.filter { $0.checkID == fixture.checkID }.map(\.position.line)
        if fixture.isFailure {
            #expect(!expectedLines.isEmpty, "a failure fixture must mark the line its finding anchors to")
        } else {
            #expect(expectedLines.isEmpty, "a success fixture marks no line")
        }
        #expect(foundLines.sorted() == expectedLines.sorted())
    }
}
