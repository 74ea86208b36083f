import Foundation

extension CurlHTTPClient {
    /// How the client connects; every field has a default fit for talking to a forge.
    package struct Configuration: Sendable {
        /// Limit for a whole exchange when the request does not set its own.
        package var timeout: Duration
        /// Limit for establishing the connection (TCP and TLS).
        package var connectTimeout: Duration
        package var userAgent: String
        /// A PEM file of CA certificates to trust instead of the system's (an internal GitLab's
        /// private CA). Verification itself cannot be turned off.
        package var caBundlePath: String?
        /// Redirects followed before giving up; 0 returns 3xx responses as they are.
        package var maximumRedirects: Int
        /// Transfers running at once; more wait their turn. Also the number of idle connections kept.
        package var maximumConcurrentTransfers: Int
        /// Hosts (`name` or `name:port`) that may receive credentials over plain http; loopback
        /// hosts always may. A request with credentials to any other http URL is refused.
        package var plainHTTPCredentialHosts: Set<String>

        package init(
            timeout: Duration = .seconds(30),
            connectTimeout: Duration = .seconds(10),
            userAgent: String = "shipshape",
            caBundlePath: String? = nil,
            maximumRedirects: Int = 5,
            maximumConcurrentTransfers: Int = 8,
            plainHTTPCredentialHosts: Set<String> = []
        ) {
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.userAgent = userAgent
            self.caBundlePath = caBundlePath
            self.maximumRedirects = maximumRedirects
            self.maximumConcurrentTransfers = maximumConcurrentTransfers
            self.plainHTTPCredentialHosts = plainHTTPCredentialHosts
        }

        /// Whether credentials may travel to `url` as it is (https, loopback, or an allowed host).
        package func mayCarryCredentials(to url: URL) -> Bool {
            guard url.scheme?.lowercased() == "http", !url.isLoopback else { return true }
            return plainHTTPCredentialHosts.contains {
                $0.lowercased() == url.host?.lowercased() || $0.lowercased() == url.authority
            }
        }
    }
}
