import Foundation
import Testing

@testable import Vulnerabilities

/// CVSS v4.0 scores: FIRST's published example, and 2,000 vectors (base, threat and environmental
/// metrics) scored by FIRST's reference calculator (`Fixtures/cvss4-scores.js` writes them).
struct CVSSv4Tests {
    @Test(arguments: [
        // FIRST's CVSS v4.0 examples: CVE-2022-41741, NGINX's mp4 module.
        ("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 7.3),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 8.1),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N", 5.1),
        ("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", 1.0),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0),
        // Supplemental metrics do not count.
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/AU:Y/R:U/V:C/RE:H/U:Red", 9.3),
    ])
    func score(vector: String, expected: Double) {
        #expect(CVSSv4.score(vector: vector) == expected)
    }

    @Test func everyVectorScoresAsFIRSTsCalculatorScoresIt() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
            path: "../Fixtures/cvss4-scores.tsv"
        ).standardized
        let rows = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 2000)
        var differences: [String] = []
        for row in rows {
            let columns = row.split(separator: "\t").map(String.init)
            guard columns.count == 2, let expected = Double(columns[1]) else {
                Issue.record("not a vector and a score: \(row)")
                continue
            }
            let score: Double? = CVSSv4.score(vector: columns[0])
            if score != expected {
                let ours = score.map { "\($0)" } ?? "nil"
                differences.append("\(columns[0]): \(ours), FIRST \(expected)")
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differ:\n\(differences.prefix(20).joined(separator: "\n"))")
    }

    @Test(arguments: [
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N",  // SA missing
        "CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",  // X is no base value
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N",  // S only as MSI
        "CVSS:4.0/AV:N/AV:L/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",  // twice
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:Q",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/ZZ:1",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
    ])
    func vectorsTheSpecificationDoesNotDefineHaveNoScore(vector: String) {
        #expect(CVSSv4.score(vector: vector) == nil)
    }

    @Test func theTablesCoverEveryMacroVector() {
        #expect(CVSSv4.macroVectors.count == 270 && CVSSv4.macroVectorScores.count == 270)
        #expect(CVSSv4.macroVectorScores["000000"] == 10 && CVSSv4.macroVectorScores["212221"] == 0.1)
    }
}
