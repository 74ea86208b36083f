import Foundation

/// The distribution and release an image says it is (`/etc/os-release`, else
/// `/usr/lib/os-release`), and the OSV ecosystem its packages' advisories are filed under.
package struct OSRelease: Sendable, Hashable, Codable {
    package var id: String
    package var versionID: String?
    package var prettyName: String?

    package static let paths = ["etc/os-release", "usr/lib/os-release"]

    package init(id: String, versionID: String?, prettyName: String? = nil) {
        self.id = id
        self.versionID = versionID
        self.prettyName = prettyName
    }

    /// `KEY=value` lines, values optionally in single or double quotes (with `\` escapes).
    package init?(text: String) {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            var value = String(trimmed[trimmed.index(after: equals)...])
            if let quote = value.first, quote == "\"" || quote == "'", value.count >= 2, value.last == quote {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                    .replacingOccurrences(of: "\\\\", with: "\\")
            }
            values[String(trimmed[..<equals])] = value
        }
        guard let id = values["ID"] else { return nil }
        self.init(id: id, versionID: values["VERSION_ID"], prettyName: values["PRETTY_NAME"])
    }

    /// `Debian:12`, `Ubuntu:22.04`, `Alpine:v3.20`, `Red Hat`, `Rocky Linux:9`, `AlmaLinux:9`;
    /// nil for a distribution OSV has no advisories for.
    package var osvEcosystem: String? {
        let version = versionID ?? ""
        let major = version.split(separator: ".").first.map(String.init) ?? version
        switch id {
        case "debian": return version.isEmpty ? nil : "Debian:\(major)"
        case "ubuntu": return version.isEmpty ? nil : "Ubuntu:\(version)"
        case "alpine":
            let minor = version.split(separator: ".").prefix(2).joined(separator: ".")
            return minor.isEmpty ? nil : "Alpine:v\(minor)"
        case "rhel", "centos": return "Red Hat"
        case "rocky": return "Rocky Linux:\(major)"
        case "almalinux": return "AlmaLinux:\(major)"
        default: return nil
        }
    }
}
