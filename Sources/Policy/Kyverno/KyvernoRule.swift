import Manifests

/// One `validate` rule of a Kyverno `ClusterPolicy` or `Policy`, ready to run on resources.
struct KyvernoRule: Sendable {
    var policy: String
    var name: String
    /// A namespaced `Policy` applies only to resources of its own namespace.
    var namespace: String?
    var file: String
    var line: Int
    var match: KyvernoResourceFilter
    var exclude: KyvernoResourceFilter
    var preconditions: KyvernoValue?
    var validate: KyvernoValue
    var message: String
    /// `Enforce` (danger) or `Audit` (warning).
    var severity: Severity
    /// The controllers a Pod rule also checks (Kyverno's auto-generated rules); empty when none.
    var autogenControllers: Set<String>
    var variables: KyvernoVariables
    var metadata: CheckMetadata
    /// The `PolicyException`s of the tree that name this rule (or its auto-generated forms).
    var exceptions: [KyvernoPolicyException] = []

    var id: String { "kyverno:\(policy)/\(name)" }

    /// The policy as a `PolicyException` names it: `<namespace>/<name>` for a namespaced Policy.
    var exceptionPolicyName: String { namespace.map { "\($0)/\(policy)" } ?? policy }

    /// The rule's name as Kyverno reports it on this kind: its auto-generated rules are
    /// `autogen-<rule>` on controllers and `autogen-cronjob-<rule>` on CronJobs.
    func reportedName(asPod: Bool, kind: String) -> String {
        guard asPod else { return name }
        return (kind == "CronJob" ? "autogen-cronjob-" : "autogen-") + name
    }

    /// Keeps the exceptions that name this rule in any of its forms.
    mutating func attach(_ candidates: [KyvernoPolicyException]) {
        let names = [name, "autogen-" + name, "autogen-cronjob-" + name]
        exceptions = candidates.filter { exception in
            names.contains { exception.names(policy: exceptionPolicyName, rule: $0) }
        }
    }

    /// Kyverno's default for `pod-policies.kyverno.io/autogen-controllers`.
    static let defaultControllers: Set<String> = [
        "DaemonSet", "Deployment", "Job", "StatefulSet", "ReplicaSet", "ReplicationController", "CronJob",
    ]

    /// Every kind the rule can be asked about, for a cheap first test of each object.
    var candidateKinds: Set<String>? {
        var kinds = Set<String>()
        for selector in match.kinds {
            guard let kind = selector.split(separator: "/").last.map(String.init), !kind.contains("*"),
                !kind.contains("?")
            else { return nil }
            kinds.insert(kind)
        }
        return kinds.isEmpty ? nil : kinds.union(autogenControllers)
    }
}

/// What loading found: the rules that run, and a note for every part that does not.
package struct KyvernoPolicies: Sendable {
    var rules: [KyvernoRule] = []
    var exceptions: [KyvernoPolicyException] = []
    package var notes: [String] = []

    package var isEmpty: Bool { rules.isEmpty }
    package var checkIDs: [String] { rules.map(\.id) }

    package init() {}

    static let apiVersions: Set<String> = ["kyverno.io/v1", "kyverno.io/v2beta1", "kyverno.io/v2"]
    package static let kinds: Set<String> = ["ClusterPolicy", "Policy"]

    private static func withoutLocation(_ note: String) -> Substring {
        note.firstRange(of: ": Kyverno policy").map { note[$0.lowerBound...] } ?? note[...]
    }

    package static func isPolicy(_ object: KubernetesObject) -> Bool {
        apiVersions.contains(object.apiVersion) && kinds.contains(object.kind)
    }

    /// A `PolicyException`, which the rules of the tree's policies read.
    package static let exceptionKind = "PolicyException"

    package static func isException(_ object: KubernetesObject) -> Bool {
        KyvernoPolicyException.isException(object)
    }

    /// Called once for every file of the tree: what this side already holds is looked at only
    /// when the other side brings something (most files bring nothing).
    mutating func add(_ other: KyvernoPolicies) {
        if !other.rules.isEmpty {
            let known = Set(rules.map(\.id))
            rules += other.rules.filter { !known.contains($0.id) }
        }
        if !other.exceptions.isEmpty {
            let knownExceptions = Set(exceptions.map(\.reference))
            exceptions += other.exceptions.filter { !knownExceptions.contains($0.reference) }
        }
        // The same policy read twice (its file, and a kustomization that builds it) is noted once.
        if !other.notes.isEmpty {
            let said = Set(notes.map(Self.withoutLocation))
            notes += other.notes.filter { !said.contains(Self.withoutLocation($0)) }
        }
    }
}

extension KyvernoPolicies {
    package var metadata: [CheckMetadata] { rules.map(\.metadata) }
}
