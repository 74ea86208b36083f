import Foundation

/// The CVSS v3.0/v3.1 base score of a vector (`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`),
/// by the specification's equations; nil for a vector missing a base metric.
enum CVSSv3 {
    static func baseScore(vector: String) -> Double? {
        var metrics: [String: String] = [:]
        for part in vector.split(separator: "/").dropFirst() {
            let pair = part.split(separator: ":", maxSplits: 1)
            if pair.count == 2 { metrics[String(pair[0])] = String(pair[1]) }
        }
        guard vector.hasPrefix("CVSS:3."), let scope = metrics["S"], scope == "U" || scope == "C" else { return nil }
        let changed = scope == "C"
        guard let attackVector = ["N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2][metrics["AV"] ?? ""],
            let complexity = ["L": 0.77, "H": 0.44][metrics["AC"] ?? ""],
            let privileges = (changed ? ["N": 0.85, "L": 0.68, "H": 0.5] : ["N": 0.85, "L": 0.62, "H": 0.27])[
                metrics["PR"] ?? ""],
            let interaction = ["N": 0.85, "R": 0.62][metrics["UI"] ?? ""]
        else { return nil }
        let impacts = ["H": 0.56, "L": 0.22, "N": 0.0]
        guard let c = impacts[metrics["C"] ?? ""], let i = impacts[metrics["I"] ?? ""],
            let a = impacts[metrics["A"] ?? ""]
        else { return nil }
        let subScore = 1 - (1 - c) * (1 - i) * (1 - a)
        let impact = changed ? 7.52 * (subScore - 0.029) - 3.25 * pow(subScore - 0.02, 15) : 6.42 * subScore
        guard impact > 0 else { return 0 }
        let exploitability = 8.22 * attackVector * complexity * privileges * interaction
        return roundUp(min((changed ? 1.08 : 1) * (impact + exploitability), 10))
    }

    /// CVSS 3.1's Roundup: the smallest one-decimal number not below the input, without float noise.
    static func roundUp(_ value: Double) -> Double {
        let integer = Int((value * 100_000).rounded())
        return integer % 10_000 == 0 ? Double(integer) / 100_000 : Double(integer / 10_000 + 1) / 10
    }
}
