import Foundation
import Mustache

/// Mustache templates built into the binary, each replaceable by a same-named `NAME.mustache` file
/// of a folder: how the comment templates and the dashboard's pages are loaded.
package enum MustacheTemplateLoader {
    package struct LoadError: Error, CustomStringConvertible {
        package var description: String
    }

    /// `embedded`: file name to text; `required`: the names that must be there once overrides are
    /// read; `kind` names the set in errors ("template", "dashboard template"); each error names the file.
    package static func library(
        embedded: [String: String], overrides: String?, required: [String], kind: String
    ) throws(LoadError) -> MustacheLibrary {
        var sources: [String: String] = [:]
        for (file, text) in embedded where file.hasSuffix(".mustache") {
            sources[String(file.dropLast(".mustache".count))] = text
        }
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
                sources[String(name.dropLast(".mustache".count))] = text
            }
        }
        var library = MustacheLibrary()
        for (name, text) in sources {
            do {
                try library.register(text, named: name)
            } catch {
                throw LoadError(description: "\(kind) \(name).mustache does not parse: \(error)")
            }
        }
        for name in required where library.getTemplate(named: name) == nil {
            throw LoadError(description: "\(kind) \(name).mustache is missing")
        }
        return library
    }
}
