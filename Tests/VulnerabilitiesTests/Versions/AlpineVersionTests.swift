import Foundation
import Testing

@testable import Vulnerabilities

struct AlpineVersionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures")

    @Test(arguments: [
        ("1.1.1w-r1", "1.1.1t-r0", 1), ("6.4_p20231125-r0", "6.4", 1), ("2.14.0_rc2", "2.14.0", -1),
        ("1.0_alpha", "1.0_beta", -1), ("1.0_pre1", "1.0_rc1", -1), ("1.36.1-r15", "1.36.1-r2", 1),
        ("1.0", "1.0-r0", 0),
    ])
    func ordersAsUnivers(left: String, right: String, expected: Int) throws {
        let (a, b) = (try #require(AlpineVersion(left)), try #require(AlpineVersion(right)))
        #expect(AlpineVersion.compare(a, b) == expected)
    }

    @Test(arguments: ["02-r1", "1.0_git2023", "1..2", "v1.0", ""])
    func refusesWhatUniversRefuses(text: String) {
        #expect(AlpineVersion(text) == nil)
    }

    /// 2,500 pairs ordered by univers' AlpineLinuxVersion (Fixtures/alpine-version-pairs.py made them).
    @Test func agreesWithUniversOnThePairsItOrdered() throws {
        let text = try String(contentsOf: Self.fixtures.appending(path: "alpine-version-pairs.tsv"), encoding: .utf8)
        var disagreements: [String] = []
        var compared = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3, let expected = Int(fields[2]) else {
                Issue.record("bad fixture line \(line)")
                continue
            }
            guard let a = AlpineVersion(fields[0]), let b = AlpineVersion(fields[1]) else {
                disagreements.append("not read: \(line)")
                continue
            }
            let ours = AlpineVersion.compare(a, b)
            compared += 1
            if ours != expected {
                disagreements.append("\(fields[0]) vs \(fields[1]): univers \(expected), ours \(ours)")
            }
        }
        #expect(compared == 2500)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }
}
