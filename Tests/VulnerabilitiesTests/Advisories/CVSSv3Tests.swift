import Testing

@testable import Vulnerabilities

/// Base scores of vectors from the CVSS v3.1 specification's examples and NVD.
struct CVSSv3Tests {
    @Test(arguments: [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8), ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1), ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", 5.5),
        ("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5), ("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0),
    ])
    func baseScore(vector: String, expected: Double) {
        #expect(CVSSv3.baseScore(vector: vector) == expected)
    }

    @Test func incompleteVectorsAndOtherVersionsHaveNoScore() {
        #expect(CVSSv3.baseScore(vector: "CVSS:3.1/AV:N/AC:L") == nil)
        #expect(CVSSv3.baseScore(vector: "AV:N/AC:L/Au:N/C:P/I:P/A:P") == nil)
        #expect(
            Severity(score: 9.8) == .critical && Severity(score: 7.5) == .high && Severity(score: 5.5) == .medium
                && Severity(score: 1.6) == .low)
        #expect(Severity(word: "MODERATE") == .medium && Severity(word: "whatever") == nil)
    }
}
