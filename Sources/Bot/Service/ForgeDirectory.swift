import Forge
import HTTPKit

/// The forges the bot serves and how it signs in to each: builds the client for a job's repository.
public struct ForgeDirectory: Sendable {
    private let endpoints: [ForgeKind: ForgeEndpoint]
    private let client: any HTTPClient

    public init(endpoints: [ForgeEndpoint], client: any HTTPClient) {
        self.endpoints = Dictionary(endpoints.map { ($0.kind, $0) }) { _, last in last }
        self.client = client
    }

    public var kinds: Set<ForgeKind> { Set(endpoints.keys) }

    public func forge(_ kind: ForgeKind, repository: RepositoryID) throws -> any Forge {
        guard let endpoint = endpoints[kind] else {
            throw ForgeError.configuration("no \(kind.rawValue) forge is configured")
        }
        return try endpoint.forge(for: repository, client: client)
    }
}
