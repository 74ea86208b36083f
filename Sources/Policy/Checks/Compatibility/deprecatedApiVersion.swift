import Manifests

/// An object written with an apiVersion that its component deprecated or removed
/// (`config/deprecations.yaml`): danger once removed in the target release, warning while deprecated.
struct DeprecatedApiVersion: Check {
    static let metadata = CheckMetadata(
        id: "deprecatedApiVersion", category: .compatibility, target: "Any object",
        title: "apiVersion should be current for the target release",
        description: "An apiVersion removed from the target release is refused by the API server: the object cannot be applied and GitOps sync fails. A deprecated one will be removed in a later release.",
        remediation: "Move the object to the replacement apiVersion named in the message (and adapt its fields where the schema changed)."
    )

    func applies(to object: KubernetesObject) -> Bool { true }

    func evaluate(_ object: KubernetesObject, in workspace: Workspace) -> [Violation] {
        let settings = workspace.settings
        guard let api = settings.deprecations.entry(apiVersion: object.apiVersion, kind: object.kind),
              let target = settings.target(for: api.component) else { return [] }
        let status = api.status(at: target)
        guard status != .current else { return [] }
        let position = object.node.keyPosition(["apiVersion"]) ?? object.anchor
        return [Violation(at: position, path: object.path.appending("apiVersion"),
                          message: message(api, status: status, target: target),
                          severity: status == .removed ? .danger : .warning)]
    }

    private func message(_ api: DeprecatedAPI, status: DeprecatedAPI.Status, target: ReleaseVersion) -> String {
        let component = api.componentName
        var text = "\(api.apiVersion) \(api.kind ?? "")".trimmingWhitespace
        switch status {
        case .removed:
            text += " was removed in \(component) \(api.removedIn.map(String.init(describing:)) ?? "")"
            text += " (target \(target))"
        default:
            text += " is deprecated since \(component) \(api.deprecatedIn.map(String.init(describing:)) ?? "")"
            if let removedIn = api.removedIn { text += " and is removed in \(removedIn)" }
        }
        if let replacement = api.replacement {
            text += ": use \(replacement)"
            if let available = api.replacementAvailableIn { text += " (available since \(component) \(available))" }
        } else {
            text += ": it has no replacement"
        }
        if let note = api.note { text += "; \(note)" }
        return text
    }
}
