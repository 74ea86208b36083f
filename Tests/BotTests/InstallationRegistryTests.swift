import Bot
import Forge
import Testing

@Suite("Installation registry") struct InstallationRegistryTests {
    @Test(arguments: [Backend.sqlite, .postgres])
    func installationEventsAreRememberedAcrossInstancesAndForgotten(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let registry = try #require(try await store.open() as? any InstallationRegistry)
            let shop = RepositoryID("acme/shop")!
            let infra = RepositoryID("acme/infra")!
            let other = RepositoryID("globex/site")!
            try await registry.remember(installation: 77, action: "created", repositories: [shop, infra])
            try await registry.remember(installation: 99, action: "created", repositories: [other])

            // Another replica (or a restart) knows it; names match whatever their case.
            let again = try #require(try await store.open() as? any InstallationRegistry)
            #expect(try await again.installation(for: RepositoryID("Acme/Shop")!) == 77)
            #expect(try await again.installation(for: other) == 99)

            try await registry.remember(installation: 77, action: "removed", repositories: [infra])
            #expect(try await registry.installation(for: infra) == nil)
            #expect(try await registry.installation(for: shop) == 77)
            try await registry.remember(installation: 77, action: "deleted", repositories: [])
            #expect(try await registry.installation(for: shop) == nil)
            #expect(try await registry.installation(for: other) == 99, "another installation is untouched")
        }
    }
}
