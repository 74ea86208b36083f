import ArgumentParser
import Foundation
import Policy

/// `shipshape checks`: the catalogue, as a table or as the generated docs/checks.md.
struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "List every check with its default severity (--format markdown writes docs/checks.md)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "Output format: text or markdown.")
    var format: Format = .text

    func run() throws {
        let configuration = try RunSetup.load(configPath: nil, kubeVersion: nil).configuration
        let metadata = Catalogue.metadata
        switch format {
        case .markdown:
            print(CatalogueDocument.markdown(checks: metadata, configuration: configuration), terminator: "")
        case .text:
            for check in metadata.sorted(by: { $0.id < $1.id }) {
                let severity = configuration.severity(of: check.id).rawValue.padding(
                    toLength: 8, withPad: " ", startingAt: 0)
                print("\(check.id.padding(toLength: 42, withPad: " ", startingAt: 0)) \(severity) \(check.title)")
            }
        }
    }
}
