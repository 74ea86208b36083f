import Foundation
import ShipshapeTesting
import Testing

@testable import Vulnerabilities

struct DebianVersionTests {
    @Test(arguments: [
        ("1.0", "1.0", 0), ("1.0~rc1", "1.0", -1), ("1.0", "1.0+b1", -1), ("1:0.9", "2.0", 1),
        ("1.0-1", "1.0-1~bpo1", 1), ("1.00", "1.0", 0), ("2.30-1", "2.4-1", 1), ("1.0a", "1.0+", -1),
        ("7.88.1-10+deb12u8", "7.88.1-10+deb12u12", -1), ("1.0", "1.0-0", 0),
    ])
    func ordersAsDpkg(left: String, right: String, expected: Int) throws {
        let (a, b) = (try #require(DebianVersion(left)), try #require(DebianVersion(right)))
        #expect(DebianVersion.compare(a, b) == expected)
        #expect(DebianVersion.compare(b, a) == -expected)
    }

    @Test(arguments: ["a:1.0", "1.0-", "", ":1.0"])
    func refusesWhatDpkgRefuses(text: String) {
        #expect(DebianVersion(text) == nil)
    }

    /// `dpkg --compare-versions` on thousands of real pairs from this machine's package lists.
    @Test func agreesWithDpkgOnThisMachinesVersions() throws {
        let pairs = try SystemVersionPairs.pairs(count: 5000)
        #expect(pairs.count > 2000)
        let expected = try dpkgOrder(pairs)
        var disagreements: [String] = []
        for ((left, right), dpkg) in zip(pairs, expected) {
            guard let a = DebianVersion(left), let b = DebianVersion(right) else {
                disagreements.append("\(left) or \(right) not read")
                continue
            }
            let ours = DebianVersion.compare(a, b)
            if ours != dpkg { disagreements.append("\(left) vs \(right): dpkg \(dpkg), ours \(ours)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    /// One shell runs dpkg for every pair (lt, else eq, else gt), so the test starts one process.
    private func dpkgOrder(_ pairs: [(String, String)]) throws -> [Int] {
        let folder = FileManager.default.temporaryDirectory.appending(path: "dpkg-pairs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(pairs.map { "\($0.0) \($0.1)\n" }.joined().utf8).write(to: folder.appending(path: "pairs"))
        let script = """
            while read -r a b; do
              if dpkg --compare-versions "$a" lt "$b"; then echo -1; elif dpkg --compare-versions "$a" eq "$b"; then echo 0; else echo 1; fi
            done < pairs
            """
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: folder)
        let answers = result.output.split(separator: "\n").compactMap { Int($0) }
        try #require(result.status == 0 && answers.count == pairs.count, "dpkg: \(result.output.suffix(500))")
        return answers
    }
}
