import Forge

/// The shared secret of each forge's webhooks. A forge without one is not accepted at all.
package struct WebhookSecrets: Sendable {
    private let secrets: [ForgeKind: String]

    package init(_ secrets: [ForgeKind: String]) {
        self.secrets = secrets.filter { !$0.value.isEmpty }
    }

    package func secret(for forge: ForgeKind) -> String? { secrets[forge] }
}
