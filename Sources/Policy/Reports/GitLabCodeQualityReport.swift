internal import FileNames
import Manifests

/// GitLab's Code Quality report (`artifacts:reports:codequality`): a JSON array of issues, each
/// with `description`, `check_name`, `fingerprint`, `severity` and `location.path` with
/// `location.lines.begin`, as https://docs.gitlab.com/ci/testing/code_quality/ documents it
/// (a subset of the Code Climate issue spec; GitLab ignores the rest, and Code Climate's
/// categories do not fit Shipshape's, so none are written).
package enum GitLabCodeQualityReport {
    package static func render(_ report: CheckReport) -> String {
        var json = JSONWriter(capacity: 512 * report.findingList.count + 64)
        write(report, to: &json)
        return String(decoding: json.takeDocument(), as: UTF8.self)
    }

    package static func stream(_ report: CheckReport, to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        var json = JSONWriter(sink: sink)
        write(report, to: &json)
        json.finish()
    }

    private static func write(_ report: CheckReport, to json: inout JSONWriter) {
        // GitLab tells issues apart by fingerprint alone (a merge request's report against its
        // target's), so two findings that share one get the occurrence's number appended.
        var seen: [String: Int] = [:]
        json.array { json in
            for finding in report.findingList {
                var key = finding.fingerprint
                let occurrence = seen[key, default: 0]
                seen[key] = occurrence + 1
                if occurrence > 0 { key += "|\(occurrence)" }
                write(finding, fingerprint: hexDigest(key), to: &json)
            }
        }
    }

    private static func write(_ finding: Finding, fingerprint: String, to json: inout JSONWriter) {
        json.object { json in
            json.field("check_name", finding.checkID)
            json.field("description", ReportText.message(of: finding))
            json.field("fingerprint", fingerprint)
            json.key("location")
            json.object { json in
                json.key("lines")
                json.object { json in json.field("begin", max(1, finding.position.line)) }
                json.field("path", ReportText.relativePath(finding.file))
            }
            json.field("severity", severity(finding.severity))
        }
    }

    /// GitLab's scale is info, minor, major, critical, blocker: danger fails the check (critical),
    /// a warning is worth fixing (minor).
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .danger: "critical"
        case .warning: "minor"
        case .ignore: "info"
        }
    }

    /// 128 bits of two FNV-1a passes as 32 hex digits: stable from run to run and machine to
    /// machine (Swift's `hashValue` is seeded per process), no cryptography needed.
    static func hexDigest(_ text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x6c62_272e_07bb_0142
        for byte in FileName.bytes(of: text) {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = (second &* 0x0000_0100_0000_01b3) ^ UInt64(byte)
        }
        return hex(first) + hex(second)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
