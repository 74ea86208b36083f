import Manifests

/// Grades violations with the configured severity and drops the exempted ones.
struct FindingBuilder: Sendable {
    let configuration: PolicyConfiguration

    /// What can exempt one object's findings, worked out once for all the checks run on it, and
    /// only when one of them has something to report: most checks on most objects find nothing.
    struct ObjectExemptions {
        let object: KubernetesObject
        private var resolved: (annotations: [String: String], candidates: [Exemption])?

        init(object: KubernetesObject) {
            self.object = object
        }

        mutating func resolve(_ configuration: PolicyConfiguration) -> (
            annotations: [String: String], candidates: [Exemption]
        ) {
            if let resolved { return resolved }
            let reference = object.reference
            var annotations = configuration.disallowAnnotationExemptions ? [:] : object.annotations
            if let setAside = configuration.setAsideExemptions[object.file]?[reference] {
                for key in setAside { annotations[key] = nil }
            }
            let found = (
                annotations: annotations,
                candidates: configuration.disallowConfigExemptions
                    ? [] : configuration.exemptions.filter { $0.covers(object: reference, file: object.file) }
            )
            resolved = found
            return found
        }
    }

    func exemptions(for object: KubernetesObject) -> ObjectExemptions {
        ObjectExemptions(object: object)
    }

    func findings(
        for check: any Check, violations: [Violation], object: KubernetesObject, exemptions: inout ObjectExemptions
    ) -> [Finding] {
        guard !violations.isEmpty else { return [] }
        let configured = configuration.severity(of: check.id)
        guard configured != .ignore else { return [] }
        let exempting = exemptions.resolve(configuration)
        guard !AnnotationExemptions.exempts(exempting.annotations, checkID: check.id) else { return [] }
        return violations.compactMap { violation in
            guard
                !exempting.candidates.contains(where: { $0.covers(checkID: check.id, container: violation.container) })
            else { return nil }
            let severity = min(violation.severity ?? configured, configured)
            guard severity != .ignore else { return nil }
            return Finding(
                checkID: check.id, severity: severity, category: check.metadata.category, file: object.file,
                position: violation.position, object: object.reference, container: violation.container,
                path: violation.path, message: violation.message, documentIndex: object.documentIndex)
        }
    }

    func isExempt(checkID: String, object: ObjectReference?, container: String?, file: String) -> Bool {
        guard !configuration.disallowConfigExemptions else { return false }
        return configuration.exemptions.contains {
            $0.exempts(checkID: checkID, object: object, container: container, file: file)
        }
    }
}
