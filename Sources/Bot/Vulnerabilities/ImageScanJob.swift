import Forge
import Foundation
import GitKit
import Review
import Upgrades
import Vulnerabilities

/// A scheduled `scan-images` job: every image the default branch pins, scanned and kept as the
/// repository's latest results (as a branch scan keeps them), then the repository's
/// vulnerable-images issue opened, edited, closed or left alone to match.
package struct ImageScanJob: Sendable {
    package let forge: any Forge
    package let mirrors: MirrorCache
    package let engine: ReviewEngine
    package let images: VulnerabilitySetup
    package let templates: CommentTemplates
    /// The forge's web view, for links to the pinning lines; nil leaves the places unlinked.
    package var webLinks: ForgeEndpoint?

    package init(
        forge: any Forge, mirrors: MirrorCache, engine: ReviewEngine, images: VulnerabilitySetup,
        templates: CommentTemplates, webLinks: ForgeEndpoint? = nil
    ) {
        self.forge = forge
        self.mirrors = mirrors
        self.engine = engine
        self.images = images
        self.templates = templates
        self.webLinks = webLinks
    }

    @discardableResult
    package func run() async throws -> ImageVulnerabilityIssue.Outcome {
        let details = try await forge.repositoryDetails()
        let credentials = try await forge.gitCredentials(for: mirrors)
        let engine = self.engine.trusting(credentials, at: details.cloneURL)
        let (commit, detection) = try await mirrors.withMirror(
            of: details.cloneURL, credentials: credentials, refspecs: forge.mirrorRefspecs
        ) { mirror, _ in
            try engine.pinned(at: "refs/heads/\(details.defaultBranch)", in: mirror)
        }
        let scanned = try await images.scanAndRecord(
            detection, repository: "\(forge.kind.rawValue):\(forge.repository.fullName)", revision: commit)
        let changes = detection.dependencies.compactMap { dependency in
            ImageScanner.image(of: dependency).map { ChangedImage(image: $0, dependency: dependency, previous: nil) }
        }
        let verdicts = await (try images.review()).review(changes, scanned: scanned)
        let vulnerable = VulnerableImage.gathered(verdicts)
        let repository = forge.repository.fullName
        let links = webLinks
        let view = ImageVulnerabilityIssueView(
            images: vulnerable, unreadable: VulnerableImage.unreadable(verdicts), branch: details.defaultBranch,
            commit: commit,
            commitURL: links?.commitURL(repository: repository, commit: commit) ?? commit,
            lineURL: { file, line in
                links?.blobURL(repository: repository, commit: commit, file: file, line: line) ?? "\(file)#L\(line)"
            },
            minimumSeverity: images.settings.minimumSeverity, imports: try await images.database.imports())
        let body = view.body(
            templates: templates, marker: ImageVulnerabilityIssue.marker,
            limit: forge.capabilities.maximumCommentLength)
        return try await ImageVulnerabilityIssue(forge: forge).publish(body: body, isClean: vulnerable.isEmpty)
    }
}
