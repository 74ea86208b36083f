import Foundation
import Manifests
import Policy
import Testing

/// Polaris' 44 built-in checks, loaded from Polaris' own definitions as custom checks, against
/// Polaris' own fixtures (`../shared/corpus/FairwindsOps__polaris/test/checks/`): the custom-check
/// engine must give Polaris' verdict on every fixture, and so the native check's verdict except
/// where docs/differences-from-polaris.md says the native check differs from Polaris on purpose.
@Suite struct PolarisCustomCheckTests {
    static let loaded = PolarisChecksAsCustomChecks.load()

    /// Checks Polaris writes in Go, whose YAML has no schema: they cannot be custom checks.
    static let writtenInGo: Set<String> = ["pdbMinAvailableGreaterThanHPAMinReplicas"]

    /// Fixtures where the custom-check engine (that is, Polaris' schema) and Polaris' published
    /// verdict disagree, with the reason.
    static let engineDifferences: [String: String] = [:]

    @Test func everyPolarisCheckLoadsAsACustomCheck() {
        #expect(
            Self.loaded.ids.count == 44, "expected Polaris' 44 checks in \(PolarisChecksAsCustomChecks.folder.path)")
        #expect(Set(Self.loaded.notLoaded.keys) == Self.writtenInGo, "\(Self.loaded.notLoaded)")
        #expect(Self.loaded.configuration.customChecks.count == 44 - Self.writtenInGo.count)
    }

    @Test(arguments: PolarisFixtureTests.cases.filter { !writtenInGo.contains($0.checkID) })
    func agreesWithPolarisAndTheNativeCheck(_ fixture: PolarisFixtureTests.Case) throws {
        let text = try String(contentsOf: fixture.url, encoding: .utf8)
        let custom = try TestEngine.make(configuration: Self.loaded.configuration).run(files: [(fixture.key, text)])
        let native = try TestEngine.make(configuration: PolarisChecksAsCustomChecks.nativeSeverities(Self.loaded.ids))
            .run(files: [(fixture.key, text)])
        let customFails = custom.findings.contains { $0.checkID == fixture.checkID }
        let nativeFails = native.findings.contains { $0.checkID == fixture.checkID }
        let detail = custom.findings.filter { $0.checkID == fixture.checkID }.map {
            "\($0.position.line): \($0.message)"
        }
        if let reason = Self.engineDifferences[fixture.key] {
            #expect(customFails != fixture.polarisFails, "documented engine difference no longer happens: \(reason)")
        } else {
            #expect(
                customFails == fixture.polarisFails,
                "Polaris \(fixture.polarisFails ? "fails" : "passes") this fixture; the custom check: \(detail)")
        }
        if PolarisFixtureTests.deliberateDifferences[fixture.key] == nil, Self.engineDifferences[fixture.key] == nil {
            #expect(
                customFails == nativeFails,
                "the native check \(nativeFails ? "fails" : "passes") this fixture; the custom check: \(detail)")
        }
    }
}
