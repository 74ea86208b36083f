import Manifests
import Policy
import Review

/// Findings gone from a review because an exemption the pull request adds (and that counts,
/// approved with `/shipshape ignore` or by configuration) silences them: the bot's earlier
/// comments on them say "exempted", not "fixed".
struct ExemptedFindings {
    private let exemptions: [AddedExemption]

    init(_ review: ReviewResult) {
        exemptions = review.addedExemptions.filter(\.counted)
    }

    /// The exemption that silences the finding with `fingerprint` (`checkId|file|object|...`), if one does.
    func exemption(for fingerprint: String) -> AddedExemption? {
        let checkID = FindingView.checkID(ofFingerprint: fingerprint)
        return exemptions.first { exemption in
            fingerprint.hasPrefix("\(checkID)|\(exemption.file)|\(exemption.object.description)|")
                && AnnotationExemptions.exempts([exemption.annotation: exemption.reason], checkID: checkID)
        }
    }
}
