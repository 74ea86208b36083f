/// Alpine packages: `/lib/apk/db/installed`, one block of `X:value` lines per package, blank
/// lines between (`P` name, `V` version, `o` origin: the aport, which advisories name).
package enum ApkDatabase {
    package static let path = "lib/apk/db/installed"

    package static func packages(in text: String, foundIn path: String = path) -> [InstalledPackage] {
        var packages: [InstalledPackage] = []
        var fields: [Character: String] = [:]
        func finish() {
            if let name = fields["P"], let version = fields["V"] {
                packages.append(
                    InstalledPackage(
                        name: name, version: version, sourceName: fields["o"] ?? name, sourceVersion: version,
                        kind: .alpine, foundIn: path))
            }
            fields = [:]
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.count >= 2, line.dropFirst().first == ":", let key = line.first else {
                if line.isEmpty { finish() }
                continue
            }
            // File lines (F:, R:, Z:...) repeat; only the first of the package's own fields matters.
            if fields[key] == nil { fields[key] = String(line.dropFirst(2)) }
        }
        finish()
        return packages
    }
}
