import Fixes
import Policy
import Review

/// The `fix` command's change: the automatic fixes of the review's findings on changed lines,
/// file by file, starting from the head's bytes. Only those findings are fixed; lines the pull
/// request did not touch stay as they are.
enum FixChanges {
    /// `checks`: the checks named in the command; empty means every fix that applies by default.
    static func make(review: ReviewResult, checks: [String], headFile: (String) -> [UInt8]?) -> BranchChange {
        let policy = review.policy
        let fixer = FixEngine(policy: policy, selection: checks.isEmpty ? .defaults : .checks(Set(checks)))
        let recipes = Dictionary(policy.checks.compactMap { check in check.fix.map { (check.id, $0) } }) { first, _ in first }
        let findings = review.comments.map(\.finding).filter { checks.isEmpty || checks.contains($0.checkID) }
        var change = BranchChange()
        for (path, inFile) in Dictionary(grouping: findings, by: \.file).sorted(by: { $0.key < $1.key }) {
            guard let original = headFile(path) else {
                change.skipped += inFile.map { "\($0.checkID): \(path):\($0.position.line) — the file is not in the head commit" }
                continue
            }
            // Fixes that build on others' results (a limit copied from a request) go last.
            let ordered = inFile.sorted { lhs, rhs in
                let (left, right) = (recipes[lhs.checkID]?.runsAfterOthers == true, recipes[rhs.checkID]?.runsAfterOthers == true)
                return left != right ? !left : Finding.reportOrder(lhs, rhs)
            }
            var bytes = original
            for finding in ordered {
                if let fixed = fixer.fixing(finding, path: path, bytes: bytes) { bytes = fixed }
            }
            // A finding is fixed when it is gone from the result, whichever edit cleared it.
            let remaining = Set(policy.run(files: [(path, String(decoding: bytes, as: UTF8.self))]).findings.map(\.fingerprint))
            // The engine run on the whole file says why a recipe could not apply ("no port to probe").
            let explanations = remaining.isEmpty ? [:]
                : Dictionary(fixer.fix(path: path, bytes: original).unfixed.map { ($0.finding.fingerprint, $0.why) }) { first, _ in first }
            for finding in ordered.sorted(by: Finding.reportOrder) {
                let location = "\(finding.checkID): \(path):\(finding.position.line)"
                if remaining.contains(finding.fingerprint) {
                    let why = whyNot(finding.checkID, recipes[finding.checkID], named: !checks.isEmpty, explanation: explanations[finding.fingerprint])
                    change.skipped.append("\(location) — \(why)")
                } else {
                    change.changes.append("\(location) — \(recipes[finding.checkID]?.reason ?? "fixed by another fix")")
                }
            }
            if bytes != original {
                change.files[path] = bytes
                change.originals[path] = original
            }
        }
        return change
    }

    private static func whyNot(_ checkID: String, _ recipe: FixRecipe?, named: Bool, explanation: String?) -> String {
        guard let recipe else { return "no automatic fix for \(checkID); it needs a person" }
        if !named, !recipe.appliesByDefault {
            return "not applied unless named (`\(SlashCommandParser.prefix) fix \(checkID)`): \(recipe.reason)"
        }
        return explanation ?? "the automatic fix did not clear it here; it needs a person"
    }
}
