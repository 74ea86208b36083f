import Foundation
import GitKit
import Policy
import ShipshapeTesting
import Testing

@testable import Review

/// A tree naming more remote bases than a run fetches (a hostile one may name a thousand): the
/// bound's number are fetched, from git daemon on loopback; the roots needing the others are
/// refused with a note saying why, and the run ends with its other findings.
@Suite struct RemoteBaseBoundTests {
    static let privilegedPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: worker
        spec:
          containers:
            - name: app
              image: nginx:1.27
              securityContext:
                privileged: true

        """

    /// A scan of `main` in `work`, remote bases fetched into the fixture's mirrors by a fetcher
    /// with lowered bounds, on a thread of its own.
    static func scan(_ work: String, _ fixture: GitFixture, bounds: (inout RemoteBaseFetcher) -> Void) async throws
        -> CheckReport
    {
        var engine = try ReviewEngineTests.engine()
        var fetcher = RemoteBaseFetcher(mirrors: MirrorCache(directory: fixture.path("mirrors")))
        bounds(&fetcher)
        engine.remoteBases = fetcher
        let scanner = engine
        return try await MirrorCache.runBlocking { try scanner.scan("main", in: try Repository.open(at: work)).report }
    }

    @Test func pastTheBoundNoBaseIsFetchedAndItsRootIsCheckedFileByFile() async throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let roots = ["a", "b", "c"]
        for index in roots.indices {
            let base = try fixture.makeUpstream("bases\(index)")
            try fixture.write(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n", to: "base/cm.yaml", in: base.work)
            try fixture.write("resources: [cm.yaml]\n", to: "base/kustomization.yaml", in: base.work)
            try fixture.commitAndPush(base.work, message: "base")
        }
        let daemon = try fixture.startDaemon()
        let upstream = try fixture.makeUpstream("shop")
        for (index, root) in roots.enumerated() {
            try fixture.write(
                "resources:\n  - \(daemon)/bases\(index).git//base?ref=main\n  - pod.yaml\n",
                to: "apps/\(root)/kustomization.yaml", in: upstream.work)
            try fixture.write(Self.privilegedPod, to: "apps/\(root)/pod.yaml", in: upstream.work)
        }
        try fixture.commitAndPush(upstream.work, message: "three roots over three remote bases")

        let report = try await Self.scan(upstream.work, fixture) { $0.maxFetches = 2 }

        // Fetches counted by the mirrors made: one per repository fetched (beside its lock file).
        let mirrors = try FileManager.default.contentsOfDirectory(atPath: fixture.path("mirrors")).filter {
            $0.hasSuffix(".git")
        }
        #expect(mirrors.count == 2 && mirrors.allSatisfy { !$0.contains("bases2") }, "\(mirrors)")
        #expect(report.notes.count == 1, "\(report.notes)")
        let note = try #require(report.notes.first)
        #expect(note.contains("bases2.git//base?ref=main could not be fetched"), "\(note)")
        #expect(note.contains("more remote bases and charts than the 2 one run fetches"), "\(note)")
        #expect(note.contains("apps/c uses remote resource; its files are checked one by one"), "\(note)")
        let privileged = report.findings.filter { $0.checkID == "runAsPrivileged" }.map(\.file)
        #expect(privileged.sorted() == ["apps/a/pod.yaml", "apps/b/pod.yaml", "apps/c/pod.yaml"])
    }
}

extension RemoteBaseBoundTests {
    @Test func afterTheRunsFetchingBudgetNoFetchStarts() async throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("shop")
        // Nothing listens on port 1: a fetch started would fail saying so, not naming the budget.
        try fixture.write(
            "resources:\n  - git://127.0.0.1:1/bases.git//base?ref=main\n  - pod.yaml\n",
            to: "apps/a/kustomization.yaml", in: upstream.work)
        try fixture.write(Self.privilegedPod, to: "apps/a/pod.yaml", in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "a root over a remote base")

        let report = try await Self.scan(upstream.work, fixture) { $0.fetchingBudget = .zero }
        #expect(!FileManager.default.fileExists(atPath: fixture.path("mirrors")))
        #expect(report.notes.count == 1 && report.notes[0].contains("took its whole budget"), "\(report.notes)")
        #expect(report.findings.filter { $0.checkID == "runAsPrivileged" }.map(\.file) == ["apps/a/pod.yaml"])
    }
}
