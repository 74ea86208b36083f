/// A path glob as a non-deterministic automaton read in one pass (Thompson's construction):
/// state `i` means "the first `i` tokens are matched". Each character of the text moves the set
/// of reached states forward once, so a match costs at most (tokens + 1) × characters steps,
/// whatever the pattern: no backtracking.
struct GlobAutomaton: Sendable {
    enum Token: Sendable, Equatable {
        case literal(Character)
        /// `?`: one character other than `/`.
        case oneCharacter
        /// `*`: any run of characters other than `/`.
        case star
        /// `**`: any run of characters.
        case globstar
    }

    let tokens: [Token]
    /// Where state `i` may also move without reading: past a star, and past the whole `**/`
    /// (which also matches no folder at all).
    let skips: [[Int]]

    init(_ pattern: [Character]) {
        var tokens: [Token] = []
        var skips: [[Int]] = []
        var index = 0
        while index < pattern.count {
            let character = pattern[index]
            if character == "*" {
                let isDouble = index + 1 < pattern.count && pattern[index + 1] == "*"
                index += isDouble ? 2 : 1
                if isDouble, index < pattern.count, pattern[index] == "/" {
                    // `**/`: the globstar, then the slash, or neither.
                    tokens.append(.globstar)
                    skips.append([tokens.count, tokens.count + 1])
                    tokens.append(.literal("/"))
                    skips.append([])
                    index += 1
                } else {
                    tokens.append(isDouble ? .globstar : .star)
                    skips.append([tokens.count])
                }
                continue
            }
            tokens.append(character == "?" ? .oneCharacter : .literal(character))
            skips.append([])
            index += 1
        }
        self.tokens = tokens
        self.skips = skips
    }

    func matches(_ text: ArraySlice<Character>, steps: inout Int) -> Bool {
        let final = tokens.count
        var reached = [Bool](repeating: false, count: final + 1)
        var next = reached
        reached[0] = true
        close(&reached, steps: &steps)
        for character in text {
            var any = false
            for state in 0..<final where reached[state] {
                steps += 1
                switch tokens[state] {
                case .literal(let expected):
                    if character == expected {
                        next[state + 1] = true
                        any = true
                    }
                case .oneCharacter:
                    if character != "/" {
                        next[state + 1] = true
                        any = true
                    }
                case .star:
                    if character != "/" {
                        next[state] = true
                        any = true
                    }
                case .globstar:
                    next[state] = true
                    any = true
                }
            }
            guard any else { return false }
            close(&next, steps: &steps)
            swap(&reached, &next)
            for state in next.indices { next[state] = false }
        }
        return reached[final]
    }

    /// Adds the states reachable without reading; skips only move forward, so one sweep does it.
    private func close(_ states: inout [Bool], steps: inout Int) {
        for state in 0..<tokens.count where states[state] {
            steps += 1
            for target in skips[state] { states[target] = true }
        }
    }
}
