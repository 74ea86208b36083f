/// The data CVSS v4.0 scores with (FIRST's specification and its reference calculator,
/// https://www.first.org/cvss/v4-0/): the score of every MacroVector, the highest-severity
/// vectors of each equivalence class, each class's depth, and each metric value's severity level.
extension CVSSv4 {
    /// MacroVector scores, in the order of `macroVectors`.
    private static let scoreText = """
        10 9.8 9.5 10 9.3 9.1 9.3 8.9 8.1 9.9 9.5 9.2 9.6 8.7 8.1 9 8 6.8
        9.8 9.5 9 9.3 8.9 8.1 8.8 7.8 6.9 9.5 9.2 8.4 9.2 8.1 6.5 8 7 4.8
        9.2 8.2 7.2 7.9 6.9 5 6.9 5.5 2.7 9.9 9.5 9.2 9.5 9 8.4 9.2 8.2 7.2
        9.7 9.2 8.5 9.1 8.3 7.1 8.1 7.1 5.3 9.5 9.2 8.5 9.2 8 7 8.4 7.1 5
        9.3 8.5 7.3 8.2 7.2 5.9 7 5.2 3 8.6 7.5 5.2 7.1 5.2 2.9 6.3 2.9 1.7
        9.8 9.4 9.1 9.4 8.6 7.7 8.7 7.4 6.3 9.5 8.7 8.1 8.9 7.4 6.4 7.5 6.3 4.9
        9.4 8.8 7.6 8.6 7.4 5.9 7.2 5.7 5.2 8.9 7.7 6.7 7.6 5.8 5 5.7 5.2 2.5
        8.3 7 5.4 6.5 5.8 2.6 5.3 2.1 1.3 9.5 8.8 7.6 9 7.5 6.1 7.7 6.8 5.2
        9 7.6 7 7.7 6.2 5.3 6.6 5.9 3 8.9 7.6 6.2 7.4 5.7 4.7 6.1 5.7 2.4
        7.8 6.7 5.8 5.9 5.7 2.3 5.2 2.9 1.6 7.1 5.9 3 5.8 2.6 1.5 2.3 1.3 0.6
        9.3 8.6 7.5 8.6 7.4 5.6 7 5.2 4 8.7 7.2 5.8 7.4 6.1 3.4 5.4 4 2.2
        8.5 7.4 6.2 7.2 5.5 4.6 5.3 3.4 1.9 7.5 5.5 5.1 5.7 4.1 1.9 3.6 1.9 0.8
        6.4 5.1 2 4.7 2.1 1.1 2.4 0.9 0.4 8.8 7.3 6 7.3 5.9 4.1 5.4 4.5 2
        7.5 5.3 5 5.5 4 2 4.3 2.2 1.1 7.5 5.8 4 6.1 4.8 2 4.6 1.7 0.8
        5.5 4.5 2.1 5.1 1.8 0.9 1.8 0.7 0.2 5.3 2.4 1.4 2.4 1.2 0.5 1 0.3 0.1
        """

    /// Every MacroVector (EQ1 EQ2 EQ3 EQ4 EQ5 EQ6), EQ1 slowest; EQ3 and EQ6 vary together, as
    /// EQ3 2 admits only EQ6 1.
    static let macroVectors: [String] = {
        var keys: [String] = []
        for eq1 in 0...2 {
            for eq2 in 0...1 {
                for (eq3, eq6) in [(0, 0), (0, 1), (1, 0), (1, 1), (2, 1)] {
                    for eq4 in 0...2 {
                        for eq5 in 0...2 { keys.append("\(eq1)\(eq2)\(eq3)\(eq4)\(eq5)\(eq6)") }
                    }
                }
            }
        }
        return keys
    }()

    static let macroVectorScores: [String: Double] = Dictionary(
        uniqueKeysWithValues: zip(
            macroVectors, scoreText.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }))

    /// The highest-severity vectors of each level of EQ1, EQ2, EQ4 and EQ5 (metric values), in the specification's order.
    static let highest: [Int: [Int: [String]]] = [
        1: [
            0: ["AV:N/PR:N/UI:N"], 1: ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"],
            2: ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"],
        ],
        2: [0: ["AC:L/AT:N"], 1: ["AC:H/AT:N", "AC:L/AT:P"]],
        4: [0: ["SC:H/SI:S/SA:S"], 1: ["SC:H/SI:H/SA:H"], 2: ["SC:L/SI:L/SA:L"]],
        5: [0: ["E:A"], 1: ["E:P"], 2: ["E:U"]],
    ]

    /// The highest-severity vectors of EQ3 and EQ6 together, by EQ3 then EQ6.
    static let highestEQ3EQ6: [Int: [Int: [String]]] = [
        0: [
            0: ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"],
            1: ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"],
        ],
        1: [
            0: ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
            1: [
                "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
                "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M",
            ],
        ],
        2: [1: ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"]],
    ]

    /// The depth of each class (its greatest severity distance, plus one), in steps of 0.1.
    static let depth: [Int: [Int: Double]] = [
        1: [0: 1, 1: 4, 2: 5], 2: [0: 1, 1: 2], 4: [0: 6, 1: 5, 2: 4],
    ]
    static let depthEQ3EQ6: [Int: [Int: Double]] = [0: [0: 7, 1: 6], 1: [0: 8, 1: 8], 2: [1: 10]]

    /// Each metric value's severity level: 0 the most severe, each step 0.1 less.
    static let levels: [String: [String: Double]] = [
        "AV": ["N": 0.0, "A": 0.1, "L": 0.2, "P": 0.3], "PR": ["N": 0.0, "L": 0.1, "H": 0.2],
        "UI": ["N": 0.0, "P": 0.1, "A": 0.2], "AC": ["L": 0.0, "H": 0.1], "AT": ["N": 0.0, "P": 0.1],
        "VC": ["H": 0.0, "L": 0.1, "N": 0.2], "VI": ["H": 0.0, "L": 0.1, "N": 0.2],
        "VA": ["H": 0.0, "L": 0.1, "N": 0.2],
        "SC": ["H": 0.1, "L": 0.2, "N": 0.3], "SI": ["S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3],
        "SA": ["S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3], "CR": ["H": 0.0, "M": 0.1, "L": 0.2],
        "IR": ["H": 0.0, "M": 0.1, "L": 0.2], "AR": ["H": 0.0, "M": 0.1, "L": 0.2],
    ]
}
