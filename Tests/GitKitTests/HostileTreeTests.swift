import Foundation
import ShipshapeTesting
import Testing

@testable import GitKit

/// Trees and blobs as a pull request may push them to make the bot read far more than was pushed:
/// a tree that names one folder from many places, folders nested past Git's own limit, a blob of
/// gigabytes that compresses to kilobytes. Each is refused with an error, before it is read whole.
@Suite struct HostileTreeTests {
    /// A commit in a fresh work repository whose tree `script` (sh, in the work folder) prints.
    func commit(treeScript script: String) throws -> (GitFixture, Repository, ObjectID) {
        let fixture = try GitFixture()
        let upstream = try fixture.makeUpstream("hostile")
        let tree = try fixture.run("sh", ["-c", script], in: upstream.work)
        let commit = try fixture.git("commit-tree", tree, "-m", "hostile", in: upstream.work)
        return (fixture, try Repository.open(at: upstream.work), try #require(ObjectID(hex: commit)))
    }

    /// One file, then `levels` times a folder naming the previous one ten times (`d0` to `d9`):
    /// 10^levels paths from `levels + 2` objects.
    static func bomb(levels: Int) -> String {
        """
        tree=$(printf '100644 blob %s\\tf\\n' "$(printf 'x: 1\\n' | git hash-object -w --stdin)" | git mktree)
        for level in $(seq \(levels)); do
            tree=$(for i in 0 1 2 3 4 5 6 7 8 9; do printf '040000 tree %s\\td%s\\n' "$tree" "$i"; done | git mktree)
        done
        echo "$tree"
        """
    }

    @Test func aTreeNamingOneFolderFromManyPlacesIsRefused() throws {
        // 10^5 paths from 7 objects; the walk stops at the limit (the standard one is a million:
        // a test of it would list a million paths first).
        let (fixture, repository, commit) = try commit(treeScript: Self.bomb(levels: 5))
        defer { fixture.shutdown() }
        let error = #expect(throws: GitError.self) {
            _ = try repository.files(at: commit, limits: TreeLimits(entries: 10_000, depth: TreeLimits.standard.depth))
        }
        #expect(error?.kind == .tooLarge)
        #expect(error?.operation == "list the files of \(commit.short)")
        #expect(error?.message.contains("more than 10000 files and folders") == true)
    }

    @Test func aTreeWithinTheLimitsIsListedWhole() throws {
        let (fixture, repository, commit) = try commit(treeScript: Self.bomb(levels: 2))
        defer { fixture.shutdown() }
        // 100 files and 110 folders.
        #expect(try repository.files(at: commit, limits: TreeLimits(entries: 210, depth: 2)).count == 100)
        #expect(throws: GitError.self) {
            _ = try repository.files(at: commit, limits: TreeLimits(entries: 209, depth: 2))
        }
        #expect(throws: GitError.self) {
            _ = try repository.files(at: commit, limits: TreeLimits(entries: 210, depth: 1))
        }
    }

    @Test func foldersNestedPastTheLimitAreRefusedAndTheOrderIsGits() throws {
        // a/b/c/d/f beside a top-level file and a second folder: the listing is `git ls-tree -r`'s.
        let script = """
            blob=$(printf 'x: 1\\n' | git hash-object -w --stdin)
            tree=$(printf '100644 blob %s\\tf\\n' "$blob" | git mktree)
            for name in d c b a; do
                tree=$(printf '040000 tree %s\\t%s\\n100644 blob %s\\tz.yaml\\n' "$tree" "$name" "$blob" | git mktree)
            done
            printf '040000 tree %s\\ttop\\n100644 blob %s\\tfirst.yaml\\n040000 tree %s\\tzz\\n' "$tree" "$blob" "$tree" \\
                | git mktree
            """
        let (fixture, repository, commit) = try commit(treeScript: script)
        defer { fixture.shutdown() }
        let listed = try repository.files(at: commit, limits: TreeLimits(entries: 100, depth: 5)).map(\.path)
        let git = try fixture.git("ls-tree", "-r", "--name-only", commit.hex, in: repository.path)
        #expect(listed == git.split(separator: "\n").map(String.init))
        #expect(listed.contains("top/a/b/c/d/f"))

        let error = #expect(throws: GitError.self) {
            _ = try repository.files(at: commit, limits: TreeLimits(entries: 100, depth: 4))
        }
        #expect(error?.kind == .tooLarge)
        #expect(error?.message == "the folder top/a/b/c/d is nested more than 4 folders deep: not read")
    }

    @Test func aBlobPastTheLimitIsRefusedBeforeItIsInflated() throws {
        // 64 MiB and one byte of zeros: about 64 KiB in the object database.
        let size = Repository.maximumBlobBytes + 1
        let script = """
            blob=$(head -c \(size) /dev/zero | git hash-object -w --stdin)
            printf '100644 blob %s\\tlarge.yaml\\n' "$blob" | git mktree
            """
        let (fixture, repository, commit) = try commit(treeScript: script)
        defer { fixture.shutdown() }
        let file = try #require(try repository.file("large.yaml", at: commit))
        let error = #expect(throws: GitError.self) { _ = try repository.contents(ofBlob: file.blob) }
        #expect(error?.kind == .tooLarge)
        #expect(error?.message == "it is \(size) bytes, over the limit of \(size - 1) bytes: not read")
        #expect(throws: GitError.self) { _ = try repository.contents(of: "large.yaml", at: commit) }
        #expect(try repository.contents(ofBlob: file.blob, maximumBytes: size).count == size)
    }
}
