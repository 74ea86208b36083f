import ArgumentParser

/// A command line of the plainest shape: the command's name, then paths, known flags and known
/// `--name value` (or `--name=value`) options, each given at most once. `check` and `fix` are
/// read from it without argument-parser, whose reflection over the command types makes about 130
/// first protocol-conformance checks, each a scan of the binary's 10,469 conformance records
/// (33.5 of the 65 million instructions of `check` of an empty folder, issue 22).
///
/// Anything else (help, a name it does not know, a repeated option, a value that starts with
/// `-`, `--`, a path that starts with `-`) makes it nil, and argument-parser reads the line as
/// before: every help text, error and exit status stays its own.
struct PlainCommandLine {
    var paths: [String] = []
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    /// `arguments` without the program's name; `command` the first of them.
    init?(_ arguments: [String], command: String, flags knownFlags: Set<String>, options knownOptions: Set<String>) {
        guard arguments.first == command else { return nil }
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("-") else {
                // argument-parser would take `help` here for its help command.
                guard argument != "help" else { return nil }
                paths.append(argument)
                continue
            }
            guard argument.hasPrefix("--") else { return nil }
            let spelled = argument.dropFirst(2)
            if let equals = spelled.firstIndex(of: "=") {
                let name = String(spelled[..<equals])
                let value = String(spelled[spelled.index(after: equals)...])
                guard knownOptions.contains(name), values[name] == nil, Self.isPlainValue(value) else { return nil }
                values[name] = value
            } else if knownFlags.contains(String(spelled)) {
                guard flags.insert(String(spelled)).inserted else { return nil }
            } else if knownOptions.contains(String(spelled)) {
                let name = String(spelled)
                guard values[name] == nil, let value = rest.popFirst(), Self.isPlainValue(value) else { return nil }
                values[name] = value
            } else {
                return nil
            }
        }
        guard !paths.isEmpty else { return nil }
    }

    private static func isPlainValue(_ value: String) -> Bool {
        !value.isEmpty && !value.hasPrefix("-")
    }

    func isSet(_ flag: String) -> Bool { flags.contains(flag) }

    /// The option's value, or nil when it was not given.
    func value(_ option: String) -> String? { values[option] }

    /// The option's value read as argument-parser reads it; `fallback` when it was not given,
    /// nil (so argument-parser reads the line and reports it) when the value is not one.
    func value<Value: ExpressibleByArgument>(_ option: String, or fallback: Value) -> Value? {
        guard let text = values[option] else { return fallback }
        return Value(argument: text)
    }
}
