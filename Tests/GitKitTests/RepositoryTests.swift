import Diffs
import Foundation
import ShipshapeTesting
import Synchronization
import Testing

@testable import GitKit

/// Reading and writing Git objects without a work tree, on repositories made with real `git`.
@Suite struct RepositoryTests {
    /// A work repository with a first commit; returns the fixture, the work folder and the commit.
    func makeRepository() throws -> (GitFixture, String, String) {
        let fixture = try GitFixture()
        let upstream = try fixture.makeUpstream("repo")
        try fixture.write(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: \"1\"\n", to: "apps/a.yaml",
            in: upstream.work)
        try fixture.write("keep: me\n", to: "apps/b.yaml", in: upstream.work)
        try fixture.write("old: name\n", to: "legacy/old.yaml", in: upstream.work)
        try fixture.write("gone: soon\n", to: "legacy/gone.yaml", in: upstream.work)
        let base = try fixture.commitAndPush(upstream.work, message: "base")
        return (fixture, upstream.work, base)
    }

    @Test func diffFindsAddedLinesHunksRenamesDeletionsAndBinaries() throws {
        let (fixture, work, baseHex) = try makeRepository()
        defer { fixture.shutdown() }
        try fixture.write(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: \"2\"\n  y: \"3\"\n", to: "apps/a.yaml",
            in: work)
        try fixture.git("mv", "legacy/old.yaml", "legacy/renamed.yaml", in: work)
        try fixture.git("rm", "-q", "legacy/gone.yaml", in: work)
        try Data([0, 1, 2, 255, 0, 7]).write(to: URL(fileURLWithPath: work + "/logo.png"))
        try fixture.write("new: file\nsecond: line\n", to: "apps/new.yaml", in: work)
        let headHex = try fixture.commitAndPush(work, message: "change")

        let repository = try Repository.open(at: work)
        let base = try #require(ObjectID(hex: baseHex))
        let head = try #require(ObjectID(hex: headHex))
        let changes = Dictionary(uniqueKeysWithValues: try repository.diff(from: base, to: head).map { ($0.path, $0) })

        let modified = try #require(changes["apps/a.yaml"])
        #expect(modified.kind == .modified)
        #expect(modified.addedLines == [6...7])
        #expect(modified.hunks.count == 1)
        #expect(modified.inHunk(line: 3) && !modified.added(line: 3), "context lines are in the hunk but not added")
        #expect(changes["legacy/renamed.yaml"]?.kind == .renamed)
        #expect(changes["legacy/renamed.yaml"]?.oldPath == "legacy/old.yaml")
        #expect(changes["legacy/gone.yaml"]?.kind == .deleted)
        #expect(changes["logo.png"]?.isBinary == true)
        #expect(changes["logo.png"]?.hunks.isEmpty == true)
        #expect(changes["apps/new.yaml"]?.kind == .added)
        #expect(changes["apps/new.yaml"]?.addedLines == [1...2])
        #expect(changes["apps/b.yaml"] == nil)
    }

