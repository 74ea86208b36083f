import Diffs
import GitKit

/// What a review reads from a repository: commits, the change between two of them, the files
/// of a commit, and blobs. `Repository` is the real one; tests may use any other.
package protocol RevisionReader: Sendable {
    func commit(_ revision: String) throws -> ObjectID
    func mergeBase(_ one: ObjectID, _ two: ObjectID) throws -> ObjectID
    func diff(from base: ObjectID, to head: ObjectID) throws -> [FileChange]
    func files(at commit: ObjectID) throws -> [TreeFile]
    func contents(ofBlob id: ObjectID) throws -> [UInt8]
    func contents(of path: String, at commit: ObjectID) throws -> [UInt8]?
    func file(_ path: String, at commit: ObjectID) throws -> TreeFile?
}

extension Repository: RevisionReader {
    package func diff(from base: ObjectID, to head: ObjectID) throws -> [FileChange] {
        try diff(from: base, to: head, contextLines: 3)
    }
}
