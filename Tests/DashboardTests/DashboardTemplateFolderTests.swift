import Foundation
import Testing

@testable import Dashboard

/// `dashboard.templates`: a folder whose files replace the built-in pages by name, the sign-in's
/// chooser and error pages among them; a folder that cannot be used is refused at start with the
/// template and the file named.
@Suite struct DashboardTemplateFolderTests {
    /// A fresh folder holding `files` (name → text).
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appending(path: name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func refusal(_ files: [String: String]) throws -> String {
        let folder = try folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try DashboardTemplates(overrides: folder.path)
            return "accepted"
        } catch {
            return "\(error)".replacingOccurrences(of: folder.path, with: "DIR")
        }
    }

    @Test func aFolderReplacesPagesByNameAndMayAddPartials() throws {
        let folder = try Self.folder([
            "error.mustache": "{{> header}}<h1 class=\"custom\">{{title}}</h1>{{> contact}}{{> footer}}",
            "contact.mustache": "<p>Ask #platform.</p>",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = try DashboardTemplates(overrides: folder.path)

        let page = templates.page(.error, viewer: nil, ["title": "Not found"])
        #expect(page.contains("<h1 class=\"custom\">Not found</h1><p>Ask #platform.</p>"))
        #expect(page.hasPrefix("<!DOCTYPE html>"), "the built-in header stays")
    }

    @Test func aFolderThatCannotBeUsedIsRefusedNamingTheTemplateAndTheFile() throws {
        #expect(
            try Self.refusal(["repositry.mustache": "x"])
                == "DIR/repositry.mustache is no dashboard template and no template uses it as a partial: "
                + "the dashboard templates are error.mustache, footer.mustache, header.mustache, jobs.mustache, "
                + "overview.mustache, repository.mustache, sign-in.mustache, sign-out.mustache, signed-out.mustache")
        #expect(
            try Self.refusal(["header.mustache": "<header>{{> banner}}</header>"])
                == "dashboard template banner.mustache is missing: DIR/header.mustache uses it as {{> banner}} in header"
        )
        #expect(
            try Self.refusal(["jobs.mustache": "{{#running}}"]).hasPrefix(
                "dashboard template jobs.mustache does not parse (DIR/jobs.mustache)"))
        #expect(
            "\((try? DashboardTemplates(overrides: "/nonexistent-shipshape-pages")).map { _ in "" } ?? "refused")"
                == "refused")
    }
}
