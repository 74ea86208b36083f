import Foundation
import Testing

@testable import Upgrades

@Suite struct UpgradePolicyTests {
    @Test func updateTypesOrderFromPatchToMajor() {
        #expect(UpdateType.patch < .minor)
        #expect(UpdateType.minor < .major)
        #expect(UpdateType.allCases.sorted() == [.patch, .minor, .major])
    }

    @Test func updateTypeReadsMissingNumbersAsZero() {
        #expect(UpdateType(from: [1, 2], to: [1, 3, 0]) == .minor)
        #expect(UpdateType(from: [1, 2, 0], to: [1, 2, 1]) == .patch)
        #expect(UpdateType(from: [0, 9], to: [1]) == .major)
    }

    @Test func decodingFillsDefaults() throws {
        let policy = try JSONDecoder().decode(UpgradePolicy.self, from: Data(#"{"allow":"minor"}"#.utf8))
        #expect(policy == UpgradePolicy(allow: .minor, ignore: false, range: nil, ignoreUnstable: true))
        let empty = try JSONDecoder().decode(UpgradePolicy.self, from: Data("{}".utf8))
        #expect(empty.allow == .major)
        #expect(empty.ignoreUnstable)
    }

    @Test func roundTripsThroughJSON() throws {
        let policy = UpgradePolicy(allow: .patch, ignore: true, range: "~1.2", ignoreUnstable: false)
        let decoded = try JSONDecoder().decode(UpgradePolicy.self, from: JSONEncoder().encode(policy))
        #expect(decoded == policy)
    }

    @Test func rangeIsValidatedOnRequest() throws {
        #expect(try UpgradePolicy(range: "^1.2").versionRange()?.text == "^1.2")
        #expect(try UpgradePolicy().versionRange() == nil)
        #expect(throws: VersionSyntaxError.self) { try UpgradePolicy(range: "^^1").versionRange() }
    }
}
