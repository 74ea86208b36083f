import Manifests

/// Grades violations with the configured severity and drops the exempted ones.
struct FindingBuilder: Sendable {
    let configuration: PolicyConfiguration

    func findings(for check: any Check, violations: [Violation], object: KubernetesObject) -> [Finding] {
        let configured = configuration.severity(of: check.id)
        guard configured != .ignore else { return [] }
        let annotationExempt = !configuration.disallowAnnotationExemptions && AnnotationExemptions.exempts(object.annotations, checkID: check.id)
        guard !annotationExempt else { return [] }
        return violations.compactMap { violation in
            guard !isExempt(checkID: check.id, object: object.reference, container: violation.container, file: object.file) else { return nil }
            let severity = min(violation.severity ?? configured, configured)
            guard severity != .ignore else { return nil }
            return Finding(checkID: check.id, severity: severity, category: check.metadata.category, file: object.file,
                           position: violation.position, object: object.reference, container: violation.container,
                           path: violation.path, message: violation.message)
        }
    }

    func isExempt(checkID: String, object: ObjectReference?, container: String?, file: String) -> Bool {
        guard !configuration.disallowConfigExemptions else { return false }
        return configuration.exemptions.contains { $0.exempts(checkID: checkID, object: object, container: container, file: file) }
    }
}
