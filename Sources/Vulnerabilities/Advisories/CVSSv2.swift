/// The CVSS v2 base score of a vector (`AV:N/AC:L/Au:N/C:P/I:P/A:P`, optionally in parentheses or
/// after `CVSS:2.0/`), by the base equation of the v2 guide: 1.176 × (0.6 × Impact + 0.4 ×
/// Exploitability − 1.5), rounded to one decimal, 0 when there is no impact. Nil for a vector
/// missing a base metric or with a value the guide does not define.
enum CVSSv2 {
    static func baseScore(vector: String) -> Double? {
        var text = Substring(vector)
        if text.hasPrefix("("), text.hasSuffix(")") { text = text.dropFirst().dropLast() }
        if text.hasPrefix("CVSS:2.0/") { text = text.dropFirst("CVSS:2.0/".count) }
        var metrics: [String: String] = [:]
        for part in text.split(separator: "/") {
            let pair = part.split(separator: ":", maxSplits: 1).map(String.init)
            guard pair.count == 2, metrics[pair[0]] == nil else { return nil }
            metrics[pair[0]] = pair[1]
        }
        let impacts = ["N": 0.0, "P": 0.275, "C": 0.660]
        guard let accessVector = ["L": 0.395, "A": 0.646, "N": 1.0][metrics["AV"] ?? ""],
            let accessComplexity = ["H": 0.35, "M": 0.61, "L": 0.71][metrics["AC"] ?? ""],
            let authentication = ["M": 0.45, "S": 0.56, "N": 0.704][metrics["Au"] ?? ""],
            let confidentiality = impacts[metrics["C"] ?? ""], let integrity = impacts[metrics["I"] ?? ""],
            let availability = impacts[metrics["A"] ?? ""]
        else { return nil }
        let impact = 10.41 * (1 - (1 - confidentiality) * (1 - integrity) * (1 - availability))
        let exploitability = 20 * accessVector * accessComplexity * authentication
        let score = (0.6 * impact + 0.4 * exploitability - 1.5) * (impact == 0 ? 0 : 1.176)
        return (score * 10).rounded() / 10
    }
}
