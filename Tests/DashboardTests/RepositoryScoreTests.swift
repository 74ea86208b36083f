import Bot
import Dashboard
import Foundation
import Testing

/// The score by Polaris' formula, and its chart.
@Suite struct RepositoryScoreTests {
    static func summary(objects: Int, checks: Int, dangers: Int, warnings: Int) -> ScanSummary {
        ScanSummary(
            id: 1, forge: "github", repository: "acme/shop", commit: "c", scannedAt: Date(timeIntervalSince1970: 0),
            objectsChecked: objects, checksRun: checks, dangers: dangers, warnings: warnings)
    }

    @Test func passingChecksCountTwiceAsDangersAndWarningsOnce() {
        #expect(RepositoryScore.score(Self.summary(objects: 5, checks: 20, dangers: 0, warnings: 0)) == 100)
        // 100 checks: 90 pass, 5 warnings, 5 dangers → 180 / (180 + 5 + 10) = 92.3 %.
        #expect(RepositoryScore.score(Self.summary(objects: 5, checks: 20, dangers: 5, warnings: 5)) == 92)
        #expect(RepositoryScore.score(Self.summary(objects: 1, checks: 2, dangers: 5, warnings: 0)) == 0)
        #expect(RepositoryScore.score(Self.summary(objects: 0, checks: 20, dangers: 0, warnings: 0)) == nil)
        #expect(RepositoryScore.grade(92) == "good" && RepositoryScore.grade(70) == "fair")
        #expect(RepositoryScore.grade(69) == "poor" && RepositoryScore.grade(nil) == "none")
    }

    @Test func theTrendRunsFromTheOldestScanToTheNewest() {
        let scans = [
            Self.summary(objects: 1, checks: 10, dangers: 0, warnings: 0),
            Self.summary(objects: 1, checks: 10, dangers: 10, warnings: 0),
        ]
        let svg = TrendChart(width: 112, height: 112, detailed: true).svg(scans)
        // Newest first in: the score-0 scan is drawn first (left, bottom), the score-100 one last.
        #expect(svg.contains("points=\"6.0,106.0 106.0,6.0\""))
        #expect(svg.components(separatedBy: "<circle").count == 3)
        #expect(!svg.contains("<script") && !svg.contains("href"))
        #expect(TrendChart(width: 10, height: 10, detailed: false).svg([]).hasSuffix("</svg>"))
    }
}
