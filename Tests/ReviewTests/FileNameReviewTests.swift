import Diffs
import FileNames
import Foundation
import GitKit
import Policy
import ShipshapeTesting
import Testing

@testable import Review

/// A manifest whose name is not UTF-8 was silently left out of reviews (0 findings for a
/// privileged, hostNetwork, `:latest` Pod); it is reviewed like any other file.
@Suite struct FileNameReviewTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: hidden
          namespace: shop
        spec:
          hostNetwork: true
          containers:
            - name: app
              image: nginx:latest
              securityContext:
                privileged: true

        """

    /// Writes `text` at `name`, a path whose bytes may not be UTF-8 (see `FileName`).
    static func write(_ text: String, to name: String) throws {
        let descriptor = FileName.withCString(name) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        guard descriptor >= 0 else { throw FixtureError("cannot create \(FileName.escaped(name))") }
        _ = Array(text.utf8).withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    @Test func aManifestNamedInLatin1IsReviewed() throws {
        let (fixture, work) = try ReviewEngineTests.baseRepository()
        defer { fixture.shutdown() }
        let folder = FileName.string(fromBytes: Array("apps/caf".utf8) + [0xE9])
        let file = folder + "/" + FileName.string(fromBytes: [0x70, 0xF6, 0x64] + Array(".yaml".utf8))
        #expect(FileName.withCString(work + "/" + folder) { mkdir($0, 0o755) } == 0)
        try Self.write(Self.pod, to: work + "/" + file)
        try fixture.commitAndPush(work, message: "pr", refspecs: [])

        let review = try ReviewEngineTests.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        let found = Set(review.comments.filter { $0.finding.file == file }.map(\.finding.checkID))
        #expect(found.isSuperset(of: ["runAsPrivileged", "hostNetworkSet", "tagNotSpecified"]))
        #expect(review.changes.map(\.path) == [file])
        #expect(
            ReviewReport.text(review, useColor: false).contains("apps/caf\\xe9/p\\xf6d.yaml"),
            "the name is printed escaped")
    }
}
