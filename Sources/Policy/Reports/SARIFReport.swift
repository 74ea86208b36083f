internal import FileNames
import Foundation
import Manifests

/// SARIF 2.1.0, as GitHub code scanning reads it: one rule per check (from its metadata),
/// one result per finding with a relative file and a start line and column.
package enum SARIFReport {
    package static let toolVersion = "0.1.0"

    package static func render(_ report: CheckReport, checks: [CheckMetadata], configuration: PolicyConfiguration)
        -> String
    {
        String(decoding: document(report, checks: checks, configuration: configuration), as: UTF8.self)
    }

    /// The report as the bytes `render` spells.
    package static func document(_ report: CheckReport, checks: [CheckMetadata], configuration: PolicyConfiguration)
        -> [UInt8]
    {
        var json = JSONWriter(capacity: 1024 * report.findingList.count + 65536)
        write(report, checks: checks, configuration: configuration, to: &json)
        return json.takeDocument()
    }

    /// The report's bytes handed to `sink` as they are written.
    package static func stream(
        _ report: CheckReport, checks: [CheckMetadata], configuration: PolicyConfiguration,
        to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var json = JSONWriter(sink: sink)
        write(report, checks: checks, configuration: configuration, to: &json)
        json.finish()
    }

    private static func write(
        _ report: CheckReport, checks: [CheckMetadata], configuration: PolicyConfiguration, to json: inout JSONWriter
    ) {
        let rules = (checks + report.runtimeChecks.filter { check in !checks.contains { $0.id == check.id } }).sorted {
            $0.id < $1.id
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        json.object { json in
            json.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
            json.key("runs")
            json.array { json in
                json.object { json in
                    json.key("results")
                    json.array { json in
                        for finding in report.findingList {
                            write(finding, ruleIndex: ruleIndex[finding.checkID] ?? 0, to: &json)
                        }
                    }
                    json.key("tool")
                    json.object { json in
                        json.key("driver")
                        json.object { json in
                            json.field("informationUri", "https://github.com/shipshape-dev/shipshape")
                            json.field("name", "Shipshape")
                            json.key("rules")
                            json.array { json in
                                for rule in rules {
                                    write(
                                        rule,
                                        severity: report.runtimeSeverities[rule.id]
                                            ?? configuration.severity(of: rule.id), to: &json)
                                }
                            }
                            json.field("version", toolVersion)
                        }
                    }
                }
            }
            json.field("version", "2.1.0")
        }
    }

    private static func write(_ finding: Finding, ruleIndex: Int, to json: inout JSONWriter) {
        json.object { json in
            json.field("level", level(finding.severity))
            json.key("locations")
            json.array { json in
                json.object { json in
                    json.key("physicalLocation")
                    json.object { json in
                        json.key("artifactLocation")
                        json.object { json in
                            json.field("uri", relativeURI(finding.file))
                            json.field("uriBaseId", "%SRCROOT%")
                        }
                        json.key("region")
                        json.object { json in
                            json.field("startColumn", finding.position.column)
                            json.field("startLine", finding.position.line)
                        }
                    }
                }
            }
            json.key("message")
            json.object { json in json.field("text", ReportText.message(of: finding)) }
            json.key("partialFingerprints")
            json.object { json in json.field("shipshape/v1", finding.fingerprint) }
            json.field("ruleId", finding.checkID)
            json.field("ruleIndex", ruleIndex)
        }
    }

    private static func write(_ check: CheckMetadata, severity: Severity, to json: inout JSONWriter) {
        json.object { json in
            json.key("defaultConfiguration")
            json.object { json in json.field("level", level(severity)) }
            json.key("fullDescription")
            json.object { json in json.field("text", check.description) }
            json.key("help")
            json.object { json in
                json.field("markdown", "**\(check.title)**\n\n\(check.description)\n\n\(check.remediation)")
                json.field("text", check.remediation)
            }
            json.field("helpUri", check.documentationURL)
            json.field("id", check.id)
            json.field("name", check.id.prefix(1).uppercased() + check.id.dropFirst())
            json.key("properties")
            json.object { json in
                json.key("tags")
                json.array { json in
                    json.string(check.category.rawValue.lowercased())
                    json.string("kubernetes")
                }
            }
            json.key("shortDescription")
            json.object { json in json.field("text", check.title) }
        }
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .danger: "error"
        case .warning: "warning"
        case .ignore: "none"
        }
    }

    /// The path as a relative URI: its bytes (whatever the name's encoding) percent-encoded
    /// where RFC 3986 asks.
    static func relativeURI(_ path: String) -> String {
        var bytes = FileName.bytes(of: path)[...]
        while bytes.starts(with: [UInt8(ascii: "."), UInt8(ascii: "/")]) { bytes = bytes.dropFirst(2) }
        var uri = ""
        for byte in bytes {
            if byte < 0x80, allowedInPath.contains(Unicode.Scalar(byte)) {
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                uri += "%" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return uri
    }

    /// RFC 3986 `pchar` and `/`.
    private static let allowedInPath = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/".unicodeScalars)
}
