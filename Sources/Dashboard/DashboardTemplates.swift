import Bot
import Mustache

/// The pages' Mustache templates: `templates/dashboard/` built into the binary; a folder of
/// `NAME.mustache` files overrides them by name, as the bot's comment templates.
package struct DashboardTemplates: Sendable {
    package enum Name: String, Sendable, CaseIterable {
        case overview, repository, jobs, header, footer
    }

    package struct TemplateError: Error, CustomStringConvertible {
        package var description: String
    }

    private let library: MustacheLibrary

    package init(overrides: String? = nil) throws {
        do {
            library = try MustacheTemplateLoader.library(
                embedded: EmbeddedConfig.files, overrides: overrides, required: Name.allCases.map(\.rawValue),
                kind: "dashboard template")
        } catch {
            throw TemplateError(description: error.description)
        }
    }

    func render(_ name: Name, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: name.rawValue) ?? ""
    }
}
