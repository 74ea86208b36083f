import Bot

/// A repository's score, 0 to 100, by Polaris' formula over passing and failing checks:
/// `2·passing / (2·passing + warnings + 2·dangers)`, rounded down (docs/dashboard.md says why
/// and where ours differs).
package enum RepositoryScore {
    /// nil when nothing was checked (no Kubernetes objects in the branch).
    package static func score(_ scan: ScanSummary) -> Int? {
        let evaluations = scan.objectsChecked * scan.checksRun
        guard evaluations > 0 else { return nil }
        let passing = max(0, evaluations - scan.dangers - scan.warnings)
        let total = 2 * passing + scan.warnings + 2 * scan.dangers
        return total == 0 ? nil : (200 * passing) / total
    }

    /// `good` (90 and over), `fair` (70 and over), `poor`: the colour class of a score.
    package static func grade(_ score: Int?) -> String {
        guard let score else { return "none" }
        return score >= 90 ? "good" : score >= 70 ? "fair" : "poor"
    }
}
