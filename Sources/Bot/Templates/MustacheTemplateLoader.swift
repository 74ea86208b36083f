import Foundation
import Mustache

/// Mustache templates built into the binary, each replaceable by a same-named `NAME.mustache` file
/// of a folder: how the comment templates and the dashboard's pages are loaded.
package enum MustacheTemplateLoader {
    package struct LoadError: Error, CustomStringConvertible {
        package var description: String
    }

    /// `embedded`: file name to text; `required`: the names that must be there once overrides are
    /// read; `kind` names the set in errors ("template", "dashboard template"); each error names the
    /// file. A partial (`{{> name}}`) that no template provides is an error naming it and the file
    /// that uses it (Mustache would render it as nothing). With `onlyKnownNames`, a file of the folder
    /// that is neither a required template nor used as a partial is an error too: a misspelt name
    /// would otherwise override nothing, silently.
    package static func library(
        embedded: [String: String], overrides: String?, required: [String], kind: String,
        onlyKnownNames: Bool = false
    ) throws(LoadError) -> MustacheLibrary {
        var sources: [String: (text: String, file: String)] = [:]
        for (file, text) in embedded where file.hasSuffix(".mustache") {
            sources[String(file.dropLast(".mustache".count))] = (text, "the built-in \(file)")
        }
        var overridden: [String: String] = [:]
        if let overrides {
            let folder = URL(fileURLWithPath: overrides)
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: overrides).filter {
                    $0.hasSuffix(".mustache")
                }
            } catch {
                throw LoadError(
                    description: "cannot read the templates folder \(overrides): \(error.localizedDescription)")
            }
            for name in names {
                let path = folder.appending(path: name).path
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw LoadError(description: "cannot read the template \(path)")
                }
                sources[String(name.dropLast(".mustache".count))] = (text, path)
                overridden[String(name.dropLast(".mustache".count))] = path
            }
        }
        var library = MustacheLibrary()
        for (name, source) in sources {
            do {
                try library.register(source.text, named: name)
            } catch {
                throw LoadError(description: "\(kind) \(name).mustache does not parse (\(source.file)): \(error)")
            }
        }
        for name in required where library.getTemplate(named: name) == nil {
            throw LoadError(description: "\(kind) \(name).mustache is missing")
        }
        var used = Set(required)
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for partial in partials(in: source.text) {
                used.insert(partial)
                guard sources[partial] == nil else { continue }
                throw LoadError(
                    description:
                        "\(kind) \(partial).mustache is missing: \(source.file) uses it as {{> \(partial)}} in \(name)")
            }
        }
        if onlyKnownNames {
            for (name, path) in overridden.sorted(by: { $0.key < $1.key }) where !used.contains(name) {
                throw LoadError(
                    description:
                        "\(path) is no \(kind) and no template uses it as a partial: the \(kind)s are "
                        + required.sorted().map { $0 + ".mustache" }.joined(separator: ", "))
            }
        }
        return library
    }

    /// The names of the partials `{{> name}}` a template's text includes (dynamic `{{>*name}}` ones aside).
    static func partials(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            let tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            guard tag.hasPrefix(">") else { continue }
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, !name.hasPrefix("*") { names.insert(name) }
        }
        return names
    }
}
