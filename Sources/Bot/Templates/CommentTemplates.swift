import Foundation
import Mustache

/// The Mustache templates every comment, check and pull-request body is written from: the ones
/// in `templates/` are built into the binary; a team's own folder overrides them by file name.
public struct CommentTemplates: Sendable {
    public enum Name: String, Sendable, CaseIterable {
        case inlineComment = "inline-comment"
        case fixedComment = "fixed-comment"
        case summary
        case checkRun = "check-run"
        case commandReply = "command-reply"
        case help
        case upgradePullRequest = "upgrade-pull-request"
        case upgradeComment = "upgrade-comment"
    }

    public struct TemplateError: Error, CustomStringConvertible {
        public var description: String
    }

    private let library: MustacheLibrary

    /// `overrides`: a folder of `NAME.mustache` files, each replacing the built-in one of that name.
    public init(overrides: String? = nil) throws {
        var sources: [String: String] = [:]
        for (file, text) in EmbeddedConfig.files where file.hasSuffix(".mustache") {
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
                throw TemplateError(
                    description: "cannot read the templates folder \(overrides): \(error.localizedDescription)")
            }
            for name in names {
                let path = folder.appending(path: name).path
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
                throw TemplateError(description: "template \(name).mustache does not parse: \(error)")
            }
        }
        for name in Name.allCases where library.getTemplate(named: name.rawValue) == nil {
            throw TemplateError(description: "template \(name.rawValue).mustache is missing")
        }
        self.library = library
    }

    func render(_ name: Name, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: name.rawValue) ?? ""
    }
}
