/// The verdict on one HTTP exchange against a forge's API contract.
package struct ContractCheck: Sendable, CustomStringConvertible {
    /// The operationId (GitHub, Gitea, Forgejo) or `GitLabEndpoints` name; nil when no operation
    /// of the contract matches the method and path.
    package var operation: String?
    /// Empty when the exchange fits the contract; each entry says where it does not
    /// (`request body.comments[0].line: expected integer, got string`).
    package var violations: [String]

    package init(operation: String?, violations: [String]) {
        self.operation = operation
        self.violations = violations
    }

    package var isValid: Bool { violations.isEmpty }

    package var description: String {
        let name = operation ?? "unmatched request"
        return violations.isEmpty ? "\(name): fits the contract" : "\(name):\n  " + violations.joined(separator: "\n  ")
    }
}
