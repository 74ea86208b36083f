/// The verdict on one HTTP exchange against a forge's API contract.
public struct ContractCheck: Sendable, CustomStringConvertible {
    /// The operationId (GitHub, Gitea, Forgejo) or `GitLabEndpoints` name; nil when no operation
    /// of the contract matches the method and path.
    public var operation: String?
    /// Empty when the exchange fits the contract; each entry says where it does not
    /// (`request body.comments[0].line: expected integer, got string`).
    public var violations: [String]

    public init(operation: String?, violations: [String]) {
        self.operation = operation
        self.violations = violations
    }

    public var isValid: Bool { violations.isEmpty }

    public var description: String {
        let name = operation ?? "unmatched request"
        return violations.isEmpty ? "\(name): fits the contract" : "\(name):\n  " + violations.joined(separator: "\n  ")
    }
}
