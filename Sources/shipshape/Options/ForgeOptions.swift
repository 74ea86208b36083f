import ArgumentParser
import Bot
import Forge
import Foundation
import HTTPKit

/// Which forge, repository and pull request `review` publishes to, and how it signs in. Secrets
/// come from the environment or files, never from the command line (it ends up in shell history
/// and process listings).
struct ForgeOptions: ParsableArguments {
    @Option(help: "Publish to a pull request on this forge: github, gitea or gitlab.")
    var forge: ForgeKind?

    @Option(
        help:
            "The forge's address: https://github.com (the default for github), a GitHub Enterprise, Gitea or GitLab host, or its API root."
    )
    var url: String?

    @Option(name: .customLong("repo"), help: "The repository, OWNER/NAME (GitLab: GROUP/.../PROJECT).")
    var repository: String?

    @Option(name: .customLong("pr"), help: "The pull request (merge request) number.")
    var pullRequest: Int?

    @Flag(name: .customLong("dry-run"), help: "Print what would be posted; post nothing.")
    var dryRun = false

    @Option(
        name: .customLong("app-id"),
        help: "Sign in as this GitHub App (its private key from --app-key or $SHIPSHAPE_GITHUB_APP_KEY).")
    var appID: String?

    @Option(name: .customLong("app-key"), help: "The GitHub App's private key file (PEM).")
    var appKey: String?

    @Option(
        name: .customLong("installation-id"), help: "The GitHub App installation (default: found from the repository).")
    var installationID: Int?

    @Option(
        name: .customLong("app-slug"),
        help: "The GitHub App's slug, which makes its login SLUG[bot] (default: shipshape).")
    var appSlug: String?

    @Option(
        name: .customLong("ca-bundle"),
        help: "Trust the certificate authorities in this PEM file (self-hosted forges); TLS is always verified.")
    var caBundle: String?

    @Flag(
        name: .customLong("allow-plain-http"),
        help: "Let the token go to an http:// forge that is not on this machine (it crosses the network unencrypted).")
    var allowPlainHTTP = false

    /// The forge's host (`name:port`) when its token may go there over plain http.
    func plainHTTPHosts() throws -> Set<String> {
        guard allowPlainHTTP, let forge else { return [] }
        guard let instance = url ?? forge.publicInstance else {
            throw CommandFailure("--forge \(forge.rawValue) needs --url (the instance's address)")
        }
        let apiRoot = try ForgeEndpoint.apiRoot(kind: forge, instance: instance)
        return Set([apiRoot.authority].compactMap { $0 })
    }

    @Option(
        name: .customLong("max-comments"), help: "New inline comments per review, at most; the rest go to the summary.")
    var maximumComments = 30

    @Option(
        name: .customLong("templates"),
        help: "A folder of Mustache templates that replace the built-in ones by file name.")
    var templates: String?

    var isSet: Bool { forge != nil }

    func validate() throws {
        guard let forge else {
            if repository != nil || pullRequest != nil || dryRun {
                throw ValidationError("--repo, --pr and --dry-run publish to a forge: add --forge github|gitea|gitlab")
            }
            return
        }
        guard let repository, RepositoryID(repository) != nil else {
            throw ValidationError("--forge needs --repo OWNER/NAME")
        }
        guard pullRequest != nil else { throw ValidationError("--forge needs --pr NUMBER") }
        if forge.publicInstance == nil, url == nil {
            throw ValidationError("--forge \(forge.rawValue) needs --url (the instance's address)")
        }
        if appID != nil, forge != .github {
            throw ValidationError("--app-id is for GitHub Apps; \(forge.rawValue) signs in with a token")
        }
        if maximumComments < 0 { throw ValidationError("--max-comments must be 0 or more") }
    }

    /// The token variables, most specific first.
    static func tokenVariables(for kind: ForgeKind) -> [String] {
        switch kind {
        case .github: ["SHIPSHAPE_FORGE_TOKEN", "GITHUB_TOKEN", "GH_TOKEN"]
        case .gitea: ["SHIPSHAPE_FORGE_TOKEN", "GITEA_TOKEN", "FORGEJO_TOKEN"]
        case .gitlab: ["SHIPSHAPE_FORGE_TOKEN", "GITLAB_TOKEN", "CI_JOB_TOKEN"]
        }
    }

    func endpoint() throws -> ForgeEndpoint {
        guard let forge else { throw CommandFailure("no forge given") }
        guard let instance = url ?? forge.publicInstance else {
            throw CommandFailure("--forge \(forge.rawValue) needs --url (the instance's address)")
        }
        let apiRoot = try ForgeEndpoint.apiRoot(kind: forge, instance: instance)
        let environment = ProcessInfo.processInfo.environment
        if let appID {
            let pem: String
            if let appKey {
                guard let text = try? String(contentsOfFile: appKey, encoding: .utf8) else {
                    throw CommandFailure("\(appKey): cannot read the GitHub App's private key")
                }
                pem = text
            } else if let text = environment["SHIPSHAPE_GITHUB_APP_KEY"] {
                pem = text
            } else {
                throw CommandFailure(
                    "--app-id needs the app's private key: --app-key FILE or $SHIPSHAPE_GITHUB_APP_KEY")
            }
            return ForgeEndpoint(
                kind: forge, apiRoot: apiRoot,
                authentication: .gitHubApp(
                    appID: appID, privateKeyPEM: pem, installationID: installationID, slug: appSlug))
        }
        let names = Self.tokenVariables(for: forge)
        guard let token = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else {
            throw CommandFailure(
                "no token for \(forge.rawValue): set \(names.joined(separator: " or ")) (or use --app-id for a GitHub App)"
            )
        }
        return ForgeEndpoint(kind: forge, apiRoot: apiRoot, authentication: .token(token))
    }
}

extension ForgeKind: ExpressibleByArgument {}
