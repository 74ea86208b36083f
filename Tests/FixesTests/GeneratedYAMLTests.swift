import Fixes
import Manifests
import Policy
import Testing

/// A seeded generator of hostile YAML-like texts (deep and flow nesting, anchors and aliases,
/// merge keys, repeated keys, quotes, tabs, NUL, bytes that are not UTF-8) run through the
/// reader, every check and the fixes: nothing may crash, every error stays inside the text, and
/// fixing twice changes nothing the second time. The same seeds every run, so a failure repeats.
@Suite struct GeneratedYAMLTests {
    /// SplitMix64: small, fast, the same sequence on every platform.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let pieces: [[UInt8]] =
        [
            "apiVersion: v1\n", "kind: Pod\n", "kind: Deployment\n", "metadata:\n", "  name: x\n", "spec:\n",
            "  containers:\n",
            "    - name: a\n", "      image: nginx:latest\n",
            "      securityContext: {privileged: true, privileged: false}\n",
            "---\n", "[", "]", "{", "}", ", ", ": ", "- ", "&a ", "*a", "<<: *a\n", "&b [1, 2]\n", "\"quoted\\\" \"",
            "'single''s'",
            "|\n  block\n", "  ", "\t", "\n", "# comment\n", "key: value\n", "key: again\n", "{{ .Values.x }}",
            "? complex\n",
            "!!str ", "%YAML 1.2\n", "...\n", "\u{FEFF}", "é", "\r\n",
        ].map { Array($0.utf8) } + [[0x00], [0xFF, 0xFE], [0xC3], [0xED, 0xA0, 0x80]]

    static func text(seed: UInt64) -> [UInt8] {
        var generator = Generator(state: seed)
        var bytes: [UInt8] = []
        for _ in 0..<(1 + generator.below(60)) {
            let piece = pieces[generator.below(pieces.count)]
            // Now and then a piece many times over: deep nesting, long runs of aliases.
            let times = generator.below(10) == 0 ? 1 + generator.below(300) : 1
            for _ in 0..<times { bytes += piece }
        }
        return bytes
    }

    @Test(arguments: 0..<8)
    func generatedTextsNeverCrashAndErrorsStayInside(batch: Int) throws {
        let engine = try FixEngineTests.engine()
        for seed in UInt64(batch * 250)..<UInt64(batch * 250 + 250) {
            let bytes = Self.text(seed: seed)
            let lines = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let stream = YAMLParser.parse(bytes: bytes)
            for error in stream.errors {
                #expect(
                    error.position.line >= 1 && error.position.line <= lines + 1,
                    "seed \(seed): \(error) at \(error.position)")
            }
            for document in stream.documents { _ = document.root?.duplicateKeys }
            let report = engine.policy.run(files: [("generated.yaml", String(decoding: bytes, as: UTF8.self))])
            for finding in report.findings {
                #expect(finding.position.line >= 1, "seed \(seed): \(finding.checkID) at line \(finding.position.line)")
            }
            let fixed = engine.fix(path: "generated.yaml", bytes: bytes)
            let again = engine.fix(path: "generated.yaml", bytes: fixed.bytes)
            #expect(again.bytes == fixed.bytes, "seed \(seed): fixing twice changed the text again")
        }
    }
}
