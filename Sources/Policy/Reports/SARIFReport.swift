import Foundation
import Manifests

/// SARIF 2.1.0, as GitHub code scanning reads it: one rule per check (from its metadata),
/// one result per finding with a relative file and a start line and column.
public enum SARIFReport {
    public static let toolVersion = "0.1.0"

    public static func render(_ report: CheckReport, checks: [CheckMetadata], configuration: PolicyConfiguration) throws -> String {
        let rules = checks.sorted { $0.id < $1.id }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let log = Log(runs: [Run(
            tool: Tool(driver: Driver(
                name: "Shipshape", informationUri: "https://github.com/shipshape-dev/shipshape", version: toolVersion,
                rules: rules.map { rule(for: $0, severity: configuration.severity(of: $0.id)) }
            )),
            results: report.findings.map { finding in
                Result(
                    ruleId: finding.checkID, ruleIndex: ruleIndex[finding.checkID] ?? 0, level: level(finding.severity),
                    message: Message(text: text(of: finding)),
                    locations: [Location(physicalLocation: PhysicalLocation(
                        artifactLocation: ArtifactLocation(uri: relativeURI(finding.file), uriBaseId: "%SRCROOT%"),
                        region: Region(startLine: finding.position.line, startColumn: finding.position.column)
                    ))],
                    partialFingerprints: ["shipshape/v1": fingerprint(of: finding)]
                )
            }
        )])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .danger: "error"
        case .warning: "warning"
        case .ignore: "none"
        }
    }

    private static func rule(for check: CheckMetadata, severity: Severity) -> Rule {
        Rule(id: check.id, name: check.id.prefix(1).uppercased() + check.id.dropFirst(),
             shortDescription: Message(text: check.title), fullDescription: Message(text: check.description),
             help: Help(text: check.remediation, markdown: "**\(check.title)**\n\n\(check.description)\n\n\(check.remediation)"),
             helpUri: check.documentationURL, defaultConfiguration: Configuration(level: level(severity)),
             properties: Properties(tags: [check.category.rawValue.lowercased(), "kubernetes"]))
    }

    private static func text(of finding: Finding) -> String {
        var subject = finding.object?.description ?? ""
        if let container = finding.container { subject += " container \(container)" }
        return subject.isEmpty ? finding.message : "\(subject): \(finding.message)"
    }

    /// Stable across line moves: check, object and path in the document, not the line number.
    static func fingerprint(of finding: Finding) -> String {
        [finding.checkID, finding.file, finding.object?.description ?? "", finding.container ?? "", finding.path.description]
            .joined(separator: "|")
    }

    static func relativeURI(_ path: String) -> String {
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String(relative)
    }

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable { var tool: Tool; var results: [Result] }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable { var name: String; var informationUri: String; var version: String; var rules: [Rule] }
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Help
        var helpUri: String
        var defaultConfiguration: Configuration
        var properties: Properties
    }
    struct Help: Encodable { var text: String; var markdown: String }
    struct Configuration: Encodable { var level: String }
    struct Properties: Encodable { var tags: [String] }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
    }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct ArtifactLocation: Encodable { var uri: String; var uriBaseId: String }
    struct Region: Encodable { var startLine: Int; var startColumn: Int }
}
