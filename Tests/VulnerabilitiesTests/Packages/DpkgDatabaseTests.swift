import Foundation
import ShipshapeTesting
import Testing

@testable import Vulnerabilities

struct DpkgDatabaseTests {
    /// This machine's own status file, read as dpkg-query reads it: every installed package with
    /// its version and its source package and version.
    @Test func readsThisMachinesStatusAsDpkgQueryDoes() throws {
        let text = try String(contentsOfFile: "/var/lib/dpkg/status", encoding: .utf8)
        let ours = DpkgDatabase.packages(in: text, foundIn: DpkgDatabase.statusPath)
            .map { "\($0.name) \($0.version) \($0.sourceName ?? "-") \($0.sourceVersion ?? "-")" }.sorted()
        let query = try ProcessRunner.tool(
            "dpkg-query",
            ["-W", "-f", "${db:Status-Status} ${Package} ${Version} ${source:Package} ${source:Version}\n"])
        let expected = query.output.split(separator: "\n").filter { $0.hasPrefix("installed ") }.map {
            String($0.dropFirst(10))
        }.sorted()
        #expect(ours.count > 100)
        #expect(ours == expected)
    }

    @Test func distrolessStatusFolderHoldsOneStanzaPerFileAndIgnoresChecksums() {
        let root = RootFiles(files: [
            "var/lib/dpkg/status.d/libssl3": .bytes(
                Array("Package: libssl3\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\nSource: openssl\n".utf8)),
            "var/lib/dpkg/status.d/libssl3.md5sums": .bytes(
                Array("d41d8cd98f00b204e9800998ecf8427e  usr/lib/libssl.so.3\n".utf8)),
            "var/lib/dpkg/status.d/tzdata": .bytes(
                Array("Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n".utf8)),
            "etc/os-release": .bytes(Array("PRETTY_NAME=\"Distroless\"\nID=debian\nVERSION_ID=\"12\"\n".utf8)),
        ])
        let inventory = PackageInventory(root: root)
        #expect(inventory.distribution?.osvEcosystem == "Debian:12")
        #expect(inventory.packages.map(\.name) == ["libssl3", "tzdata"])
        #expect(
            inventory.packages[0].sourceName == "openssl" && inventory.packages[0].sourceVersion == "3.0.11-1~deb12u2")
        #expect(inventory.packages[1].sourceName == "tzdata")
    }

    @Test func removedPackagesAndBinNMUSourceVersions() {
        let text = """
            Package: old
            Status: deinstall ok config-files
            Version: 1.0

            Package: libfoo1
            Status: install ok installed
            Version: 2.1-3+b1
            Source: foo (2.1-3)
            Description: a long
             description line

            """
        let packages = DpkgDatabase.packages(in: text, foundIn: "status")
        #expect(packages.count == 1)
        #expect(
            packages.first?.sourceName == "foo" && packages.first?.sourceVersion == "2.1-3"
                && packages.first?.version == "2.1-3+b1")
    }
}
