import Diffs
import Forge
import Manifests
import Policy
import Review

/// Everything one run will do on the pull request, decided before anything is posted: the new
/// inline comments, the earlier comments whose finding is gone, the summary and the verdict.
/// Deciding first is what makes a re-run (a crash, a redelivery, a new push) post nothing twice.
package struct PublicationPlan: Sendable {
    package struct NewComment: Sendable {
        package var finding: Finding
        package var comment: InlineComment
        package var hasSuggestion: Bool
    }

    /// One of the bot's open inline comments whose finding no longer exists, with its new body.
    package struct FixedComment: Sendable {
        package var comment: PostedComment
        package var body: String
    }

    package var newComments: [NewComment]
    package var fixedComments: [FixedComment]
    package var summary: String
    package var check: CommitCheck

    /// `botComments`: the comments on the pull request written by the bot; `headFile`: a file's
    /// bytes at the head, for the suggestions.
    package static func make(
        review: ReviewResult, headSHA: String, capabilities: ForgeCapabilities, botComments: [PostedComment],
        templates: CommentTemplates, settings: PublicationSettings, suggestions: SuggestionSource,
        headFile: (String) -> [UInt8]?
    ) -> PublicationPlan {
        let changes = Dictionary(review.changes.map { ($0.path, $0) }) { first, _ in first }
        func inDiff(_ finding: Finding) -> Bool { changes[finding.file]?.inHunk(line: finding.position.line) ?? false }

        let findings = review.comments.map(\.finding)
        let current = Set(findings.map(\.fingerprint) + review.summary.map(\.finding.fingerprint))
        let earlier = botComments.filter { $0.kind == .inline && CommentMarkers.fingerprint(in: $0.body) != nil }
        let open = earlier.filter { !$0.isResolved && !$0.body.contains(CommentMarkers.fixed) }
        let openFingerprints = Set(open.compactMap { CommentMarkers.fingerprint(in: $0.body) })

        let candidates = findings.filter { inDiff($0) && !openFingerprints.contains($0.fingerprint) }
            .sorted { $0.severity != $1.severity ? $0.severity > $1.severity : Finding.reportOrder($0, $1) }
        let posted = Array(candidates.prefix(settings.maximumInlineComments))
        let offers = SuggestionOffer.make(for: posted, changes: changes, suggestions: suggestions, headFile: headFile)
        let newComments = posted.map { finding in
            inlineComment(
                for: finding, offer: offers[finding.fingerprint], capabilities: capabilities, templates: templates,
                settings: settings,
                runtimeChecks: review.checksDefinedAtRunTime)
        }
        let shortCommit = String(headSHA.prefix(7))
        let exempted = ExemptedFindings(review)
        let fixedComments = open.filter { !current.contains(CommentMarkers.fingerprint(in: $0.body) ?? "") }.map {
            comment in
            let fingerprint = CommentMarkers.fingerprint(in: comment.body) ?? ""
            let checkID = FindingView.checkID(ofFingerprint: fingerprint)
            var view: [String: Any] = [
                "marker": CommentMarkers.finding(fingerprint), "fixedMarker": CommentMarkers.fixed,
                "commit": shortCommit,
                "checkID": checkID, "title": FindingView.title(checkID, runtime: review.checksDefinedAtRunTime),
                "original": CommentMarkers.strip(comment.body),
            ]
            if let exemption = exempted.exemption(for: fingerprint) {
                view["exempted"] = true
                view["annotation"] = exemption.annotation
                view["reason"] = exemption.reason
            }
            return FixedComment(comment: comment, body: templates.render(.fixedComment, view))
        }
        let commented = openFingerprints.intersection(current).union(posted.map(\.fingerprint))
        let fixedEver =
            earlier.filter { $0.isResolved || $0.body.contains(CommentMarkers.fixed) } + fixedComments.map(\.comment)
        let summaryView = SummaryView(
            review: review, headSHA: headSHA, commented: commented, fixed: fixedEver, exempted: exempted,
            settings: settings)
        let summary = CommentLimit.fit(
            templates.render(.summary, summaryView.dictionary), limit: capabilities.maximumCommentLength,
            note: "*The summary was cut here: it is longer than the forge allows. `shipshape review` prints it whole.*")
        let check = verdict(
            review: review, findings: findings, changes: changes, headSHA: headSHA, summaryView: summaryView,
            templates: templates, settings: settings)
        return PublicationPlan(newComments: newComments, fixedComments: fixedComments, summary: summary, check: check)
    }

    private static func inlineComment(
        for finding: Finding, offer: SuggestionOffer?, capabilities: ForgeCapabilities,
        templates: CommentTemplates, settings: PublicationSettings, runtimeChecks: [CheckMetadata]
    ) -> NewComment {
        let offered = offer?.suggestion
        var view: [String: Any] = [
            "marker": CommentMarkers.finding(finding.fingerprint), "icon": FindingView.icon(finding.severity),
            "title": FindingView.title(finding.checkID, runtime: runtimeChecks), "checkID": finding.checkID,
            "severity": finding.severity.rawValue,
            "message": finding.message, "docsURL": settings.documentation(of: finding.checkID), "fixable": offer != nil,
        ]
        switch offer {
        case .combined(_, let others)?: view["alsoFixes"] = others.map { "`\($0)`" }.joined(separator: ", ")
        case .sharedWith(let line, let checkID)?: view["sharedWith"] = ["line": line, "checkID": checkID]
        case .own?, nil: break
        }
        if let object = finding.object { view["object"] = object.description }
        // A Kyverno rule's key is spelled `kyverno.<policy>.<rule>`; a key Kubernetes would refuse is not offered.
        // An image's vulnerabilities belong to the image, not to an object an annotation could exempt.
        if finding.checkID != ReviewResult.vulnerableImageCheck.id,
            case .success(let annotation) = AnnotationExemptions.annotation(for: finding.checkID)
        {
            view["exempt"] = ["annotation": annotation]
        }
        if let container = finding.container { view["container"] = container }
        if let remediation = FindingView.remediation(finding.checkID, runtime: runtimeChecks) {
            view["remediation"] = remediation
        }
        if let offered { view["suggestion"] = SuggestionBlock.render(offered, fence: capabilities.suggestionFence) }
        let body = CommentLimit.fit(
            templates.render(.inlineComment, view), limit: capabilities.maximumCommentLength,
            note: "*Cut: the comment is longer than the forge allows.*")
        let startLine = offered.flatMap { $0.startLine < $0.endLine ? $0.startLine : nil }
        let comment = InlineComment(
            path: finding.file, line: offered?.endLine ?? finding.position.line, startLine: startLine, body: body)
        return NewComment(finding: finding, comment: comment, hasSuggestion: offered != nil)
    }

    /// `failure` when a danger finding is on a line the change added; `neutral` when anything was
    /// found; `success` otherwise. Annotations for every finding inside the diff.
    private static func verdict(
        review: ReviewResult, findings: [Finding], changes: [String: FileChange], headSHA: String,
        summaryView: SummaryView, templates: CommentTemplates, settings: PublicationSettings
    ) -> CommitCheck {
        let dangerOnChangedLines = findings.contains {
            $0.severity == .danger && (changes[$0.file]?.added(line: $0.position.line) ?? false)
        }
        let conclusion: CommitCheck.Conclusion =
            dangerOnChangedLines ? .failure : (review.reportedFindings.isEmpty ? .success : .neutral)
        let annotations = findings.filter { changes[$0.file]?.inHunk(line: $0.position.line) ?? false }.map { finding in
            CommitCheck.Annotation(
                path: finding.file, startLine: finding.position.line, endLine: finding.position.line,
                level: finding.severity == .danger ? .failure : .warning,
                title: finding.checkID, message: finding.message)
        }
        return CommitCheck(
            name: settings.checkName, headSHA: headSHA, conclusion: conclusion, title: summaryView.headline,
            summary: templates.render(.checkRun, summaryView.dictionary), annotations: annotations,
            detailsURL: settings.detailsURL)
    }
}