    @Test func aDiffOfHundredsOfFiles() throws {
        let (fixture, work, baseHex) = try makeRepository()
        defer { fixture.shutdown() }
        for index in 0..<400 {
            try fixture.write("index: \(index)\n", to: "many/f\(index / 50)/file-\(index).yaml", in: work)
        }
        let headHex = try fixture.commitAndPush(work, message: "many")
        let repository = try Repository.open(at: work)
        let changes = try repository.diff(
            from: try #require(ObjectID(hex: baseHex)), to: try #require(ObjectID(hex: headHex)))
        #expect(changes.count == 400)
        #expect(changes.allSatisfy { $0.kind == .added && $0.addedLines == [1...1] })
    }

    @Test func mergeBaseAndRevisions() throws {
        let (fixture, work, baseHex) = try makeRepository()
        defer { fixture.shutdown() }
        try fixture.git("checkout", "-q", "-b", "feature", in: work)
        try fixture.write("feature: 1\n", to: "f.yaml", in: work)
        try fixture.commitAndPush(work, message: "feature", refspecs: [])
        try fixture.git("checkout", "-q", "main", in: work)
        try fixture.write("main: 2\n", to: "m.yaml", in: work)
        try fixture.commitAndPush(work, message: "main moves on", refspecs: [])
        let repository = try Repository.open(at: work)
        let mergeBase = try repository.mergeBase(try repository.commit("main"), try repository.commit("feature"))
        #expect(mergeBase.hex == baseHex)
        #expect(throws: GitError.self) { try repository.commit("no-such-branch") }
    }

    @Test func filesAndBlobsAreReadWithoutFollowingSymlinks() throws {
        let (fixture, work, _) = try makeRepository()
        defer { fixture.shutdown() }
        try FileManager.default.createSymbolicLink(
            atPath: work + "/apps/passwd.yaml", withDestinationPath: "/etc/passwd")
        let head = try fixture.commitAndPush(work, message: "a symlink")
        let repository = try Repository.open(at: work)
        let commit = try #require(ObjectID(hex: head))
        let files = try repository.files(at: commit)
        #expect(
            files.map(\.path).sorted() == [
                "apps/a.yaml", "apps/b.yaml", "apps/passwd.yaml", "legacy/gone.yaml", "legacy/old.yaml",
            ])
        #expect(files.first { $0.path == "apps/passwd.yaml" }?.mode == .symlink)
        #expect(try repository.contents(of: "apps/b.yaml", at: commit) == Array("keep: me\n".utf8))
        #expect(try repository.contents(of: "apps/missing.yaml", at: commit) == nil)
        #expect(throws: GitError.self, "a symlink's target is never read") {
            try repository.contents(of: "apps/passwd.yaml", at: commit)
        }
    }

    @Test func commitsAreBuiltInMemory() throws {
        let (fixture, work, baseHex) = try makeRepository()
        defer { fixture.shutdown() }
        let repository = try Repository.open(at: work)
        let base = try #require(ObjectID(hex: baseHex))
        let status = try fixture.git("status", "--porcelain", in: work)
        let commit = try repository.commit(
            onTopOf: base,
            changes: [
                "apps/a.yaml": Array("fixed: true\n".utf8),
                "deep/new/folder/c.yaml": Array("c: 1\n".utf8),
                "legacy/gone.yaml": nil,
            ], message: "shipshape: fix",
            author: Signature(name: "Shipshape", email: "bot@shipshape.dev", time: 1_700_000_000))
        #expect(try repository.contents(of: "apps/a.yaml", at: commit) == Array("fixed: true\n".utf8))
        #expect(try repository.contents(of: "deep/new/folder/c.yaml", at: commit) == Array("c: 1\n".utf8))
        #expect(try repository.contents(of: "legacy/gone.yaml", at: commit) == nil)
        #expect(try repository.contents(of: "apps/b.yaml", at: commit) == Array("keep: me\n".utf8))
        #expect(
            try fixture.git("log", "-1", "--format=%an <%ae> %s %P", commit.hex, in: work)
                == "Shipshape <bot@shipshape.dev> shipshape: fix \(baseHex)")
        #expect(try fixture.git("status", "--porcelain", in: work) == status, "the work tree is not touched")
        #expect(try fixture.git("rev-parse", "HEAD", in: work) == baseHex, "no ref moves")
    }

    /// A fix edits a file's text: an executable file stays executable (a fix commit that also
    /// changed the mode showed in the pull request as a change nobody asked for).
    @Test func aCommitKeepsAnExecutableFileExecutable() throws {
        let (fixture, work, _) = try makeRepository()
        defer { fixture.shutdown() }
        try fixture.git("update-index", "--chmod=+x", "apps/b.yaml", in: work)
        try fixture.git("commit", "-q", "-m", "executable", in: work)
        let baseHex = try fixture.git("rev-parse", "HEAD", in: work)
        let repository = try Repository.open(at: work)
        let base = try #require(ObjectID(hex: baseHex))
        let commit = try repository.commit(
            onTopOf: base,
            changes: ["apps/b.yaml": Array("keep: fixed\n".utf8), "apps/a.yaml": Array("fixed: true\n".utf8)],
            message: "shipshape: fix", author: Signature(name: "Shipshape", email: "bot@shipshape.dev"))
        #expect(try repository.file("apps/b.yaml", at: commit)?.mode == .executable)
        #expect(try repository.file("apps/a.yaml", at: commit)?.mode == .regular)
        #expect(try fixture.git("diff", "--summary", baseHex, commit.hex, in: work) == "", "no mode changes")
    }

    @Test func pushWithALease() throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("pushed")
        try fixture.write("a: 1\n", to: "a.yaml", in: upstream.work)
        let baseHex = try fixture.commitAndPush(upstream.work, message: "base")
        let url = try fixture.startDaemon() + "/pushed.git"
        let mirror = try Repository.createBare(at: fixture.path("mirror.git"))
        try mirror.fetch(from: url)
        let base = try #require(ObjectID(hex: baseHex))
        let fix = try mirror.commit(
            onTopOf: base, changes: ["a.yaml": Array("a: 2\n".utf8)], message: "fix",
            author: Signature(name: "Shipshape", email: "bot@shipshape.dev"))

        try mirror.push(fix, to: url, branch: "refs/heads/main", expecting: base)
        #expect(try fixture.git("rev-parse", "main", in: upstream.bare) == fix.hex)

        let stale = try mirror.commit(
            onTopOf: base, changes: ["a.yaml": Array("a: 3\n".utf8)], message: "stale",
            author: Signature(name: "Shipshape", email: "bot@shipshape.dev"))
        #expect {
            try mirror.push(stale, to: url, branch: "refs/heads/main", expecting: base)
        } throws: { error in
            guard let error = error as? GitError, case .leaseConflict(let expected, let actual) = error.kind else {
                return false
            }
            return expected == base && actual == fix
        }
        #expect(try fixture.git("rev-parse", "main", in: upstream.bare) == fix.hex, "the lost lease changed nothing")

        try mirror.push(fix, to: url, branch: "refs/heads/shipshape/new", expecting: nil)
        #expect(
            try fixture.git("rev-parse", "shipshape/new", in: upstream.bare) == fix.hex,
            "a new branch is created when none was expected")
    }

    /// The policy engine reads a review's blobs from its parallel workers: one shared
    /// `Repository`, every read whole and right (each call holds the repository alone).
    @Test func blobsReadFromManyThreadsAtOnceComeBackWhole() throws {
        let (fixture, work, baseHex) = try makeRepository()
        defer { fixture.shutdown() }
        let repository = try Repository.open(at: work)
        let files = try repository.files(at: ObjectID(hex: baseHex)!)
        var contents: [ObjectID: [UInt8]] = [:]
        for file in files { contents[file.blob] = try repository.contents(ofBlob: file.blob) }
        let expected = contents
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            for file in files {
                let bytes = try? repository.contents(ofBlob: file.blob)
                if bytes != expected[file.blob] { wrong.withLock { $0 += 1 } }
                _ = try? repository.file(file.path, at: ObjectID(hex: baseHex)!)
            }
        }
        #expect(wrong.withLock { $0 } == 0)
    }
}
