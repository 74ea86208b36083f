import Foundation
import ShipshapeTesting
import Testing

@testable import Vulnerabilities

struct RPMVersionTests {
    @Test(arguments: [
        ("1.0", "1.0", 0), ("1.0~rc1", "1.0", -1), ("1.0^git1", "1.0", 1), ("1.0^git1", "1.0.1", -1),
        ("1.0a", "1.0", 1), ("1.0a", "1.0.1", -1), ("1.01", "1.1", 0), ("1:1.0-1", "2.0-1", 1),
        ("1.0", "1.0-1", -1), ("0:1.0-1", "1.0-1", 0), ("2.0-1.el9", "2.0-1.el9_2", -1), ("1_0", "1.0", 0),
    ])
    func ordersAsRPM(left: String, right: String, expected: Int) {
        #expect(RPMVersion.compare(RPMVersion(left), RPMVersion(right)) == expected)
        #expect(RPMVersion.compare(RPMVersion(right), RPMVersion(left)) == -expected)
    }

    /// Debian's `rpm` (4.18) compares the same real pairs in one process: Lua's `rpm.vercmp`
    /// over a generated script.
    @Test func agreesWithRPMOnThisMachinesVersions() throws {
        let pairs =
            try SystemVersionPairs.pairs(count: 5000) + [("1.0^a", "1.0~b"), ("1~", "1^"), ("1.0.fc39", "1.0.el9")]
        let folder = FileManager.default.temporaryDirectory.appending(path: "rpm-pairs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appending(path: "pairs.lua")
        let lines = pairs.map { "print(rpm.vercmp([==[\($0.0)]==], [==[\($0.1)]==]) .. \"\\n\")" }
        try Data(lines.joined(separator: "\n").utf8).write(to: script)
        let result = try ProcessRunner.tool("rpm", ["--eval", "%{lua: dofile('\(script.path)')}"])
        let answers = result.output.split(separator: "\n").compactMap { Int($0) }
        try #require(result.status == 0 && answers.count == pairs.count, "rpm: \(result.output.prefix(500))")
        var disagreements: [String] = []
        for ((left, right), expected) in zip(pairs, answers) {
            let ours = RPMVersion.compare(RPMVersion(left), RPMVersion(right))
            if ours != expected { disagreements.append("\(left) vs \(right): rpm \(expected), ours \(ours)") }
        }
        #expect(pairs.count > 2000)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }
}
