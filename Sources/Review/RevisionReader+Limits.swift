import GitKit

extension RevisionReader {
    /// A blob's bytes, or nil when GitKit refuses it as too large (`Repository.maximumBlobBytes`).
    /// A review goes on without such a file: the engine reads it again through its source,
    /// gets the same refusal, and reports the file as unreadable with the reason, as it does
    /// for a file it cannot parse. Any other failure is thrown.
    func contentsUnlessTooLarge(ofBlob id: ObjectID) throws -> [UInt8]? {
        do {
            return try contents(ofBlob: id)
        } catch let error as GitError where error.kind == .tooLarge {
            return nil
        }
    }
}
