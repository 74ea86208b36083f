import Foundation
import ShipshapeTesting

/// Real version pairs from this machine's package lists (`apt-cache dumpavail`, `dpkg-query`):
/// neighbours in text order (versions that differ in a little), and versions of one package.
/// Generated at test time, so nothing large is committed.
enum SystemVersionPairs {
    static func pairs(count: Int) throws -> [(String, String)] {
        let listing = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/sh"),
            [
                "-c",
                "apt-cache dumpavail | grep -E '^(Package|Version):'; dpkg-query -W -f 'Package: ${Package}\\nVersion: ${Version}\\n'",
            ])
        var versionsByPackage: [String: Set<String>] = [:]
        var package = ""
        for line in listing.output.split(separator: "\n") {
            if line.hasPrefix("Package: ") { package = String(line.dropFirst(9)) }
            if line.hasPrefix("Version: ") { versionsByPackage[package, default: []].insert(String(line.dropFirst(9))) }
        }
        let all = Array(Set(versionsByPackage.values.flatMap { $0 })).sorted()
        var pairs: [(String, String)] = []
        // Several versions of one package: the comparisons upgrades and advisories make.
        for (_, versions) in versionsByPackage.sorted(by: { $0.key < $1.key }) where versions.count > 1 {
            let sorted = versions.sorted()
            for index in 1..<sorted.count { pairs.append((sorted[index - 1], sorted[index])) }
        }
        pairs = stride(from: 0, to: pairs.count, by: max(1, pairs.count / (count / 2))).map { pairs[$0] }
        // Text neighbours across all packages, and each with itself reversed for symmetry.
        let step = max(1, all.count / (count / 2))
        for index in stride(from: 1, to: all.count, by: step) { pairs.append((all[index], all[index - 1])) }
        return pairs
    }
}
