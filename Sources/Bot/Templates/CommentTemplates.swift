import Mustache

/// The Mustache templates every comment, check and pull-request body is written from: the ones
/// in `templates/` are built into the binary; a team's own folder overrides them by file name.
package struct CommentTemplates: Sendable {
    package enum Name: String, Sendable, CaseIterable {
        case inlineComment = "inline-comment"
        case fixedComment = "fixed-comment"
        case summary
        case checkRun = "check-run"
        case commandReply = "command-reply"
        case help
        case upgradePullRequest = "upgrade-pull-request"
        case upgradeComment = "upgrade-comment"
        case imageVulnerabilityIssue = "image-vulnerability-issue"
    }

    package struct TemplateError: Error, CustomStringConvertible {
        package var description: String
    }

    private let library: MustacheLibrary

    /// `overrides`: a folder of `NAME.mustache` files, each replacing the built-in one of that name.
    package init(overrides: String? = nil) throws {
        do {
            library = try MustacheTemplateLoader.library(
                embedded: EmbeddedConfig.files, overrides: overrides, required: Name.allCases.map(\.rawValue),
                kind: "template")
        } catch {
            throw TemplateError(description: error.description)
        }
    }

    func render(_ name: Name, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: name.rawValue) ?? ""
    }
}
