import Foundation

/// Debian and Ubuntu packages: `/var/lib/dpkg/status` (installed ones only; removed packages
/// keep a stanza with their config files) and `/var/lib/dpkg/status.d/*`, one file per package,
/// as distroless images write them (their `*.md5sums` neighbours are not stanzas).
package enum DpkgDatabase {
    package static let statusPath = "var/lib/dpkg/status"
    package static let distrolessFolder = "var/lib/dpkg/status.d/"

    package static func isDatabase(_ path: String) -> Bool {
        path == statusPath
            || (path.hasPrefix(distrolessFolder) && !path.hasSuffix(".md5sums") && path.count > distrolessFolder.count)
    }

    package static func packages(in text: String, foundIn path: String) -> [InstalledPackage] {
        ControlStanzas.parse(text).compactMap { stanza in
            guard let name = stanza["Package"], let version = stanza["Version"] else { return nil }
            // status.d stanzas carry no Status; in the status file only "… installed" counts.
            if let status = stanza["Status"], status.split(separator: " ").last != "installed" { return nil }
            var sourceName = name
            var sourceVersion = version
            if let source = stanza["Source"] {
                // `Source: name (version)` when the source version differs (binNMUs).
                let parts = source.split(separator: " ", maxSplits: 1)
                sourceName = String(parts[0])
                if parts.count == 2 {
                    sourceVersion = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "()"))
                }
            }
            return InstalledPackage(
                name: name, version: version, sourceName: sourceName, sourceVersion: sourceVersion, kind: .debian,
                foundIn: path)
        }
    }
}
