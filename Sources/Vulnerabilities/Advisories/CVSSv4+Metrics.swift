extension CVSSv4 {
    /// A v4.0 vector's metrics, checked against the values the specification defines.
    struct Metrics {
        static let base: [String: Set<String>] = [
            "AV": ["N", "A", "L", "P"], "AC": ["L", "H"], "AT": ["N", "P"], "PR": ["N", "L", "H"],
            "UI": ["N", "P", "A"], "VC": ["H", "L", "N"], "VI": ["H", "L", "N"], "VA": ["H", "L", "N"],
            "SC": ["H", "L", "N"], "SI": ["H", "L", "N"], "SA": ["H", "L", "N"],
        ]
        /// Threat and environmental metrics; `X` (not defined) where absent.
        static let optional: [String: Set<String>] = [
            "E": ["X", "A", "P", "U"], "CR": ["X", "H", "M", "L"], "IR": ["X", "H", "M", "L"],
            "AR": ["X", "H", "M", "L"], "MAV": ["X", "N", "A", "L", "P"], "MAC": ["X", "L", "H"],
            "MAT": ["X", "N", "P"], "MPR": ["X", "N", "L", "H"], "MUI": ["X", "N", "P", "A"],
            "MVC": ["X", "H", "L", "N"], "MVI": ["X", "H", "L", "N"], "MVA": ["X", "H", "L", "N"],
            "MSC": ["X", "H", "L", "N"], "MSI": ["X", "S", "H", "L", "N"], "MSA": ["X", "S", "H", "L", "N"],
        ]
        /// Supplemental metrics: read past, never scored.
        static let supplemental: Set<String> = ["S", "AU", "R", "V", "RE", "U"]

        private var values: [String: String] = [:]

        init?(vector: String) {
            let parts = vector.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.first == "CVSS:4.0", parts.count > 1 else { return nil }
            for part in parts.dropFirst() {
                let pair = part.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard pair.count == 2, values[pair[0]] == nil else { return nil }
                if Self.supplemental.contains(pair[0]) { continue }
                guard let allowed = Self.base[pair[0]] ?? Self.optional[pair[0]], allowed.contains(pair[1]) else {
                    return nil
                }
                values[pair[0]] = pair[1]
            }
            guard Self.base.keys.allSatisfy({ values[$0] != nil }) else { return nil }
        }

        /// The value a metric is scored with: its modified value when one is written, `E` and the
        /// security requirements at their most severe when not defined, else the base value.
        func effective(_ metric: String) -> String {
            let written = values[metric] ?? "X"
            switch metric {
            case "E": return written == "X" ? "A" : written
            case "CR", "IR", "AR": return written == "X" ? "H" : written
            default:
                if let modified = values["M" + metric], modified != "X" { return modified }
                return written
            }
        }
    }
}
