import Foundation
import Manifests
import Testing

@testable import Fixes
@testable import Policy

/// `fix` on JSON writes JSON; a byte order mark or UTF-16 changes neither which findings are
/// fixed nor the file's encoding.
@Suite struct EncodingFixTests {
    static let json = """
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {"name": "web", "namespace": "shop"},
          "spec": {
            "selector": {"matchLabels": {"app": "web"}},
            "template": {
              "metadata": {"labels": {"app": "web"}},
              "spec": {"containers": [{"name": "web", "image": "nginx:1.27.0"}]}
            }
          }
        }

        """

    /// A manifest the golden fix tests know to be fixable.
    static var yaml: String {
        get throws {
            try String(contentsOf: FixEngineTests.folder.appending(path: "frontend.input.yaml"), encoding: .utf8)
        }
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    func fixedChecks(_ outcome: FixEngine.Outcome) -> [String] { outcome.applied.map(\.finding.checkID).sorted() }

    @Test(arguments: [false, true])
    func aFixedJSONManifestIsStillJSON(withBOM: Bool) throws {
        let input = (withBOM ? Self.bom : []) + Array(Self.json.utf8)

        let outcome = try FixEngineTests.engine().fix(path: "web.json", bytes: input)

        #expect(fixedChecks(outcome).contains("cpuRequestsMissing"))
        #expect(Array(outcome.bytes.prefix(3)) == (withBOM ? Self.bom : Array(input.prefix(3))))
        let body = Data(outcome.bytes.dropFirst(withBOM ? 3 : 0))
        let object = try #require(
            try JSONSerialization.jsonObject(with: body) as? [String: Any], "the fixed file is valid JSON")
        let spec = (object["spec"] as? [String: Any])?["template"] as? [String: Any]
        let container = ((spec?["spec"] as? [String: Any])?["containers"] as? [[String: Any]])?.first
        #expect(
            ((container?["resources"] as? [String: Any])?["requests"] as? [String: Any])?["cpu"] as? String == "100m")
    }

    @Test func aFileWithAByteOrderMarkGetsEveryFixAFileWithoutOneGets() throws {
        let engine = try FixEngineTests.engine()
        let plain = engine.fix(path: "web.yaml", bytes: Array(try Self.yaml.utf8))

        let marked = engine.fix(path: "web.yaml", bytes: Self.bom + Array(try Self.yaml.utf8))

        #expect(fixedChecks(marked) == fixedChecks(plain))
        #expect(marked.bytes == Self.bom + plain.bytes)
    }

    @Test func anEditOnTheFirstLineOfAFileWithAByteOrderMarkLandsWhereItShould() throws {
        let hpa =
            "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 1\n  maxReplicas: 3\n"
        let engine = try FixEngineTests.engine(.all)

        let outcome = engine.fix(path: "hpa.yaml", bytes: Self.bom + Array(hpa.utf8))

        #expect(fixedChecks(outcome).contains("deprecatedApiVersion"))
        #expect(
            String(decoding: outcome.bytes.dropFirst(3), as: UTF8.self).hasPrefix(
                "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n"))
    }

    /// The bot's `/shipshape fix` and its suggestion blocks fix one finding at a time (`fixing`):
    /// a byte order mark must not stop that either.
    @Test func oneFindingOfAFileWithAByteOrderMarkIsFixedAsWithoutOne() throws {
        let hpa =
            "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 1\n  maxReplicas: 3\n"
        let engine = try FixEngineTests.engine(.all)
        let marked = Self.bom + Array(hpa.utf8)
        let finding = try #require(
            engine.policy.run(files: [("hpa.yaml", String(decoding: marked, as: UTF8.self))]).findings
                .first { $0.checkID == "deprecatedApiVersion" })
        let plain = try #require(engine.fixing(finding, path: "hpa.yaml", bytes: Array(hpa.utf8)))

        let fixed = engine.fixing(finding, path: "hpa.yaml", bytes: marked)

        #expect(fixed == Self.bom + plain)
    }

    @Test(arguments: [false, true])
    func aUTF16FileIsFixedAndStaysUTF16(bigEndian: Bool) throws {
        let engine = try FixEngineTests.engine()
        let plain = engine.fix(path: "web.yaml", bytes: Array(try Self.yaml.utf8))
        let encoding: String.Encoding = bigEndian ? .utf16BigEndian : .utf16LittleEndian
        let input =
            (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + Array(try #require(try Self.yaml.data(using: encoding)))

        let outcome = engine.fix(path: "web.yaml", bytes: input)

        #expect(!outcome.applied.isEmpty)
        #expect(fixedChecks(outcome) == fixedChecks(plain))
        #expect(Array(outcome.bytes.prefix(2)) == Array(input.prefix(2)))
        let text = try #require(String(data: Data(outcome.bytes.dropFirst(2)), encoding: encoding))
        #expect(text == String(decoding: plain.bytes, as: UTF8.self))
    }

    @Test func aUTF16FileThatIsNotValidTextIsRefusedWithANote() throws {
        let engine = try FixEngineTests.engine()
        // A lone high surrogate (0xD800) in the middle of UTF-16LE text.
        let input: [UInt8] =
            [0xFF, 0xFE] + Array(try #require(try Self.yaml.data(using: .utf16LittleEndian))) + [
                0x00, 0xD8, 0x0A, 0x00,
            ]

        let outcome = engine.fix(path: "web.yaml", bytes: input)

        #expect(outcome.applied.isEmpty)
        #expect(outcome.bytes == input)
        #expect(outcome.unfixed.allSatisfy { $0.why.contains("not valid UTF-16") })
    }
}
