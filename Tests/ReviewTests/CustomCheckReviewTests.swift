import Foundation
import GitKit
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Review

/// A Polaris custom check in the repository's `.shipshape.yaml` reviews a pull request like a
/// built-in check: a comment on the line the change wrote.
@Suite struct CustomCheckReviewTests {
    static let configuration = """
        checks: {imageRegistry: danger}
        customChecks:
          imageRegistry:
            failureMessage: Images come from registry.example.com
            category: Security
            target: Container
            schema:
              properties:
                image: {pattern: ^registry\\.example\\.com/}
        """

    @Test func aCustomCheckCommentsOnTheLineTheChangeWrote() throws {
        let (fixture, work) = try ReviewEngineTests.baseRepository()
        defer { fixture.shutdown() }
        try fixture.git("checkout", "-q", "main", in: work)
        try fixture.write(Self.configuration, to: ".shipshape.yaml", in: work)
        try fixture.commitAndPush(work, message: "the team's registry rule", refspecs: [])
        try fixture.git("checkout", "-q", "-B", "pr", in: work)
        try ReviewEngineTests.edit("apps/shop/app.yaml", in: work) {
            $0.replacingOccurrences(of: "checkout:1.4.2", with: "checkout:1.4.3")
        }
        try fixture.commitAndPush(work, message: "pr", refspecs: [])
        let review = try ReviewEngineTests.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        let comments = review.comments.filter { $0.finding.checkID == "imageRegistry" }
        let text = try String(
            contentsOf: URL(fileURLWithPath: work).appending(path: "apps/shop/app.yaml"), encoding: .utf8)
        let changedLine =
            (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("checkout:1.4.3") }
                ?? -2) + 1
        #expect(comments.map(\.finding.position.line) == [changedLine])
        #expect(comments.first?.finding.message.hasPrefix("Images come from registry.example.com: image:") == true)
    }
}
