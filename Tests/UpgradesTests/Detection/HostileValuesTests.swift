import Testing

@testable import Upgrades

/// Values files from a repository are read with the parser's limits: a file nested 5,000 deep
/// (which crashed `upgrade` with SIGSEGV) or an alias bomb (1.4 GB) is one note at its line, and
/// the other files are still scanned.
@Suite struct HostileValuesTests {
    static let chart = """
        apiVersion: v2
        name: app
        version: 1.0.0
        """

    @Test func aValuesFileNestedThousandsDeepIsANoteAtItsLine() throws {
        let deep =
            "image:\n  repository: nginx\n  tag: 1.25.0\nnested: " + String(repeating: "[", count: 5_000)
            + String(repeating: "]", count: 5_000) + "\n"
        let tree = try TreeFolder([
            "app/Chart.yaml": Self.chart, "app/values.yaml": deep,
            "other/values.yaml": "image:\n  repository: redis\n  tag: 7.2.0\n",
        ])
        defer { tree.remove() }
        let report = try DependencyScanner.scan([tree.path])
        let note = try #require(report.notes.first { $0.file.hasSuffix("app/values.yaml") })
        #expect(note.line == 4)
        #expect(note.message.contains("nested deeper than 128 levels"))
        #expect(report.dependencies.contains { $0.name == "redis" })
    }

    @Test func anAliasBombInValuesIsANoteAtTheAlias() throws {
        var bomb = "image: {repository: nginx, tag: 1.25.0}\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f"], ["a", "b", "c", "d", "e"]) {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]\n"
        }
        let tree = try TreeFolder(["app/Chart.yaml": Self.chart, "app/values.yaml": bomb])
        defer { tree.remove() }
        let report = try DependencyScanner.scan([tree.path])
        let note = try #require(report.notes.first { $0.file.hasSuffix("app/values.yaml") })
        #expect(note.line == 6, "d stands for 11,111 nodes: the ninth *d of line 6 passes 100,000")
        #expect(note.message.contains("aliases add more than 100000 nodes"))
    }
}
