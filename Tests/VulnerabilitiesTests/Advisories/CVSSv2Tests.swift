import Foundation
import Testing

@testable import Vulnerabilities

/// CVSS v2 base scores of the v2 guide's examples (section 3.3) and NVD's most common vector, and
/// which CVSS version an advisory's severity comes from.
struct CVSSv2Tests {
    @Test(arguments: [
        ("AV:N/AC:L/Au:N/C:N/I:N/A:C", 7.8),  // CVE-2002-0392, Apache chunked encoding
        ("AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0),  // CVE-2003-0818, Microsoft ASN.1
        ("AV:L/AC:H/Au:N/C:C/I:C/A:C", 6.2),  // CVE-2003-0062, NOD32 buffer overflow
        ("AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5),
        ("(AV:N/AC:M/Au:N/C:N/I:P/A:N)", 4.3),
        ("AV:N/AC:L/Au:N/C:N/I:N/A:N", 0.0),
        ("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C", 7.8),  // temporal metrics do not change the base score
    ])
    func baseScore(vector: String, expected: Double) {
        #expect(CVSSv2.baseScore(vector: vector) == expected)
    }

    @Test func incompleteOrUnknownVectorsHaveNoScore() {
        #expect(CVSSv2.baseScore(vector: "AV:N/AC:L/Au:N/C:N/I:N") == nil)
        #expect(CVSSv2.baseScore(vector: "AV:X/AC:L/Au:N/C:N/I:N/A:C") == nil)
        #expect(CVSSv2.baseScore(vector: "AV:N/AV:L/AC:L/Au:N/C:N/I:N/A:C") == nil)
        #expect(Severity(cvssV2Score: 10) == .high && Severity(cvssV2Score: 4.3) == .medium)
        #expect(Severity(cvssV2Score: 3.9) == .low)
    }

    static func record(_ severity: String) throws -> OSVRecord {
        try JSONDecoder().decode(OSVRecord.self, from: Data("{\"id\": \"X-1\", \"severity\": [\(severity)]}".utf8))
    }

    /// v3 where written (as before v2 and v4 were read), else v4, else v2, else the database's word.
    @Test func theSeverityComesFromV3ThenV4ThenV2() throws {
        let v2 = #"{"type": "CVSS_V2", "score": "AV:N/AC:L/Au:N/C:C/I:C/A:C"}"#
        let v3 = #"{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}"#
        let v4 = #"{"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}"#
        let cases: [(String, Severity, Double?)] = [
            (v2, .high, 10.0), (v4, .critical, 9.3), ([v2, v4].joined(separator: ","), .critical, 9.3),
            ([v4, v3, v2].joined(separator: ","), .high, 7.5),
            (#"{"type": "CVSS_V4", "score": "CVSS:4.0/AV:N"}"#, .unknown, nil),
        ]
        for (severity, expected, score) in cases {
            let (found, foundScore) = Severity.of(try Self.record(severity), nil)
            #expect(found == expected && foundScore == score, "\(severity)")
        }
    }
}
