import Foundation
import Testing

@testable import Vulnerabilities

/// The SQLite rpmdb as Debian's `rpm` 4.18 writes it (`rpm --initdb`, packages built by rpmbuild).
@Suite(.enabled(if: RPMFixture.isAvailable, "needs rpm and rpmbuild (Debian's rpm package; scripts/setup installs it)"))
struct RPMDatabaseTests {
    @Test func readsNamesEVRsAndSourcePackages() throws {
        let (database, writeAheadLog) = try RPMFixture.database([
            .init(name: "openssl-libs", epoch: 1, version: "3.0.7", release: "24.el9"),
            .init(name: "bash", epoch: nil, version: "5.1.8", release: "9.el9"),
        ])
        let packages = try RPMDatabase.packages(
            database: database, writeAheadLog: writeAheadLog, foundIn: "var/lib/rpm/rpmdb.sqlite"
        )
        .sorted { $0.name < $1.name }
        #expect(packages.map(\.name) == ["bash", "openssl-libs"])
        #expect(packages.map(\.version) == ["5.1.8-9.el9", "1:3.0.7-24.el9"])
        #expect(packages.map(\.sourceName) == ["bash", "openssl-libs"])
        #expect(packages.allSatisfy { $0.kind == .rpm })
    }

    @Test func aFileThatIsNotAnRPMDatabaseIsAClearError() {
        #expect {
            try RPMDatabase.packages(
                database: Array("SQLite format 3\0 but not really".utf8), foundIn: "var/lib/rpm/rpmdb.sqlite")
        } throws: { error in
            "\(error)".hasPrefix("var/lib/rpm/rpmdb.sqlite: not an rpm SQLite database")
        }
    }

    @Test func aLyingHeaderIsAnErrorNotACrash() {
        #expect(throws: PackageDatabaseError.self) { try RPMHeader(blob: [0, 0, 0, 9, 0, 0, 1, 0]) }
        #expect(RPMDatabase.sourceName("openssl-3.0.7-24.el9.src.rpm") == "openssl")
        #expect(RPMDatabase.sourceName("python3-pip-21.3.1-1.el9.src.rpm") == "python3-pip")
    }
}
