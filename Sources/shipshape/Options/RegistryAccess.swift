import Foundation
import HTTPKit
import Upgrades

/// What `upgrade` and `scan-images` share to reach registries: the config file's `upgrades:`
/// settings (logins, plain-HTTP hosts) and the HTTP client made from them.
enum RegistryAccess {
    static func settings(configPath: String?) throws -> UpgradeSettings {
        guard let configPath else { return UpgradeSettings() }
        guard let data = FileManager.default.contents(atPath: configPath) else {
            throw CommandFailure("\(configPath): cannot read the configuration file")
        }
        do { return try UpgradeSettings.read(text: String(decoding: data, as: UTF8.self), file: configPath) } catch {
            throw CommandFailure("\(error)")
        }
    }

    static func http(settings: UpgradeSettings, caBundle: String?) -> any HTTPClient {
        var curl = CurlHTTPClient.Configuration()
        curl.caBundlePath = caBundle
        curl.plainHTTPCredentialHosts = settings.plainHTTPHosts
        return RetryingHTTPClient(wrapping: CurlHTTPClient(configuration: curl))
    }
}
