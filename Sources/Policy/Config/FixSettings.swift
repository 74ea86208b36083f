/// The `fixes:` part of a configuration: the values fixes write, per container where wanted.
///
/// ```yaml
/// fixes:
///   resources:
///     - containerNames: [istio-proxy]   # prefix match, as exemptions; omitted: every container
///       cpuRequest: 10m
///       memoryRequest: 64Mi
///     - cpuRequest: 250m
///       cpuLimits: true                 # CPU limits only where the configuration asks
///   probePath: /healthz                 # httpGet probes on this path instead of tcpSocket
/// ```
package struct FixSettings: Sendable {
    package struct ResourceRule: Sendable {
        package var containerNames: [String] = []
        package var cpuRequest: String?
        package var memoryRequest: String?
        package var cpuLimits: Bool?

        package init(
            containerNames: [String] = [], cpuRequest: String? = nil, memoryRequest: String? = nil,
            cpuLimits: Bool? = nil
        ) {
            self.containerNames = containerNames
            self.cpuRequest = cpuRequest
            self.memoryRequest = memoryRequest
            self.cpuLimits = cpuLimits
        }

        func covers(_ container: String) -> Bool {
            containerNames.isEmpty || containerNames.contains { container.hasPrefix($0) }
        }
    }

    /// First match wins; a configuration file's rules come before the defaults'.
    package var resourceRules: [ResourceRule]
    package var probePath: String?

    package init(resourceRules: [ResourceRule] = [], probePath: String? = nil) {
        self.resourceRules = resourceRules
        self.probePath = probePath
    }

    package enum Request: Sendable { case cpu, memory }
    package enum Switch: Sendable { case cpuLimits }

    /// The configured request for `container`: the first covering rule that sets one.
    package func request(_ request: Request, for container: String) -> String? {
        resourceRules.lazy.filter { $0.covers(container) }.compactMap {
            request == .cpu ? $0.cpuRequest : $0.memoryRequest
        }.first
    }

    /// Whether the configuration turns `setting` on for `container`.
    package func isEnabled(_ setting: Switch, for container: String) -> Bool {
        resourceRules.lazy.filter { $0.covers(container) }.compactMap(\.cpuLimits).first ?? false
    }

    func merging(_ other: FixSettings) -> FixSettings {
        FixSettings(resourceRules: other.resourceRules + resourceRules, probePath: other.probePath ?? probePath)
    }
}
