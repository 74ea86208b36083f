import Diffs
import Manifests
import Policy
import Upgrades
import Vulnerabilities

extension ReviewResult {
    /// The check id of a changed image's vulnerabilities: a check made at run time, like a Kyverno
    /// rule, so comments, the summary and the verdict treat it as any other finding; documented
    /// in docs/checks.md with the catalogue (`Catalogue.reviewChecks`).
    package static let vulnerableImageCheck = ReviewCheck.vulnerableImage.metadata

    /// Adds the verdicts of an image review: a comment on the line that pins each image, or a
    /// summary item where the diff filter leaves that line out. Critical and high are danger.
    package mutating func add(_ verdicts: [ImageVerdict]) {
        guard !verdicts.isEmpty else { return }
        let filter = DiffFilter(mode: filter, changes: changes)
        for verdict in verdicts {
            let location = verdict.change.dependency.location
            let finding = Finding(
                checkID: Self.vulnerableImageCheck.id,
                severity: verdict.error == nil && verdict.severity >= .high ? .danger : .warning,
                category: .security, file: location.file,
                position: SourcePosition(line: location.line, column: location.column),
                object: nil, container: nil,
                path: DocumentPath([
                    .key(verdict.change.dependency.origin.description), .key(verdict.change.image.description),
                ]),
                message: verdict.message)
            if filter.allows(path: finding.file, line: finding.position.line) {
                comments.append(Comment(finding: finding))
            } else {
                summary.append(SummaryItem(finding: finding, causedBy: []))
            }
        }
        if !runtimeChecks.contains(where: { $0.id == Self.vulnerableImageCheck.id }) {
            runtimeChecks.append(Self.vulnerableImageCheck)
            runtimeSeverities[Self.vulnerableImageCheck.id] = .danger
        }
    }
}
