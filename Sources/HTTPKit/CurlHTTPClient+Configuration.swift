import Foundation

extension CurlHTTPClient {
    /// How the client connects; every field has a default fit for talking to a forge.
    public struct Configuration: Sendable {
        /// Limit for a whole exchange when the request does not set its own.
        public var timeout: Duration
        /// Limit for establishing the connection (TCP and TLS).
        public var connectTimeout: Duration
        public var userAgent: String
        /// A PEM file of CA certificates to trust instead of the system's (an internal GitLab's
        /// private CA). Verification itself cannot be turned off.
        public var caBundlePath: String?
        /// Redirects followed before giving up; 0 returns 3xx responses as they are.
        public var maximumRedirects: Int
        /// Transfers running at once; more wait their turn. Also the number of idle connections kept.
        public var maximumConcurrentTransfers: Int
        /// Hosts (`name` or `name:port`) that may receive credentials over plain http; loopback
        /// hosts always may. A request with credentials to any other http URL is refused.
        public var plainHTTPCredentialHosts: Set<String>

        public init(
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
        public func mayCarryCredentials(to url: URL) -> Bool {
            guard url.scheme?.lowercased() == "http", !url.isLoopback else { return true }
            return plainHTTPCredentialHosts.contains {
                $0.lowercased() == url.host?.lowercased() || $0.lowercased() == url.authority
            }
        }
    }
}
