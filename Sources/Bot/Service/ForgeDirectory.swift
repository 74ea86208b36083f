import Forge
import HTTPKit

/// The forges the bot serves and how it signs in to each: builds the client for a job's repository.
package struct ForgeDirectory: Sendable {
    private let endpoints: [ForgeKind: ForgeEndpoint]
    private let client: any HTTPClient
    private let installations: (any InstallationRegistry)?
    private let appCredentials = GitHubAppCredentialsCache()
    /// The bot's login per forge, asked once for the process rather than by every job.
    private let logins = BotLoginCache()

    package init(endpoints: [ForgeEndpoint], client: any HTTPClient, installations: (any InstallationRegistry)? = nil) {
        self.endpoints = Dictionary(endpoints.map { ($0.kind, $0) }) { _, last in last }
        self.client = client
        self.installations = installations
    }

    package var kinds: Set<ForgeKind> { Set(endpoints.keys) }

    /// The configured endpoint of a forge, for links into its web view.
    package func endpoint(_ kind: ForgeKind) -> ForgeEndpoint? { endpoints[kind] }

    /// A GitHub App without a configured installation uses the one installation events named for
    /// the repository, and asks GitHub only when none did.
    package func forge(_ kind: ForgeKind, repository: RepositoryID) async throws -> any Forge {
        guard var endpoint = endpoints[kind] else {
            throw ForgeError.configuration("no \(kind.rawValue) forge is configured")
        }
        if case .gitHubApp(let app, let key, nil, let slug) = endpoint.authentication,
            let remembered = try await installations?.installation(for: repository)
        {
            endpoint.authentication = .gitHubApp(appID: app, privateKeyPEM: key, installationID: remembered, slug: slug)
        }
        return try endpoint.forge(for: repository, client: client, appCredentials: appCredentials, logins: logins)
    }
}
