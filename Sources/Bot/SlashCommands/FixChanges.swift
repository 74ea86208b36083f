import Fixes
import Manifests
import Policy
import Rendering
import Review

/// The `fix` command's change: the automatic fixes of the review's findings on changed lines,
/// file by file, starting from the head's bytes. Only those findings are fixed; lines the pull
/// request did not touch stay as they are.
enum FixChanges {
    /// `checks`: the checks named in the command; empty means every fix that applies by default.
    static func make(review: ReviewResult, checks: [String], headFile: (String) -> [UInt8]?) -> BranchChange {
        let policy = review.policy
        let fixer = FixEngine(policy: policy, selection: checks.isEmpty ? .defaults : .checks(Set(checks)))
        let recipes = Dictionary(policy.checks.compactMap { check in check.fix.map { (check.id, $0) } }) { first, _ in
            first
        }
        let selected = review.comments.map(\.finding).filter { checks.isEmpty || checks.contains($0.checkID) }
        var change = BranchChange()
        let findings = selected.filter { review.renderedFixes[$0.fingerprint] == nil }
        for (path, inFile) in Dictionary(grouping: findings, by: \.file).sorted(by: { $0.key < $1.key }) {
            guard let original = headFile(path) else {
                change.skipped += inFile.map {
                    "\($0.checkID): \(path):\($0.position.line) — the file is not in the head commit"
                }
                continue
            }
            // Fixes that build on others' results (a limit copied from a request) go last.
            let ordered = inFile.sorted { lhs, rhs in
                let (left, right) = (
                    recipes[lhs.checkID]?.runsAfterOthers == true, recipes[rhs.checkID]?.runsAfterOthers == true
                )
                return left != right ? !left : Finding.reportOrder(lhs, rhs)
            }
            var bytes = original
            for finding in ordered {
                if let fixed = fixer.fixing(finding, path: path, bytes: bytes) { bytes = fixed }
            }
            // A finding is fixed when it is gone from the result, whichever edit cleared it.
            let remaining = Set(
                policy.run(files: [(path, String(decoding: bytes, as: UTF8.self))]).findings.map(\.fingerprint))
            // The engine run on the whole file says why a recipe could not apply ("no port to probe").
            let explanations =
                remaining.isEmpty
                ? [:]
                : Dictionary(fixer.fix(path: path, bytes: original).unfixed.map { ($0.finding.fingerprint, $0.why) }) {
                    first, _ in first
                }
            for finding in ordered.sorted(by: Finding.reportOrder) {
                let location = "\(finding.checkID): \(path):\(finding.position.line)"
                if remaining.contains(finding.fingerprint) {
                    let why = whyNot(
                        finding.checkID, recipes[finding.checkID], named: !checks.isEmpty,
                        explanation: explanations[finding.fingerprint])
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
        fixRendered(
            selected.filter { review.renderedFixes[$0.fingerprint] != nil }, review: review, recipes: recipes,
            named: !checks.isEmpty,
            headFile: headFile, into: &change)
        return change
    }

    /// Findings on rendered objects: their edits of the values, applied together per file on top
    /// of what the file's own fixes made of it.
    private static func fixRendered(
        _ findings: [Finding], review: ReviewResult, recipes: [String: FixRecipe], named: Bool,
        headFile: (String) -> [UInt8]?, into change: inout BranchChange
    ) {
        var edits: [ValuesFixer.Edit] = []
        for finding in findings.sorted(by: Finding.reportOrder) {
            let location = "\(finding.checkID): \(finding.file):\(finding.position.line)"
            guard case .edit(let edit)? = review.renderedFixes[finding.fingerprint] else {
                if case .none(let why)? = review.renderedFixes[finding.fingerprint] {
                    change.skipped.append("\(location) — \(why)")
                }
                continue
            }
            if !named, recipes[finding.checkID]?.appliesByDefault == false {
                change.skipped.append(
                    "\(location) — " + whyNot(finding.checkID, recipes[finding.checkID], named: false, explanation: nil)
                )
                continue
            }
            edits.append(edit)
            change.changes.append("\(location) — \(edit.reason) (in the values)")
        }
        guard !edits.isEmpty else { return }
        // On top of what the file's own fixes made of it.
        var current: [String: [UInt8]] = [:]
        for path in Set(edits.map(\.file)) { current[path] = change.files[path] ?? headFile(path) }
        let snapshot = current
        let files =
            (try? ValuesFixer.apply(edits) { path in
                guard let bytes = snapshot[path] else { throw EditError("\(path) is not in the head commit") }
                return bytes
            }) ?? [:]
        for (path, bytes) in files {
            change.originals[path] = change.originals[path] ?? headFile(path)
            change.files[path] = bytes
        }
    }

    private static func whyNot(_ checkID: String, _ recipe: FixRecipe?, named: Bool, explanation: String?) -> String {
        guard let recipe else { return "no automatic fix for \(checkID); it needs a person" }
        if !named, !recipe.appliesByDefault {
            return "not applied unless named (`\(SlashCommandParser.prefix) fix \(checkID)`): \(recipe.reason)"
        }
        return explanation ?? "the automatic fix did not clear it here; it needs a person"
    }
}
