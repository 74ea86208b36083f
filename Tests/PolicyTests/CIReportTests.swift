import Foundation
import JSONKit
import JSONSchema
import Manifests
import ShipshapeTesting
import Testing

@testable import Policy

/// The formats CI systems read without the bot: GitLab's Code Quality report and GitHub's
/// workflow commands, over `examples/` (golden files in `Golden/`, refreshed with `RECORD_GOLDEN=1`).
@Suite struct CIReportTests {
    @Test func gitlabCodeQualityGolden() throws {
        let (report, _) = try ReportGoldenTests.exampleReport()
        try ReportGoldenTests.assertGolden(GitLabCodeQualityReport.render(report), "examples.gitlab-codequality.json")
    }

    /// Checked against GitLab's documented format (the schema in Fixtures/formats says where it is from).
    @Test func gitlabCodeQualityFollowsGitLabsSchema() throws {
        let (report, _) = try ReportGoldenTests.exampleReport()
        #expect(!report.findings.isEmpty)
        let schema = try Schema(
            text: String(
                decoding: try Data(
                    contentsOf: TestPaths.fixtures.appending(path: "formats/gitlab-codequality.schema.json")),
                as: UTF8.self))
        let issues = try JSONValue(jsonText: GitLabCodeQualityReport.render(report))
        let start = SourcePosition(line: 1, column: 1)
        #expect(schema.validate(.value(issues, at: start)) == nil)
        #expect(issues.arrayValue?.count == report.findings.count)
        // The schema itself refuses what GitLab refuses, so the check above can fail.
        let broken: JSONValue = [
            [
                "description": "d", "check_name": "c", "fingerprint": "f", "severity": "danger",
                "location": ["path": "./a.yaml", "lines": ["begin": 0]],
            ]
        ]
        #expect(schema.validate(.value(broken, at: start)) != nil)
    }

    /// GitLab compares a merge request's issues with its target's by fingerprint alone.
    @Test func gitlabFingerprintsAreUniqueAndStable() throws {
        let (report, _) = try ReportGoldenTests.exampleReport()
        var twice = report
        twice.findings += report.findings
        let fingerprints =
            try JSONValue(jsonText: GitLabCodeQualityReport.render(twice)).arrayValue?.compactMap {
                $0["fingerprint"]?.stringValue
            } ?? []
        #expect(fingerprints.count == 2 * report.findings.count)
        #expect(Set(fingerprints).count == fingerprints.count)
        #expect(
            GitLabCodeQualityReport.hexDigest("runAsPrivileged|examples/a.yaml")
                == GitLabCodeQualityReport.hexDigest("runAsPrivileged|examples/a.yaml"))
        #expect(GitLabCodeQualityReport.hexDigest("a").count == 32)
    }

    @Test func githubAnnotationsGolden() throws {
        let (report, _) = try ReportGoldenTests.exampleReport()
        try ReportGoldenTests.assertGolden(GitHubAnnotationsReport.render(report), "examples.github-annotations.txt")
    }

    /// As `@actions/core` escapes: a message cannot end the command early, a property cannot
    /// start another property.
    @Test func githubAnnotationsEscapeAsTheToolkitDoes() {
        let finding = Finding(
            checkID: "tagNotSpecified", severity: .warning, category: .reliability,
            file: "./apps/a,b:c%.yaml", position: SourcePosition(line: 7, column: 3), object: nil,
            container: nil, path: DocumentPath(), message: "100% wrong\r\nsecond line::error x")
        #expect(
            GitHubAnnotationsReport.line(finding)
                == "::warning file=apps/a%2Cb%3Ac%25.yaml,line=7,col=3,title=Shipshape tagNotSpecified::100%25 wrong%0D%0Asecond line::error x\n"
        )
        #expect(GitHubAnnotationsReport.render(CheckReport(findings: [], files: [], notes: [])) == "")
    }
}
