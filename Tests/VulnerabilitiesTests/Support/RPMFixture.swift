import Foundation
import ShipshapeTesting

/// An rpmdb made with Debian's `rpm`: `rpm --initdb` with the SQLite backend, then packages built
/// by `rpmbuild` from one-line specs and recorded with `rpm -i --justdb`.
enum RPMFixture {
    struct Package {
        var name: String
        var epoch: Int?
        var version: String
        var release: String
    }

    static var isAvailable: Bool { (try? ProcessRunner.tool("rpmbuild", ["--version"]).status) == 0 }

    /// The database file's bytes and its write-ahead log's, if rpm left one (as in an image
    /// whose layer was made while rpm had it open).
    static func database(_ packages: [Package]) throws -> (database: [UInt8], writeAheadLog: [UInt8]?) {
        let scratch = try Scratch("rpmdb")
        defer { scratch.remove() }
        let folder = scratch.url.path
        let rpm = ["--define", "_db_backend sqlite", "--dbpath", "\(folder)/db"]
        try check(ProcessRunner.tool("rpm", rpm + ["--initdb"]))
        for package in packages {
            let spec = """
                Name: \(package.name)
                Version: \(package.version)
                Release: \(package.release)
                \(package.epoch.map { "Epoch: \($0)" } ?? "")
                Summary: test package
                License: MIT
                BuildArch: noarch
                %description
                A package for Shipshape's tests.
                %files
                """
            try scratch.write("\(package.name).spec", text: spec + "\n")
            try check(
                ProcessRunner.tool(
                    "rpmbuild", ["--define", "_topdir \(folder)/top", "-bb", "\(folder)/\(package.name).spec"]))
        }
        let built = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/top/RPMS/noarch").map {
            "\(folder)/top/RPMS/noarch/\($0)"
        }
        try check(
            ProcessRunner.tool("rpm", rpm + ["-i", "--justdb", "--nodeps", "--ignorearch", "--ignoreos"] + built))
        let database = Array(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/db/rpmdb.sqlite")))
        return (
            database, (try? Data(contentsOf: URL(fileURLWithPath: "\(folder)/db/rpmdb.sqlite-wal"))).map(Array.init)
        )
    }

    private static func check(_ result: (status: Int32, output: String)) throws {
        guard result.status == 0 else { throw FixtureError("rpm fixture: \(result.output)") }
    }
}
