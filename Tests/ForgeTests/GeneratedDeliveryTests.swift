import Forge
import Foundation
import Testing

/// A seeded generator mutates real deliveries (bytes flipped, dropped, repeated; bodies cut;
/// nesting piled up) and feeds them to the decoder of each forge: it must answer or throw, never
/// crash. The same seeds every run, so a failure repeats.
@Suite struct GeneratedDeliveryTests {
    typealias Fixtures = WebhookFixtures

    /// SplitMix64.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    static let deliveries: [(forge: ForgeKind, event: String, file: String)] = [
        (.github, "pull_request", "github/webhooks/pull_request/opened.payload.json"),
        (.gitea, "push", "gitea/webhooks/push/docs-2021.push.json"),
        (.gitlab, "Merge Request Hook", "gitlab/webhooks/docs/merge_request/merge_request.open.json"),
    ]

    static func mutated(_ body: Data, generator: inout Generator) -> Data {
        var bytes = [UInt8](body)
        for _ in 0..<(1 + generator.below(8)) {
            guard !bytes.isEmpty else { break }
            let at = generator.below(bytes.count)
            switch generator.below(6) {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: generator.next())
            case 1: bytes.remove(at: at)
            case 2: bytes = Array(bytes.prefix(at))
            case 3:
                bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "["), count: 1 + generator.below(5_000)), at: at)
            case 4: bytes.insert(contentsOf: Array("{\"a\":".utf8), at: at)
            default: bytes.insert(contentsOf: [0xFF, 0x00, 0xC3], at: at)
            }
        }
        return Data(bytes)
    }

    @Test(arguments: 0..<3)
    func mutatedDeliveriesAreDecodedOrRefusedNeverCrash(index: Int) throws {
        let delivery = Self.deliveries[index]
        let body = try Fixtures.body(delivery.file)
        var generator = Generator(state: UInt64(index) * 1_000_003)
        var decoded = 0
        var refused = 0
        for _ in 0..<500 {
            let mutated = Self.mutated(body, generator: &generator)
            let headers: [String: String] =
                switch delivery.forge {
                case .github: Fixtures.gitHubHeaders(event: delivery.event, body: mutated)
                case .gitea: Fixtures.giteaHeaders(event: delivery.event, body: mutated)
                case .gitlab: Fixtures.gitLabHeaders(event: delivery.event)
                }
            do {
                _ = try WebhookDecoder.decode(forge: delivery.forge, headers: headers, body: mutated)
                decoded += 1
            } catch {
                refused += 1
            }
        }
        #expect(decoded + refused == 500)
        #expect(refused > 0, "the mutations do break deliveries")
    }
}
