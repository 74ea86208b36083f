import Foundation
import HTTPKit

extension VersionLookup {
    /// The lookup a run uses: registries with the configured and Docker-config logins, Helm
    /// repositories, both over `http`, answers kept in `cache`.
    package static func make(
        settings: UpgradeSettings, http: any HTTPClient, cache: DiskCache,
        tagListLifetime: Duration = .seconds(15 * 60)
    ) throws -> VersionLookup {
        let registry = RegistryClient(
            http: http, credentials: try settings.registryCredentials(), plainHTTPHosts: settings.plainHTTPHosts)
        return VersionLookup(
            registry: registry, helm: HelmRepositoryClient(http: http, cache: cache), cache: cache,
            tagListLifetime: tagListLifetime, mirrors: settings.mirrors)
    }
}
