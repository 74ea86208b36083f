import Foundation

/// The GitHub App endpoints: the app itself, an installation token for a valid app JWT, and
/// the installation that covers a repository.
enum GitHubApp {
    /// "Get the authenticated app" (docs.github.com/en/rest/apps/apps): with the App's JWT.
    static func authenticatedApp(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        _ = try verifiedApp(store, call)
        return .json(200, GitHubJSON(store: store).app() ?? [:])
    }

    static func createInstallationToken(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        let app = try verifiedApp(store, call)
        guard try call.number("installation") == app.installationID else { throw APIFailure.notFound() }
        let token =
            "ghs_"
            + String(
                format: "%016llx%020d", stableHash(Array("\(app.appID):\(store.tokens.count)".utf8)), store.tokens.count
            )
        let bot =
            store.user(login: app.botLogin)
            ?? {
                let bot = StoredUser(
                    id: store.nextID(.user), login: app.botLogin, permission: "write", isBot: true, isInstallation: true
                )
                store.users.append(bot)
                return bot
            }()
        store.tokens[token] = bot
        // An hour from now on the wall clock, not the stand-in's clock: clients compare
        // `expires_at` with their own clock to decide when to buy the next token.
        let expiry = Date().addingTimeInterval(3600)
        return .json(
            201,
            [
                "token": token, "expires_at": ForgeStore.iso8601(expiry), "permissions": GitHubJSON.appPermissions,
                "repository_selection": "all",
            ])
    }

    static func repositoryInstallation(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        _ = try verifiedApp(store, call)
        let repository = try store.repository(call.repositoryName)
        guard let installation = GitHubJSON(store: store).installation(for: repository) else {
            throw APIFailure.notFound()
        }
        return .json(200, installation)
    }

    /// The app, when the request carries a JWT its verifier accepts; GitHub's 401 otherwise.
    private static func verifiedApp(_ store: ForgeStore, _ call: ForgeCall) throws -> GitHubAppRegistration {
        guard let app = store.app else { throw APIFailure.notFound() }
        guard let jwt = authorizationCredential(call.request, schemes: ["Bearer"]), app.verifier(jwt) else {
            throw APIFailure(status: 401, message: "A JSON web token could not be decoded")
        }
        return app
    }
}
