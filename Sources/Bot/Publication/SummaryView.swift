internal import FileNames
import Forge
import Manifests
import Policy
import Review

/// What the summary comment and the check run say, as the templates see it.
struct SummaryView {
    let headline: String
    let dictionary: [String: Any]

    /// `commented`: fingerprints that have an inline comment (new or earlier); `fixed`: the bot's
    /// inline comments whose finding is gone (fixed, or exempted by what `exempted` knows).
    init(
        review: ReviewResult, headSHA: String, commented: Set<String>, fixed: [PostedComment],
        exempted: ExemptedFindings,
        settings: PublicationSettings
    ) {
        let findings = review.reportedFindings
        let danger = findings.filter { $0.severity == .danger }.count
        let warning = findings.filter { $0.severity == .warning }.count
        headline =
            findings.isEmpty
            ? "No problems in the changed manifests."
            : "\(Self.count(findings.count, "finding")) in this change: \(danger) danger, \(warning) warning."
        let icon = danger > 0 ? FindingView.icon(.danger) : (warning > 0 ? FindingView.icon(.warning) : "✅")

        let byCheck = Dictionary(grouping: findings, by: \.checkID)
        let checks: [[String: Any]] = byCheck.map { checkID, items in
            let severity = items.map(\.severity).max() ?? .warning
            return [
                "checkID": checkID, "title": FindingView.title(checkID, runtime: review.checksDefinedAtRunTime),
                "severity": severity.rawValue,
                "icon": FindingView.icon(severity), "count": items.count,
                "inline": items.filter { commented.contains($0.fingerprint) }.count,
                "docsURL": settings.documentation(of: checkID), "rank": severity.rank,
            ]
        }.sorted { lhs, rhs in
            let (left, right) = (lhs["rank"] as? Int ?? 0, rhs["rank"] as? Int ?? 0)
            if left != right { return left > right }
            let (leftCount, rightCount) = (lhs["count"] as? Int ?? 0, rhs["count"] as? Int ?? 0)
            if leftCount != rightCount { return leftCount > rightCount }
            return (lhs["checkID"] as? String ?? "") < (rhs["checkID"] as? String ?? "")
        }

        let ordered = review.comments.map(\.finding).sorted {
            $0.severity != $1.severity ? $0.severity > $1.severity : Finding.reportOrder($0, $1)
        }
        let top: [[String: Any]] = ordered.prefix(settings.topFindings).map(Self.item)
        let uncommented = Dictionary(
            grouping: review.comments.map(\.finding).filter { !commented.contains($0.fingerprint) }, by: \.checkID)
        let elsewhere: [[String: Any]] = uncommented.keys.sorted().map { checkID in
            let items = uncommented[checkID] ?? []
            var entry: [String: Any] = [
                "checkID": checkID, "count": items.count,
                "locations": items.prefix(5).map(FindingView.location),
            ]
            if items.count > 5 { entry["more"] = items.count - 5 }
            return entry
        }
        let caused: [[String: Any]] = review.summary.map { item in
            var entry = Self.item(item.finding)
            if !item.causedBy.isEmpty { entry["causedBy"] = item.causedBy.joined(separator: ", ") }
            return entry
        }
        var fixedItems: [[String: Any]] = []
        var exemptedItems: [[String: Any]] = []
        for comment in fixed {
            let fingerprint = CommentMarkers.fingerprint(in: comment.body) ?? ""
            var item: [String: Any] = [
                "checkID": FindingView.checkID(ofFingerprint: fingerprint),
                "location": "\(comment.path ?? "?")\(comment.line.map { ":\($0)" } ?? "")",
            ]
            if let exemption = exempted.exemption(for: fingerprint) {
                item["annotation"] = exemption.annotation
                exemptedItems.append(item)
            } else {
                fixedItems.append(item)
            }
        }
        let exemptions: [[String: Any]] = review.addedExemptions.map { exemption in
            let status =
                exemption.approved
                ? "counts: approved with `/shipshape ignore`"
                : exemption.counted
                    ? "counts (`pullRequestExemptions: count`)"
                    : "does not count before merge; someone allowed to accept findings can approve it with `/shipshape ignore`"
            return [
                "location": "\(FileName.escaped(exemption.file)):\(exemption.position.line)",
                "object": exemption.object.description,
                "annotation": exemption.annotation, "reason": exemption.reason, "status": status,
            ]
        }
        dictionary = [
            "marker": CommentMarkers.summary, "icon": icon, "headline": headline,
            "hasFindings": !findings.isEmpty, "checks": checks,
            "hasTop": !top.isEmpty, "top": top,
            "hasElsewhere": !elsewhere.isEmpty, "elsewhere": elsewhere,
            "hasCaused": !caused.isEmpty, "caused": caused,
            "hasAddedExemptions": !exemptions.isEmpty, "addedExemptions": exemptions,
            "hasFixed": !fixedItems.isEmpty, "fixed": fixedItems,
            "hasExemptedSince": !exemptedItems.isEmpty, "exemptedSince": exemptedItems,
            "commit": String(headSHA.prefix(7)), "files": review.files.count, "notes": review.notes,
        ]
    }

    private static func item(_ finding: Finding) -> [String: Any] {
        [
            "icon": FindingView.icon(finding.severity), "location": FindingView.location(finding),
            "checkID": finding.checkID,
            "message": finding.message,
        ]
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
