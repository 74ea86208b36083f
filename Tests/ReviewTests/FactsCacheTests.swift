import Diffs
import Foundation
import GitKit
import Kustomize
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Review

/// Facts are cached by blob id: a second review parses only blobs it has not seen.
@Suite struct FactsCacheTests {
    /// A `RevisionReader` that counts the blobs read through it.
    final class CountingReader: RevisionReader, @unchecked Sendable {
        let repository: Repository
        private let lock = NSLock()
        private(set) var blobsRead = 0

        init(_ repository: Repository) { self.repository = repository }

        func commit(_ revision: String) throws -> ObjectID { try repository.commit(revision) }
        func mergeBase(_ one: ObjectID, _ two: ObjectID) throws -> ObjectID { try repository.mergeBase(one, two) }
        func diff(from base: ObjectID, to head: ObjectID) throws -> [FileChange] {
            try repository.diff(from: base, to: head, contextLines: 3)
        }
        func files(at commit: ObjectID) throws -> [TreeFile] { try repository.files(at: commit) }
        func file(_ path: String, at commit: ObjectID) throws -> TreeFile? { try repository.file(path, at: commit) }
        func contents(of path: String, at commit: ObjectID) throws -> [UInt8]? {
            try repository.contents(of: path, at: commit)
        }
        func contents(ofBlob id: ObjectID) throws -> [UInt8] {
            lock.withLock { blobsRead += 1 }
            return try repository.contents(ofBlob: id)
        }
    }

    @Test func aSecondReviewReadsOnlyWhatItNeeds() throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("mono")
        for team in 0..<5 {
            try fixture.write(
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: team-\(team)\n",
                to: "teams/\(team)/kustomization.yaml", in: upstream.work)
            for app in 0..<20 {
                try fixture.write(
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-\(app)\ndata:\n  team: \"\(team)\"\n",
                    to: "teams/\(team)/app-\(app).yaml", in: upstream.work)
            }
        }
        try fixture.commitAndPush(upstream.work, message: "base")
        try fixture.git("checkout", "-q", "-b", "pr", in: upstream.work)
        try fixture.write(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-3\ndata:\n  password: hunter2\n",
            to: "teams/2/app-3.yaml", in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "pr", refspecs: [])

        let cacheFolder = fixture.path("facts")
        func review() throws -> (ReviewResult, Int) {
            let reader = CountingReader(try Repository.open(at: upstream.work))
            let engine = ReviewEngine(
                defaults: try BundledData.defaultConfiguration(), deprecations: try BundledData.deprecations(),
                facts: FactsCache(directory: cacheFolder))
            return (try engine.review(ReviewRequest(base: "main", head: "pr"), in: reader), reader.blobsRead)
        }
        let (first, coldReads) = try review()
        let (second, warmReads) = try review()
        #expect(coldReads >= 105, "the first review learns every blob")
        #expect(
            warmReads <= 3,
            "the second reads the changed file and its folder's kustomization, not the 100 others (read \(warmReads))")
        #expect(first.comments.map(\.finding.checkID) == ["sensitiveConfigmapContent"])
        #expect(second.comments.map(\.finding.fingerprint) == first.comments.map(\.finding.fingerprint))
    }

    @Test func factsSurviveTheCacheFile() {
        let facts = BlobFacts(
            objects: [
                .init(
                    kind: "Deployment", name: "odd|name,with%chars", namespace: nil,
                    anchor: SourcePosition(line: 3, column: 1, offset: 27), role: .dependent),
                .init(
                    kind: "PodDisruptionBudget", name: "web", namespace: "shop",
                    anchor: SourcePosition(line: 9, column: 1, offset: 90), role: .context),
            ], kustomizationNamespace: "team\t1",
            kustomizationLinks: .init(isComponent: false, entries: ["../base", "odd,|name.yaml"]))
        #expect(BlobFacts(encoded: ArraySlice(facts.encoded.utf8)) == facts)
        var charts = facts
        charts.kustomizationLinks?.chartHome = "../../charts"
        #expect(BlobFacts(encoded: ArraySlice(charts.encoded.utf8)) == charts, "the chart home survives too")
        #expect(
            BlobFacts(encoded: ArraySlice("ns||Deployment,broken".utf8)) == nil,
            "a damaged line is refused, not misread")
        #expect(
            BlobFacts(encoded: ArraySlice("ns|X,../base".utf8)) == nil,
            "links that are neither a kustomization's nor a component's")
    }
}
