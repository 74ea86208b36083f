/// Every problem found in a configuration file, each with its line, so one run shows them all.
package struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    package struct Problem: Sendable, Hashable {
        package var position: SourcePosition?
        package var message: String

        package init(position: SourcePosition?, message: String) {
            self.position = position
            self.message = message
        }
    }

    package var file: String
    package var problems: [Problem]

    package init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    package var description: String {
        problems.map { problem in
            if let position = problem.position {
                return "\(file):\(position.line):\(position.column): \(problem.message)"
            }
            return "\(file): \(problem.message)"
        }.joined(separator: "\n")
    }
}
