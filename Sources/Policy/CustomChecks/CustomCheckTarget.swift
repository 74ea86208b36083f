import Manifests

/// What a custom check's schema is applied to (Polaris' `target`).
enum CustomCheckTarget: Sendable, Equatable {
    case container, podSpec, podTemplate, controller
    /// `apps/Deployment`, `/ConfigMap` (the core group), or `Kind` alone (any group).
    case kind(group: String?, kind: String)

    init(_ text: String) {
        switch text {
        case "Container": self = .container
        case "PodSpec": self = .podSpec
        case "PodTemplate": self = .podTemplate
        case "Controller": self = .controller
        default: self = Self.groupKind(text)
        }
    }

    static func groupKind(_ text: String) -> CustomCheckTarget {
        guard let slash = text.lastIndex(of: "/") else { return .kind(group: nil, kind: text) }
        return .kind(group: String(text[..<slash]), kind: String(text[text.index(after: slash)...]))
    }

    var usesPods: Bool {
        if case .kind = self { false } else { true }
    }

    /// By kind alone, as Polaris matches the objects it reads from files (its own fixtures give a
    /// `policy/PodDisruptionBudget` check a PodDisruptionBudget written with `apiVersion: v1`).
    func matches(kind: String, group: String) -> Bool {
        guard case .kind(_, let wantedKind) = self else { return false }
        return wantedKind == kind
    }

    var description: String {
        switch self {
        case .container: "Container"
        case .podSpec: "PodSpec"
        case .podTemplate: "PodTemplate"
        case .controller: "Controller"
        case .kind(let group, let kind): group.map { "\($0)/\(kind)" } ?? kind
        }
    }
}
