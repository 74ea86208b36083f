import Foundation
import Mustache

/// The pages' Mustache templates: `templates/dashboard/` built into the binary; a folder of
/// `NAME.mustache` files overrides them by name, as the bot's comment templates.
public struct DashboardTemplates: Sendable {
    public enum Name: String, Sendable, CaseIterable {
        case overview, repository, jobs, header, footer
    }

    public struct TemplateError: Error, CustomStringConvertible {
        public var description: String
    }

    private let library: MustacheLibrary

    public init(overrides: String? = nil) throws {
        var sources: [String: String] = [:]
        for (file, text) in EmbeddedConfig.files where file.hasSuffix(".mustache") {
            sources[String(file.dropLast(".mustache".count))] = text
        }
        if let overrides {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: overrides).filter {
                    $0.hasSuffix(".mustache")
                }
            } catch {
                throw TemplateError(
                    description:
                        "cannot read the dashboard templates folder \(overrides): \(error.localizedDescription)"
                )
            }
            for name in names {
                let path = URL(fileURLWithPath: overrides).appending(path: name).path
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw TemplateError(description: "cannot read the template \(path)")
                }
                sources[String(name.dropLast(".mustache".count))] = text
            }
        }
        var library = MustacheLibrary()
        for (name, text) in sources {
            do {
                try library.register(text, named: name)
            } catch {
                throw TemplateError(description: "template dashboard/\(name).mustache does not parse: \(error)")
            }
        }
        for name in Name.allCases where library.getTemplate(named: name.rawValue) == nil {
            throw TemplateError(description: "template dashboard/\(name.rawValue).mustache is missing")
        }
        self.library = library
    }

    func render(_ name: Name, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: name.rawValue) ?? ""
    }
}
