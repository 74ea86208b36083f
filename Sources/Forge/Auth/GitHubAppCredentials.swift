import Foundation
import HTTPKit

/// A GitHub App acting on one installation: the app's JWT buys an installation token, which is
/// kept until five minutes before it expires and then bought again.
package actor GitHubAppCredentials: ForgeCredentials {
    private let jwt: GitHubAppJWT
    private let apiRoot: URL
    private let client: any HTTPClient
    private let repository: RepositoryID
    private var installationID: Int?
    private var cached: (token: String, expires: Date)?
    private var slug: String?
    private let now: @Sendable () -> Date

    /// `installationID` nil: found from the repository (GET /repos/{owner}/{repo}/installation).
    package init(
        jwt: GitHubAppJWT, installationID: Int?, repository: RepositoryID, apiRoot: URL, client: any HTTPClient,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.jwt = jwt
        self.installationID = installationID
        self.repository = repository
        self.apiRoot = apiRoot
        self.client = client
        self.now = now
    }

    package func headers() async throws -> [(name: String, value: String)] {
        [("Authorization", "Bearer " + (try await installationToken()))]
    }

    package func gitToken() async throws -> String? { try await installationToken() }

    /// The App's slug, asked once (GET /app with the App's JWT): its comments are by `<slug>[bot]`.
    package func appSlug() async throws -> String {
        if let slug { return slug }
        let found = try await appAPI.get("/app", as: GitHubAnswers.App.self).slug
        slug = found
        return found
    }

    private var appAPI: ForgeAPI {
        ForgeAPI(
            root: apiRoot, client: client, credentials: AppJWTCredentials(jwt: jwt, now: now),
            fixedHeaders: GitHubForge.fixedHeaders, forge: .github)
    }

    package func installationToken() async throws -> String {
        if let cached, cached.expires.timeIntervalSince(now()) > 300 { return cached.token }
        let app = appAPI
        let installation: Int
        if let installationID {
            installation = installationID
        } else {
            let id = try await app.get(
                "/repos/\(ForgeAPI.segment(repository.owner))/\(ForgeAPI.segment(repository.name))/installation",
                as: GitHubAnswers.Created.self
            ).id
            installation = id
            installationID = id
        }
        let path = "/app/installations/\(installation)/access_tokens"
        let answer = try await app.send(.post, path, as: GitHubAnswers.InstallationToken.self)
        guard let expires = try? Date(answer.expiresAt, strategy: .iso8601) else {
            throw ForgeError.unreadableResponse(
                method: "POST", path: path, reason: "github's answer has no ISO 8601 time at 'expires_at'")
        }
        let token = answer.token
        cached = (token, expires)
        return token
    }
}

/// The app's own identity, used only to buy installation tokens.
struct AppJWTCredentials: ForgeCredentials {
    let jwt: GitHubAppJWT
    let now: @Sendable () -> Date

    func headers() async throws -> [(name: String, value: String)] {
        [("Authorization", "Bearer " + (try jwt.token(now: now())))]
    }

    func gitToken() async throws -> String? { nil }
}
