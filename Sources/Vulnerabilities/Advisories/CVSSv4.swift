/// The CVSS v4.0 score of a vector (`CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N`)
/// as the specification computes it: the vector's MacroVector (its six equivalence classes) has a
/// score, that of its highest-severity vectors; the vector's severity distance from those, class by
/// class, takes away its share of the drop to the next lower MacroVector, and the mean of those
/// shares is subtracted. Threat (`E`) and environmental metrics count when written (CVSS-BT, -BE,
/// -BTE); supplemental ones do not. Nil for a vector missing a base metric or with a value the
/// specification does not define.
enum CVSSv4 {
    static func score(vector: String) -> Double? {
        guard let metrics = Metrics(vector: vector) else { return nil }
        let value = metrics.effective
        if ["VC", "VI", "VA", "SC", "SI", "SA"].allSatisfy({ value($0) == "N" }) { return 0 }
        let eq = macroVector(value)
        func score(_ change: (inout [Int]) -> Void) -> Double? {
            var digits = eq
            change(&digits)
            return macroVectorScores[digits.map(String.init).joined()]
        }
        guard let top = score({ _ in }) else { return nil }
        // The next lower MacroVector of each class (EQ3 and EQ6 move together); nil where none is lower.
        let lowerEQ3EQ6: Double? =
            switch (eq[2], eq[5]) {
            case (0, 0):
                [score { $0[5] += 1 }, score { $0[2] += 1 }].compactMap { $0 }.max()
            case (1, 0): score { $0[5] += 1 }
            case (0, 1), (1, 1): score { $0[2] += 1 }
            default: nil
            }
        let lower = [
            score { $0[0] += 1 }, score { $0[1] += 1 }, lowerEQ3EQ6, score { $0[3] += 1 }, score { $0[4] += 1 },
        ]

        let distances = severityDistances(eq: eq, value: value)
        func distance(_ metric: String) -> Double { distances[metric] ?? 0 }
        let classDistances = [
            distance("AV") + distance("PR") + distance("UI"),
            distance("AC") + distance("AT"),
            distance("VC") + distance("VI") + distance("VA") + distance("CR") + distance("IR") + distance("AR"),
            distance("SC") + distance("SI") + distance("SA"),
            0,
        ]
        let depths = [depth[1]?[eq[0]], depth[2]?[eq[1]], depthEQ3EQ6[eq[2]]?[eq[5]], depth[4]?[eq[3]], 1]
        var shares = 0.0
        var counted = 0
        for index in 0..<5 {
            guard let next = lower[index], let classDepth = depths[index] else { continue }
            counted += 1
            shares += (top - next) * (classDistances[index] / (classDepth * 0.1))
        }
        let mean = counted == 0 ? 0 : shares / Double(counted)
        let result = min(max(top - mean, 0), 10)
        // To one decimal, halves up, as the reference calculator rounds.
        return (result * 10 + 0.5).rounded(.down) / 10
    }

    /// EQ1 to EQ6, each 0 (most severe) to 2.
    static func macroVector(_ value: (String) -> String) -> [Int] {
        let (av, pr, ui) = (value("AV"), value("PR"), value("UI"))
        let eq1 =
            av == "N" && pr == "N" && ui == "N" ? 0 : (av == "N" || pr == "N" || ui == "N") && av != "P" ? 1 : 2
        let eq2 = value("AC") == "L" && value("AT") == "N" ? 0 : 1
        let (vc, vi, va) = (value("VC"), value("VI"), value("VA"))
        let eq3 = vc == "H" && vi == "H" ? 0 : vc == "H" || vi == "H" || va == "H" ? 1 : 2
        let subsequent = [value("SC"), value("SI"), value("SA")]
        let eq4 = value("SI") == "S" || value("SA") == "S" ? 0 : subsequent.contains("H") ? 1 : 2
        let eq5 = ["A": 0, "P": 1, "U": 2][value("E")] ?? 0
        let requirementMet =
            (value("CR") == "H" && vc == "H") || (value("IR") == "H" && vi == "H") || (value("AR") == "H" && va == "H")
        return [eq1, eq2, eq3, eq4, eq5, requirementMet ? 0 : 1]
    }

    /// How far below the MacroVector's highest-severity vectors the vector lies, metric by metric:
    /// against the first of them it does not exceed in any metric (the last when it exceeds all).
    static func severityDistances(eq: [Int], value: (String) -> String) -> [String: Double] {
        let parts = [
            highest[1]?[eq[0]] ?? [], highest[2]?[eq[1]] ?? [], highestEQ3EQ6[eq[2]]?[eq[5]] ?? [],
            highest[4]?[eq[3]] ?? [], highest[5]?[eq[4]] ?? [],
        ]
        var combinations: [[String]] = [[]]
        for options in parts { combinations = combinations.flatMap { prefix in options.map { prefix + [$0] } } }
        var distances: [String: Double] = [:]
        for combination in combinations {
            distances = [:]
            for pair in combination.joined(separator: "/").split(separator: "/") {
                let metric = pair.split(separator: ":").map(String.init)
                guard metric.count == 2, let table = levels[metric[0]], let own = table[value(metric[0])],
                    let highest = table[metric[1]]
                else { continue }
                distances[metric[0]] = own - highest
            }
            if distances.values.allSatisfy({ $0 >= 0 }) { break }
        }
        return distances
    }
}
