import Manifests
import Policy

/// The key/value pairs of a generator: env files first, then literals, then files, as kustomize
/// reads them; each value knows the line it came from.
enum GeneratorSources {
    struct Pair {
        var key: String
        var value: [UInt8]
        var origin: SourceLocation?
    }

    static func pairs(_ entry: Node, kustomization: Kustomization, session: BuildSession) throws -> [Pair] {
        var pairs: [Pair] = []
        var envFiles = entry["envs"]?.items ?? []
        if let env = entry["env"], env.string != nil { envFiles.insert(env, at: 0) }
        for envFile in envFiles {
            guard let relative = envFile.string else {
                throw KustomizeError("envs: entries are file paths", at: envFile.origin)
            }
            let path = try resolve(relative, kustomization: kustomization, session: session, at: envFile.origin)
            pairs += try envPairs(session.read(path, at: envFile.origin), file: path)
        }
        for literal in entry["literals"]?.items ?? [] {
            guard let text = literal.scalar?.text else {
                throw KustomizeError("literals: entries are KEY=VALUE strings", at: literal.origin)
            }
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw KustomizeError("literal \(text) is not KEY=VALUE", at: literal.origin)
            }
            pairs.append(
                Pair(
                    key: String(text[..<equals]),
                    value: Array(removeQuotes(String(text[text.index(after: equals)...])).utf8), origin: literal.origin)
            )
        }
        for source in entry["files"]?.items ?? [] {
            guard let text = source.string else {
                throw KustomizeError("files: entries are paths or KEY=path", at: source.origin)
            }
            let key: String
            let relative: String
            let parts = text.split(separator: "=", omittingEmptySubsequences: false)
            switch parts.count {
            case 1:
                key = BuildPath.base(of: text)
                relative = text
            case 2:
                guard !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw KustomizeError("files: entry \(text) is missing its key or path", at: source.origin)
                }
                key = String(parts[0])
                relative = String(parts[1])
            default: throw KustomizeError("files: entry \(text) has more than one =", at: source.origin)
            }
            let path = try resolve(relative, kustomization: kustomization, session: session, at: source.origin)
            pairs.append(Pair(key: key, value: try session.read(path, at: source.origin), origin: source.origin))
        }
        return pairs
    }

    private static func resolve(
        _ relative: String, kustomization: Kustomization, session: BuildSession, at origin: SourceLocation?
    ) throws -> String {
        let path = BuildPath.join(kustomization.folder, relative)
        guard BuildPath.isWithin(path, kustomization.folder) else {
            throw KustomizeError("security: \(relative) is not in or below \(kustomization.folder)", at: origin)
        }
        guard session.fileSystem.fileExists(path) else {
            throw KustomizeError("\(relative) does not exist (\(path))", at: origin)
        }
        return path
    }

    /// `KEY=VALUE` lines; blank lines and `#` comments skipped, a line without `=` is an empty value.
    static func envPairs(_ bytes: [UInt8], file: String) throws -> [Pair] {
        var pairs: [Pair] = []
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if bytes.last == UInt8(ascii: "\n") { lines.removeLast() }
        for (number, rawLine) in lines.enumerated() {
            var line = Array(rawLine)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if number == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
            guard let text = String(validating: line, as: UTF8.self) else {
                throw KustomizeError(
                    "line \(number + 1) of \(file) is not valid UTF-8",
                    at: SourceLocation(file: file, position: SourcePosition(line: number + 1, column: 1)))
            }
            let trimmed = text.drop { $0.isWhitespace }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let column = text.count - trimmed.count + 1
            let origin = SourceLocation(file: file, position: SourcePosition(line: number + 1, column: column))
            if let equals = trimmed.firstIndex(of: "=") {
                pairs.append(
                    Pair(
                        key: String(trimmed[..<equals]), value: Array(trimmed[trimmed.index(after: equals)...].utf8),
                        origin: origin))
            } else {
                pairs.append(Pair(key: String(trimmed), value: [], origin: origin))
            }
        }
        return pairs
    }

    private static func removeQuotes(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" else {
            return text
        }
        return String(text.dropFirst().dropLast())
    }
}
