import Manifests

/// `match` / `exclude` of a rule: `any` / `all` lists of resource filters, or the legacy single
/// `resources` block. A filter matches by kinds (`Pod`, `v1/Pod`, `apps/v1/Deployment`,
/// `batch/*/CronJob`), names, namespaces, label selector, annotations and operations.
struct KyvernoResourceFilter: Sendable {
    struct Filter: Sendable {
        var kinds: [String] = []
        var names: [String] = []
        var namespaces: [String] = []
        var selector: KyvernoValue?
        var annotations: [String: String] = [:]
        var operations: [String] = []
    }

    var any: [Filter] = []
    var all: [Filter] = []

    var isEmpty: Bool { any.isEmpty && all.isEmpty }

    /// Parts a resource filter may hold that a file cannot answer (who sends the request).
    static let requestOnlyFields = ["subjects", "roles", "clusterRoles", "namespaceSelector"]

    /// Reads a `match` or `exclude` block; `unsupported` receives what cannot be judged from files.
    init(_ block: KyvernoValue?, unsupported: (String, KyvernoValue.Origin?) -> Void) {
        guard let block, !block.isNull else { return }
        func filter(_ item: KyvernoValue) -> Filter {
            for field in Self.requestOnlyFields {
                if let value = item[field] ?? item["resources"]?[field], !value.isFalsy {
                    unsupported("`\(field)` needs the admission request, not the file", value.origin)
                }
            }
            let resources = item["resources"] ?? .null
            var filter = Filter()
            filter.kinds = resources["kinds"]?.array?.compactMap(\.string) ?? []
            filter.names =
                (resources["names"]?.array?.compactMap(\.string) ?? []) + (resources["name"]?.string.map { [$0] } ?? [])
            filter.namespaces = resources["namespaces"]?.array?.compactMap(\.string) ?? []
            filter.selector = resources["selector"]
            for entry in resources["annotations"]?.entries ?? [] {
                filter.annotations[entry.key] = entry.value.string ?? entry.value.printed
            }
            filter.operations = resources["operations"]?.array?.compactMap(\.string) ?? []
            return filter
        }
        any = (block["any"]?.array ?? []).map(filter)
        all = (block["all"]?.array ?? []).map(filter)
        if block["resources"] != nil { all.append(filter(block)) }
    }

    /// Every kind the filter names, for autogen's "matches only pods" test.
    var kinds: [String] { (any + all).flatMap(\.kinds) }
    var usesNamesOrSelectors: Bool {
        (any + all).contains { !$0.names.isEmpty || $0.selector != nil || !$0.annotations.isEmpty }
    }

    /// `kindOverride`: the kind the filter is asked about (autogen asks a Pod rule about a controller as a Pod).
    func matches(_ object: KyvernoTarget, kindOverride: (apiVersion: String, kind: String)? = nil) -> Bool {
        guard !isEmpty else { return false }
        if !any.isEmpty, !any.contains(where: { Self.matches($0, object, kindOverride) }) { return false }
        return all.allSatisfy { Self.matches($0, object, kindOverride) }
    }

    private static func matches(
        _ filter: Filter, _ object: KyvernoTarget, _ kindOverride: (apiVersion: String, kind: String)?
    ) -> Bool {
        let apiVersion = kindOverride?.apiVersion ?? object.apiVersion
        let kind = kindOverride?.kind ?? object.kind
        if !filter.kinds.isEmpty, !filter.kinds.contains(where: { kindMatches($0, apiVersion: apiVersion, kind: kind) })
        {
            return false
        }
        if !filter.names.isEmpty, !filter.names.contains(where: { KyvernoWildcard.match($0, object.name) }) {
            return false
        }
        if !filter.namespaces.isEmpty {
            guard let namespace = object.namespace,
                filter.namespaces.contains(where: { KyvernoWildcard.match($0, namespace) })
            else { return false }
        }
        if let selector = filter.selector, !selectorMatches(selector, object.labels) { return false }
        let annotations = filter.annotations.isEmpty ? [:] : object.annotations
        for (key, pattern) in filter.annotations {
            guard
                annotations.contains(where: {
                    KyvernoWildcard.match(key, $0.key) && KyvernoWildcard.match(pattern, $0.value)
                })
            else { return false }
        }
        // A file under review is on its way to being created or updated.
        if !filter.operations.isEmpty, !filter.operations.contains(where: { $0 == "CREATE" || $0 == "UPDATE" }) {
            return false
        }
        return true
    }

    static func kindMatches(_ selector: String, apiVersion: String, kind: String) -> Bool {
        let parts = selector.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let group = apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
        let version = String(apiVersion.split(separator: "/").last ?? "")
        switch parts.count {
        case 1:
            return KyvernoWildcard.match(parts[0], kind)
        case 2:
            // `v1/Pod` (version/kind); `Pod/exec` names a subresource, which no file is.
            if parts[1].first?.isLowercase == true { return false }
            return (KyvernoWildcard.match(parts[0], version) || KyvernoWildcard.match(parts[0], group))
                && KyvernoWildcard.match(parts[1], kind)
        case 3:
            return KyvernoWildcard.match(parts[0], group) && KyvernoWildcard.match(parts[1], version)
                && KyvernoWildcard.match(parts[2], kind)
        default:
            return false
        }
    }

    static func selectorMatches(_ selector: KyvernoValue, _ labels: [String: String]) -> Bool {
        for entry in selector["matchLabels"]?.entries ?? [] {
            guard let value = labels.first(where: { KyvernoWildcard.match(entry.key, $0.key) })?.value,
                KyvernoWildcard.match(entry.value.string ?? entry.value.printed, value)
            else { return false }
        }
        for expression in selector["matchExpressions"]?.array ?? [] {
            let key = expression["key"]?.string ?? ""
            let values = expression["values"]?.array?.map(\.printed) ?? []
            let value = labels[key]
            switch expression["operator"]?.string ?? "" {
            case "In": guard let value, values.contains(value) else { return false }
            case "NotIn": if let value, values.contains(value) { return false }
            case "Exists": guard value != nil else { return false }
            case "DoesNotExist": guard value == nil else { return false }
            default: return false
            }
        }
        return true
    }
}

/// What match and exclude ask of a resource (labels and annotations are read only when a filter asks).
struct KyvernoTarget: Sendable {
    let object: KubernetesObject

    init(_ object: KubernetesObject) { self.object = object }

    var apiVersion: String { object.apiVersion }
    var kind: String { object.kind }
    var name: String { object.name }
    var namespace: String? { object.namespace }
    var labels: [String: String] { object.labels }
    var annotations: [String: String] { object.annotations }
}
