import Foundation
import Policy
import Testing

@testable import Fixes

/// The `dangerousCapabilities` fix takes ALL, SYS_ADMIN and NET_ADMIN out of `capabilities.add`
/// and keeps every other capability and every comment; it applies only when named.
@Suite struct DangerousCapabilitiesFixTests {
    static func pod(_ capabilities: String) -> String {
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.3\n"
            + "      securityContext:\n        capabilities:\n" + capabilities
    }

    static func fixed(_ text: String) throws -> (text: String, applied: [String]) {
        let outcome = try FixEngineTests.engine(.checks(["dangerousCapabilities"])).fix(
            path: "p.yaml", bytes: Array(text.utf8))
        return (String(decoding: outcome.bytes, as: UTF8.self), outcome.applied.map(\.finding.checkID))
    }

    @Test func aBlockListKeepsTheRestAndTheComments() throws {
        let result = try Self.fixed(
            Self.pod(
                """
                          add:
                            # what the program needs
                            - CHOWN
                            - SYS_ADMIN   # for the FUSE mount
                            # and the network
                            - net_admin
                            - NET_BIND_SERVICE
                          drop: [ALL]

                """))
        #expect(result.applied == ["dangerousCapabilities"])
        #expect(
            result.text
                == Self.pod(
                    """
                              add:
                                # what the program needs
                                - CHOWN
                                # and the network
                                - NET_BIND_SERVICE
                              drop: [ALL]

                    """))
    }

    @Test(arguments: [
        ("add: [SYS_ADMIN, CHOWN]", "add: [CHOWN]"),
        ("add: [CHOWN, NET_ADMIN, ALL]", "add: [CHOWN]"),
        ("add: [CHOWN, ALL, KILL]", "add: [CHOWN, KILL]"),
    ])
    func aFlowListLosesOnlyTheDangerousItems(_ written: String, _ expected: String) throws {
        let result = try Self.fixed(Self.pod("          \(written)\n"))
        #expect(result.text == Self.pod("          \(expected)\n"))
    }

    @Test func aListOfOnlyDangerousCapabilitiesGoesWithItsKey() throws {
        let result = try Self.fixed(Self.pod("          add: [ALL]\n          drop: [NET_RAW]\n"))
        #expect(result.text == Self.pod("          drop: [NET_RAW]\n"))
    }

    @Test func theFixAppliesOnlyWhenNamed() throws {
        let text = Self.pod("          add: [SYS_ADMIN]\n")
        let outcome = try FixEngineTests.engine().fix(path: "p.yaml", bytes: Array(text.utf8))
        #expect(!outcome.applied.contains { $0.finding.checkID == "dangerousCapabilities" })
        #expect(
            outcome.unfixed.contains {
                $0.finding.checkID == "dangerousCapabilities" && $0.why.contains("--checks dangerousCapabilities")
            })
    }
}
