import Foundation
import GitKit
import Policy
import Review
import ShipshapeTesting

/// A real repository with a pull request: `main` holds a clean application, `pr` adds a
/// Deployment with problems. The pull request's head is also pushed as refs/pull/1/head and
/// refs/merge-requests/1/head, where forges keep it.
final class PullRequestScenario: @unchecked Sendable {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let cleanFolder = testsFolder.deletingLastPathComponent().appending(path: "Fixtures/clean")

    /// A Deployment with a `latest` tag, no probes, no resources and a privileged container.
    static let problematic = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: nginx:latest
                  securityContext:
                    privileged: true

        """

    let fixture: GitFixture
    let bare: String
    let work: String
    private(set) var baseSHA = ""
    private(set) var headSHA = ""

    init() throws {
        fixture = try GitFixture()
        (bare, work) = try fixture.makeUpstream("shop")
        for name in ["app.yaml", "guards.yaml"] {
            try fixture.write(
                try String(contentsOf: Self.cleanFolder.appending(path: name), encoding: .utf8),
                to: "apps/shop/\(name)", in: work)
        }
        baseSHA = try fixture.commitAndPush(work, message: "base")
        try fixture.git("checkout", "-q", "-b", "pr", in: work)
    }

    func shutdown() { fixture.shutdown() }

    /// Commits `files` (path → text; nil deletes) on the pull request's branch and pushes its head.
    @discardableResult
    func push(_ files: [String: String?], message: String = "change") throws -> String {
        for (path, text) in files {
            if let text {
                try fixture.write(text, to: path, in: work)
            } else {
                try FileManager.default.removeItem(atPath: work + "/" + path)
            }
        }
        headSHA = try fixture.commitAndPush(
            work, message: message, refspecs: ["pr", "+pr:refs/pull/1/head", "+pr:refs/merge-requests/1/head"])
        return headSHA
    }

    /// The unified diff of each changed file, base...head, as forges list them (no file header).
    func patches() throws -> [(path: String, status: String, patch: String)] {
        let names = try fixture.git("diff", "--name-status", "main...pr", in: work).split(separator: "\n")
        return try names.map { line in
            let parts = line.split(separator: "\t").map(String.init)
            let status =
                switch parts[0].prefix(1) {
                case "A": "added"
                case "D": "removed"
                case "R": "renamed"
                default: "modified"
                }
            let path = parts[parts.count - 1]
            let diff = try fixture.git("diff", "-U3", "main...pr", "--", path, in: work)
            let hunks = diff.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("@@") }
            return (path, status, hunks.joined(separator: "\n"))
        }
    }

    func review() throws -> ReviewResult {
        let engine = ReviewEngine(
            defaults: try BundledData.defaultConfiguration(), deprecations: try BundledData.deprecations())
        return try engine.review(ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
    }

    func headFile(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: work + "/" + path).map { Array($0) }
    }
}
