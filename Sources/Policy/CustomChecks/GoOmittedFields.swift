import JSONKit
import JSONSchema
import Manifests

/// The fields of Kubernetes' types that Go's `omitempty` drops when they hold their zero value:
/// Polaris validates pod specs and containers after encoding those structs to JSON, so
/// `priorityClassName: ""` or `hostNetwork: false` is absent to its schemas. Only fields that are
/// not pointers are listed (a pointer keeps `false` and `""`; Kubernetes 1.33's `core/v1`).
enum GoOmittedFields {
    enum Zero {
        case emptyString, falseBool, emptyList, emptyMap

        func isZero(_ node: YAMLNode) -> Bool {
            switch (self, JSONValue(node)) {
            case (.emptyString, .string(let text)): text.isEmpty
            case (.falseBool, .bool(let value)): !value
            case (.emptyList, .array(let items)): items.isEmpty
            case (.emptyMap, .object(let entries)): entries.isEmpty
            default: false
            }
        }
    }

    static let podSpec: [String: Zero] = fields(
        strings: [
            "restartPolicy", "dnsPolicy", "serviceAccountName", "serviceAccount", "nodeName", "hostname", "subdomain",
            "schedulerName", "priorityClassName",
        ],
        bools: ["hostNetwork", "hostPID", "hostIPC"],
        lists: [
            "volumes", "initContainers", "ephemeralContainers", "imagePullSecrets", "tolerations", "hostAliases",
            "readinessGates", "topologySpreadConstraints", "schedulingGates", "resourceClaims",
        ],
        maps: ["nodeSelector", "overhead"])

    static let container: [String: Zero] = fields(
        strings: ["image", "workingDir", "terminationMessagePath", "terminationMessagePolicy", "imagePullPolicy"],
        bools: ["stdin", "stdinOnce", "tty"],
        lists: ["command", "args", "ports", "envFrom", "env", "resizePolicy", "volumeMounts", "volumeDevices"],
        maps: [])

    static let podSecurityContext: [String: Zero] = fields(
        strings: [], bools: [], lists: ["supplementalGroups", "sysctls"], maps: [])

    /// Whether Go drops this entry: null (every field is `omitempty` or a pointer) or a zero value.
    static func omits(_ entry: YAMLMappingEntry, of fields: [String: Zero]) -> Bool {
        if entry.value.isNull { return true }
        guard let zero = fields[entry.keyText ?? ""] else { return false }
        return zero.isZero(entry.value)
    }

    private static func fields(strings: [String], bools: [String], lists: [String], maps: [String]) -> [String: Zero] {
        var table: [String: Zero] = [:]
        for name in strings { table[name] = .emptyString }
        for name in bools { table[name] = .falseBool }
        for name in lists { table[name] = .emptyList }
        for name in maps { table[name] = .emptyMap }
        return table
    }
}
