/// Every problem found in a configuration file, each with its line, so one run shows them all.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable, Hashable {
        public var position: SourcePosition?
        public var message: String

        public init(position: SourcePosition?, message: String) {
            self.position = position
            self.message = message
        }
    }

    public var file: String
    public var problems: [Problem]

    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        problems.map { problem in
            if let position = problem.position {
                return "\(file):\(position.line):\(position.column): \(problem.message)"
            }
            return "\(file): \(problem.message)"
        }.joined(separator: "\n")
    }
}
