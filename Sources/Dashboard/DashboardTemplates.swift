import Bot
import Mustache

/// The pages' Mustache templates: `templates/dashboard/` built into the binary; a folder of
/// `NAME.mustache` files (`dashboard.templates`) overrides them by name, as the bot's comment templates.
package struct DashboardTemplates: Sendable {
    package enum Name: String, Sendable, CaseIterable {
        case overview, repository, jobs, header, footer, error
        case signIn = "sign-in"
        case signOut = "sign-out"
        case signedOut = "signed-out"
    }

    package struct TemplateError: Error, CustomStringConvertible {
        package var description: String

        package init(description: String) { self.description = description }
    }

    private let library: MustacheLibrary

    /// `overrides`: a folder of same-named files; one that overrides no page and is used by none as a
    /// partial, or a partial that no file provides, is an error naming the file.
    package init(overrides: String? = nil) throws {
        do {
            library = try MustacheTemplateLoader.library(
                embedded: EmbeddedConfig.files, overrides: overrides, required: Name.allCases.map(\.rawValue),
                kind: "dashboard template", onlyKnownNames: true)
        } catch {
            throw TemplateError(description: error.description)
        }
    }

    func render(_ name: Name, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: name.rawValue) ?? ""
    }

    /// A page for `viewer` (nil: nobody signed in): the header shows who they are, and forms read `csrf`.
    func page(_ name: Name, viewer: DashboardViewer?, _ view: [String: Any]) -> String {
        var view = view
        if let viewer {
            view["viewer"] = ["login": viewer.login, "forge": viewer.forge, "isAdmin": viewer.isAdmin]
            view["csrf"] = viewer.csrfToken
        }
        return render(name, view)
    }
}
