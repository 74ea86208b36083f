/// What the webhook server listens on and accepts.
package struct ServerSettings: Sendable {
    package var host: String
    package var port: Int
    /// Deliveries larger than this are refused (413) unread; GitHub sends at most 25 MB.
    package var maximumBodyBytes: Int
    /// Delivery bodies read at once; more are answered 503 (see `IntakeBudget`).
    package var maximumConcurrentBodies: Int
    /// Bytes all bodies in flight may reserve together.
    package var maximumBufferedBytes: Int
    /// A connection that sends nothing for this long is closed, so idle sockets cannot hold
    /// every descriptor the process has while real deliveries wait.
    package var idleTimeout: Duration

    package init(
        host: String = "0.0.0.0", port: Int = 8080, maximumBodyBytes: Int = 25 * 1024 * 1024,
        maximumConcurrentBodies: Int = 32, maximumBufferedBytes: Int = 64 * 1024 * 1024,
        idleTimeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumConcurrentBodies = maximumConcurrentBodies
        self.maximumBufferedBytes = max(maximumBufferedBytes, maximumBodyBytes)
        self.idleTimeout = idleTimeout
    }
}
